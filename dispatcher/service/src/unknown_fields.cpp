#include "unknown_fields.hpp"

#include <fmt/format.h>

namespace jiujin::service::detail {

using nlohmann::json;

std::optional<std::string> unknownField(const json& body, const json& decoded, const std::string& path) {
  if (body.is_object() && decoded.is_object()) {
    for (const auto& [key, value] : body.items()) {
      const std::string at = path.empty() ? key : path + "." + key;
      const auto known = decoded.find(key);
      if (known == decoded.end()) {
        if (value.is_null()) continue;
        return at;
      }
      if (auto deeper = unknownField(value, *known, at)) return deeper;
    }
  } else if (body.is_array() && decoded.is_array() && body.size() == decoded.size()) {
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (auto deeper = unknownField(body[i], decoded[i], fmt::format("{}[{}]", path, i))) return deeper;
    }
  }
  return std::nullopt;
}

}  // namespace jiujin::service::detail
