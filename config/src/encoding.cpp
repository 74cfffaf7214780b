#include "jiujin/config/encoding.hpp"

#include <iconv.h>

#include <cerrno>

namespace jiujin::config {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One iconv conversion of a whole buffer; nothing on any invalid or incomplete input.
std::optional<std::string> convert(const char* to, const char* from, std::string_view in) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(in.size() * 2 + 16);
  char* inPtr = const_cast<char*>(in.data());
  std::size_t inLeft = in.size();
  std::size_t used = 0;
  bool ok = true;
  while (inLeft > 0) {
    char* outPtr = out.data() + used;
    std::size_t outLeft = out.size() - used;
    const std::size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    used = out.size() - outLeft;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ or EINVAL: not text in the source encoding
    break;
  }
  if (ok) {
    // Flush any shift state (none for these encodings, but iconv asks for it).
    char* outPtr = out.data() + used;
    std::size_t outLeft = out.size() - used;
    if (outLeft < 16) {
      out.resize(out.size() + 16);
      outPtr = out.data() + used;
      outLeft = out.size() - used;
    }
    iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
    used = out.size() - outLeft;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(used);
  return out;
}

}  // namespace

bool isValidUtf8(std::string_view s) {
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
      return false;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) return false;  // cut short
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

std::optional<DecodedText> decodeText(std::string_view bytes) {
  if (bytes.substr(0, kBom.size()) == kBom) {
    bytes.remove_prefix(kBom.size());
    if (!isValidUtf8(bytes)) return std::nullopt;  // a BOM promises UTF-8
    return DecodedText{std::string(bytes), TextEncoding::Utf8WithBom};
  }
  if (isValidUtf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::Utf8};
  auto converted = gb18030ToUtf8(bytes);
  if (!converted) return std::nullopt;
  return DecodedText{std::move(*converted), TextEncoding::Gb18030};
}

std::optional<std::string> gb18030ToUtf8(std::string_view gb18030) {
  return convert("UTF-8", "GB18030", gb18030);
}

std::optional<std::string> utf8ToGb18030(std::string_view utf8) {
  if (!isValidUtf8(utf8)) return std::nullopt;
  return convert("GB18030", "UTF-8", utf8);
}

}  // namespace jiujin::config
