#include "jiujin/devices/drivers/text_codec.hpp"

#include <iconv.h>

#include <cerrno>
#include <fmt/format.h>

namespace jiujin::devices::drivers {
namespace {

const char* iconvName(TextEncoding encoding) {
  return encoding == TextEncoding::Gb18030 ? "GB18030" : "UTF-16BE";
}

// One iconv conversion descriptor, closed on every path. iconv reports failure as
// (iconv_t)-1 and (size_t)-1 with errno; this is the one place that turns them into values.
class Converter {
 public:
  Converter(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Converter() {
    if (valid()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  bool valid() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

  Expected<std::string> convert(std::string_view input) {
    std::string out(input.size() * 4 + 8, '\0');
    char* in = const_cast<char*>(input.data());  // iconv's signature is not const-correct
    std::size_t inLeft = input.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    if (iconv(cd_, &in, &inLeft, &outPtr, &outLeft) == static_cast<std::size_t>(-1)) {
      const int err = errno;
      return CodecError{CodecErrorCode::InvalidText,
                        fmt::format("text is not valid at byte {}: {}", input.size() - inLeft,
                                    err == EILSEQ   ? "invalid sequence"
                                    : err == EINVAL ? "incomplete sequence"
                                                    : "conversion failed")};
    }
    out.resize(out.size() - outLeft);
    return out;
  }

 private:
  iconv_t cd_;
};

Expected<std::string> convert(const char* to, const char* from, std::string_view input) {
  Converter converter(to, from);
  if (!converter.valid()) {
    return CodecError{CodecErrorCode::InvalidText,
                      fmt::format("this system cannot convert {} to {} (iconv)", from, to)};
  }
  return converter.convert(input);
}

}  // namespace

const char* toString(TextEncoding encoding) {
  return encoding == TextEncoding::Gb18030 ? "gb18030" : "utf16";
}

Expected<std::vector<std::uint8_t>> textBytes(std::string_view utf8, TextEncoding encoding) {
  auto converted = convert(iconvName(encoding), "UTF-8", utf8);
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
  return convert("UTF-8", iconvName(encoding), bytes);
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
