#pragma once
// "Call next" at a window: which waiting ticket, and why. The rules, tried in order:
//   0. a ticket a manager pinned to this window;
//   1. an appointment ticket whose slot has begun (earliest slot first);
//   2. a 绿色通道 ticket — unless the oldest normal ticket has waited priorityAgingLimit
//      longer than the oldest priority one, which then goes first (aging);
//   3. a ticket transferred to this very window, then to this window's kind;
//   4. the longest weighted wait (wait × entry weight) across the queues the profile serves.
// Steps 1, 2 and 4 only look at queues the window's profile serves right now (conditional
// entries included only while their condition holds). Ties break by arrival, then ticket id.
// Every lookup is the front of an ordered set: cost grows with log(waiting), not waiting.
#include <optional>

#include "hall_data.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::core::detail {

class Router {
 public:
  explicit Router(const HallData& hall) : hall_(hall) {}

  /// The ticket `window` should call at `now`, and why — or nothing if none may be called.
  std::optional<CallDecision> next(WindowNumber window, TimePoint now) const;

 private:
  const HallData& hall_;
};

}  // namespace jiujin::core::detail
