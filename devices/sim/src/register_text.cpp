#include "jiujin/devices/sim/register_text.hpp"

#include <fmt/format.h>

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::devices::sim {
namespace {

// The bytes of the text in reading order, up to the terminator.
std::string textBytes(std::span<const std::uint16_t> registers, TextEncoding encoding, ByteOrder order) {
  std::string bytes;
  for (const std::uint16_t r : registers) {
    if (encoding == TextEncoding::Ascii) {
      if (r == 0) break;
      bytes.push_back(static_cast<char>(r & 0x7F) == static_cast<char>(r) ? static_cast<char>(r) : '\x80');
      continue;
    }
    const auto high = static_cast<char>(r >> 8);
    const auto low = static_cast<char>(r & 0xFF);
    const char first = order == ByteOrder::HighFirst ? high : low;
    const char second = order == ByteOrder::HighFirst ? low : high;
    if (encoding != TextEncoding::Gb18030) {
      if (r == 0) break;  // a zero code unit; a zero byte alone is part of a character
      // Little-endian code units: the low byte first; iconv is given big-endian.
      if (encoding == TextEncoding::Utf16Le) {
        bytes += {second, first};
      } else {
        bytes += {first, second};
      }
      continue;
    }
    if (first == '\0') break;
    bytes.push_back(first);
    if (second == '\0') break;
    bytes.push_back(second);
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

SimResult<std::string> readRegisterText(std::span<const std::uint16_t> registers, TextEncoding encoding,
                                        ByteOrder order) {
  const auto bytes = textBytes(registers, encoding, order);
  switch (encoding) {
    case TextEncoding::Ascii: {
      const auto bad = bytes.find('\x80');
      if (bad != std::string::npos) return SimError{fmt::format("ASCII text is not valid at register {}", bad)};
      return bytes;
    }
    case TextEncoding::Gb18030: return toUtf8(bytes, base::Encoding::Gb18030);
    case TextEncoding::Utf16Be:
    case TextEncoding::Utf16Le: return toUtf8(bytes, base::Encoding::Utf16Be);
  }
  return bytes;
}

const char* toString(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Gb18030: return "gb18030";
    case TextEncoding::Utf16Be: return "utf16";
    case TextEncoding::Utf16Le: return "utf16le";
    case TextEncoding::Ascii: return "ascii";
  }
  return "unknown";
}

}  // namespace jiujin::devices::sim
