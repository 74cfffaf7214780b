// unlock_clerk: a manager lets a clerk locked after too many wrong PINs try again.
#include <fmt/format.h>

#include "pin_lockout.hpp"
#include "queries.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

Outcome<json> serveUnlockClerk(const json& body, QueryContext& c) {
  auto clerk = clerkToUnlock(body);
  if (!clerk) return clerk.error();
  const bool wasLocked = c.pinThrottle.unlock(clerk.value());
  // A manager may be told which ids exist; a locked id that is not a clerk (a guesser's) can
  // be unlocked too, to clear it.
  if (!wasLocked && !c.clerks.contains(clerk.value())) return errors::notFound(fmt::format("clerk {}", clerk.value()));
  return json{{"clerk", clerk.value()}, {"was_locked", wasLocked}};
}

}  // namespace jiujin::service::detail
