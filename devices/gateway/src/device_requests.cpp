#include "jiujin/devices/gateway/device_requests.hpp"

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::devices::gateway {

namespace requests = client::requests;

std::optional<DispatcherRequest> requestForKey(drivers::Key key, core::WindowNumber window,
                                               std::optional<core::WindowState> windowState,
                                               const core::TransferTarget& transferTo) {
  switch (key) {
    case drivers::Key::CallNext: return DispatcherRequest{requests::callNext(window), {}};
    case drivers::Key::Recall: return DispatcherRequest{requests::recall(window), {}};
    case drivers::Key::Start: return DispatcherRequest{requests::startService(window), {}};
    case drivers::Key::Complete: return DispatcherRequest{requests::complete(window), {}};
    case drivers::Key::NoShow: return DispatcherRequest{requests::markNoShow(window), {}};
    case drivers::Key::Transfer: return DispatcherRequest{requests::transfer(window, transferTo), {}};
    case drivers::Key::PauseResume:
      if (!windowState) return std::nullopt;
      if (*windowState == core::WindowState::Paused) return DispatcherRequest{requests::resumeWindow(window), {}};
      return DispatcherRequest{requests::pauseWindow(window, "呼叫器暂停"), {}};
    case drivers::Key::RequestEvaluation: return DispatcherRequest{requests::requestEvaluation(window), {}};
    case drivers::Key::Unknown: return std::nullopt;
  }
  return std::nullopt;
}

DispatcherRequest requestForRating(drivers::Rating rating, core::WindowNumber window) {
  // The pad's key number is the national scale's number (1 非常满意 … 5 非常不满意).
  const auto scale = static_cast<core::Rating>(drivers::ratingNumber(rating));
  return DispatcherRequest{requests::evaluate(window, scale), {}};
}

namespace {
// "error": it answers but refuses what it is asked (exception replies); "offline": it does
// not answer properly at all. Both raise the manager's device alarm.
// A device that works but cannot show its content as meant is in error too.
const char* statusOf(const DeviceHealthReport& health, const std::string& contentProblem) {
  if (health.online) return contentProblem.empty() ? "online" : "error";
  return health.refusing ? "error" : "offline";
}
}  // namespace

DispatcherRequest healthReport(const PlannedDevice& device, const DeviceHealthReport& health,
                               const std::string& contentProblem) {
  const DeviceCounters& c = health.counters;
  std::string detail = fmt::format("requests={} timeouts={} crc={} bad_frames={} exceptions={} port={}", c.requests,
                                   c.timeouts, c.crcErrors, c.badFrames, c.exceptions, c.portErrors);
  if (!c.lastError.empty()) detail = fmt::format("{}; last: {}", detail, c.lastError);
  if (!contentProblem.empty()) detail = fmt::format("content {}; {}", contentProblem, detail);
  if (detail.size() > 200) {  // the service takes at most 200 bytes; cut at a character
    detail.resize(200);
    while (!detail.empty() && (static_cast<unsigned char>(detail.back()) & 0xC0) == 0x80) detail.pop_back();
    if (!detail.empty() && static_cast<unsigned char>(detail.back()) >= 0xC0) detail.pop_back();
  }
  const client::DeviceHealth report{device.id,    std::string(config::toString(device.kind)),
                                    statusOf(health, contentProblem), device.window, device.bus, std::move(detail)};
  return DispatcherRequest{requests::deviceReport(report), {}};
}

}  // namespace jiujin::devices::gateway
