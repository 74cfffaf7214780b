#include "spaces.hpp"

#include <array>

namespace jiujin::config {
namespace {

constexpr std::array<std::string_view, 5> kSpaces{" ", "\t", "\r", "\u3000", "\u00A0"};

std::size_t spaceAtStart(std::string_view text) {
  for (auto space : kSpaces)
    if (text.starts_with(space)) return space.size();
  return 0;
}

std::size_t spaceAtEnd(std::string_view text) {
  for (auto space : kSpaces)
    if (text.ends_with(space)) return space.size();
  return 0;
}

}  // namespace

std::string_view trimSpaces(std::string_view text) {
  while (const auto n = spaceAtStart(text)) text.remove_prefix(n);
  while (const auto n = spaceAtEnd(text)) text.remove_suffix(n);
  return text;
}

}  // namespace jiujin::config
