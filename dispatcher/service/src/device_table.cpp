#include "jiujin/service/device_table.hpp"

#include <array>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace jiujin::service {

using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 5> kKinds{"window_display", "main_strip", "keypad", "eval_pad", "printer"};
constexpr std::array<std::string_view, 3> kDeviceStatuses{"online", "offline", "error"};
constexpr std::array<std::string_view, 4> kPrinterStatuses{"ok", "near_end", "out", "offline"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, const std::string& value) {
  for (auto n : names)
    if (n == value) return true;
  return false;
}

template <std::size_t N>
std::string listOf(const std::array<std::string_view, N>& names) {
  return fmt::format("{}", fmt::join(names, "|"));
}

/// Reads the fields both reports share; `allowed` lists the keys the body may hold.
Outcome<DeviceHealth> readCommon(const json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (auto a : allowed) known = known || key == a;
    if (!known) return errors::invalidArgument(fmt::format("unknown field \"{}\"", key));
  }
  DeviceHealth d;
  const auto text = [&](const char* key, std::string& out, bool required) -> std::optional<ServiceError> {
    const auto it = body.find(key);
    if (it == body.end()) {
      if (required) return errors::invalidArgument(fmt::format("\"{}\" is required", key));
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().size() > 200)
      return errors::invalidArgument(fmt::format("\"{}\" must be a string of at most 200 bytes", key));
    out = it->get<std::string>();
    return std::nullopt;
  };
  if (auto e = text("device", d.id, true)) return *e;
  if (d.id.empty()) return errors::invalidArgument("\"device\" must not be empty");
  if (auto e = text("status", d.status, true)) return *e;
  if (auto e = text("detail", d.detail, false)) return *e;
  if (auto e = text("bus", d.bus, false)) return *e;
  if (auto e = text("kind", d.kind, false)) return *e;
  if (const auto w = body.find("window"); w != body.end()) {
    if (!w->is_number_integer()) return errors::invalidArgument("\"window\" must be an integer");
    d.window = w->get<int>();
  }
  return d;
}

}  // namespace

json toJson(const DeviceHealth& d) {
  json j{{"id", d.id},         {"kind", d.kind},     {"bus", d.bus},
         {"status", d.status}, {"detail", d.detail}, {"since", d.since.time_since_epoch().count()},
         {"reported_by", d.reportedBy}, {"faults", d.faults}};
  j["window"] = d.window ? json(*d.window) : json();
  return j;
}

Outcome<DeviceHealth> deviceReportFromJson(const json& body) {
  auto d = readCommon(body, {"device", "kind", "window", "bus", "status", "detail"});
  if (!d) return d;
  if (!contains(kDeviceStatuses, d.value().status))
    return errors::invalidArgument(fmt::format("\"status\" must be {}", listOf(kDeviceStatuses)));
  if (d.value().kind.empty() || !contains(kKinds, d.value().kind))
    return errors::invalidArgument(fmt::format("\"kind\" must be {}", listOf(kKinds)));
  return d;
}

Outcome<DeviceHealth> printerStatusFromJson(const json& body) {
  auto d = readCommon(body, {"device", "window", "status", "detail"});
  if (!d) return d;
  if (!contains(kPrinterStatuses, d.value().status))
    return errors::invalidArgument(fmt::format("\"status\" must be {}", listOf(kPrinterStatuses)));
  d.value().kind = "printer";
  return d;
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
