#include <gtest/gtest.h>

#include "jiujin/service/policy.hpp"

namespace jiujin::service {
namespace {

core::HallState hallWithClerkAt(core::WindowNumber window) {
  core::HallState state;
  core::WindowStatus w;
  w.number = window;
  w.state = core::WindowState::Idle;
  w.clerk = "c01";
  state.windows[window] = w;
  core::WindowStatus other;
  other.number = window + 1;
  state.windows[window + 1] = other;
  return state;
}

TEST(Policy, ConsoleMayCallAtItsOwnWindowOnceAClerkIsThere) {
  const ClientIdentity console{"console-w1", Role::Console, {1}, true};
  EXPECT_FALSE(authorize(console, core::cmd::CallNext{1}, hallWithClerkAt(1)).has_value());
}

TEST(Policy, ConsoleIsRefusedAtAnotherWindow) {
  const ClientIdentity console{"console-w1", Role::Console, {1}, true};
  const auto refusal = authorize(console, core::cmd::CallNext{2}, hallWithClerkAt(1));
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code, "forbidden");
}

TEST(Policy, ConsoleWithoutALoggedInClerkMayOnlyLogIn) {
  const ClientIdentity console{"console-w2", Role::Console, {2}, true};
  const auto state = hallWithClerkAt(1);  // nobody at window 2
  EXPECT_EQ(authorize(console, core::cmd::CallNext{2}, state)->code, "not_logged_in");
  EXPECT_FALSE(authorize(console, core::cmd::ClerkLogin{2, "c02"}, state).has_value());
}

TEST(Policy, KioskMayOnlyIssueTickets) {
  const ClientIdentity kiosk{"kiosk-1", Role::Kiosk, {}, true};
  const auto state = hallWithClerkAt(1);
  EXPECT_FALSE(authorize(kiosk, core::cmd::IssueTicket{"T-1"}, state).has_value());
  EXPECT_EQ(authorize(kiosk, core::cmd::CallNext{1}, state)->code, "forbidden");
  EXPECT_EQ(authorize(kiosk, core::cmd::BroadcastNotice{"x"}, state)->code, "forbidden");
  EXPECT_EQ(authorize(kiosk, ServiceRequest::AuditExport)->code, "forbidden");
  EXPECT_FALSE(authorize(kiosk, ServiceRequest::Items).has_value());
  EXPECT_FALSE(authorize(kiosk, ServiceRequest::PrinterStatus).has_value());
}

TEST(Policy, DeviceGatewayActsOnlyForTheWindowsOfItsBuses) {
  const ClientIdentity gateway{"devices-1", Role::Devices, {1, 2}, true};
  const auto state = hallWithClerkAt(1);
  EXPECT_FALSE(authorize(gateway, core::cmd::Evaluate{2, core::Rating::Satisfied}, state).has_value());
  EXPECT_EQ(authorize(gateway, core::cmd::CallNext{5}, state)->code, "forbidden");
  EXPECT_EQ(authorize(gateway, core::cmd::SetWorkProfile{1, {}}, state)->code, "forbidden");
  EXPECT_EQ(authorize(gateway, core::cmd::ClerkLogin{1, "c01"}, state)->code, "forbidden");
}

TEST(Policy, DisplayReadsButNeverActs) {
  const ClientIdentity display{"main", Role::Display, {}, true};
  EXPECT_FALSE(authorize(display, ServiceRequest::Snapshot).has_value());
  EXPECT_EQ(authorize(display, core::cmd::IssueTicket{"T-1"}, {})->code, "forbidden");
  EXPECT_EQ(authorize(display, ServiceRequest::DeviceReport)->code, "forbidden");
}

TEST(Policy, TheWebRoleRatesATicketAndDoesNothingElse) {
  const ClientIdentity web{"web", Role::Web, {}, true};
  EXPECT_FALSE(authorize(web, ServiceRequest::TicketStatus).has_value());
  EXPECT_FALSE(authorize(web, core::cmd::RateTicket{7, core::Rating::Satisfied}, {}).has_value());
  EXPECT_EQ(authorize(web, core::cmd::Evaluate{1, core::Rating::Satisfied}, {})->code, "forbidden");
  EXPECT_EQ(authorize(web, core::cmd::IssueTicket{"T-1"}, {})->code, "forbidden");
  const ClientIdentity kiosk{"kiosk-1", Role::Kiosk, {}, true};
  EXPECT_EQ(authorize(kiosk, core::cmd::RateTicket{7, core::Rating::Satisfied}, {})->code, "forbidden");
}

TEST(Policy, ManagerRunsTheHall) {
  const ClientIdentity manager{"office", Role::Manager, {}, true};
  EXPECT_FALSE(authorize(manager, core::cmd::SetWorkProfile{3, {}}, {}).has_value());
  EXPECT_FALSE(authorize(manager, core::cmd::CloseDay{}, {}).has_value());
  EXPECT_FALSE(authorize(manager, ServiceRequest::AuditExport).has_value());
}

}  // namespace
}  // namespace jiujin::service
