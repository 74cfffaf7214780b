#pragma once
// Whether one device on a bus answers, and how often it did not. Pure: time is passed in.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices {

struct HealthPolicy {
  /// Consecutive failures (timeouts, bad CRCs, malformed replies, exception replies, a
  /// vanished port) after which a device is taken off the line: offline, or in error when it
  /// answers but refuses.
  int failuresToOffline = 3;
  /// While off the line the device is probed, first after this long, then twice as long
  /// each time it still fails, up to probeMax. A device that fails again within probeMax of
  /// coming back keeps doubling from where it was: one that flaps is not hammered.
  std::chrono::milliseconds probeFirst{500};
  std::chrono::milliseconds probeMax{10000};
};

struct DeviceCounters {
  std::uint64_t requests = 0;    ///< frames sent to the device
  std::uint64_t timeouts = 0;
  std::uint64_t crcErrors = 0;
  std::uint64_t badFrames = 0;   ///< replies that were malformed (wrong slave, length, garbage)
  std::uint64_t exceptions = 0;  ///< Modbus exception replies (the device is there)
  std::uint64_t portErrors = 0;  ///< the port or gateway was gone or failed
  std::string lastError;         ///< the most recent failure's message, empty if none
  bool operator==(const DeviceCounters&) const = default;
};

enum class HealthChange { None, WentOffline, CameBack };

class DeviceHealth {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit DeviceHealth(HealthPolicy policy = {}) : policy_(policy) {}

  /// Counts one frame's outcome (nullopt: answered) and says whether the state changed.
  HealthChange record(const std::optional<ModbusError>& error, TimePoint now);

  bool online() const { return online_; }
  /// Off the line because it answered with exceptions (it is there, but refuses what it is
  /// asked): reported as "error" rather than "offline".
  bool refusing() const { return !online_ && refusing_; }
  int consecutiveFailures() const { return consecutiveFailures_; }
  /// When an offline device should next be probed; meaningless while online.
  TimePoint nextProbeAt() const { return nextProbeAt_; }
  std::chrono::milliseconds probeInterval() const { return probeInterval_; }
  const DeviceCounters& counters() const { return counters_; }

 private:
  HealthPolicy policy_;
  bool online_ = true;
  bool refusing_ = false;
  int consecutiveFailures_ = 0;
  std::optional<TimePoint> cameBackAt_;
  std::chrono::milliseconds probeInterval_{0};
  TimePoint nextProbeAt_{};
  DeviceCounters counters_;
};

/// What the gateway publishes for a device (its id, state and counters).
struct DeviceHealthReport {
  std::string deviceId;
  bool online = true;
  bool refusing = false;  ///< off the line because it refuses (exception replies): "error"
  int consecutiveFailures = 0;
  DeviceCounters counters;
};

}  // namespace jiujin::devices
