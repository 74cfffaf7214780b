#include "jiujin/config/encoding.hpp"

#include <algorithm>

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

UndecodableText whereUndecodable(std::string_view bytes) {
  const bool bom = bytes.substr(0, kBom.size()) == kBom;
  UndecodableText where;
  where.offset = base::validUtf8Length(bytes);
  where.furthest = bom ? TextEncoding::Utf8WithBom : TextEncoding::Utf8;
  if (!bom) {  // a BOM promises UTF-8: no other reading is tried
    const auto gb = base::convertText(bytes, base::Encoding::Gb18030, base::Encoding::Utf8);
    const std::size_t gbStop = gb ? bytes.size() : gb.error().offset;
    if (gbStop > where.offset) {
      where.offset = gbStop;
      where.furthest = TextEncoding::Gb18030;
    }
  }
  where.byte = where.offset < bytes.size() ? static_cast<unsigned char>(bytes[where.offset]) : 0;
  // The text before it, as the reading that got there reads it, gives line and column.
  std::string before(bytes.substr(0, where.offset));
  if (where.furthest == TextEncoding::Gb18030) before = gb18030ToUtf8(before).value_or(before);
  if (bom) before.erase(0, kBom.size());
  const auto lineStart = before.rfind('\n');
  where.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::string_view lastLine = lineStart == std::string::npos ? std::string_view(before)
                                                                   : std::string_view(before).substr(lineStart + 1);
  // Characters, not bytes: count the bytes that start a UTF-8 sequence.
  where.column = 1 + static_cast<int>(std::count_if(lastLine.begin(), lastLine.end(), [](char c) {
                   return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                 }));
  return where;
}

bool readsAsBig5(std::string_view bytes) {
  if (isValidUtf8(bytes)) return false;
  return static_cast<bool>(base::convertText(bytes, base::Encoding::Big5, base::Encoding::Utf8));
}

std::optional<std::string> gb18030ToUtf8(std::string_view gb18030) {
  return convert(gb18030, base::Encoding::Gb18030, base::Encoding::Utf8);
}

std::optional<std::string> utf8ToGb18030(std::string_view utf8) {
  if (!isValidUtf8(utf8)) return std::nullopt;
  return convert(utf8, base::Encoding::Utf8, base::Encoding::Gb18030);
}

}  // namespace jiujin::config
