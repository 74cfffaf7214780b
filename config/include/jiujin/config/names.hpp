#pragma once
// How the config layer's enums are spelled in hall files, and how the core's enums are
// spelled in the catalog (Chinese, as on the standard list). The core's own wire names
// (core/names.hpp: toString, parseWindowKind, …) serve the hall file's window kinds.
#include <optional>
#include <string_view>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::config {

// Hall file keywords.
std::string_view toString(HallLevel level);  // district township village
std::optional<HallLevel> parseHallLevel(std::string_view text);
std::string_view toString(ClientRole role);  // kiosk console devices display manager admin
std::optional<ClientRole> parseClientRole(std::string_view text);
std::string_view toString(Synchronous mode);  // full normal
std::optional<Synchronous> parseSynchronous(std::string_view text);

// Catalog cells, written in Chinese. Reading also accepts the core's wire names
// (township, promised, city) and its display names (乡镇（街道）级, 本厅办理).
std::string_view toChinese(core::AuthorityLevel level);  // 区级 镇街 村居
std::optional<core::AuthorityLevel> parseCatalogAuthority(std::string_view text);
std::string_view toChinese(core::ItemKind kind);  // 即办件 承诺件
std::optional<core::ItemKind> parseCatalogItemKind(std::string_view text);
std::string_view toChinese(core::TongbanScope scope);  // 本厅 同区通办 同城通办
std::optional<core::TongbanScope> parseCatalogScope(std::string_view text);
std::string_view toChinese(bool yes);  // 是 否
std::optional<bool> parseCatalogYesNo(std::string_view text);

}  // namespace jiujin::config
