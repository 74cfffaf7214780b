// Device health from the gateway (device_report) and ticket printers' paper from the kiosks
// (printer_status): the device table keeps the latest; a change is news, and may be an alarm.
#include <fmt/format.h>

#include "queries.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

Outcome<json> serveDeviceHealth(Outcome<DeviceHealth> device, QueryContext& c) {
  if (!device) return device.error();
  if (auto refusal = c.devices.refusal(device.value())) return *refusal;
  if (c.who.role == Role::Devices && device.value().window && !c.who.windows.empty() &&
      !c.who.windows.contains(*device.value().window))
    return errors::forbidden(fmt::format("window {} is not on this gateway's buses", *device.value().window));
  device.value().since = c.now;
  device.value().reportedBy = c.who.name;
  const bool changed = c.devices.report(device.value()).has_value();
  if (changed) {
    // The table's record, with the fault count the dispatcher keeps.
    const DeviceHealth& recorded = c.devices.devices().at(device.value().id);
    c.news.emplace_back("device." + recorded.status, json{{"device", toJson(recorded)}});
    if (auto alarm = c.alarms.checkDevice(recorded)) c.raised.push_back(*alarm);
  }
  return json{{"changed", changed}};
}

}  // namespace

Outcome<json> serveDeviceReport(const json& body, QueryContext& c) {
  return serveDeviceHealth(deviceReportFromJson(body, c.configuredDevices), c);
}

Outcome<json> servePrinterStatus(const json& body, QueryContext& c) {
  return serveDeviceHealth(printerStatusFromJson(body, c.hall.definition()), c);
}

}  // namespace jiujin::service::detail
