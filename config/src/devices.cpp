#include "jiujin/config/devices.hpp"

namespace jiujin::config {

std::string_view toString(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::WindowDisplay:
      return "window_display";
    case DeviceKind::MainStrip:
      return "main_strip";
    case DeviceKind::Keypad:
      return "keypad";
    case DeviceKind::EvalPad:
      return "eval_pad";
  }
  return "window_display";
}

std::optional<DeviceKind> parseDeviceKind(std::string_view text) {
  for (auto kind : {DeviceKind::WindowDisplay, DeviceKind::MainStrip, DeviceKind::Keypad,
                    DeviceKind::EvalPad}) {
    if (text == toString(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view defaultProfile(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::WindowDisplay:
      return "jiujin-window-display-v1";
    case DeviceKind::MainStrip:
      return "jiujin-main-strip-v1";
    case DeviceKind::Keypad:
      return "jiujin-keypad-v1";
    case DeviceKind::EvalPad:
      return "jiujin-eval-pad-v1";
  }
  return "jiujin-window-display-v1";
}

bool belongsToWindow(DeviceKind kind) {
  return kind != DeviceKind::MainStrip;
}

}  // namespace jiujin::config
