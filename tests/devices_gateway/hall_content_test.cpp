// Every device's content comes from the hall's state alone.
#include <gtest/gtest.h>

#include "jiujin/devices/gateway/hall_content.hpp"
#include "support/sample_hall.hpp"

namespace jiujin::devices::gateway {
namespace {

using testing::SampleHall;
using namespace std::chrono_literals;

TEST(WindowDisplayContent, ClosedWindowShowsNotOpen) {
  SampleHall s;
  const auto content = windowDisplayContent(s.hall(), 3);
  EXPECT_EQ(content.text, "未开放");
  EXPECT_FALSE(content.blink);
}

TEST(WindowDisplayContent, OpenIdleWindowShowsItsName) {
  SampleHall s;
  s.staff(3, "c01");
  EXPECT_EQ(windowDisplayContent(s.hall(), 3).text, "综合受理三");
}

TEST(WindowDisplayContent, CalledTicketBlinksUntilServiceStarts) {
  SampleHall s;
  s.staff(3, "c01");
  const auto number = s.issueGeneral();
  s.run(core::cmd::CallNext{3});
  auto content = windowDisplayContent(s.hall(), 3);
  EXPECT_EQ(content.text, number + " 请到3号窗口");
  EXPECT_TRUE(content.blink);
  s.run(core::cmd::StartService{3});
  content = windowDisplayContent(s.hall(), 3);
  EXPECT_EQ(content.text, number + " 请到3号窗口");
  EXPECT_FALSE(content.blink);
}

TEST(WindowDisplayContent, PausedWindowShowsPausedService) {
  SampleHall s;
  s.staff(3, "c01");
  s.run(core::cmd::PauseWindow{3, "午休"});
  EXPECT_EQ(windowDisplayContent(s.hall(), 3).text, "暂停服务");
}

TEST(StripContent, ShowsActiveCallsMostRecentFirstAndTheNotice) {
  SampleHall s;
  s.staff(1, "c01");
  s.staff(3, "c02");
  const auto first = s.issueGeneral();
  const auto second = s.issueGeneral();
  s.run(core::cmd::CallNext{1});
  s.advance(1s);
  s.run(core::cmd::CallNext{3});
  s.run(core::cmd::BroadcastNotice{"午间不间断服务"});
  const auto strip = stripContent(s.hall(), 4);
  ASSERT_EQ(strip.lines.size(), 2u);
  EXPECT_EQ(strip.lines[0], second + " 请到3号窗口");
  EXPECT_EQ(strip.lines[1], first + " 请到1号窗口");
  EXPECT_EQ(strip.notice, "午间不间断服务");
}

TEST(StripContent, RecallMovesTheTicketBackToTheTop) {
  SampleHall s;
  s.staff(1, "c01");
  s.staff(3, "c02");
  const auto first = s.issueGeneral();
  s.issueGeneral();
  s.run(core::cmd::CallNext{1});
  s.advance(1s);
  s.run(core::cmd::CallNext{3});
  s.advance(1s);
  s.run(core::cmd::Recall{1});
  EXPECT_EQ(stripContent(s.hall(), 4).lines.front(), first + " 请到1号窗口");
}

TEST(StripContent, CompletedTicketsLeaveTheStrip) {
  SampleHall s;
  s.staff(1, "c01");
  s.issueGeneral();
  s.run(core::cmd::CallNext{1});
  s.run(core::cmd::StartService{1});
  s.run(core::cmd::Complete{1});
  EXPECT_TRUE(stripContent(s.hall(), 4).lines.empty());
}

TEST(KeypadDisplayContent, ShowsCurrentNumberAndTicketsWaitingForItsQueues) {
  SampleHall s;
  s.staff(3, "c01");
  const auto first = s.issueGeneral();
  s.issueGeneral();
  s.issueGeneral();
  core::cmd::IssueTicket social;  // 社保医保: not in window 3's work profile
  social.item = "370199-GG-0004";
  s.run(social);
  s.run(core::cmd::CallNext{3});
  const auto display = keypadDisplayContent(s.hall(), 3);
  EXPECT_EQ(display.currentNumber, first);
  EXPECT_EQ(display.waitingCount, 2);
}

TEST(PadPromptContent, PromptsForTheCompletedTicketWithItsClerk) {
  SampleHall s;
  s.staff(3, "c01");
  const auto number = s.issueGeneral();
  s.run(core::cmd::CallNext{3});
  s.run(core::cmd::StartService{3});
  EXPECT_FALSE(padPromptContent(s.hall(), 3, {{"c01", "王芳"}}));
  s.run(core::cmd::Complete{3});
  const auto prompt = padPromptContent(s.hall(), 3, {{"c01", "王芳"}});
  ASSERT_TRUE(prompt);
  EXPECT_EQ(prompt->ticket, number);
  EXPECT_EQ(prompt->clerkNumber, "c01");
  EXPECT_EQ(prompt->clerkName, "王芳");
  EXPECT_EQ(prompt->timeoutSeconds, 60);  // evaluation_timeout_minutes = 1
}

TEST(PadPromptContent, GoesIdleOnceRatedOrTimedOut) {
  SampleHall s;
  s.staff(3, "c01");
  s.issueGeneral();
  s.run(core::cmd::CallNext{3});
  s.run(core::cmd::StartService{3});
  s.run(core::cmd::Complete{3});
  s.run(core::cmd::Evaluate{3, core::Rating::Satisfied});
  EXPECT_FALSE(padPromptContent(s.hall(), 3, {}));

  s.issueGeneral();
  s.run(core::cmd::CallNext{3});
  s.run(core::cmd::StartService{3});
  s.run(core::cmd::Complete{3});
  ASSERT_TRUE(padPromptContent(s.hall(), 3, {}));
  s.advance(2min);
  for (const auto& e : s.hall().tick(s.now())) (void)e;
  EXPECT_FALSE(padPromptContent(s.hall(), 3, {}));
}

}  // namespace
}  // namespace jiujin::devices::gateway
