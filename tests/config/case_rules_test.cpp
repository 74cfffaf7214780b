// The hall file's [cases] table, and promised dates counted by the core on the shipped 2026
// calendar: across a weekend, a public holiday and a 调休 make-up Saturday.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hall_fixture.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::config::testing {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

LoadResult loadWith(const std::string& extra) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  return loadHallConfig(dir.write("hall.toml", validHall() + extra));
}

TEST(CaseRules, WithoutACasesTableNumbersStartWithTheRegionCodeAnd补正DoesNotCount) {
  const auto result = loadWith("");
  ASSERT_TRUE(result.ok()) << toString(result.errors.front());
  EXPECT_EQ(result.config->definition.cases.numberPrefix, "370199101");
  EXPECT_FALSE(result.config->definition.cases.correctionTimeCounts);
  EXPECT_EQ(result.config->definition.cases.dueSoonWorkingDays, 1);
}

TEST(CaseRules, TheCasesTableSetsPrefixCorrectionAndDueSoon) {
  const auto result = loadWith("\n[cases]\nnumber_prefix = \"JN01\"\ncorrection_time_counts = true\n"
                               "due_soon_working_days = 3\narchive_days = 1096\n");
  ASSERT_TRUE(result.ok()) << toString(result.errors.front());
  EXPECT_EQ(result.config->definition.cases.numberPrefix, "JN01");
  EXPECT_TRUE(result.config->definition.cases.correctionTimeCounts);
  EXPECT_EQ(result.config->definition.cases.dueSoonWorkingDays, 3);
  EXPECT_EQ(result.config->store.caseArchiveDays, 1096);
}

TEST(CaseRules, ABadPrefixOrPeriodIsAnErrorWhereItIs) {
  const auto result = loadWith("\n[cases]\nnumber_prefix = \"jn-01\"\ndue_soon_working_days = 31\n");
  ASSERT_FALSE(result.ok());
  std::vector<std::string> messages;
  for (const auto& e : result.errors) messages.push_back(toString(e));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("cases.number_prefix \"jn-01\"")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("due_soon_working_days")));
}

/// The shipped township hall, whose hall file names calendar-2026.toml, with one 承诺件.
class SampleCalendarDueDates : public ::testing::Test {
 protected:
  SampleCalendarDueDates() {
    const auto loaded = loadHallConfig(std::filesystem::path(JIUJIN_TEST_SOURCE_DIR) / "config/samples/township.toml");
    EXPECT_TRUE(loaded.ok());
    definition = loaded.config->definition;
    core::ServiceItem& item = definition.items.front();
    item.kind = core::ItemKind::Promised;
    item.materials.clear();
  }

  /// The promised date of a case of `days` working days accepted on `day`.
  core::Date dueOf(core::Date day, int days) {
    definition.items.front().promisedWorkingDays = days;
    core::Hall hall(definition);
    const auto at = sys_days{day} + hours{9};
    EXPECT_TRUE(hall.execute(core::cmd::OpenDay{day}, at).ok());
    const core::WindowNumber window = definition.windows.front().number;
    EXPECT_TRUE(hall.execute(core::cmd::ClerkLogin{window, "c01"}, at).ok());
    auto accepted = hall.execute(core::cmd::AcceptCase{window, definition.items.front().code, {"张三", "", ""},
                                                       core::CaseChannel::Window, {}, "", {}},
                                 at);
    EXPECT_TRUE(accepted.ok()) << (accepted.ok() ? "" : accepted.error().en);
    if (!accepted.ok()) return {};
    const auto& c = std::get<core::ev::CaseRegistered>(accepted.value().front()).registered;
    EXPECT_EQ(c.number.substr(0, 18), fmt::format("370199101-{:04}{:02}{:02}", static_cast<int>(day.year()),
                                                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day())));
    return c.dueDate.value_or(core::Date{});
  }

  core::HallDefinition definition;
};

TEST_F(SampleCalendarDueDates, AWeekendIsNotCounted) {
  // Friday 6 March + 2 working days: Monday 9, Tuesday 10
  EXPECT_EQ(dueOf(2026y / March / 6d, 2), core::Date{2026y / March / 10d});
}

TEST_F(SampleCalendarDueDates, APublicHolidayIsNotCounted) {
  // Thursday 30 April + 3: 劳动节 1–5 May off, then Wednesday 6, Thursday 7, Friday 8
  EXPECT_EQ(dueOf(2026y / April / 30d, 3), core::Date{2026y / May / 8d});
}

TEST_F(SampleCalendarDueDates, AMakeUpSaturdayCounts) {
  // Friday 8 May + 1: Saturday 9 May is a 调休 working day
  EXPECT_EQ(dueOf(2026y / May / 8d, 1), core::Date{2026y / May / 9d});
  // + 2: Sunday 10 is not, Monday 11 is
  EXPECT_EQ(dueOf(2026y / May / 8d, 2), core::Date{2026y / May / 11d});
}

}  // namespace
}  // namespace jiujin::config::testing
