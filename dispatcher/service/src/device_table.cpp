#include "jiujin/service/device_table.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "jiujin/protocol/field_reader.hpp"
#include "jiujin/protocol/limits.hpp"

namespace jiujin::service {

using nlohmann::json;

namespace {

using protocol::FieldReader;
using protocol::Presence;
namespace limits = protocol::limits;

// The hall file's device kinds (printers are reported with printer_status).
const std::vector<std::string_view> kKinds{"window_display", "main_strip", "keypad", "eval_pad"};
const std::vector<std::string_view> kDeviceStatuses{"online", "offline", "error"};
const std::vector<std::string_view> kPrinterStatuses{"ok", "near_end", "out", "offline"};
constexpr std::string_view kPrinterSuffix = "/printer";

}  // namespace

json toJson(const DeviceHealth& d) {
  json j{{"id", d.id},         {"kind", d.kind},     {"bus", d.bus},
         {"status", d.status}, {"detail", d.detail}, {"since", d.since.time_since_epoch().count()},
         {"reported_by", d.reportedBy}, {"faults", d.faults}};
  j["window"] = d.window ? json(*d.window) : json();
  return j;
}

Outcome<DeviceHealth> deviceReportFromJson(const json& body, const std::vector<ConfiguredDevice>& configured) {
  FieldReader reader(body, {"device", "kind", "window", "bus", "status", "detail"});
  DeviceHealth d;
  d.id = reader.text("device", limits::kDeviceId, Presence::Required).value_or("");
  d.kind = reader.choice("kind", kKinds, Presence::Required).value_or("");
  const auto window = reader.integer("window", limits::kWindow);
  const auto bus = reader.text("bus", limits::kCode);
  d.status = reader.choice("status", kDeviceStatuses, Presence::Required).value_or("");
  d.detail = reader.text("detail", limits::kDeviceDetail).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  // Only the hall file's devices: a made-up id would raise an alarm nobody can clear.
  const auto known = std::find_if(configured.begin(), configured.end(), [&](const auto& c) { return c.id == d.id; });
  if (known == configured.end())
    return errors::notFound(fmt::format("device \"{}\" (not a [[device]] of the hall file)", d.id));
  if (d.kind != known->kind)
    return errors::invalidArgument(fmt::format("body.kind: device {} is a {}, not a {}", d.id, known->kind, d.kind));
  if (window && known->window != window) {
    return errors::invalidArgument(
        known->window ? fmt::format("body.window: device {} belongs to window {}, not {}", d.id, *known->window, *window)
                      : fmt::format("body.window: device {} serves the whole hall, not window {}", d.id, *window));
  }
  if (bus && *bus != known->bus)
    return errors::invalidArgument(fmt::format("body.bus: device {} is on bus {}, not {}", d.id, known->bus, *bus));
  d.window = known->window;
  d.bus = known->bus;
  return d;
}

Outcome<DeviceHealth> printerStatusFromJson(const json& body, const core::HallDefinition& definition) {
  FieldReader reader(body, {"device", "window", "status", "detail"});
  DeviceHealth d;
  d.id = reader.text("device", limits::kDeviceId, Presence::Required).value_or("");
  const auto window = reader.integer("window", limits::kWindow);
  d.status = reader.choice("status", kPrinterStatuses, Presence::Required).value_or("");
  d.detail = reader.text("detail", limits::kDeviceDetail).value_or("");
  if (!reader.error() && (d.id.size() <= kPrinterSuffix.size() || !d.id.ends_with(kPrinterSuffix)))
    reader.refuse("device", "a kiosk's printer is named \"<kiosk>/printer\"", "取号机打印机应命名为“<取号机>/printer”");
  if (reader.error()) return fromCoreError(*reader.error());
  if (window) {
    const bool inHall = std::any_of(definition.windows.begin(), definition.windows.end(),
                                    [&](const core::WindowDef& w) { return w.number == *window; });
    if (!inHall) return errors::notFound(fmt::format("window {} (not a window of the hall)", *window));
    d.window = static_cast<int>(*window);
  }
  d.kind = "printer";
  return d;
}

std::optional<ServiceError> DeviceTable::refusal(const DeviceHealth& device) const {
  if (device.kind != "printer" || devices_.contains(device.id)) return std::nullopt;
  const auto printers = std::count_if(devices_.begin(), devices_.end(), [](const auto& d) { return d.second.kind == "printer"; });
  if (static_cast<std::size_t>(printers) < kMaxPrinters) return std::nullopt;
  return errors::invalidArgument(fmt::format("body.device: the dispatcher already follows {} printers", kMaxPrinters));
}

bool DeviceTable::isFault(const std::string& status) {
  return status == "offline" || status == "error" || status == "out";
}

std::optional<std::string> DeviceTable::report(DeviceHealth device) {
  auto it = devices_.find(device.id);
  if (it == devices_.end()) {
    device.faults = isFault(device.status) ? 1 : 0;
    devices_.emplace(device.id, std::move(device));
    return std::string();
  }
  if (it->second.status == device.status) {
    it->second.detail = device.detail;  // keep the newest words, keep the old `since`
    return std::nullopt;
  }
  std::string previous = it->second.status;
  device.faults = it->second.faults + (isFault(device.status) ? 1 : 0);
  it->second = std::move(device);
  return previous;
}

json DeviceTable::toJson() const {
  json list = json::array();
  for (const auto& [id, d] : devices_) list.push_back(service::toJson(d));
  return list;
}

}  // namespace jiujin::service
