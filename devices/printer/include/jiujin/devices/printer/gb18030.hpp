#pragma once
// Chinese printers take text in GB18030 (a superset of GBK); the rest of the system speaks
// UTF-8. These two conversions are the only place iconv is touched.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jiujin::devices::printer {

/// GB18030 bytes, or why the text could not be converted (error is empty on success).
struct Gb18030Text {
  std::vector<std::uint8_t> bytes;
  std::string error;
};

/// UTF-8 text, or why the bytes could not be converted (error is empty on success).
struct Utf8Text {
  std::string text;
  std::string error;
};

/// Converts UTF-8 to GB18030. Invalid or truncated UTF-8 is an error naming the byte offset.
Gb18030Text utf8ToGb18030(std::string_view utf8);

/// Converts GB18030 back to UTF-8. Invalid or truncated sequences are an error.
Utf8Text gb18030ToUtf8(std::span<const std::uint8_t> gb18030);

}  // namespace jiujin::devices::printer
