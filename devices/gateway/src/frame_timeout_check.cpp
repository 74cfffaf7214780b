#include "jiujin/devices/gateway/frame_timeout_check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "jiujin/devices/drivers/registers.hpp"
#include "jiujin/devices/gateway/gateway_plan.hpp"
#include "jiujin/devices/wire_time.hpp"

namespace jiujin::devices::gateway {

int largestFrameRegisters(const drivers::Profile& profile) {
  auto fields = drivers::describeRegisters(profile);
  std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.address < b.address; });
  int largest = 0, run = 0, next = -1;
  for (const auto& field : fields) {
    run = field.address == next ? run + field.count : field.count;
    next = field.address + field.count;
    largest = std::max(largest, run);
  }
  return std::min<int>({largest, drivers::kMaxRegistersPerWrite, profile.protocol.maxFrameRegisters});
}

std::vector<config::Diagnostic> checkResponseTimeouts(const config::LoadResult& loaded,
                                                      const drivers::ProfileLibrary& profiles) {
  std::vector<config::Diagnostic> errors;
  if (!loaded.config) return errors;
  const auto& hall = *loaded.config;
  for (std::size_t i = 0; i < hall.buses.size() && i < loaded.busTimeoutPlaces.size(); ++i) {
    const auto& bus = hall.buses[i];
    const auto& place = loaded.busTimeoutPlaces[i];
    if (place.line == 0 || bus.port.empty()) continue;
    const SerialSettings serial = serialSettingsOf(bus);
    const std::chrono::milliseconds configured(bus.responseTimeoutMs);
    // The worst device decides: one message per bus names it.
    std::chrono::milliseconds worstNeed{0};
    const config::DeviceConfig* worst = nullptr;
    int worstRegisters = 0;
    std::chrono::milliseconds worstTurnaround{0};
    for (const auto& device : hall.devices) {
      if (device.bus != bus.id) continue;
      const auto name = device.profile.empty() ? std::string(config::defaultProfile(device.kind)) : device.profile;
      const auto* profile = profiles.find(name);
      if (!profile) continue;
      const int registers = largestFrameRegisters(*profile);
      const auto turnaround = answerAllowance(profile->protocol.turnaround);
      const auto need = responseTimeoutFor(writeBytes(registers), serial, turnaround, std::chrono::milliseconds(0));
      if (need > worstNeed) {
        worstNeed = need;
        worst = &device;
        worstRegisters = registers;
        worstTurnaround = turnaround;
      }
    }
    if (!worst || configured >= worstNeed) continue;
    const auto bytes = writeBytes(worstRegisters);
    errors.push_back(config::Diagnostic{
        hall.sourceFile, place.line, place.column,
        fmt::format("response_timeout_ms = {} of bus \"{}\" cannot work at {} baud: device \"{}\" exchanges up to {} "
                    "registers in one frame ({} + {} bytes, {} ms on the wire) and may take {} ms to answer, so the "
                    "gateway waits {} ms for it; write at least {} or leave response_timeout_ms out",
                    bus.responseTimeoutMs, bus.id, bus.baud, worst->id, worstRegisters, bytes.request, bytes.reply,
                    std::chrono::ceil<std::chrono::milliseconds>(exchangeTime(bytes.request, bytes.reply, serial)).count(),
                    worstTurnaround.count(), worstNeed.count(), worstNeed.count())});
  }
  return errors;
}

std::vector<config::Diagnostic> checkResponseTimeouts(const config::LoadResult& loaded) {
  drivers::ProfileLibrary profiles;
  if (auto error = profiles.loadDirectory(drivers::builtinProfileDir())) {
    return {config::Diagnostic{drivers::builtinProfileDir(), 0, 0, error->message}};
  }
  return checkResponseTimeouts(loaded, profiles);
}

}  // namespace jiujin::devices::gateway
