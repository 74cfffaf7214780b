#include "client_identity.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "jiujin/protocol/limits.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

Outcome<ClientIdentity> identify(const Request& request, std::string_view userId, bool curve,
                                 const std::map<std::string, ClientEntry>& clients) {
  if (curve) {
    const auto client = clients.find(std::string(userId));
    if (client == clients.end()) return errors::forbidden("unknown client");
    return ClientIdentity{client->second.name, client->second.role, client->second.windows, true};
  }
  if (request.as.is_null()) return ClientIdentity{"loopback:anonymous", Role::Display, {}, false};
  const json& as = request.as;
  for (const auto& [key, value] : as.items()) {
    if (key != "role" && key != "window" && key != "name")
      return errors::badRequest(fmt::format("unknown field \"as.{}\"", key));
  }
  const auto role = as.find("role");
  if (role == as.end() || !role->is_string()) return errors::badRequest("\"as.role\" must be a string");
  const auto parsed = roleFromString(role->get<std::string>());
  if (!parsed) return errors::badRequest(fmt::format("unknown role \"{}\"", role->get<std::string>()));
  ClientIdentity who{"loopback:", *parsed, {}, false};
  if (const auto name = as.find("name"); name != as.end()) {
    if (!name->is_string() || name->get_ref<const std::string&>().size() > 64)
      return errors::badRequest("\"as.name\" must be a string of at most 64 bytes");
    who.name += name->get<std::string>();
  }
  if (const auto window = as.find("window"); window != as.end()) {
    const auto range = protocol::limits::kWindow;
    // A number beyond int64 reads as negative here, and is refused with the rest.
    if (!window->is_number_integer() || window->get<std::int64_t>() < range.min ||
        window->get<std::int64_t>() > range.max)
      return errors::badRequest(fmt::format("\"as.window\" must be {}", protocol::expectedEn(range)));
    who.windows.insert(static_cast<int>(window->get<std::int64_t>()));
  }
  return who;
}

}  // namespace jiujin::service::detail
