#include "jiujin/service/policy.hpp"

#include <fmt/format.h>

#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::service {
namespace {

bool isOneOf(Role role, std::initializer_list<Role> roles) {
  for (Role r : roles)
    if (r == role) return true;
  return false;
}

/// The window a command acts on, if it is bound to one.
std::optional<core::WindowNumber> windowOf(const core::Command& command) {
  return std::visit(
      [](const auto& c) -> std::optional<core::WindowNumber> {
        if constexpr (requires { c.window; }) {
          return c.window;
        } else {
          return std::nullopt;
        }
      },
      command);
}

template <typename... Ts>
bool holdsAnyOf(const core::Command& command) {
  return (std::holds_alternative<Ts>(command) || ...);
}

/// What a keypad or a pad can ask for at a window.
bool isCounterAction(const core::Command& c) {
  using namespace core::cmd;
  return holdsAnyOf<CallNext, Recall, StartService, Complete, MarkNoShow, Transfer, PauseWindow,
                    ResumeWindow, RequestEvaluation, Evaluate>(c);
}

/// The case register's commands: a clerk at a window (or a manager) gives them.
bool isCaseAction(const core::Command& c) {
  using namespace core::cmd;
  return holdsAnyOf<AcceptCase, MarkCaseMaterials, RequestCaseCorrection, SupplyCaseMaterials, StartCaseProcessing,
                    DecideCase, RejectCase, MarkCaseReady, CollectCase, FinishCaseOnSpot>(c);
}

/// What a clerk's console can do at its own window (counter actions, cases, opening,
/// closing and the clerk's own login).
bool isWindowAction(const core::Command& c) {
  using namespace core::cmd;
  return isCounterAction(c) || isCaseAction(c) || holdsAnyOf<OpenWindow, CloseWindow, ClerkLogin, ClerkLogout>(c);
}

bool clerkPresent(const core::HallState& state, core::WindowNumber window) {
  const auto w = state.windows.find(window);
  return w != state.windows.end() && w->second.clerk.has_value();
}

ServiceError refuse(const ClientIdentity& who, std::string_view what) {
  return errors::forbidden(fmt::format("{} ({} {})", what, toString(who.role), who.name));
}

std::string describe(const core::Command& command) {
  if (const auto window = windowOf(command))
    return fmt::format("{} at window {}", protocol::commandType(command), *window);
  return protocol::commandType(command);
}

}  // namespace

std::optional<ServiceError> authorize(const ClientIdentity& who, ServiceRequest request) {
  switch (request) {
    case ServiceRequest::Hello:
    case ServiceRequest::Ping:
    case ServiceRequest::Snapshot:
    case ServiceRequest::TicketStatus:
    case ServiceRequest::Items:
    case ServiceRequest::Estimate:
    case ServiceRequest::Statistics:
    case ServiceRequest::Case:  // kiosks tell a resident whether a result is ready; masked
      return std::nullopt;
    case ServiceRequest::BookingSlots:  // the phone's page, the kiosk, the monitor
    case ServiceRequest::Booking:
      if (isOneOf(who.role, {Role::Web, Role::Kiosk, Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::Book:  // residents book on their phones; a manager may book for one
    case ServiceRequest::CancelBooking:
      if (isOneOf(who.role, {Role::Web, Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::CheckIn:
      if (isOneOf(who.role, {Role::Kiosk, Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::Bookings:
      if (isOneOf(who.role, {Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::Cases:
      if (isOneOf(who.role, {Role::Console, Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::ConfirmClerk:  // a console only at its own window (checked with the body)
      if (isOneOf(who.role, {Role::Console, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::DeviceReport:
      if (isOneOf(who.role, {Role::Devices, Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::PrinterStatus:
      if (isOneOf(who.role, {Role::Kiosk, Role::Devices, Role::Manager, Role::Admin})) return std::nullopt;
      break;
    case ServiceRequest::ManagerLogin:
    case ServiceRequest::ManagerLogout:
    case ServiceRequest::AuditExport:
    case ServiceRequest::AcknowledgeAlarm:
    case ServiceRequest::CloseFollowUp:
    case ServiceRequest::ReloadConfig:
    case ServiceRequest::UnlockClerk:
      if (isOneOf(who.role, {Role::Manager, Role::Admin})) return std::nullopt;
      break;
  }
  return refuse(who, toString(request));
}

std::optional<ServiceError> authorize(const ClientIdentity& who, const core::Command& command,
                                      const core::HallState& state) {
  switch (who.role) {
    case Role::Manager:
    case Role::Admin:
      return std::nullopt;
    case Role::Display:
      return refuse(who, describe(command));
    case Role::Web:  // the residents' pages read, and rate the ticket a QR token names (the
                     // service resolves the token: command_execution.cpp)
      if (std::holds_alternative<core::cmd::RateTicket>(command)) return std::nullopt;
      return refuse(who, describe(command));
    case Role::Kiosk:
      if (std::holds_alternative<core::cmd::IssueTicket>(command)) return std::nullopt;
      return refuse(who, describe(command));
    case Role::Devices: {
      const auto window = windowOf(command);
      if (!isCounterAction(command) || !window) return refuse(who, describe(command));
      if (!who.windows.empty() && !who.windows.contains(*window))
        return refuse(who, fmt::format("window {} is not on this gateway's buses", *window));
      return std::nullopt;
    }
    case Role::Console: {
      // 代办员 issue tickets for the residents they act for.
      if (std::holds_alternative<core::cmd::IssueTicket>(command)) return std::nullopt;
      std::optional<core::WindowNumber> window = windowOf(command);
      if (const auto* reactivate = std::get_if<core::cmd::Reactivate>(&command)) {
        const auto ticket = state.tickets.find(reactivate->ticket);
        if (ticket != state.tickets.end()) window = ticket->second.window;
      } else if (!isWindowAction(command)) {
        return refuse(who, describe(command));
      }
      if (!window || !who.windows.contains(*window))
        return refuse(who, window ? fmt::format("window {} is not this console's window", *window)
                                  : std::string("the ticket was not served at this console's window"));
      if (!std::holds_alternative<core::cmd::ClerkLogin>(command) && !clerkPresent(state, *window))
        return errors::notLoggedIn(*window);
      return std::nullopt;
    }
  }
  return refuse(who, describe(command));
}

}  // namespace jiujin::service
