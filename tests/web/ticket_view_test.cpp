// What the phone shows of a ticket, read from a hall as the mirror holds it.
#include <gtest/gtest.h>

#include "core/hall_fixture.hpp"
#include "jiujin/web/pages.hpp"
#include "jiujin/web/ticket_view.hpp"

namespace jiujin::web {
namespace {

using namespace core::testing;
namespace cmd = core::cmd;

class TicketViewTest : public HallTest {};

TEST_F(TicketViewTest, AWaitingTicketShowsThePeopleAheadAndTheExpectedWait) {
  issue("birth", at(9, 0));
  const auto second = issue("birth", at(9, 1));
  openWindow(1, at(9, 2));
  const TicketView view = viewOf(hall, second, at(9, 3));
  EXPECT_EQ(view.phase, Phase::Waiting);
  EXPECT_EQ(view.number, "A002");
  EXPECT_EQ(view.item, "生育服务登记");
  EXPECT_EQ(view.peopleAhead, 1);
  EXPECT_GT(view.waitSeconds, 0);
  EXPECT_EQ(wordingOf(view, Lang::Zh).headline, "前面还有 1 人");
  EXPECT_EQ(wordingOf(view, Lang::En).headline, "1 person ahead of you");
}

TEST_F(TicketViewTest, ACalledTicketSaysWhichWindowAndARecallChangesTheView) {
  const auto ticket = issue("birth", at(9, 0));
  openWindow(1, at(9, 2));
  run(cmd::CallNext{1}, at(9, 3));
  const TicketView called = viewOf(hall, ticket, at(9, 3));
  EXPECT_EQ(called.phase, Phase::Called);
  EXPECT_EQ(called.window, 1);
  EXPECT_EQ(wordingOf(called, Lang::Zh).headline, "请到1号窗口");
  EXPECT_EQ(wordingOf(called, Lang::En).headline, "Please go to window 1");
  run(cmd::Recall{1}, at(9, 4));
  EXPECT_NE(viewOf(hall, ticket, at(9, 4)), called) << "a recall must reach the page again";
}

TEST_F(TicketViewTest, ServedCompletedAndMissedTicketsSayWhatHappened) {
  const auto served = issue("birth", at(9, 0));
  const auto missed = issue("birth", at(9, 1));
  openWindow(1, at(9, 2));
  run(cmd::CallNext{1}, at(9, 3));
  run(cmd::StartService{1}, at(9, 4));
  EXPECT_EQ(viewOf(hall, served, at(9, 4)).phase, Phase::Serving);
  run(cmd::Complete{1}, at(9, 10));
  EXPECT_EQ(viewOf(hall, served, at(9, 10)).phase, Phase::Done);
  run(cmd::CallNext{1}, at(9, 11));
  run(cmd::MarkNoShow{1}, at(9, 15));
  const TicketView view = viewOf(hall, missed, at(9, 15));
  EXPECT_EQ(view.phase, Phase::Missed);
  EXPECT_EQ(wordingOf(view, Lang::Zh).headline, "已过号");
}

TEST_F(TicketViewTest, ACompletedTicketOffersTheRatingWhileThePadWaitsAndShowsTheRatingAfter) {
  const auto ticket = issue("birth", at(9, 0));
  openWindow(1, at(9, 2));
  run(cmd::CallNext{1}, at(9, 3));
  EXPECT_FALSE(viewOf(hall, ticket, at(9, 3)).canRate);
  run(cmd::StartService{1}, at(9, 4));
  run(cmd::Complete{1}, at(9, 10));
  const TicketView offered = viewOf(hall, ticket, at(9, 10));
  EXPECT_TRUE(offered.canRate);
  EXPECT_EQ(toJson(offered)["can_rate"], true);
  run(cmd::RateTicket{ticket, core::Rating::Satisfied}, at(9, 10, 20));
  const TicketView rated = viewOf(hall, ticket, at(9, 10, 20));
  EXPECT_FALSE(rated.canRate);
  EXPECT_EQ(rated.rating, "satisfied");
  EXPECT_NE(rated, offered) << "the rating must reach the page";
}

TEST_F(TicketViewTest, TheOfferEndsWithThePadsRatingPeriod) {
  const auto ticket = issue("birth", at(9, 0));
  openWindow(1, at(9, 2));
  run(cmd::CallNext{1}, at(9, 3));
  run(cmd::StartService{1}, at(9, 4));
  run(cmd::Complete{1}, at(9, 10));
  ASSERT_FALSE(hall.tick(at(9, 11)).empty());  // 未评价
  const TicketView view = viewOf(hall, ticket, at(9, 11));
  EXPECT_FALSE(view.canRate);
  EXPECT_EQ(view.rating, "");
}

TEST_F(TicketViewTest, ATicketTheHallDoesNotHoldIsGone) {
  const TicketView view = viewOf(hall, 4242, at(9, 0));
  EXPECT_EQ(view.phase, Phase::Gone);
  EXPECT_EQ(wordingOf(view, Lang::Zh).headline, "号票已失效");
}

TEST_F(TicketViewTest, ATransferredTicketIsFollowedToTheTicketItBecame) {
  const auto ticket = issue("birth", at(9, 0));
  openWindow(1, at(9, 1));
  run(cmd::CallNext{1}, at(9, 2));
  run(cmd::StartService{1}, at(9, 3));
  run(cmd::Transfer{1, core::TransferTarget{core::QueueId{"police"}}, ""}, at(9, 5));
  const TicketView view = viewOf(hall, ticket, at(9, 5));
  EXPECT_TRUE(view.transferred);
  EXPECT_EQ(view.phase, Phase::Waiting);
  EXPECT_EQ(view.queue, "户籍");
  EXPECT_EQ(statusMessage(view, Lang::Zh, true)["note"], "已转至户籍");
}

}  // namespace
}  // namespace jiujin::web
