#include "jiujin/service/pin_throttle.hpp"

#include <algorithm>

namespace jiujin::service {

core::Seconds PinThrottle::delayAfter(int unanswered) const {
  const int doublings = std::max(0, unanswered - rules_.freeAttempts);
  if (doublings >= 30) return rules_.longestDelay;
  return std::min(rules_.longestDelay, rules_.firstDelay * (std::int64_t{1} << doublings));
}

std::optional<core::Seconds> PinThrottle::waitFor(Streak& streak, core::TimePoint now) const {
  const int unanswered = streak.failures + streak.running;
  if (unanswered < rules_.freeAttempts) return std::nullopt;
  // A wall clock set back must not lock anybody out until it catches up again: the last
  // attempt then counts as made just now.
  if (now < streak.lastAttempt) streak.lastAttempt = now;
  const auto left = delayAfter(unanswered) - (now - streak.lastAttempt);
  if (left <= core::Milliseconds{0}) return std::nullopt;
  return std::chrono::ceil<core::Seconds>(left);
}

PinThrottle::Streak& PinThrottle::remember(std::map<std::string, Streak>& streaks, const std::string& key) {
  if (const auto found = streaks.find(key); found != streaks.end()) return found->second;
  if (streaks.size() >= rules_.remembered) {
    auto oldest = streaks.end();
    for (auto it = streaks.begin(); it != streaks.end(); ++it) {
      if (it->second.locked || it->second.running > 0) continue;
      if (oldest == streaks.end() || it->second.lastAttempt < oldest->second.lastAttempt) oldest = it;
    }
    if (oldest != streaks.end()) streaks.erase(oldest);
  }
  return streaks[key];
}

std::optional<PinThrottle::Refusal> PinThrottle::admit(const std::string& clerk, const std::string& client,
                                                       core::TimePoint now) {
  const auto c = clerks_.find(clerk);
  if (c != clerks_.end() && c->second.locked) return Refusal{Refusal::Kind::Locked, core::Seconds{0}, false};
  // Both are asked (each may correct its record of a clock set back); the clerk's wait is told first.
  const auto k = clients_.find(client);
  const auto clerkWait = c == clerks_.end() ? std::nullopt : waitFor(c->second, now);
  const auto clientWait = k == clients_.end() ? std::nullopt : waitFor(k->second, now);
  if (clerkWait) return Refusal{Refusal::Kind::Backoff, *clerkWait, false};
  if (clientWait) return Refusal{Refusal::Kind::Backoff, *clientWait, true};
  for (Streak* s : {&remember(clerks_, clerk), &remember(clients_, client)}) {
    ++s->running;
    s->lastAttempt = now;
  }
  return std::nullopt;
}

PinThrottle::Verdict PinThrottle::answer(const std::string& clerk, const std::string& client, bool pinMatches) {
  Streak& c = remember(clerks_, clerk);
  Streak& k = remember(clients_, client);
  c.running = std::max(0, c.running - 1);
  k.running = std::max(0, k.running - 1);
  if (c.locked) return Verdict::Locked;
  if (pinMatches) {
    c.failures = 0;
    k.failures = 0;
    k.lastClerk.clear();
    return Verdict::Accepted;
  }
  ++c.failures;
  ++k.failures;
  k.lastClerk = clerk;
  if (c.failures < rules_.lockAfter) return Verdict::Wrong;
  c.locked = true;
  return Verdict::LockedNow;
}

bool PinThrottle::isLocked(const std::string& clerk) const {
  const auto c = clerks_.find(clerk);
  return c != clerks_.end() && c->second.locked;
}

bool PinThrottle::unlock(const std::string& clerk) {
  bool wasLocked = false;
  if (const auto c = clerks_.find(clerk); c != clerks_.end()) {
    wasLocked = c->second.locked;
    c->second.locked = false;
    c->second.failures = 0;
  }
  for (auto& [name, k] : clients_) {
    if (k.lastClerk != clerk) continue;
    k.failures = 0;
    k.lastClerk.clear();
  }
  return wasLocked;
}

}  // namespace jiujin::service
