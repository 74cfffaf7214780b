#pragma once
// The protocol codec ignores keys it does not know; the service refuses them, so that a
// misspelt field ("wieght") is an error the sender sees rather than a default it never meant.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jiujin::service::detail {

/// The first key of `body` that `decoded` lacks, at any depth, as a path such as
/// "profile.entries[0].wieght"; null values count as absent. `decoded` is the codec's encoding
/// of what it decoded from `body`: the codec writes every field it reads, so it has every key
/// a client may send.
std::optional<std::string> unknownField(const nlohmann::json& body, const nlohmann::json& decoded,
                                        const std::string& path = "");

}  // namespace jiujin::service::detail
