// Clerk logins: the PIN is checked off the command thread (argon2id is slow on purpose), and
// the PIN throttle decides who may try at all — before any check runs, so that a flood of
// guesses costs the hall nothing — and locks a clerk after too many wrong PINs in a row.
#include <fmt/format.h>

#include "pin_lockout.hpp"
#include "request_bodies.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

Outcome<std::uint64_t> RequestHandler::submitPinCheck(const json& body, const ClientIdentity& who) {
  // The PIN is read with its range (the command's codec has read the clerk already).
  const auto pin = readPin(body);
  if (!pin) return pin.error();
  const auto clerkField = body.find("clerk");
  if (clerkField == body.end() || !clerkField->is_string()) return errors::invalidArgument("\"clerk\" is required");
  if (!settings_.verifyPin) return errors::wrongPin();
  const std::string& clerkId = clerkField->get_ref<const std::string&>();
  if (clerks_.empty()) return errors::unknownClerk(clerkId);
  if (auto refusal = pinThrottle_.admit(clerkId, who.name, now_)) return refusalOf(*refusal, clerkId);
  // A clerk id that does not exist is checked against another clerk's hash as a decoy: it
  // costs the same time and never matches, so the time to a refusal does not tell a guesser
  // which ids exist.
  const auto clerk = clerks_.find(clerkId);
  const bool decoy = clerk == clerks_.end();
  std::string hash = decoy ? clerks_.begin()->second.pinHash : clerk->second.pinHash;
  const std::uint64_t id = nextSetAside_++;
  offThread_.submit(
      kPinLane,
      [this, id, verify = settings_.verifyPin, hash = std::move(hash), pin = pin.value(),
       decoy]() -> OffThreadWork::Completion {
        const bool matches = verify(hash, pin) && !decoy;
        return [this, id, matches] { finishPinCheck(id, matches); };
      },
      [this, id] { finishPinCheck(id, false); });
  return id;
}

// A console that starts (or restarts) at a window where a clerk is already logged in acts only
// after that clerk's PIN: the same check, throttle and lockout as a login, and nothing changes
// in the hall (docs/protocol.md, "confirm_clerk").
Outcome<json> RequestHandler::serveConfirmClerk(Pending& pending, const json& body, const ClientIdentity& who) {
  auto read = readConfirmClerk(body);
  if (!read) return read.error();
  const ConfirmClerkBody& confirm = read.value();
  if (who.role == Role::Console && !who.windows.contains(confirm.window))
    return errors::forbidden(fmt::format("confirm_clerk at window {}", confirm.window));
  const auto& windows = durable_->hall().state().windows;
  const auto window = windows.find(confirm.window);
  if (window == windows.end() || !window->second.clerk) return errors::notLoggedIn(confirm.window);
  // Only the clerk who is there: another clerk's PIN proves nothing about this session.
  if (*window->second.clerk != confirm.clerk) return errors::notLoggedIn(confirm.window);
  auto check = submitPinCheck(body, who);
  if (!check) return check.error();
  pending.setAside = check.value();
  SetAside& item = setAside_[check.value()];
  item.command = core::cmd::ClerkLogin{confirm.window, confirm.clerk};
  item.confirmOnly = true;
  return json::object();
}

void RequestHandler::finishPinCheck(std::uint64_t id, bool pinMatches) {
  const auto found = setAside_.find(id);
  if (found == setAside_.end()) return;
  SetAside& login = found->second;
  auto outcome = finishLogin(login, pinMatches);
  if (outcome.ok()) login.audit.clerk = std::get<core::cmd::ClerkLogin>(*login.command).clerk;
  finishSetAside(id, std::move(outcome));
}

Outcome<json> RequestHandler::finishLogin(SetAside& login, bool pinMatches) {
  const auto& command = std::get<core::cmd::ClerkLogin>(*login.command);
  switch (pinThrottle_.answer(command.clerk, login.who.name, pinMatches)) {
    case PinThrottle::Verdict::Accepted:
      break;
    case PinThrottle::Verdict::Wrong:
      return errors::wrongPin();
    case PinThrottle::Verdict::LockedNow:
      raise(clerkLockedAlarm(command.clerk, command.window, pinThrottle_.rules().lockAfter, now_));
      return clerkLocked(command.clerk);
    case PinThrottle::Verdict::Locked:
      return clerkLocked(command.clerk);
  }
  const auto clerk = clerks_.find(command.clerk);
  // A reload while the PIN was checked may have removed the clerk.
  if (clerk == clerks_.end()) return errors::wrongPin();
  if (!clerk->second.allowedWindows.empty() && !clerk->second.allowedWindows.contains(command.window))
    return errors::clerkNotAllowedHere(clerk->first, command.window);
  if (login.confirmOnly) {
    // The clerk may have logged out while the PIN was checked.
    const auto& windows = durable_->hall().state().windows;
    const auto w = windows.find(command.window);
    if (w == windows.end() || w->second.clerk != command.clerk) return errors::notLoggedIn(command.window);
    return json{{"window", command.window}, {"clerk", command.clerk}};
  }
  // The hall may have moved on while the PIN was checked: ask again.
  if (auto refusal = authorize(login.who, *login.command, durable_->hall().state())) return *refusal;
  return executeCommand(login.pending, *login.command);
}

}  // namespace jiujin::service::detail
