#include "jiujin/service/identity.hpp"

#include <array>
#include <utility>

namespace jiujin::service {
namespace {
constexpr std::array<std::pair<Role, const char*>, 7> kRoleNames{{{Role::Kiosk, "kiosk"},
                                                                  {Role::Console, "console"},
                                                                  {Role::Devices, "devices"},
                                                                  {Role::Display, "display"},
                                                                  {Role::Web, "web"},
                                                                  {Role::Manager, "manager"},
                                                                  {Role::Admin, "admin"}}};
}  // namespace

const char* toString(Role role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "unknown";
}

std::optional<Role> roleFromString(std::string_view text) {
  for (const auto& [r, name] : kRoleNames)
    if (text == name) return r;
  return std::nullopt;
}

}  // namespace jiujin::service
