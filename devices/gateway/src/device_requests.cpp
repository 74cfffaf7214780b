#include "jiujin/devices/gateway/device_requests.hpp"

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::devices::gateway {

using nlohmann::json;

std::optional<DispatcherRequest> requestForKey(drivers::Key key, core::WindowNumber window,
                                               std::optional<core::WindowState> windowState,
                                               const core::TransferTarget& transferTo) {
  const json body{{"window", window}};
  switch (key) {
    case drivers::Key::CallNext: return DispatcherRequest{"call_next", body, {}};
    case drivers::Key::Recall: return DispatcherRequest{"recall", body, {}};
    case drivers::Key::Start: return DispatcherRequest{"start_service", body, {}};
    case drivers::Key::Complete: return DispatcherRequest{"complete", body, {}};
    case drivers::Key::NoShow: return DispatcherRequest{"mark_no_show", body, {}};
    case drivers::Key::Transfer:
      return DispatcherRequest{"transfer", json{{"window", window}, {"to", protocol::toJson(transferTo)}}, {}};
    case drivers::Key::PauseResume:
      if (!windowState) return std::nullopt;
      if (*windowState == core::WindowState::Paused) return DispatcherRequest{"resume_window", body, {}};
      return DispatcherRequest{"pause_window", json{{"window", window}, {"reason", "呼叫器暂停"}}, {}};
    case drivers::Key::RequestEvaluation: return DispatcherRequest{"request_evaluation", body, {}};
    case drivers::Key::Unknown: return std::nullopt;
  }
  return std::nullopt;
}

DispatcherRequest requestForRating(drivers::Rating rating, core::WindowNumber window) {
  // The pad's key number is the national scale's number (1 非常满意 … 5 非常不满意).
  const auto scale = static_cast<core::Rating>(drivers::ratingNumber(rating));
  return DispatcherRequest{"evaluate", json{{"window", window}, {"rating", core::toString(scale)}}, {}};
}

DispatcherRequest healthReport(const PlannedDevice& device, const DeviceHealthReport& health) {
  const DeviceCounters& c = health.counters;
  std::string detail = fmt::format("requests={} timeouts={} crc={} bad_frames={} exceptions={} port={}", c.requests,
                                   c.timeouts, c.crcErrors, c.badFrames, c.exceptions, c.portErrors);
  if (!c.lastError.empty()) detail = fmt::format("{}; last: {}", detail, c.lastError);
  if (detail.size() > 200) {  // the service takes at most 200 bytes; cut at a character
    detail.resize(200);
    while (!detail.empty() && (static_cast<unsigned char>(detail.back()) & 0xC0) == 0x80) detail.pop_back();
    if (!detail.empty() && static_cast<unsigned char>(detail.back()) >= 0xC0) detail.pop_back();
  }
  json body{{"device", device.id},
            {"kind", std::string(config::toString(device.kind))},
            {"bus", device.bus},
            {"status", health.online ? "online" : "offline"},
            {"detail", detail}};
  if (device.window) body["window"] = *device.window;
  return DispatcherRequest{"device_report", std::move(body), {}};
}

}  // namespace jiujin::devices::gateway
