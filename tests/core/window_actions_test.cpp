// Hall::allowed: what a window's keypad may do now and why not — the console asks this
// instead of keeping its own copy of the lifecycle's rules, so it must say exactly what
// execute() would say.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class WindowActionsTest : public HallTest {
 protected:
  std::string whyNot(WindowNumber w, WindowAction a, TimePoint t) const {
    const WindowActions actions = hall.allowed(w, t);
    const auto& refusal = actions.whyNot(a);
    return refusal ? toString(refusal->code) : "allowed";
  }

  /// The command each action sends (a transfer to the general queue).
  static Command commandFor(WindowAction a, WindowNumber w) {
    switch (a) {
      case WindowAction::CallNext: return cmd::CallNext{w};
      case WindowAction::Recall: return cmd::Recall{w};
      case WindowAction::StartService: return cmd::StartService{w};
      case WindowAction::Complete: return cmd::Complete{w};
      case WindowAction::MarkNoShow: return cmd::MarkNoShow{w};
      case WindowAction::Transfer: return cmd::Transfer{w, QueueId{"police"}, ""};
      case WindowAction::Pause: return cmd::PauseWindow{w, "送件"};
      case WindowAction::Resume: return cmd::ResumeWindow{w};
      case WindowAction::RequestEvaluation: return cmd::RequestEvaluation{w};
    }
    return cmd::CallNext{w};
  }

  /// For every action at `w`: allowed exactly when execute() on a copy of the hall accepts
  /// it, and refused with the same error when it does not.
  void expectSameAsExecute(WindowNumber w, TimePoint t) {
    const WindowActions actions = hall.allowed(w, t);
    for (std::size_t i = 0; i < kWindowActionCount; ++i) {
      const auto action = static_cast<WindowAction>(i);
      Hall copy(hall.definition(), hall.state());
      const auto result = copy.execute(commandFor(action, w), t);
      EXPECT_EQ(actions.allows(action), result.ok()) << "action " << i << " at window " << w;
      if (!result.ok() && actions.whyNot(action)) {
        EXPECT_EQ(*actions.whyNot(action), result.error()) << "action " << i;
      }
    }
  }
};

TEST_F(WindowActionsTest, IdleWindowWithATicketWaitingMayCallOrPauseOnly) {
  openWindow(1, at(8, 40));
  issue("birth", at(8, 45));
  const auto now = at(8, 50);
  EXPECT_EQ(whyNot(1, WindowAction::CallNext, now), "allowed");
  EXPECT_EQ(whyNot(1, WindowAction::Pause, now), "allowed");
  EXPECT_EQ(whyNot(1, WindowAction::Recall, now), "no_active_ticket");
  EXPECT_EQ(whyNot(1, WindowAction::StartService, now), "no_active_ticket");
  EXPECT_EQ(whyNot(1, WindowAction::Complete, now), "no_active_ticket");
  EXPECT_EQ(whyNot(1, WindowAction::MarkNoShow, now), "no_active_ticket");
  EXPECT_EQ(whyNot(1, WindowAction::Transfer, now), "no_active_ticket");
  EXPECT_EQ(whyNot(1, WindowAction::Resume, now), "illegal_transition");
  EXPECT_EQ(whyNot(1, WindowAction::RequestEvaluation, now), "not_evaluable");
}

TEST_F(WindowActionsTest, CallingIsRefusedWhenNobodyWaitsForTheWindowsQueues) {
  openWindow(1, at(8, 40));
  issue("pickup", at(8, 45));  // the issuing queue: not window 1's
  const auto refusal = hall.allowed(1, at(8, 50)).whyNot(WindowAction::CallNext);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code, ErrorCode::NoTicketWaiting);
  EXPECT_NE(refusal->zh.find("没有等候的号"), std::string::npos) << refusal->zh;
}

TEST_F(WindowActionsTest, ACalledTicketMayBeRecalledStartedMarkedOrTransferred) {
  openWindow(1, at(8, 40));
  issue("birth", at(8, 45));
  callNext(1, at(8, 50));
  const auto now = at(8, 51);
  for (auto a : {WindowAction::Recall, WindowAction::StartService, WindowAction::MarkNoShow, WindowAction::Transfer})
    EXPECT_EQ(whyNot(1, a, now), "allowed");
  EXPECT_EQ(whyNot(1, WindowAction::CallNext, now), "window_busy");
  EXPECT_EQ(whyNot(1, WindowAction::Pause, now), "window_busy");
  EXPECT_EQ(whyNot(1, WindowAction::Complete, now), "illegal_transition");
}

TEST_F(WindowActionsTest, RecallIsRefusedOnceTheHallsRecallLimitIsReached) {
  openWindow(1, at(8, 40));
  issue("birth", at(8, 45));
  callNext(1, at(8, 50));
  const int limit = hall.definition().rules.recallLimit;
  for (int i = 0; i < limit; ++i) {
    EXPECT_EQ(whyNot(1, WindowAction::Recall, at(8, 51 + i)), "allowed") << "recall " << i + 1;
    run(cmd::Recall{1}, at(8, 51 + i));
  }
  const auto refusal = hall.allowed(1, at(8, 55)).whyNot(WindowAction::Recall);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code, ErrorCode::RecallLimitReached);
  EXPECT_NE(refusal->zh.find("A001"), std::string::npos) << refusal->zh;
  // The limit stops recalling, not the rest of the ticket's life.
  EXPECT_EQ(whyNot(1, WindowAction::MarkNoShow, at(8, 55)), "allowed");
}

TEST_F(WindowActionsTest, AServingTicketMayBeCompletedOrTransferredAndThenRated) {
  openWindow(1, at(8, 40));
  issue("birth", at(8, 45));
  callNext(1, at(8, 50));
  run(cmd::StartService{1}, at(8, 51));
  EXPECT_EQ(whyNot(1, WindowAction::Complete, at(8, 52)), "allowed");
  EXPECT_EQ(whyNot(1, WindowAction::Transfer, at(8, 52)), "allowed");
  EXPECT_EQ(whyNot(1, WindowAction::StartService, at(8, 52)), "illegal_transition");
  EXPECT_EQ(whyNot(1, WindowAction::RequestEvaluation, at(8, 52)), "not_evaluable");

  run(cmd::Complete{1}, at(8, 58));
  EXPECT_EQ(whyNot(1, WindowAction::RequestEvaluation, at(8, 58)), "allowed");
  run(cmd::Evaluate{1, Rating::Satisfied}, at(8, 59));
  EXPECT_EQ(whyNot(1, WindowAction::RequestEvaluation, at(8, 59)), "not_evaluable");
}

TEST_F(WindowActionsTest, APausedWindowMayOnlyResume) {
  openWindow(1, at(8, 40));
  issue("birth", at(8, 45));
  run(cmd::PauseWindow{1, "送件"}, at(8, 50));
  EXPECT_EQ(whyNot(1, WindowAction::Resume, at(8, 51)), "allowed");
  EXPECT_EQ(whyNot(1, WindowAction::CallNext, at(8, 51)), "window_paused");
  EXPECT_EQ(whyNot(1, WindowAction::Pause, at(8, 51)), "illegal_transition");
}

TEST_F(WindowActionsTest, AClosedOrUnknownWindowMayDoNothing) {
  issue("birth", at(8, 45));
  const WindowActions closed = hall.allowed(1, at(8, 50));
  const WindowActions unknown = hall.allowed(42, at(8, 50));
  for (std::size_t i = 0; i < kWindowActionCount; ++i) {
    EXPECT_FALSE(closed.allows(static_cast<WindowAction>(i))) << "action " << i;
    ASSERT_FALSE(unknown.allows(static_cast<WindowAction>(i))) << "action " << i;
    EXPECT_EQ(unknown.whyNot(static_cast<WindowAction>(i))->code, ErrorCode::UnknownWindow);
  }
  EXPECT_EQ(whyNot(1, WindowAction::CallNext, at(8, 50)), "window_closed");
}

TEST_F(WindowActionsTest, AskingChangesNothing) {
  openWindow(1, at(8, 40));
  issue("birth", at(8, 45));
  callNext(1, at(8, 50));
  const HallState before = hall.state();
  (void)hall.allowed(1, at(8, 51));
  EXPECT_TRUE(hall.state() == before);
}

TEST_F(WindowActionsTest, SaysWhatExecuteWouldSayThroughATicketsWholeLife) {
  openWindow(1, at(8, 40));
  openWindow(3, at(8, 40));
  expectSameAsExecute(1, at(8, 41));  // idle, nobody waiting
  issue("birth", at(8, 45));
  expectSameAsExecute(1, at(8, 46));  // idle, a ticket waiting
  callNext(1, at(8, 50));
  expectSameAsExecute(1, at(8, 51));  // called
  run(cmd::Recall{1}, at(8, 52));
  run(cmd::Recall{1}, at(8, 53));
  expectSameAsExecute(1, at(8, 54));  // called, recall limit reached
  run(cmd::StartService{1}, at(8, 55));
  expectSameAsExecute(1, at(8, 56));  // serving
  run(cmd::Complete{1}, at(9, 0));
  expectSameAsExecute(1, at(9, 1));  // awaiting a rating
  run(cmd::PauseWindow{1, "送件"}, at(9, 2));
  expectSameAsExecute(1, at(9, 3));  // paused
  expectSameAsExecute(2, at(9, 3));  // closed
  expectSameAsExecute(9, at(9, 3));  // unknown
}

}  // namespace
}  // namespace jiujin::core::testing
