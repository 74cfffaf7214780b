#pragma once
// The hall's device buses and the devices on them, as the bus engine and the
// simulator read them. Keep this shape stable: devices/ is written against it.
#include <optional>
#include <string>
#include <string_view>

#include "jiujin/core/commands.hpp"

namespace jiujin::config {

enum class DeviceKind {
  WindowDisplay,  ///< 窗口屏: LED display over one window
  MainStrip,      ///< 综合屏: the main hall display
  Keypad,         ///< 呼叫器: the clerk's caller keypad at one window
  EvalPad,        ///< 评价器: the resident's five-key evaluation pad at one window
};

/// One RS-485 line (or a Modbus TCP gateway standing in for one).
struct BusConfig {
  std::string id;
  std::string port;     ///< serial device path, or empty
  std::string tcpHost;  ///< Modbus TCP gateway, if port is empty
  int tcpPort = 502;
  int baud = 9600;
  char parity = 'N';  ///< 'N', 'E' or 'O'
  int dataBits = 8;
  int stopBits = 1;
  int responseTimeoutMs = 100;
  int pollIntervalMs = 200;
  bool operator==(const BusConfig&) const = default;
};

struct DeviceConfig {
  std::string id;
  std::string bus;
  DeviceKind kind = DeviceKind::WindowDisplay;
  int address = 0;            ///< Modbus slave address, 1..247
  std::string profile;        ///< register-map profile name, e.g. "jiujin-window-display-v1"
  std::optional<int> window;  ///< required for window_display, keypad, eval_pad
  /// Keypads only (`transfer_to`): where the 转移 key sends the ticket at the counter. The
  /// default is the unified issuing windows (统一发证), the usual next stop.
  core::TransferTarget transferTo = core::WindowKind::Issuing;
  bool operator==(const DeviceConfig&) const = default;
};

/// "window_display", "main_strip", "keypad", "eval_pad" — the spelling in hall files.
std::string_view toString(DeviceKind kind);
std::optional<DeviceKind> parseDeviceKind(std::string_view text);

/// The register-map profile a device of this kind uses when the hall file names none.
std::string_view defaultProfile(DeviceKind kind);

/// Whether a device of this kind belongs to one window (and so needs `window`).
bool belongsToWindow(DeviceKind kind);

}  // namespace jiujin::config
