#pragma once
// How many PINs a guesser may try (issue 15 §6). Without a limit, all 10,000 four-digit PINs
// take about 27 minutes. The policy, per clerk id and per client:
//   - the first `freeAttempts` wrong PINs in a row cost nothing;
//   - after that each attempt must wait `firstDelay`, doubling with every further wrong PIN
//     (2 s, 4 s, 8 s … up to `longestDelay`), counted from the previous attempt — an attempt
//     made sooner is refused with the seconds still to wait and is not checked at all;
//   - `lockAfter` wrong PINs in a row lock the clerk: even the right PIN is refused until a
//     manager unlocks the clerk. Clients are never locked (a console serves many clerks),
//     only slowed down.
// A right PIN starts both counts again. A check still running counts as a wrong PIN until it
// is answered, so a burst of simultaneous attempts cannot slip past the delay.
//
// Clerk ids that do not exist are counted like the others (and locked like them), so that a
// guesser cannot tell from a lock which ids exist.
//
// Pure: no clock of its own (the caller passes the hall's `now`), no I/O. The state is kept in
// memory only; docs/protocol.md ("Clerk PINs") says why a restart may forget it.
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "jiujin/core/time.hpp"

namespace jiujin::service {

class PinThrottle {
 public:
  struct Rules {
    int freeAttempts = 3;
    core::Seconds firstDelay{2};
    core::Seconds longestDelay{300};
    int lockAfter = 10;
    /// Clerk ids and clients remembered at most; beyond, the least recently tried one
    /// that is neither locked nor being checked is forgotten.
    std::size_t remembered = 4096;
  };

  /// Why an attempt may not be checked now.
  struct Refusal {
    enum class Kind { Backoff, Locked };
    Kind kind = Kind::Backoff;
    core::Seconds wait{0};  ///< Backoff: whole seconds until the next attempt is allowed
    bool byClient = false;  ///< Backoff: the client is slowed down (else the clerk id)
  };

  /// How a checked attempt ended.
  enum class Verdict {
    Accepted,  ///< the right PIN
    Wrong,     ///< a wrong PIN
    LockedNow, ///< a wrong PIN that locked the clerk (raise the alarm)
    Locked,    ///< the clerk was locked while the PIN was checked: refused whatever the PIN
  };

  PinThrottle() = default;
  explicit PinThrottle(Rules rules) : rules_(rules) {}

  /// Whether `clerk` may try a PIN from `client` at `now`. When it may, the attempt is
  /// counted as running until answer() is called for it.
  std::optional<Refusal> admit(const std::string& clerk, const std::string& client, core::TimePoint now);
  /// The outcome of an admitted attempt.
  Verdict answer(const std::string& clerk, const std::string& client, bool pinMatches);

  bool isLocked(const std::string& clerk) const;
  /// Unlocks `clerk` and forgets its wrong PINs, and those of the clients whose last wrong
  /// PIN was for this clerk (the clerk's own console, typically). True if it was locked.
  bool unlock(const std::string& clerk);

  /// The wait before the attempt after `unanswered` wrong or running ones.
  core::Seconds delayAfter(int unanswered) const;
  const Rules& rules() const { return rules_; }

 private:
  struct Streak {
    int failures = 0;  ///< wrong PINs in a row
    int running = 0;   ///< admitted, not answered yet
    core::TimePoint lastAttempt{};
    bool locked = false;     ///< clerks only
    std::string lastClerk;   ///< clients only: the clerk id of the last wrong PIN
  };

  std::optional<core::Seconds> waitFor(Streak& streak, core::TimePoint now) const;
  Streak& remember(std::map<std::string, Streak>& streaks, const std::string& key);

  Rules rules_;
  std::map<std::string, Streak> clerks_;
  std::map<std::string, Streak> clients_;
};

}  // namespace jiujin::service
