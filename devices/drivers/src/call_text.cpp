#include "jiujin/devices/drivers/call_text.hpp"

#include <fmt/format.h>

#include <charconv>

#include "jiujin/devices/drivers/text_codec.hpp"

namespace jiujin::devices::drivers {
namespace {

constexpr std::string_view kPlease = "请到";
constexpr std::string_view kWindowWord = "号窗口";

/// The ticket and window of a text worded by callText(), or nothing.
std::optional<std::pair<std::string_view, int>> parseCallText(std::string_view text) {
  const auto space = text.find(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  std::string_view rest = text.substr(space + 1);
  if (!rest.starts_with(kPlease) || !rest.ends_with(kWindowWord)) return std::nullopt;
  rest.remove_prefix(kPlease.size());
  rest.remove_suffix(kWindowWord.size());
  int window = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), window);
  if (error != std::errc{} || end != rest.data() + rest.size()) return std::nullopt;
  return std::pair{text.substr(0, space), window};
}

bool fits(std::string_view text, const TextArea& area) {
  const auto bytes = textBytes(text, area.encoding);
  return bytes && bytes.value().size() <= std::size_t{area.registers} * 2;
}

}  // namespace

std::string callText(std::string_view ticket, int window) {
  return fmt::format("{} {}{}{}", ticket, kPlease, window, kWindowWord);
}

std::vector<std::string> callWordings(std::string_view ticket, int window) {
  return {callText(ticket, window), fmt::format("{} 到{}号窗口", ticket, window),
          fmt::format("{} {}号窗口", ticket, window), fmt::format("{} {}号", ticket, window), std::string(ticket)};
}

Expected<std::string> fitText(std::string_view text, const TextArea& area) {
  if (fits(text, area)) return std::string(text);
  if (const auto call = parseCallText(text)) {
    for (auto& wording : callWordings(call->first, call->second)) {
      if (fits(wording, area)) return std::move(wording);
    }
  }
  // Not a call, or not even the number fits: say why the way the encoder says it.
  auto registers = encodeText(text, area.encoding, area.registers);
  if (!registers) return registers.error();
  return std::string(text);
}

}  // namespace jiujin::devices::drivers
