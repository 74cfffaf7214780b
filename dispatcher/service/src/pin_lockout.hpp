#pragma once
// What the service says when the PIN throttle (pin_throttle.hpp) steps in: the refusals a
// console shows, the alarm the manager gets when a clerk is locked, and the body of the
// manager's unlock_clerk request.
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/service/alarms.hpp"
#include "jiujin/service/pin_throttle.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service::detail {

/// `pin_backoff` with the seconds to wait, or `clerk_locked`.
ServiceError refusalOf(const PinThrottle::Refusal& refusal, const std::string& clerk);
/// Even the right PIN is refused until a manager unlocks the clerk.
ServiceError clerkLocked(const std::string& clerk);

/// `clerk_locked`: `wrongPins` wrong PINs in a row for `clerk`, the last at `window`.
Alarm clerkLockedAlarm(const std::string& clerk, core::WindowNumber window, int wrongPins, core::TimePoint at);

/// The clerk id of an unlock_clerk body `{"clerk": "c01"}` (no other field).
Outcome<std::string> clerkToUnlock(const nlohmann::json& body);

}  // namespace jiujin::service::detail
