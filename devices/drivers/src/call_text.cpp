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
  return bytes && bytes.value().size() <= byteCapacity(area.encoding, area.registers);
}

/// Bytes of the UTF-8 character starting with `lead`.
std::size_t characterLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// The longest prefix of whole characters that fits.
std::string cutToFit(std::string_view text, const TextArea& area) {
  std::size_t kept = 0;
  while (kept < text.size()) {
    const std::size_t next = std::min(text.size(), kept + characterLength(static_cast<unsigned char>(text[kept])));
    if (!fits(text.substr(0, next), area)) break;
    kept = next;
  }
  return std::string(text.substr(0, kept));
}

}  // namespace

std::string callText(std::string_view ticket, int window) {
  return fmt::format("{} {}{}{}", ticket, kPlease, window, kWindowWord);
}

std::vector<std::string> callWordings(std::string_view ticket, int window) {
  return {callText(ticket, window), fmt::format("{} 到{}号窗口", ticket, window),
          fmt::format("{} {}号窗口", ticket, window), fmt::format("{} {}号", ticket, window),
          fmt::format("{}->{}", ticket, window)};
}

Expected<FittedText> fitText(std::string_view text, const TextArea& area, TextFit fit) {
  if (fits(text, area)) return FittedText{std::string(text), false};
  // Why it does not fit as it is: too long, or not text this area can hold at all.
  const auto refusal = [&] {
    auto registers = encodeText(text, area.encoding, area.registers, area.byteOrder);
    return registers ? CodecError{CodecErrorCode::TextTooLong, "text too long"} : registers.error();
  };
  if (fit == TextFit::Whole) return refusal();
  if (const auto call = parseCallText(text)) {
    // The first wording that fits and that the display can show (an ASCII one takes only
    // the last); none: the profile should have been refused.
    for (auto& wording : callWordings(call->first, call->second)) {
      if (fits(wording, area)) return FittedText{std::move(wording), false};
    }
    return refusal();
  }
  if (auto bytes = textBytes(text, area.encoding); !bytes) return bytes.error();
  return FittedText{cutToFit(text, area), true};
}

std::string describeCuts(const TextCuts& cuts) {
  std::string out;
  for (const auto& c : cuts)
    out += fmt::format("{}{} \"{}\" shown as \"{}\"", out.empty() ? "" : "; ", c.field, c.text, c.shown);
  return out;
}

}  // namespace jiujin::devices::drivers
