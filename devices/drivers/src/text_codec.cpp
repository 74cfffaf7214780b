#include "jiujin/devices/drivers/text_codec.hpp"

#include <fmt/format.h>

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::devices::drivers {
namespace {

Expected<std::string> convert(std::string_view input, base::Encoding from, base::Encoding to) {
  auto converted = base::convertText(input, from, to);
  if (!converted) return CodecError{CodecErrorCode::InvalidText, "text is not valid: " + converted.error().message};
  return std::move(converted).value();
}

void swapPairs(std::string& bytes) {
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) std::swap(bytes[i], bytes[i + 1]);
}

}  // namespace

const char* toString(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::Gb18030: return "gb18030";
    case TextEncoding::Utf16Be: return "utf16";
    case TextEncoding::Utf16Le: return "utf16le";
    case TextEncoding::Ascii: return "ascii";
  }
  return "unknown";
}

std::size_t byteCapacity(TextEncoding encoding, std::size_t registers) {
  return encoding == TextEncoding::Ascii ? registers : 2 * registers;
}

Expected<std::vector<std::uint8_t>> textBytes(std::string_view utf8, TextEncoding encoding) {
  std::string s;
  switch (encoding) {
    case TextEncoding::Ascii: {
      for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80)
          return CodecError{CodecErrorCode::InvalidText, fmt::format("\"{}\" is not ASCII, which this display shows", utf8)};
      }
      s = std::string(utf8);
      break;
    }
    case TextEncoding::Gb18030:
    case TextEncoding::Utf16Be:
    case TextEncoding::Utf16Le: {
      auto converted = convert(utf8, base::Encoding::Utf8,
                               encoding == TextEncoding::Gb18030 ? base::Encoding::Gb18030 : base::Encoding::Utf16Be);
      if (!converted) return converted.error();
      s = std::move(converted).value();
      if (encoding == TextEncoding::Utf16Le) swapPairs(s);
      break;
    }
  }
  if (s.find('\0') != std::string::npos && encoding != TextEncoding::Utf16Be && encoding != TextEncoding::Utf16Le) {
    return CodecError{CodecErrorCode::InvalidText, "text contains a NUL character"};
  }
  return std::vector<std::uint8_t>(s.begin(), s.end());
}

Expected<std::vector<std::uint16_t>> encodeText(std::string_view utf8, TextEncoding encoding,
                                                std::size_t registerCount, ByteOrder order) {
  auto bytes = textBytes(utf8, encoding);
  if (!bytes) return bytes.error();
  const auto& b = bytes.value();
  if (b.size() > byteCapacity(encoding, registerCount)) {
    return CodecError{CodecErrorCode::TextTooLong,
                      fmt::format("\"{}\" needs {} bytes in {}, the area holds {}", utf8,
                                  b.size(), toString(encoding), byteCapacity(encoding, registerCount))};
  }
  std::vector<std::uint16_t> registers(registerCount, 0);
  if (encoding == TextEncoding::Ascii) {
    for (std::size_t i = 0; i < b.size(); ++i) registers[i] = b[i];
    return registers;
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    const bool first = i % 2 == 0;
    const auto shift = (first == (order == ByteOrder::HighFirst)) ? 8 : 0;
    registers[i / 2] = static_cast<std::uint16_t>(registers[i / 2] | (b[i] << shift));
  }
  return registers;
}

Expected<std::string> decodeText(std::span<const std::uint16_t> registers, TextEncoding encoding, ByteOrder order) {
  std::string bytes;
  bytes.reserve(registers.size() * 2);
  for (const std::uint16_t r : registers) {
    if (encoding == TextEncoding::Ascii) {
      if (r == 0) break;
      if (r >= 0x80) return CodecError{CodecErrorCode::InvalidText, fmt::format("register value {:#06x} is not ASCII", r)};
      bytes.push_back(static_cast<char>(r));
      continue;
    }
    const char high = static_cast<char>(r >> 8);
    const char low = static_cast<char>(r & 0xFF);
    const char first = order == ByteOrder::HighFirst ? high : low;
    const char second = order == ByteOrder::HighFirst ? low : high;
    if (encoding != TextEncoding::Gb18030) {
      if (r == 0) break;
      bytes.push_back(first);
      bytes.push_back(second);
    } else {
      if (first == '\0') break;
      bytes.push_back(first);
      if (second == '\0') break;
      bytes.push_back(second);
    }
  }
  switch (encoding) {
    case TextEncoding::Ascii: return bytes;
    case TextEncoding::Gb18030: return convert(bytes, base::Encoding::Gb18030, base::Encoding::Utf8);
    case TextEncoding::Utf16Le: swapPairs(bytes); [[fallthrough]];
    case TextEncoding::Utf16Be: return convert(bytes, base::Encoding::Utf16Be, base::Encoding::Utf8);
  }
  return bytes;
}

const char* toString(CodecErrorCode code) {
  switch (code) {
    case CodecErrorCode::InvalidText: return "invalid_text";
    case CodecErrorCode::TextTooLong: return "text_too_long";
    case CodecErrorCode::ValueOutOfRange: return "value_out_of_range";
    case CodecErrorCode::RegisterNotInBlock: return "register_not_in_block";
    case CodecErrorCode::UnknownValue: return "unknown_value";
    case CodecErrorCode::FrameTooShort: return "frame_too_short";
    case CodecErrorCode::BadCrc: return "bad_crc";
    case CodecErrorCode::UnsupportedFunction: return "unsupported_function";
    case CodecErrorCode::BadFrameLength: return "bad_frame_length";
    case CodecErrorCode::IllegalQuantity: return "illegal_quantity";
    case CodecErrorCode::InvalidProfile: return "invalid_profile";
  }
  return "unknown";
}

}  // namespace jiujin::devices::drivers
