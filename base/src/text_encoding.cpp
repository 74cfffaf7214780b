#include "jiujin/base/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace jiujin::base {

namespace {

// One conversion descriptor per call: an iconv_t carries shift state and is not
// thread-safe, and opening one costs about a microsecond.
class Converter {
 public:
  Converter(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Converter() {
    if (valid()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool valid() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

}  // namespace

const char* iconvName(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Gb18030: return "GB18030";
    case Encoding::Utf16Be: return "UTF-16BE";
    case Encoding::Big5: return "BIG5";
  }
  return "UTF-8";
}

Result<std::string, EncodingError> convertText(std::string_view input, Encoding from, Encoding to) {
  Converter converter(iconvName(to), iconvName(from));
  if (!converter.valid())
    return EncodingError{fmt::format("this system cannot convert {} to {} (iconv)", iconvName(from), iconvName(to))};
  std::string out;
  char* in = const_cast<char*>(input.data());  // iconv's signature is not const-correct; it never writes
  std::size_t inLeft = input.size();
  char buffer[512];
  while (inLeft > 0) {
    char* outPtr = buffer;
    std::size_t outLeft = sizeof buffer;
    const std::size_t rc = iconv(converter.get(), &in, &inLeft, &outPtr, &outLeft);
    out.append(buffer, static_cast<std::size_t>(outPtr - buffer));
    if (rc != static_cast<std::size_t>(-1)) continue;
    const int err = errno;
    if (err == E2BIG) continue;
    const std::size_t offset = input.size() - inLeft;
    if (err == EILSEQ) return EncodingError{fmt::format("invalid byte sequence at offset {}", offset), offset};
    if (err == EINVAL) return EncodingError{fmt::format("truncated character at offset {}", offset), offset};
    return EncodingError{fmt::format("conversion failed at offset {}: {}", offset, std::strerror(err)), offset};
  }
  char* outPtr = buffer;
  std::size_t outLeft = sizeof buffer;
  iconv(converter.get(), nullptr, nullptr, &outPtr, &outLeft);  // flush any shift state
  out.append(buffer, static_cast<std::size_t>(outPtr - buffer));
  return out;
}

std::size_t validUtf8Length(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07u;
    } else {
      return i;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) return i;  // cut short
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return i;
}

bool isValidUtf8(std::string_view s) { return validUtf8Length(s) == s.size(); }

}  // namespace jiujin::base
