#include "jiujin/config/names.hpp"

#include "jiujin/core/names.hpp"

#include <cstddef>
#include <initializer_list>
#include <utility>

namespace jiujin::config {
namespace {

// One table per enum: every spelling accepted, the first one per value is written.
template <typename E>
using Spelling = std::pair<std::string_view, E>;

template <typename E, std::size_t N>
std::optional<E> lookUp(const Spelling<E> (&table)[N], std::string_view text) {
  for (const auto& [name, value] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view spell(const Spelling<E> (&table)[N], E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return {};
}

using core::AuthorityLevel;
using core::ItemKind;
using core::TongbanScope;
constexpr Spelling<HallLevel> kHallLevels[] = {{"district", HallLevel::District},
                                               {"township", HallLevel::Township},
                                               {"village", HallLevel::Village}};
constexpr Spelling<ClientRole> kRoles[] = {
    {"kiosk", ClientRole::Kiosk},     {"console", ClientRole::Console},
    {"devices", ClientRole::Devices}, {"display", ClientRole::Display},
    {"manager", ClientRole::Manager}, {"admin", ClientRole::Admin},     {"web", ClientRole::Web}};
constexpr Spelling<Synchronous> kSynchronous[] = {{"full", Synchronous::Full},
                                                  {"normal", Synchronous::Normal}};
constexpr Spelling<AuthorityLevel> kAuthority[] = {
    {"区级", AuthorityLevel::District},       {"镇街", AuthorityLevel::Township},
    {"村居", AuthorityLevel::Village},        {"区县级", AuthorityLevel::District},
    {"乡镇", AuthorityLevel::Township},       {"街道", AuthorityLevel::Township},
    {"乡镇(街道)", AuthorityLevel::Township}, {"村(社区)", AuthorityLevel::Village}};
constexpr Spelling<ItemKind> kItemKinds[] = {{"即办件", ItemKind::Immediate},
                                             {"承诺件", ItemKind::Promised}};
constexpr Spelling<TongbanScope> kScopes[] = {{"本厅", TongbanScope::Hall},
                                              {"同区通办", TongbanScope::District},
                                              {"同城通办", TongbanScope::City},
                                              {"全区通办", TongbanScope::District},
                                              {"全市通办", TongbanScope::City}};
constexpr Spelling<bool> kYesNo[] = {{"是", true}, {"否", false}, {"yes", true}, {"no", false}};

// The catalog's words first, then the core's wire and display names for the same values.
template <typename E, std::size_t N>
std::optional<E> lookUpWithCore(const Spelling<E> (&table)[N], std::string_view text,
                                std::initializer_list<E> values) {
  if (auto found = lookUp(table, text)) return found;
  if (auto wire = core::parse<E>(text)) return wire;
  for (E value : values) {
    if (text == core::zhName(value)) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view toString(HallLevel level) {
  return spell(kHallLevels, level);
}
std::optional<HallLevel> parseHallLevel(std::string_view t) {
  return lookUp(kHallLevels, t);
}
std::string_view toString(ClientRole role) {
  return spell(kRoles, role);
}
std::optional<ClientRole> parseClientRole(std::string_view t) {
  return lookUp(kRoles, t);
}
std::string_view toString(Synchronous mode) {
  return spell(kSynchronous, mode);
}
std::optional<Synchronous> parseSynchronous(std::string_view t) {
  return lookUp(kSynchronous, t);
}

std::string_view toChinese(AuthorityLevel level) {
  return spell(kAuthority, level);
}
std::optional<AuthorityLevel> parseCatalogAuthority(std::string_view t) {
  return lookUpWithCore(
      kAuthority, t, {AuthorityLevel::District, AuthorityLevel::Township, AuthorityLevel::Village});
}
std::string_view toChinese(ItemKind kind) {
  return spell(kItemKinds, kind);
}
std::optional<ItemKind> parseCatalogItemKind(std::string_view t) {
  return lookUpWithCore(kItemKinds, t, {ItemKind::Immediate, ItemKind::Promised});
}
std::string_view toChinese(TongbanScope scope) {
  return spell(kScopes, scope);
}
std::optional<TongbanScope> parseCatalogScope(std::string_view t) {
  return lookUpWithCore(kScopes, t,
                        {TongbanScope::Hall, TongbanScope::District, TongbanScope::City});
}
std::string_view toChinese(bool yes) {
  return spell(kYesNo, yes);
}
std::optional<bool> parseCatalogYesNo(std::string_view t) {
  return lookUp(kYesNo, t);
}

}  // namespace jiujin::config
