#pragma once
// Text as Chinese spreadsheets and printers have it: UTF-8, or GB18030 (a superset of GBK).
#include <optional>
#include <string>
#include <string_view>

namespace jiujin::config {

enum class TextEncoding { Utf8, Utf8WithBom, Gb18030 };

struct DecodedText {
  std::string utf8;
  TextEncoding source = TextEncoding::Utf8;
};

bool isValidUtf8(std::string_view bytes);

/// Valid UTF-8 (a BOM is dropped) stays UTF-8; anything else is read as GB18030.
/// Nothing when the bytes are neither.
std::optional<DecodedText> decodeText(std::string_view bytes);

/// Conversions through iconv; nothing when the input is not valid in its encoding
/// (or, from UTF-8, holds a character GB18030 lacks — it has them all).
std::optional<std::string> gb18030ToUtf8(std::string_view gb18030);
std::optional<std::string> utf8ToGb18030(std::string_view utf8);

}  // namespace jiujin::config
