// Call next at window W: the order of the rules, and the reason given for each choice.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class Routing : public HallTest {
 protected:
  Routing() {
    for (WindowNumber w : {1, 2, 3, 4}) openWindow(w, at(8, 50));
  }
  TicketId issueWith(const cmd::IssueTicket& c, TimePoint t) {
    auto events = run(c, t);
    return std::get<ev::TicketIssued>(events.at(0)).ticket.id;
  }
};

TEST_F(Routing, OldestNormalTicketOfTheQueueIsCalledFirst) {
  const TicketId first = issue("birth", at(9, 0));
  issue("birth", at(9, 1));
  auto called = callNext(1, at(9, 2));
  EXPECT_EQ(called.ticket, first);
  EXPECT_EQ(called.reason, CallReason::LongestWeightedWait);
  EXPECT_NE(called.explanation.find("A001"), std::string::npos) << called.explanation;
}

TEST_F(Routing, PriorityTicketIsCalledBeforeOlderNormalTicket) {
  // given a normal ticket issued at 09:00 and a 绿色通道 ticket at 09:05
  issue("birth", at(9, 0));
  const TicketId elder = issue("elder_card", at(9, 5), PriorityClass::Elderly);
  // when window 1 calls next
  auto called = callNext(1, at(9, 6));
  // then the 绿色通道 ticket is called, and the reason says so
  EXPECT_EQ(called.ticket, elder);
  EXPECT_EQ(called.reason, CallReason::Priority);
  EXPECT_NE(called.explanation.find("绿色通道"), std::string::npos) << called.explanation;
}

TEST_F(Routing, NormalTicketWaitingLongerThanTheAgingLimitGoesBeforePriority) {
  const TicketId normal = issue("birth", at(9, 0));
  const TicketId elder = issue("elder_card", at(9, 20), PriorityClass::Elderly);
  auto called = callNext(1, at(9, 21));
  EXPECT_EQ(called.ticket, normal);
  EXPECT_EQ(called.reason, CallReason::AgedNormal);
  EXPECT_EQ(callNext(2, at(9, 21)).ticket, elder);
}

TEST_F(Routing, PriorityStillGoesFirstJustUnderTheAgingLimit) {
  issue("birth", at(9, 0));
  const TicketId elder = issue("elder_card", at(9, 19, 59), PriorityClass::Pregnant);
  EXPECT_EQ(callNext(1, at(9, 21)).ticket, elder);
}

TEST_F(Routing, AppointmentWhoseSlotHasBegunGoesBeforePriority) {
  issue("elder_card", at(9, 0), PriorityClass::Elderly);
  const TicketId booked = issueWith({"birth", Channel::Appointment, PriorityClass::Normal, at(9, 30), ""}, at(9, 10));
  EXPECT_EQ(callNext(1, at(9, 29)).reason, CallReason::Priority) << "slot not begun yet";
  auto called = callNext(2, at(9, 30));
  EXPECT_EQ(called.ticket, booked);
  EXPECT_EQ(called.reason, CallReason::Appointment);
  EXPECT_NE(called.explanation.find("09:30"), std::string::npos) << called.explanation;
}

TEST_F(Routing, AppointmentBeforeItsSlotWaitsLikeAnyTicket) {
  const TicketId booked = issueWith({"birth", Channel::Appointment, PriorityClass::Normal, at(11, 0), ""}, at(9, 0));
  issue("birth", at(9, 5));
  auto called = callNext(1, at(9, 10));
  EXPECT_EQ(called.ticket, booked);
  EXPECT_EQ(called.reason, CallReason::LongestWeightedWait);
}

TEST_F(Routing, TicketTransferredToThisWindowGoesBeforeTheQueue) {
  issue("hukou", at(9, 0));
  const TicketId moved = issue("birth", at(9, 1));
  callNext(1, at(9, 2));
  auto events = run(cmd::Transfer{1, WindowNumber{3}, "户籍业务"}, at(9, 5));
  const TicketId child = std::get<ev::TicketTransferred>(events.at(0)).child.id;
  auto called = callNext(3, at(9, 6));
  EXPECT_EQ(called.ticket, child);
  EXPECT_EQ(called.reason, CallReason::TransferredToWindow);
  EXPECT_NE(child, moved);
}

TEST_F(Routing, TransferredTicketsWaitOnlyForTheirWindow) {
  issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  run(cmd::Transfer{1, WindowNumber{3}, ""}, at(9, 2));
  auto r = hall.execute(cmd::CallNext{2}, at(9, 3));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::NoTicketWaiting);
}

TEST_F(Routing, PinnedTicketIsCalledOutOfOrderAndRecordedAsPinned) {
  issue("birth", at(9, 0));
  const TicketId pinned = issue("birth", at(9, 10));
  run(cmd::PinTicket{1, pinned}, at(9, 11));
  EXPECT_EQ(window(1).pinned, pinned);
  auto called = callNext(1, at(9, 12));
  EXPECT_EQ(called.ticket, pinned);
  EXPECT_EQ(called.reason, CallReason::Pinned);
  EXPECT_EQ(window(1).pinned, std::nullopt);
}

TEST_F(Routing, PinIsDroppedWhenThePinnedTicketIsCalledElsewhere) {
  const TicketId t = issue("birth", at(9, 0));
  run(cmd::PinTicket{2, t}, at(9, 1));
  EXPECT_EQ(callNext(1, at(9, 2)).ticket, t);
  EXPECT_EQ(window(2).pinned, std::nullopt);
}

TEST_F(Routing, PinningANonWaitingTicketIsRefused) {
  const TicketId t = issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  refused(cmd::PinTicket{2, t}, at(9, 2), ErrorCode::IllegalTransition);
  refused(cmd::PinTicket{2, 4242}, at(9, 2), ErrorCode::UnknownTicket);
}

TEST_F(Routing, LongestWeightedWaitComparesQueuesByWeight) {
  cmd::SetWorkProfile profile{1, {{{"general", 1.0}, {"issuing", 3.0}}}};
  run(profile, at(8, 55));
  issue("birth", at(9, 0));                    // waits 30 min at 09:30 → 30
  const TicketId c = issue("pickup", at(9, 15));  // waits 15 min × 3 → 45
  auto called = callNext(1, at(9, 30));
  EXPECT_EQ(called.ticket, c);
  EXPECT_NE(called.explanation.find("权重"), std::string::npos) << called.explanation;
}

TEST_F(Routing, EqualWeightedWaitsBreakByArrivalThenTicketId) {
  cmd::SetWorkProfile profile{1, {{{"general", 1.0}, {"issuing", 1.0}}}};
  run(profile, at(8, 55));
  const TicketId a = issue("birth", at(9, 0));
  issue("pickup", at(9, 0));
  EXPECT_EQ(callNext(1, at(9, 10)).ticket, a);
}

TEST_F(Routing, ConditionalQueueIsServedOnlyOnceItsOldestTicketWaitedLongEnough) {
  const TicketId b = issue("hukou", at(9, 0));
  run(cmd::PauseWindow{3, "会议"}, at(9, 0));
  EXPECT_FALSE(hall.peekNext(2, at(9, 19)).has_value());
  auto decision = hall.peekNext(2, at(9, 20));
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->ticket, b);
  EXPECT_NE(decision->explanation.find("兼办"), std::string::npos) << decision->explanation;
}

TEST_F(Routing, QueueForWhenNoDedicatedWindowIsServedOnlyWhileNoneIsOpen) {
  openWindow(5, at(8, 50));
  const TicketId b = issue("hukou", at(9, 0));
  EXPECT_FALSE(hall.peekNext(5, at(9, 1)).has_value()) << "window 3 serves police";
  run(cmd::PauseWindow{3, "午休"}, at(9, 1));
  EXPECT_FALSE(hall.peekNext(5, at(9, 2)).has_value()) << "a paused window is still open";
  run(cmd::CloseWindow{3}, at(9, 2));
  EXPECT_EQ(callNext(5, at(9, 3)).ticket, b);
}

TEST_F(Routing, WindowNeverTakesQueuesOutsideItsProfile) {
  issue("pickup", at(9, 0));
  refused(cmd::CallNext{1}, at(9, 1), ErrorCode::NoTicketWaiting);
}

TEST_F(Routing, PriorityTicketsOfQueuesTheWindowDoesNotServeAreIgnored) {
  issue("hukou", at(9, 0), PriorityClass::Disabled);
  const TicketId a = issue("birth", at(9, 1));
  EXPECT_EQ(callNext(1, at(9, 2)).ticket, a);
}

TEST_F(Routing, PeekNextChangesNothingAndAgreesWithCallNext) {
  issue("birth", at(9, 0));
  issue("elder_card", at(9, 1), PriorityClass::Serviceman);
  const HallState before = hall.state();
  auto peek = hall.peekNext(1, at(9, 2));
  EXPECT_TRUE(hall.state() == before);
  ASSERT_TRUE(peek.has_value());
  auto called = callNext(1, at(9, 2));
  EXPECT_EQ(called.ticket, peek->ticket);
  EXPECT_EQ(called.reason, peek->reason);
  EXPECT_EQ(called.explanation, peek->explanation);
}

TEST_F(Routing, CallingAtABusyClosedOrPausedWindowIsRefused) {
  issue("birth", at(9, 0));
  issue("birth", at(9, 1));
  callNext(1, at(9, 2));
  refused(cmd::CallNext{1}, at(9, 3), ErrorCode::WindowBusy);
  refused(cmd::CallNext{5}, at(9, 3), ErrorCode::WindowClosed);
  run(cmd::PauseWindow{2, "离开"}, at(9, 3));
  refused(cmd::CallNext{2}, at(9, 3), ErrorCode::WindowPaused);
  refused(cmd::CallNext{99}, at(9, 3), ErrorCode::UnknownWindow);
}

}  // namespace
}  // namespace jiujin::core::testing
