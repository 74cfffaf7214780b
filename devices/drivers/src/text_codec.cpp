#include "jiujin/devices/drivers/text_codec.hpp"

#include <fmt/format.h>

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::devices::drivers {
namespace {

base::Encoding encodingOf(TextEncoding encoding) {
  return encoding == TextEncoding::Gb18030 ? base::Encoding::Gb18030 : base::Encoding::Utf16Be;
}

Expected<std::string> convert(std::string_view input, base::Encoding from, base::Encoding to) {
  auto converted = base::convertText(input, from, to);
  if (!converted) return CodecError{CodecErrorCode::InvalidText, "text is not valid: " + converted.error().message};
  return std::move(converted).value();
}

}  // namespace

const char* toString(TextEncoding encoding) {
  return encoding == TextEncoding::Gb18030 ? "gb18030" : "utf16";
}

Expected<std::vector<std::uint8_t>> textBytes(std::string_view utf8, TextEncoding encoding) {
  auto converted = convert(utf8, base::Encoding::Utf8, encodingOf(encoding));
  if (!converted) return converted.error();
  const std::string& s = converted.value();
  if (encoding == TextEncoding::Gb18030 && s.find('\0') != std::string::npos) {
    return CodecError{CodecErrorCode::InvalidText, "text contains a NUL character"};
  }
  return std::vector<std::uint8_t>(s.begin(), s.end());
}

Expected<std::vector<std::uint16_t>> encodeText(std::string_view utf8, TextEncoding encoding,
                                                std::size_t registerCount) {
  auto bytes = textBytes(utf8, encoding);
  if (!bytes) return bytes.error();
  const auto& b = bytes.value();
  if (b.size() > registerCount * 2) {
    return CodecError{CodecErrorCode::TextTooLong,
                      fmt::format("\"{}\" needs {} bytes in {}, the area holds {}", utf8,
                                  b.size(), toString(encoding), registerCount * 2)};
  }
  std::vector<std::uint16_t> registers(registerCount, 0);
  for (std::size_t i = 0; i < b.size(); ++i) {
    const auto shift = (i % 2 == 0) ? 8 : 0;
    registers[i / 2] = static_cast<std::uint16_t>(registers[i / 2] | (b[i] << shift));
  }
  return registers;
}

Expected<std::string> decodeText(std::span<const std::uint16_t> registers, TextEncoding encoding) {
  std::string bytes;
  bytes.reserve(registers.size() * 2);
  for (const std::uint16_t r : registers) {
    const char high = static_cast<char>(r >> 8);
    const char low = static_cast<char>(r & 0xFF);
    if (encoding == TextEncoding::Utf16Be) {
      if (r == 0) break;
      bytes.push_back(high);
      bytes.push_back(low);
    } else {
      if (high == '\0') break;
      bytes.push_back(high);
      if (low == '\0') break;
      bytes.push_back(low);
    }
  }
  return convert(bytes, encodingOf(encoding), base::Encoding::Utf8);
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
