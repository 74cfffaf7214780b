// A window's own life: login, open, pause, resume, close, logout, profile changes.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class Windows : public HallTest {};

TEST_F(Windows, OpeningNeedsAClerkLoggedIn) {
  refused(cmd::OpenWindow{1}, at(8, 50), ErrorCode::NotLoggedIn);
  run(cmd::ClerkLogin{1, "wang"}, at(8, 51));
  run(cmd::OpenWindow{1}, at(8, 52));
  EXPECT_EQ(window(1).state, WindowState::Idle);
  EXPECT_EQ(window(1).clerk, "wang");
  EXPECT_EQ(window(1).since, at(8, 52));
}

TEST_F(Windows, OpeningAnOpenWindowIsRefused) {
  openWindow(1, at(8, 50));
  refused(cmd::OpenWindow{1}, at(8, 51), ErrorCode::IllegalTransition);
}

TEST_F(Windows, SecondClerkCannotLogInOverTheFirst) {
  run(cmd::ClerkLogin{1, "wang"}, at(8, 51));
  refused(cmd::ClerkLogin{1, "li"}, at(8, 52), ErrorCode::IllegalTransition);
  refused(cmd::ClerkLogin{2, ""}, at(8, 52), ErrorCode::InvalidArgument);
}

TEST_F(Windows, PauseAndResumeRecordTheReason) {
  openWindow(1, at(8, 50));
  run(cmd::PauseWindow{1, "午休"}, at(12, 0));
  EXPECT_EQ(window(1).state, WindowState::Paused);
  EXPECT_EQ(window(1).pauseReason, "午休");
  refused(cmd::PauseWindow{1, "again"}, at(12, 1), ErrorCode::IllegalTransition);
  run(cmd::ResumeWindow{1}, at(12, 30));
  EXPECT_EQ(window(1).state, WindowState::Idle);
  EXPECT_EQ(window(1).pauseReason, "");
  refused(cmd::ResumeWindow{1}, at(12, 31), ErrorCode::IllegalTransition);
}

TEST_F(Windows, WindowWithAnActiveTicketCannotPauseCloseOrLogOut) {
  openWindow(1, at(8, 50));
  issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  refused(cmd::PauseWindow{1, "离开"}, at(9, 2), ErrorCode::WindowBusy);
  refused(cmd::CloseWindow{1}, at(9, 2), ErrorCode::WindowBusy);
  refused(cmd::ClerkLogout{1}, at(9, 2), ErrorCode::WindowBusy);
}

TEST_F(Windows, ClosedWindowCannotPauseOrCloseAgain) {
  refused(cmd::PauseWindow{1, ""}, at(9, 0), ErrorCode::WindowClosed);
  refused(cmd::CloseWindow{1}, at(9, 0), ErrorCode::WindowClosed);
}

TEST_F(Windows, LoggingOutClosesAnOpenWindowFirst) {
  openWindow(1, at(8, 50));
  auto events = run(cmd::ClerkLogout{1}, at(17, 0));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ev::WindowClosed>(events[0]));
  EXPECT_TRUE(std::holds_alternative<ev::ClerkLoggedOut>(events[1]));
  EXPECT_EQ(window(1).state, WindowState::Closed);
  EXPECT_EQ(window(1).clerk, std::nullopt);
  refused(cmd::ClerkLogout{1}, at(17, 1), ErrorCode::NotLoggedIn);
}

TEST_F(Windows, ClosingAWindowDropsItsPin) {
  openWindow(1, at(8, 50));
  const TicketId t = issue("birth", at(9, 0));
  run(cmd::PinTicket{1, t}, at(9, 1));
  run(cmd::CloseWindow{1}, at(9, 2));
  EXPECT_EQ(window(1).pinned, std::nullopt);
}

TEST_F(Windows, NewProfileChangesWhatTheWindowCalls) {
  openWindow(1, at(8, 50));
  const TicketId c = issue("pickup", at(9, 0));
  refused(cmd::CallNext{1}, at(9, 1), ErrorCode::NoTicketWaiting);
  run(cmd::SetWorkProfile{1, {{{"issuing"}}}}, at(9, 2));
  EXPECT_EQ(callNext(1, at(9, 3)).ticket, c);
}

TEST_F(Windows, ProfileWithUnknownQueueOrBadWeightIsRefused) {
  refused(cmd::SetWorkProfile{1, {{{"tax"}}}}, at(9, 0), ErrorCode::UnknownQueue);
  refused(cmd::SetWorkProfile{1, {{{"general", 0.0}}}}, at(9, 0), ErrorCode::InvalidArgument);
  refused(cmd::SetWorkProfile{1, {{{"general", -1.0}}}}, at(9, 0), ErrorCode::InvalidArgument);
  refused(cmd::SetWorkProfile{9, {{{"general"}}}}, at(9, 0), ErrorCode::UnknownWindow);
}

}  // namespace
}  // namespace jiujin::core::testing
