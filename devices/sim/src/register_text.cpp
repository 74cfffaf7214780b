#include "jiujin/devices/sim/register_text.hpp"

#include <iconv.h>

#include <cerrno>
#include <fmt/format.h>

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

// iconv once, from the device's encoding to UTF-8. iconv's -1 and errno become a message here.
SimResult<std::string> toUtf8(const std::string& bytes, const char* from) {
  const iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return SimError{fmt::format("this system cannot read {} text (iconv)", from)};
  }
  // UTF-8 needs at most 3 bytes for a 2-byte unit and 4 for a 4-byte one: twice the input.
  std::string out(bytes.size() * 2 + 4, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
  std::size_t inLeft = bytes.size();
  char* outPtr = out.data();
  std::size_t outLeft = out.size();
  const std::size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
  const int error = errno;
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) {
    return SimError{fmt::format("{} text is not valid at byte {}: {}", from, bytes.size() - inLeft,
                                error == EILSEQ   ? "invalid sequence"
                                : error == EINVAL ? "incomplete sequence"
                                                  : "conversion failed")};
  }
  out.resize(out.size() - outLeft);
  return out;
}

}  // namespace

SimResult<std::string> readRegisterText(std::span<const std::uint16_t> registers, TextEncoding encoding) {
  return toUtf8(textBytes(registers, encoding), encoding == TextEncoding::Gb18030 ? "GB18030" : "UTF-16BE");
}

const char* toString(TextEncoding encoding) {
  return encoding == TextEncoding::Gb18030 ? "gb18030" : "utf16";
}

}  // namespace jiujin::devices::sim
