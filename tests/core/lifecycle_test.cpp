// The ticket's life: waiting → called (recalls) → serving → completed | no-show |
// transferred | cancelled, and what is refused on the way.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class Lifecycle : public HallTest {
 protected:
  Lifecycle() { openWindow(1, at(8, 50)); }
};

TEST_F(Lifecycle, IssuedTicketWaitsWithPrefixAndThreeDigitNumber) {
  const TicketId id = issue("birth", at(9, 0));
  EXPECT_EQ(ticket(id).number, "A001");
  EXPECT_EQ(ticket(id).state, TicketState::Waiting);
  EXPECT_EQ(ticket(id).arrivalAt, at(9, 0));
  EXPECT_EQ(issue("elder_card", at(9, 1)) , id + 1);
  EXPECT_EQ(ticket(id + 1).number, "A002");
}

TEST_F(Lifecycle, CalledTicketIsActiveAtTheWindowThatCalledIt) {
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 2));
  EXPECT_EQ(ticket(id).state, TicketState::Called);
  EXPECT_EQ(ticket(id).window, 1);
  EXPECT_EQ(window(1).current, id);
  EXPECT_EQ(window(1).state, WindowState::Calling);
}

TEST_F(Lifecycle, RecallIsAllowedUpToTheRecallLimit) {
  issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  run(cmd::Recall{1}, at(9, 2));
  auto events = run(cmd::Recall{1}, at(9, 3));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<ev::TicketRecalled>(events[0]).recalls, 2);
  refused(cmd::Recall{1}, at(9, 4), ErrorCode::RecallLimitReached);
}

TEST_F(Lifecycle, ServingTicketCannotBeRecalledOrMarkedNoShow) {
  issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  run(cmd::StartService{1}, at(9, 2));
  refused(cmd::Recall{1}, at(9, 3), ErrorCode::IllegalTransition);
  refused(cmd::MarkNoShow{1}, at(9, 3), ErrorCode::IllegalTransition);
  refused(cmd::StartService{1}, at(9, 3), ErrorCode::IllegalTransition);
}

TEST_F(Lifecycle, CompleteNeedsTheServiceToHaveStarted) {
  issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  refused(cmd::Complete{1}, at(9, 2), ErrorCode::IllegalTransition);
}

TEST_F(Lifecycle, CompletedServiceFreesTheWindowAndRecordsTheClerk) {
  const TicketId issued = issue("birth", at(9, 2));
  EXPECT_EQ(serveNext(1, at(9, 3), Minutes{7}), issued);
  EXPECT_EQ(ticket(issued).state, TicketState::Completed);
  EXPECT_EQ(ticket(issued).endedAt, at(9, 10));
  EXPECT_EQ(ticket(issued).clerk, "clerk1");
  EXPECT_EQ(window(1).current, std::nullopt);
  EXPECT_EQ(window(1).state, WindowState::Idle);
}

TEST_F(Lifecycle, CommandsAtAWindowWithoutActiveTicketAreRefused) {
  refused(cmd::Recall{1}, at(9, 0), ErrorCode::NoActiveTicket);
  refused(cmd::StartService{1}, at(9, 0), ErrorCode::NoActiveTicket);
  refused(cmd::Complete{1}, at(9, 0), ErrorCode::NoActiveTicket);
  refused(cmd::MarkNoShow{1}, at(9, 0), ErrorCode::NoActiveTicket);
  refused(cmd::Transfer{1, WindowKind::Issuing, ""}, at(9, 0), ErrorCode::NoActiveTicket);
  refused(cmd::Recall{42}, at(9, 0), ErrorCode::UnknownWindow);
}

TEST_F(Lifecycle, NoShowFreesTheWindowAndCanBeReactivatedKeepingArrivalTime) {
  const TicketId late = issue("birth", at(9, 0));
  const TicketId other = issue("birth", at(9, 5));
  callNext(1, at(9, 10));
  run(cmd::MarkNoShow{1}, at(9, 12));
  EXPECT_EQ(ticket(late).state, TicketState::NoShow);
  EXPECT_EQ(window(1).state, WindowState::Idle);
  run(cmd::Reactivate{late}, at(9, 30));
  EXPECT_EQ(ticket(late).state, TicketState::Waiting);
  EXPECT_EQ(ticket(late).arrivalAt, at(9, 0));
  EXPECT_EQ(callNext(1, at(9, 31)).ticket, late) << "back in place ahead of " << other;
}

TEST_F(Lifecycle, NoShowCannotBeReactivatedAfterTheReactivationWindow) {
  const TicketId late = issue("birth", at(9, 0));
  callNext(1, at(9, 10));
  run(cmd::MarkNoShow{1}, at(9, 12));
  refused(cmd::Reactivate{late}, at(9, 43), ErrorCode::ReactivationExpired);
}

TEST_F(Lifecycle, OnlyNoShowTicketsCanBeReactivated) {
  const TicketId waiting = issue("birth", at(9, 0));
  refused(cmd::Reactivate{waiting}, at(9, 1), ErrorCode::IllegalTransition);
  refused(cmd::Reactivate{999}, at(9, 1), ErrorCode::UnknownTicket);
}

TEST_F(Lifecycle, TickMarksACalledTicketNoShowAfterTheTimeout) {
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 10));
  EXPECT_TRUE(hall.tick(at(9, 14, 59)).empty());
  auto events = hall.tick(at(9, 15));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(std::get<ev::TicketNoShow>(events[0]).automatic);
  EXPECT_EQ(ticket(id).state, TicketState::NoShow);
  EXPECT_EQ(ticket(id).history.back().kind, StepKind::NoShowTimedOut);
  EXPECT_EQ(window(1).state, WindowState::Idle);
}

TEST_F(Lifecycle, RecallRestartsTheNoShowTimeout) {
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 10));
  run(cmd::Recall{1}, at(9, 14));
  EXPECT_TRUE(hall.tick(at(9, 18)).empty());
  EXPECT_EQ(ticket(id).state, TicketState::Called);
}

TEST_F(Lifecycle, TransferToIssuingKindCreatesAChildKeepingNumberAndArrival) {
  openWindow(4, at(8, 50));
  const TicketId parent = issue("birth", at(9, 0));
  callNext(1, at(9, 5));
  run(cmd::StartService{1}, at(9, 6));
  auto events = run(cmd::Transfer{1, WindowKind::Issuing, "领证"}, at(9, 20));
  ASSERT_EQ(events.size(), 1u);
  const Ticket& child = std::get<ev::TicketTransferred>(events[0]).child;
  EXPECT_NE(child.id, parent);
  EXPECT_EQ(ticket(parent).state, TicketState::Transferred);
  EXPECT_EQ(ticket(parent).transferredTo, child.id);
  EXPECT_EQ(ticket(child.id).transferredFrom, parent);
  EXPECT_EQ(ticket(child.id).number, "A001");
  EXPECT_EQ(ticket(child.id).channel, Channel::Transfer);
  EXPECT_EQ(ticket(child.id).arrivalAt, at(9, 0));
  EXPECT_EQ(ticket(child.id).targetKind, WindowKind::Issuing);
  EXPECT_EQ(window(1).state, WindowState::Idle);
  auto called = callNext(4, at(9, 21));
  EXPECT_EQ(called.ticket, child.id);
  EXPECT_EQ(called.reason, CallReason::TransferredToKind);
}

TEST_F(Lifecycle, TransferToAQueueWaitsThereWithTheOriginalArrival) {
  openWindow(3, at(8, 50));
  const TicketId parent = issue("birth", at(9, 0));
  issue("hukou", at(9, 1));  // B001 arrived after A001's resident
  callNext(1, at(9, 5));
  auto events = run(cmd::Transfer{1, QueueId{"police"}, "需户籍窗口办理"}, at(9, 8));
  const TicketId child = std::get<ev::TicketTransferred>(events[0]).child.id;
  EXPECT_EQ(ticket(child).queue, "police");
  auto called = callNext(3, at(9, 9));
  EXPECT_EQ(called.ticket, child) << "arrived at 09:00, before B001";
  EXPECT_NE(child, parent);
}

TEST_F(Lifecycle, TransferTargetsMustExistAndNotBeTheSameWindow) {
  issue("birth", at(9, 0));
  callNext(1, at(9, 5));
  refused(cmd::Transfer{1, QueueId{"tax"}, ""}, at(9, 6), ErrorCode::UnknownQueue);
  refused(cmd::Transfer{1, WindowNumber{77}, ""}, at(9, 6), ErrorCode::UnknownWindow);
  refused(cmd::Transfer{1, WindowNumber{1}, ""}, at(9, 6), ErrorCode::InvalidArgument);
}

TEST_F(Lifecycle, CancelledWaitingTicketIsNeverCalled) {
  const TicketId gone = issue("birth", at(9, 0));
  const TicketId stays = issue("birth", at(9, 1));
  run(cmd::Cancel{gone, "群众离开"}, at(9, 2));
  EXPECT_EQ(ticket(gone).state, TicketState::Cancelled);
  EXPECT_EQ(callNext(1, at(9, 3)).ticket, stays);
}

TEST_F(Lifecycle, CancellingACalledTicketFreesItsWindow) {
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  run(cmd::Cancel{id, ""}, at(9, 2));
  EXPECT_EQ(window(1).current, std::nullopt);
  EXPECT_EQ(window(1).state, WindowState::Idle);
}

TEST_F(Lifecycle, FinalTicketsCannotBeCancelled) {
  const TicketId id = issue("birth", at(9, 0));
  serveNext(1, at(9, 1));
  refused(cmd::Cancel{id, ""}, at(9, 20), ErrorCode::IllegalTransition);
}

TEST_F(Lifecycle, HistoryRecordsEveryStepWithTheWindow) {
  const TicketId id = issue("birth", at(9, 0));
  serveNext(1, at(9, 1));
  const auto& h = ticket(id).history;
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[0].state, TicketState::Waiting);
  EXPECT_EQ(h[1].state, TicketState::Called);
  EXPECT_EQ(h[1].window, 1);
  EXPECT_FALSE(h[1].note.empty()) << "the call records why";
  EXPECT_EQ(h[2].state, TicketState::Serving);
  EXPECT_EQ(h[3].state, TicketState::Completed);
}


// A client that is not Chinese says each line from these codes, not from the note.
TEST_F(Lifecycle, HistoryRecordsWhatHappenedAsCodesWithTheCallReasonAndTheClerksWords) {
  openWindow(4, at(8, 50));
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  run(cmd::Recall{1}, at(9, 2));
  run(cmd::MarkNoShow{1}, at(9, 3));
  run(cmd::Reactivate{id}, at(9, 4));
  callNext(1, at(9, 5));
  run(cmd::StartService{1}, at(9, 6));
  auto events = run(cmd::Transfer{1, WindowKind::Issuing, "领证"}, at(9, 7));
  const TicketId child = std::get<ev::TicketTransferred>(events[0]).child.id;
  callNext(4, at(9, 8));
  run(cmd::Cancel{child, "群众自行离开"}, at(9, 9));

  std::vector<StepKind> kinds;
  for (const auto& step : ticket(id).history) kinds.push_back(step.kind);
  EXPECT_EQ(kinds, (std::vector<StepKind>{StepKind::Issued, StepKind::Called, StepKind::Recalled, StepKind::NoShow,
                                          StepKind::Reactivated, StepKind::Called, StepKind::Started,
                                          StepKind::Transferred}));
  EXPECT_EQ(ticket(id).history[1].reason, CallReason::LongestWeightedWait);
  EXPECT_EQ(ticket(id).history[2].reason, std::nullopt) << "only a call has a reason";
  EXPECT_EQ(ticket(id).history.back().remark, "领证");

  const auto& childSteps = ticket(child).history;
  ASSERT_EQ(childSteps.size(), 3u);
  EXPECT_EQ(childSteps[0].kind, StepKind::Transferred);
  EXPECT_EQ(childSteps[1].reason, CallReason::TransferredToKind);
  EXPECT_EQ(childSteps[2].kind, StepKind::Cancelled);
  EXPECT_EQ(childSteps[2].remark, "群众自行离开");
}

}  // namespace
}  // namespace jiujin::core::testing
