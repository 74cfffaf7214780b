// The hall file's [booking] and [[booking.session]] (预约): defaults, every setting read, and
// each mistake reported where it is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hall_fixture.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

LoadResult loadWith(const std::string& extra) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  return loadHallConfig(dir.write("hall.toml", validHall() + extra));
}

std::vector<std::string> messagesOf(const LoadResult& result) {
  std::vector<std::string> messages;
  for (const auto& e : result.errors) messages.push_back(toString(e));
  return messages;
}

TEST(BookingRules, WithoutABookingTableTheHallTakesNoBookings) {
  const auto result = loadWith("");
  ASSERT_TRUE(result.ok()) << toString(result.errors.front());
  EXPECT_TRUE(result.config->booking.sessions.empty());
  EXPECT_EQ(result.config->booking.advanceDays, 7);
  EXPECT_EQ(result.config->booking.late, core::LateCheckIn::WalkIn);
}

TEST(BookingRules, EverySettingAndSessionIsRead) {
  const auto result = loadWith(R"(
[booking]
advance_days = 14
same_day = false
per_phone_per_day = 1
early_minutes = 20
late_minutes = 10
late = "refuse"
no_show_limit = 2
no_show_days = 60

[[booking.session]]
queue = "general"
days = ["working"]
time = "09:00-11:30"
slot_minutes = 30
capacity = 4

[[booking.session]]
items = ["T-002"]
days = ["sat", "周日"]
time = "09:00-10:00"
slot_minutes = 20
capacity = 2
name = "周末预约服务"
)");
  ASSERT_TRUE(result.ok()) << toString(result.errors.front());
  const auto& b = result.config->booking;
  EXPECT_EQ(b.advanceDays, 14);
  EXPECT_FALSE(b.sameDay);
  EXPECT_EQ(b.perPhonePerDay, 1);
  EXPECT_EQ(b.earlyCheckIn, core::Minutes{20});
  EXPECT_EQ(b.lateCheckIn, core::Minutes{10});
  EXPECT_EQ(b.late, core::LateCheckIn::Refuse);
  EXPECT_EQ(b.noShowLimit, 2);
  EXPECT_EQ(b.noShowDays, 60);
  ASSERT_EQ(b.sessions.size(), 2u);
  EXPECT_EQ(b.sessions[0].queue, "general");
  EXPECT_TRUE(b.sessions[0].workingDays);
  EXPECT_EQ(b.sessions[0].from, core::Minutes{540});
  EXPECT_EQ(b.sessions[0].to, core::Minutes{690});
  EXPECT_EQ(b.sessions[1].items, std::vector<std::string>{"T-002"});
  EXPECT_EQ(b.sessions[1].weekdays, (std::vector<unsigned>{6, 7}));
  EXPECT_EQ(b.sessions[1].slotLength, core::Minutes{20});
  EXPECT_EQ(b.sessions[1].capacity, 2);
  EXPECT_EQ(b.sessions[1].name, "周末预约服务");
}

TEST(BookingRules, MistakesAreReportedWhereTheyAre) {
  const auto result = loadWith(R"(
[booking]
advance_days = 90
late = "later"

[[booking.session]]
queue = "nowhere"
days = ["someday"]
time = "09:00-09:10"
slot_minutes = 30
capacity = 0

[[booking.session]]
queue = "general"
items = ["T-001"]
days = ["mon"]
time = "09:00-10:00"
capacity = 1

[[booking.session]]
items = ["NOPE-1"]
days = ["mon"]
time = "09:00-10:00"
capacity = 1
colour = "red"
)");
  ASSERT_FALSE(result.ok());
  const auto messages = messagesOf(result);
  EXPECT_THAT(messages, Contains(HasSubstr("advance_days")));
  EXPECT_THAT(messages, Contains(HasSubstr("booking.late \"later\"")));
  EXPECT_THAT(messages, Contains(HasSubstr("queue \"nowhere\", which is not defined")));
  EXPECT_THAT(messages, Contains(HasSubstr("day \"someday\"")));
  EXPECT_THAT(messages, Contains(HasSubstr("shorter than one slot of 30 minutes")));
  EXPECT_THAT(messages, Contains(HasSubstr("capacity")));
  EXPECT_THAT(messages, Contains(HasSubstr("not both and not neither")));
  EXPECT_THAT(messages, Contains(HasSubstr("item \"NOPE-1\", which is not in the catalog")));
  EXPECT_THAT(messages, Contains(HasSubstr("colour")));
}

}  // namespace
}  // namespace jiujin::config::testing
