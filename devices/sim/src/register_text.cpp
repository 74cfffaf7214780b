#include "jiujin/devices/sim/register_text.hpp"

#include <fmt/format.h>

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::devices::sim {
namespace {

// The bytes of the text: register by register, high byte first, up to the terminator.
std::string textBytes(std::span<const std::uint16_t> registers, TextEncoding encoding) {
  std::string bytes;
  for (const std::uint16_t r : registers) {
    const auto high = static_cast<char>(r >> 8);
    const auto low = static_cast<char>(r & 0xFF);
    if (encoding == TextEncoding::Utf16Be) {
      if (r == 0) break;  // a zero code unit; a zero byte alone is part of a character
      bytes += {high, low};
      continue;
    }
    if (high == '\0') break;
    bytes.push_back(high);
    if (low == '\0') break;
    bytes.push_back(low);
  }
  return bytes;
}

SimResult<std::string> toUtf8(const std::string& bytes, base::Encoding from) {
  auto converted = base::convertText(bytes, from, base::Encoding::Utf8);
  if (!converted) {
    return SimError{fmt::format("{} text is not valid at byte {}: {}", base::iconvName(from), converted.error().offset,
                                converted.error().message)};
  }
  return std::move(converted).value();
}

}  // namespace

SimResult<std::string> readRegisterText(std::span<const std::uint16_t> registers, TextEncoding encoding) {
  return toUtf8(textBytes(registers, encoding), encoding == TextEncoding::Gb18030 ? base::Encoding::Gb18030 : base::Encoding::Utf16Be);
}

const char* toString(TextEncoding encoding) {
  return encoding == TextEncoding::Gb18030 ? "gb18030" : "utf16";
}

}  // namespace jiujin::devices::sim
