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

/// Where bytes stop being text: the first byte that neither UTF-8 nor GB18030 accepts, taken
/// from the reading that got further (a UTF-8 file with one stray byte is reported where the
/// stray byte is, not where a GB18030 reading of its Chinese went wrong).
struct UndecodableText {
  std::size_t offset = 0;  ///< of the offending byte in the file
  int line = 1;            ///< 1-based line of that byte
  int column = 1;          ///< 1-based character column of that byte in its line
  unsigned char byte = 0;  ///< the byte itself (0 when the text is cut short at the end)
  TextEncoding furthest = TextEncoding::Utf8;  ///< the reading that got there
};

/// Meaningful only when decodeText(bytes) gave nothing.
UndecodableText whereUndecodable(std::string_view bytes);

/// Whether the bytes are not UTF-8 but read whole as Big5 (traditional Chinese, as offices in
/// Hong Kong and Taiwan save files): GB18030 accepts almost every Big5 byte pair, so such a
/// file decodes as nonsense instead of failing.
bool readsAsBig5(std::string_view bytes);

/// Conversions through iconv; nothing when the input is not valid in its encoding
/// (or, from UTF-8, holds a character GB18030 lacks — it has them all).
std::optional<std::string> gb18030ToUtf8(std::string_view gb18030);
std::optional<std::string> utf8ToGb18030(std::string_view utf8);

}  // namespace jiujin::config
