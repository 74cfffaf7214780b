#include "jiujin/config/calendar_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "jiujin/config/clock_time.hpp"
#include "table_reader.hpp"

namespace jiujin::config {
namespace {

using std::chrono::sys_days;

/// The longest 法定节假日 run (春节 with its 调休) is nine days; a range past a month is a typo.
constexpr int kLongestHolidayDays = 31;

std::optional<sys_days> parseDate(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char dash1 = 0, dash2 = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d%c%2u%c%2u", &y, &dash1, &m, &dash2, &d) != 5 ||
      dash1 != '-' || dash2 != '-')
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

std::string text(sys_days day) {
  const std::chrono::year_month_day d{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

/// A date key of `t`, reported when it is not a real "YYYY-MM-DD" date.
std::optional<sys_days> readDate(TableReader& t, std::string_view key, Need need) {
  const auto value = t.string(key, need);
  if (!value) return std::nullopt;
  const auto date = parseDate(*value);
  if (!date) t.report().error(t.at(key), fmt::format("{} \"{}\" is not a date \"YYYY-MM-DD\"", key, *value));
  return date;
}

bool inYear(sys_days day, int year) { return static_cast<int>(std::chrono::year_month_day{day}.year()) == year; }

}  // namespace

CalendarLoad loadCalendarFile(const std::filesystem::path& file) {
  CalendarLoad result;
  Report report(file, result.errors);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    report.error({0, 0}, "cannot open the calendar file");
    return result;
  }
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  toml::table root;
  try {
    root = toml::parse(content, file.string());
  } catch (const toml::parse_error& e) {
    report.error(positionOf(e.source()), fmt::format("the file is not valid TOML: {}", e.description()));
    return result;
  }

  CalendarFile calendar;
  calendar.weekend = {6, 7};
  calendar.file = file;
  TableReader reader(root, "the calendar file", report);
  if (const auto* table = reader.table("calendar", Need::Required)) {
    TableReader t(*table, "[calendar]", report);
    if (auto year = t.integer("year", 2000, 2100, Need::Required)) calendar.year = static_cast<int>(*year);
    if (auto sample = t.boolean("sample")) calendar.sample = *sample;
    if (auto source = t.string("source")) calendar.source = *source;
    if (const auto* days = t.array("weekend")) {
      calendar.weekend.clear();
      for (const auto& [name, at] : stringsOf(*days, "weekend", report)) {
        const auto day = parseWeekday(name);
        if (!day) {
          report.error(at, fmt::format("weekend day \"{}\" is not one of mon tue wed thu fri sat sun", name));
          continue;
        }
        calendar.weekend.push_back(day->iso_encoding());
      }
      if (calendar.weekend.size() >= 7) report.error(t.at("weekend"), "a weekend of every day leaves no working day");
    }
    t.rejectUnknownKeys();
  }
  const auto weekendDay = [&](sys_days d) {
    return std::count(calendar.weekend.begin(), calendar.weekend.end(), std::chrono::weekday{d}.iso_encoding()) > 0;
  };

  std::map<sys_days, Position> holidayAt;
  forEachTable(reader, "holiday", [&](TableReader& t) {
    (void)t.string("name", Need::Required);
    const auto from = readDate(t, "from", Need::Required);
    const auto to = t.node("to") ? readDate(t, "to", Need::Optional) : from;
    if (!from || !to) return;
    if (calendar.year && !inYear(*from, calendar.year)) {
      report.error(t.at("from"), fmt::format("holiday from {} is not in the calendar's year {}", text(*from),
                                             calendar.year));
      return;
    }
    if (*to < *from || (*to - *from).count() >= kLongestHolidayDays) {
      report.error(t.at("to"), fmt::format("holiday {} to {} should end on or after its first day and last at "
                                           "most {} days",
                                           text(*from), text(*to), kLongestHolidayDays));
      return;
    }
    for (sys_days d = *from; d <= *to; d += std::chrono::days{1}) {
      if (!holidayAt.emplace(d, t.at("from")).second)
        report.error(t.at("from"), fmt::format("{} is listed as a holiday twice", text(d)));
      calendar.holidays.push_back(d);
    }
  });
  std::map<sys_days, Position> workdayAt;
  forEachTable(reader, "workday", [&](TableReader& t) {
    (void)t.string("name");
    const auto date = readDate(t, "date", Need::Required);
    if (!date) return;
    if (calendar.year && !inYear(*date, calendar.year)) {
      report.error(t.at("date"), fmt::format("make-up working day {} is not in the calendar's year {}",
                                             text(*date), calendar.year));
    } else if (!weekendDay(*date)) {
      report.error(t.at("date"), fmt::format("{} is a {} and a working day already; a make-up working day (调休上班) "
                                             "is a weekend day",
                                             text(*date), toString(std::chrono::weekday{*date})));
    } else if (holidayAt.count(*date)) {
      report.error(t.at("date"), fmt::format("{} is both a holiday and a make-up working day", text(*date)));
    } else if (!workdayAt.emplace(*date, t.at("date")).second) {
      report.error(t.at("date"), fmt::format("{} is listed as a make-up working day twice", text(*date)));
    } else {
      calendar.makeUpWorkdays.push_back(*date);
    }
  });
  reader.rejectUnknownKeys();
  sortByPlace(result.errors);
  if (result.errors.empty()) result.calendar = std::move(calendar);
  return result;
}

core::WorkingDays workingDaysOf(const std::vector<CalendarFile>& years) {
  core::WorkingDays days;
  if (!years.empty()) days.weekend = years.front().weekend;
  for (const CalendarFile& y : years) {
    days.coveredYears.push_back(y.year);
    for (sys_days d : y.holidays) days.holidays.emplace_back(d);
    for (sys_days d : y.makeUpWorkdays) days.makeUpWorkdays.emplace_back(d);
  }
  return days;
}

core::WorkingCalendar workingCalendarOf(const std::vector<CalendarFile>& years) {
  core::WorkingCalendar calendar;
  if (!years.empty()) calendar.setWeekend({years.front().weekend.begin(), years.front().weekend.end()});
  for (const CalendarFile& y : years) {
    calendar.cover(std::chrono::year{y.year});
    for (sys_days d : y.holidays) calendar.addHoliday(std::chrono::year_month_day{d});
    for (sys_days d : y.makeUpWorkdays) calendar.addMakeUpWorkday(std::chrono::year_month_day{d});
  }
  return calendar;
}

}  // namespace jiujin::config
