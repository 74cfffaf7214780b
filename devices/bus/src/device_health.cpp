#include "jiujin/devices/device_health.hpp"

#include <algorithm>

namespace jiujin::devices {

namespace {

void count(DeviceCounters& counters, const ModbusError& error) {
  switch (error.kind) {
    case ModbusErrorKind::Timeout: ++counters.timeouts; break;
    case ModbusErrorKind::BadCrc: ++counters.crcErrors; break;
    case ModbusErrorKind::BadFrame: ++counters.badFrames; break;
    case ModbusErrorKind::Exception: ++counters.exceptions; break;
    case ModbusErrorKind::Io:
    case ModbusErrorKind::PortGone: ++counters.portErrors; break;
    case ModbusErrorKind::InvalidRequest: break;  // the caller's mistake, not the device's
  }
}

}  // namespace

HealthChange DeviceHealth::record(const std::optional<ModbusError>& error, TimePoint now) {
  ++counters_.requests;
  if (error) {
    count(counters_, *error);
    if (error->kind != ModbusErrorKind::InvalidRequest) counters_.lastError = error->message;
  }
  if (!error || !isDeviceFailure(*error)) {
    consecutiveFailures_ = 0;
    if (online_) return HealthChange::None;
    online_ = true;
    cameBackAt_ = now;
    return HealthChange::CameBack;
  }
  ++consecutiveFailures_;
  refusing_ = error->kind == ModbusErrorKind::Exception;
  if (online_) {
    if (consecutiveFailures_ < policy_.failuresToOffline) return HealthChange::None;
    online_ = false;
    const bool flapping = cameBackAt_ && now - *cameBackAt_ < policy_.probeMax &&
                          probeInterval_ > std::chrono::milliseconds::zero();
    probeInterval_ = flapping ? std::min(probeInterval_ * 2, policy_.probeMax) : policy_.probeFirst;
    nextProbeAt_ = now + probeInterval_;
    return HealthChange::WentOffline;
  }
  probeInterval_ = std::min(probeInterval_ * 2, policy_.probeMax);
  nextProbeAt_ = now + probeInterval_;
  return HealthChange::None;
}

}  // namespace jiujin::devices
