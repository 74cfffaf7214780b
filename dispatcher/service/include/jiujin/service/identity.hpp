#pragma once
// Who is asking: a client known by its CURVE key (or, on loopback, by what it states),
// its role, and the windows it may act on.
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "jiujin/core/model.hpp"

namespace jiujin::service {

enum class Role {
  Kiosk,    ///< 取号机: issues tickets, reads items and waiting figures
  Console,  ///< 窗口终端: acts on its own window once a clerk has logged in there
  Devices,  ///< 设备网关: keypad and pad events for the windows of its buses
  Display,  ///< 显示屏: reads only
  Web,      ///< 手机页面 (jiujin-web): reads, and a resident's ticket by its QR token
  Manager,  ///< 大厅管理员: every window, profile and hall operation
  Admin,    ///< 系统管理员: everything, including the audit record
};

const char* toString(Role role);
std::optional<Role> roleFromString(std::string_view text);

struct ClientIdentity {
  std::string name;  ///< the configured client name (CURVE) or "loopback:<stated name>"
  Role role = Role::Display;
  /// Console: its one window. Devices: the windows of its buses (empty: every window).
  std::set<core::WindowNumber> windows;
  bool authenticated = false;  ///< true when proven by a CURVE key, false when stated
  /// Manager and admin clients: the manager logged in there (manager_login), else empty. What
  /// the client does is recorded as done by this person.
  std::string person;
};

}  // namespace jiujin::service
