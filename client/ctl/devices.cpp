// Device health as the gateway and the kiosks report it: a bus device's status, a ticket
// printer's paper. For testing alarms by hand, and for scripts around odd hardware.
#include <memory>

#include "arguments.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace requests = client::requests;

void addDeviceCommands(CLI::App& app, Invocation& invocation) {
  {
    auto* sub = app.add_subcommand("device", "设备状态 report a device's health (gateway)");
    auto health = std::make_shared<client::DeviceHealth>();
    auto window = std::make_shared<core::WindowNumber>(0);
    sub->add_option("device", health->device)->required();
    sub->add_option("status", health->status, "online offline error")->required();
    sub->add_option("--kind", health->kind, "window_display main_strip keypad eval_pad")->required();
    auto* w = sub->add_option("--device-window", *window, "the window it belongs to");
    sub->add_option("--detail", health->detail);
    sendsRequest(sub, invocation, [health, window, w] {
      client::DeviceHealth reported = *health;
      if (!w->empty()) reported.window = *window;
      return requests::deviceReport(reported);
    });
  }
  {
    auto* sub = app.add_subcommand("printer", "打印机状态 report a ticket printer's paper state");
    auto health = std::make_shared<client::PrinterHealth>();
    sub->add_option("device", health->device)->required();
    sub->add_option("status", health->status, "ok near_end out offline")->required();
    sendsRequest(sub, invocation, [health] { return requests::printerStatus(*health); });
  }
}

}  // namespace jiujin::ctl
