#pragma once
// Whether one device on a bus answers, and how often it did not. Pure: time is passed in.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices {

struct HealthPolicy {
  /// Consecutive failures (timeouts, bad CRCs, malformed replies, a vanished port)
  /// after which a device counts as offline.
  int failuresToOffline = 3;
  /// While offline the device is probed, first after this long, then twice as long
  /// each time it still does not answer, up to probeMax.
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
  int consecutiveFailures() const { return consecutiveFailures_; }
  /// When an offline device should next be probed; meaningless while online.
  TimePoint nextProbeAt() const { return nextProbeAt_; }
  std::chrono::milliseconds probeInterval() const { return probeInterval_; }
  const DeviceCounters& counters() const { return counters_; }

 private:
  HealthPolicy policy_;
  bool online_ = true;
  int consecutiveFailures_ = 0;
  std::chrono::milliseconds probeInterval_{0};
  TimePoint nextProbeAt_{};
  DeviceCounters counters_;
};

/// What the gateway publishes for a device (its id, state and counters).
struct DeviceHealthReport {
  std::string deviceId;
  bool online = true;
  int consecutiveFailures = 0;
  DeviceCounters counters;
};

}  // namespace jiujin::devices
