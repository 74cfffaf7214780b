// The hall's working-day calendar file: the shipped sample loads and gives the promised dates
// a hall expects around its holidays; every mistake is reported with file:line.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "jiujin/config/calendar_file.hpp"
#include "jiujin/config/loader.hpp"
#include "hall_fixture.hpp"

namespace jiujin::config {
namespace {

using namespace std::chrono;

const std::filesystem::path kSample = std::filesystem::path(JIUJIN_TEST_SOURCE_DIR) / "config/samples/calendar-2026.toml";

std::filesystem::path writeCalendar(const std::filesystem::path& dir, const std::string& body) {
  const auto file = dir / "calendar.toml";
  std::ofstream(file) << body;
  return file;
}

/// "LINE: message" of each error, for compact expectations.
std::vector<std::string> errorsOf(const CalendarLoad& load) {
  std::vector<std::string> out;
  for (const auto& d : load.errors) out.push_back(std::to_string(d.line) + ": " + d.message);
  return out;
}

TEST(CalendarFile, TheSampleLoadsAsASampleAndCountsAroundNationalDay) {
  const auto load = loadCalendarFile(kSample);
  ASSERT_TRUE(load.ok()) << ::testing::PrintToString(errorsOf(load));
  EXPECT_TRUE(load.calendar->sample) << "the shipped file must say it is to be checked";
  EXPECT_EQ(load.calendar->year, 2026);
  const core::WorkingCalendar calendar = workingCalendarOf({*load.calendar});
  EXPECT_TRUE(calendar.covers(2026y / June / 1d));
  // Accepted on Wednesday 30 September with 3 working days: 8, 9 and the make-up Saturday 10 October.
  EXPECT_EQ(calendar.addWorkingDays(2026y / September / 30d, 3), 2026y / October / 10d);
  // Accepted the Friday before the Spring Festival with 1 working day: the make-up Saturday.
  EXPECT_EQ(calendar.addWorkingDays(2026y / February / 13d, 1), 2026y / February / 14d);
  EXPECT_EQ(calendar.addWorkingDays(2026y / February / 14d, 1), 2026y / February / 24d);
}

TEST(CalendarFile, EachMistakeIsReportedWhereItIs) {
  testing::TempDir dir;
  const auto load = loadCalendarFile(writeCalendar(dir.path(), R"toml([calendar]
year = 2026
weekend = ["sat", "sunday"]
colour = "red"

[[holiday]]
name = "国庆节"
from = "2026-10-01"
to = "2026-10-07"

[[holiday]]
name = "重复"
from = "2026-10-07"

[[holiday]]
name = "明年"
from = "2027-01-01"

[[holiday]]
name = "太长"
from = "2026-07-01"
to = "2026-09-01"

[[workday]]
date = "2026-10-09"

[[workday]]
date = "2026-10-03"

[[workday]]
date = "2026-02-30"
)toml"));
  EXPECT_FALSE(load.ok());
  const auto errors = errorsOf(load);
  const auto has = [&](int line, const std::string& words) {
    for (const auto& e : errors)
      if (e.rfind(std::to_string(line) + ":", 0) == 0 && e.find(words) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has(3, "\"sunday\" is not one of")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(4, "colour")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(13, "2026-10-07 is listed as a holiday twice")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(17, "not in the calendar's year 2026")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(22, "at most 31 days")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(25, "a working day already")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(28, "both a holiday and a make-up working day")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(has(31, "\"2026-02-30\" is not a date")) << ::testing::PrintToString(errors);
  EXPECT_EQ(errors.size(), 8u) << ::testing::PrintToString(errors);
}

TEST(CalendarFile, AMissingYearOrFileOrBrokenTomlIsAnError) {
  testing::TempDir dir;
  EXPECT_FALSE(loadCalendarFile(dir.path() / "nothing.toml").ok());
  EXPECT_FALSE(loadCalendarFile(writeCalendar(dir.path(), "[calendar]\nsample = true\n")).ok());
  EXPECT_FALSE(loadCalendarFile(writeCalendar(dir.path(), "[calendar\nyear = 2026\n")).ok());
  EXPECT_FALSE(loadCalendarFile(writeCalendar(dir.path(), "[calendar]\nyear = 2026\nweekend = "
                                                          "[\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\",\"sun\"]\n"))
                   .ok());
  EXPECT_TRUE(loadCalendarFile(writeCalendar(dir.path(), "[calendar]\nyear = 2026\n")).ok())
      << "a year with weekends only is a valid calendar";
}

}  // namespace
}  // namespace jiujin::config

namespace jiujin::config::testing {
namespace {

TEST(HallCalendars, TheSamplesNameTheirCalendarAndCheckSaysItIsASample) {
  for (const char* sample : {"township.toml", "district.toml", "village.toml"}) {
    const auto load = loadHallConfig(samplePath(sample));
    ASSERT_TRUE(load.ok()) << sample;
    ASSERT_EQ(load.config->calendars.size(), 1u) << sample;
    EXPECT_EQ(load.config->calendars[0].year, 2026);
  }
  std::ostringstream out;
  EXPECT_EQ(checkConfigFile(samplePath("village.toml"), out), 0);
  EXPECT_NE(out.str().find("calendar-2026.toml: note: the 2026 calendar is a sample"), std::string::npos) << out.str();
}

TEST(HallCalendars, AMissingCalendarOrTwoForOneYearAreErrorsInTheHallFile) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  dir.write("a.toml", "[calendar]\nyear = 2026\n");
  dir.write("b.toml", "[calendar]\nyear = 2026\n");
  dir.write("c.toml", "[calendar]\nyear = 2027\nweekend = [\"sun\"]\n");
  dir.write("broken.toml", "[calendar]\nyear = 1999\n");
  const std::string hall = validHall();
  const auto catalogLine = hall.find("catalog = ");
  ASSERT_NE(catalogLine, std::string::npos);
  const auto withCalendars = [&](const std::string& list) {
    std::string h = hall;
    h.insert(catalogLine, "calendars = [" + list + "]\n");
    return dir.write("hall.toml", h);
  };
  const auto errorsFor = [&](const std::string& list) {
    std::vector<std::string> out;
    for (const auto& e : loadHallConfig(withCalendars(list)).errors) out.push_back(toString(e));
    return out;
  };
  EXPECT_TRUE(errorsFor("\"a.toml\"").empty());
  const auto missing = errorsFor("\"none.toml\"");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("calendar file \"none.toml\" does not exist"), std::string::npos) << missing[0];
  const auto twice = errorsFor("\"a.toml\", \"b.toml\"");
  ASSERT_EQ(twice.size(), 1u);
  EXPECT_NE(twice[0].find("is for 2026, like a.toml; one file per year"), std::string::npos) << twice[0];
  const auto weekends = errorsFor("\"a.toml\", \"c.toml\"");
  ASSERT_EQ(weekends.size(), 1u);
  EXPECT_NE(weekends[0].find("another weekend"), std::string::npos) << weekends[0];
  const auto broken = errorsFor("\"broken.toml\"");
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_NE(broken[0].find("broken.toml:2:"), std::string::npos) << "the calendar's own place: " << broken[0];
}

}  // namespace
}  // namespace jiujin::config::testing
