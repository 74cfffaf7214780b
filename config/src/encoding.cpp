#include "jiujin/config/encoding.hpp"

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::config {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::optional<std::string> convert(std::string_view in, base::Encoding from, base::Encoding to) {
  auto converted = base::convertText(in, from, to);
  if (!converted) return std::nullopt;
  return std::move(converted).value();
}

}  // namespace

bool isValidUtf8(std::string_view bytes) { return base::isValidUtf8(bytes); }

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
  return convert(gb18030, base::Encoding::Gb18030, base::Encoding::Utf8);
}

std::optional<std::string> utf8ToGb18030(std::string_view utf8) {
  if (!isValidUtf8(utf8)) return std::nullopt;
  return convert(utf8, base::Encoding::Utf8, base::Encoding::Gb18030);
}

}  // namespace jiujin::config
