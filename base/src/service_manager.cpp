#include "jiujin/base/service_manager.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>

namespace jiujin::service_manager {

void notifyReady() { sd_notify(0, "READY=1"); }

void notifyStopping() { sd_notify(0, "STOPPING=1"); }

std::optional<std::chrono::microseconds> watchdogInterval() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec);
}

WatchdogFeeder::WatchdogFeeder() : interval_(watchdogInterval()) {}

void WatchdogFeeder::turned() {
  if (!interval_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - lastFed_ < *interval_ / 2) return;
  sd_notify(0, "WATCHDOG=1");
  lastFed_ = now;
}

}  // namespace jiujin::service_manager
