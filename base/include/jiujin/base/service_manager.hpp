#pragma once
// Telling systemd how a daemon is doing, for Type=notify units (packaging/systemd): ready
// once it serves, alive while its loop turns (WatchdogSec), stopping when it ends. Outside
// systemd (no NOTIFY_SOCKET) every call does nothing, so the programs run the same by hand.
#include <chrono>
#include <optional>

namespace jiujin::service_manager {

/// READY=1: the daemon serves (after recovery), systemd may start what waits for it.
void notifyReady();
/// STOPPING=1: the daemon is shutting down on purpose.
void notifyStopping();

/// How often systemd expects WATCHDOG=1 (the unit's WatchdogSec), or nothing without one.
std::optional<std::chrono::microseconds> watchdogInterval();

/// Feeds the watchdog from a loop that calls it every turn: sends WATCHDOG=1 at most every
/// half interval, so a busy loop does not flood systemd and a stalled one is restarted.
class WatchdogFeeder {
 public:
  WatchdogFeeder();
  void turned();
  bool enabled() const { return interval_.has_value(); }

 private:
  std::optional<std::chrono::microseconds> interval_;
  std::chrono::steady_clock::time_point lastFed_{};
};

}  // namespace jiujin::service_manager
