// When the dispatcher raises alarms: once per condition, again only after it cleared.
#include <gtest/gtest.h>

#include "jiujin/service/alarms.hpp"
#include "support/one_window_hall.hpp"

namespace jiujin::service {
namespace {

using namespace std::chrono_literals;

const core::TimePoint kOpening =
    core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 8h + 30min;

core::HallDefinition oneWindowHall() {
  core::HallDefinition d = jiujin::testing::oneWindowHall();
  d.rules.idleWindowLimit = 5min;
  d.rules.overflowThreshold = 2;
  return d;
}

class AlarmDeskTest : public ::testing::Test {
 protected:
  AlarmDeskTest() : hall(oneWindowHall()) {
    run(core::cmd::OpenDay{core::dateOf(kOpening)}, kOpening);
    run(core::cmd::ClerkLogin{1, "c01"}, kOpening);
    run(core::cmd::OpenWindow{1}, kOpening);
  }
  void run(const core::Command& command, core::TimePoint now) {
    auto result = hall.execute(command, now);
    ASSERT_TRUE(result.ok()) << result.error().en;
  }
  core::Hall hall;
  AlarmDesk desk;
};

TEST_F(AlarmDeskTest, IdleWindowIsNotAlarmedWhileNobodyWaits) {
  EXPECT_TRUE(desk.checkIdleWindows(hall, kOpening + 60min).empty());
}

TEST_F(AlarmDeskTest, IdleWindowWithAResidentWaitingIsAlarmedOncePastTheLimit) {
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 1min);
  EXPECT_TRUE(desk.checkIdleWindows(hall, kOpening + 5min).empty());  // idle since opening: exactly the limit
  const auto raised = desk.checkIdleWindows(hall, kOpening + 5min + 1s);
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].kind, "window_idle");
  EXPECT_EQ(raised[0].window, 1);
  EXPECT_EQ(raised[0].zh, "1 号窗口已空闲 5 分钟，而 A001 号等候中");
  EXPECT_TRUE(desk.checkIdleWindows(hall, kOpening + 9min).empty());  // the same idle spell
}

TEST_F(AlarmDeskTest, ANewIdleSpellAfterServingIsAlarmedAgain) {
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 1min);
  ASSERT_EQ(desk.checkIdleWindows(hall, kOpening + 6min).size(), 1u);
  run(core::cmd::CallNext{1}, kOpening + 7min);
  EXPECT_TRUE(desk.checkIdleWindows(hall, kOpening + 8min).empty());
  run(core::cmd::StartService{1}, kOpening + 8min);
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 9min);
  run(core::cmd::Complete{1}, kOpening + 10min);
  EXPECT_TRUE(desk.checkIdleWindows(hall, kOpening + 14min).empty());
  EXPECT_EQ(desk.checkIdleWindows(hall, kOpening + 16min).size(), 1u);
}

TEST_F(AlarmDeskTest, APausedWindowIsNotIdle) {
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 1min);
  run(core::cmd::PauseWindow{1, "午餐"}, kOpening + 1min);
  EXPECT_TRUE(desk.checkIdleWindows(hall, kOpening + 30min).empty());
}

TEST_F(AlarmDeskTest, QueueOverflowIsRaisedAtTheThresholdAndReArmedBelowIt) {
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 1min);
  EXPECT_TRUE(desk.checkQueues(hall, kOpening + 1min).empty());
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 2min);
  const auto raised = desk.checkQueues(hall, kOpening + 2min);
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].kind, "queue_overflow");
  EXPECT_EQ(raised[0].queue, "general");
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 3min);
  EXPECT_TRUE(desk.checkQueues(hall, kOpening + 3min).empty());  // still over: no repeat
  run(core::cmd::CallNext{1}, kOpening + 4min);
  run(core::cmd::MarkNoShow{1}, kOpening + 10min);
  run(core::cmd::CallNext{1}, kOpening + 11min);
  EXPECT_TRUE(desk.checkQueues(hall, kOpening + 11min).empty());  // one left: re-armed
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 12min);
  EXPECT_EQ(desk.checkQueues(hall, kOpening + 12min).size(), 1u);
}

TEST_F(AlarmDeskTest, BadRatingOpensAFollowUp) {
  run(core::cmd::IssueTicket{"T-1"}, kOpening + 1min);
  run(core::cmd::CallNext{1}, kOpening + 2min);
  run(core::cmd::StartService{1}, kOpening + 2min);
  run(core::cmd::Complete{1}, kOpening + 5min);
  auto rated = hall.execute(core::cmd::Evaluate{1, core::Rating::Dissatisfied}, kOpening + 5min);
  ASSERT_TRUE(rated.ok()) << rated.error().en;
  std::optional<Alarm> alarm;
  for (const auto& e : rated.value())
    if (!alarm) alarm = desk.checkEvent(hall, e);
  ASSERT_TRUE(alarm.has_value());
  EXPECT_EQ(alarm->kind, "bad_rating");
  ASSERT_TRUE(alarm->followUp.has_value());
  EXPECT_FALSE(alarm->followUp->closed);
}

TEST_F(AlarmDeskTest, ACaseDueSoonAndThenOverdueRaisesOneAlarmEachNamingTheCase) {
  // given a 承诺件 of 2 working days accepted on Monday 23 November 2026 (due Wednesday 25)
  core::HallDefinition d = hall.definition();
  d.items[0].kind = core::ItemKind::Promised;
  d.items[0].promisedWorkingDays = 2;
  run(core::cmd::UpdateDefinition{d}, kOpening);
  run(core::cmd::AcceptCase{1, "T-1", {"张三", "", ""}, core::CaseChannel::Window, {}, "", {}}, kOpening + 1h);
  const std::string number = hall.state().cases.begin()->second.number;
  auto alarmsAt = [&](core::TimePoint t) {
    std::vector<Alarm> raised;
    for (const auto& e : hall.tick(t))
      if (auto a = desk.checkEvent(hall, e)) raised.push_back(*a);
    return raised;
  };
  EXPECT_TRUE(alarmsAt(kOpening + 2h).empty()) << "two working days left";
  auto soon = alarmsAt(kOpening + 24h);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].kind, "case_due_soon");
  EXPECT_EQ(soon[0].caseNumber, number);
  EXPECT_NE(soon[0].zh.find("2026-11-25"), std::string::npos) << soon[0].zh;
  EXPECT_TRUE(alarmsAt(kOpening + 25h).empty()) << "once";
  auto overdue = alarmsAt(kOpening + 72h);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].kind, "case_overdue");
  EXPECT_EQ(toJson(overdue[0])["case"], number);
  EXPECT_TRUE(alarmsAt(kOpening + 96h).empty()) << "once";
}

}  // namespace
}  // namespace jiujin::service
