// Clerk logins: the PIN is checked off the command thread (argon2id is slow on purpose), and
// the PIN throttle decides who may try at all — before any check runs, so that a flood of
// guesses costs the hall nothing — and locks a clerk after too many wrong PINs in a row.
#include <fmt/format.h>

#include "pin_lockout.hpp"
#include "request_bodies.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

Outcome<std::uint64_t> RequestHandler::submitPinCheck(const json& body, const ClientIdentity& who,
                                                      const char* idField) {
  // The PIN is read with its range (the command's codec has read the clerk already).
  const auto pin = readPin(body);
  if (!pin) return pin.error();
  const auto clerkField = body.find(idField);
  if (clerkField == body.end() || !clerkField->is_string())
    return errors::invalidArgument(fmt::format("\"{}\" is required", idField));
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

// A manager logs in at a monitor with an id and PIN of the hall file's [[clerk]] entries marked
// `manager = true`: the same check, throttle and lockout as a clerk's. From then on the
// dispatcher records what that monitor does as done by the manager (docs/protocol.md,
// "manager_login").
Outcome<json> RequestHandler::serveManagerLogin(Pending& pending, const json& body, const ClientIdentity& who) {
  auto read = readManagerLogin(body);
  if (!read) return read.error();
  auto check = submitPinCheck(body, who, "manager");
  if (!check) return check.error();
  pending.setAside = check.value();
  setAside_[check.value()].manager = read.value().manager;
  return json::object();
}

Outcome<json> RequestHandler::finishManagerLogin(SetAside& login, bool pinMatches) {
  const std::string& manager = login.manager;
  switch (pinThrottle_.answer(manager, login.who.name, pinMatches)) {
    case PinThrottle::Verdict::Accepted:
      break;
    case PinThrottle::Verdict::Wrong:
      return errors::wrongPin();
    case PinThrottle::Verdict::LockedNow:
      raise(clerkLockedAlarm(manager, 0, pinThrottle_.rules().lockAfter, now_));
      return clerkLocked(manager);
    case PinThrottle::Verdict::Locked:
      return clerkLocked(manager);
  }
  const auto entry = clerks_.find(manager);
  // A reload while the PIN was checked may have removed the person or the role.
  if (entry == clerks_.end()) return errors::wrongPin();
  if (!entry->second.manager)
    return errors::forbidden(fmt::format("{} is not a manager of this hall (manager = true in the hall file)", manager));
  managers_[login.who.name] = manager;
  return json{{"manager", manager}};
}

void RequestHandler::finishPinCheck(std::uint64_t id, bool pinMatches) {
  const auto found = setAside_.find(id);
  if (found == setAside_.end()) return;
  SetAside& login = found->second;
  if (!login.manager.empty()) {
    auto outcome = finishManagerLogin(login, pinMatches);
    if (outcome.ok()) login.audit.client = login.who.name + "/" + login.manager;
    finishSetAside(id, std::move(outcome));
    return;
  }
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
