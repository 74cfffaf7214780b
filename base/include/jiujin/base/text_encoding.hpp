#pragma once
// Text between the encodings the hall's devices and files use: UTF-8 inside the system,
// GB18030 (a superset of GBK) for printers, LED displays and Chinese spreadsheets, UTF-16BE
// for some displays. The one place iconv is touched.
#include <cstddef>
#include <string>
#include <string_view>

#include "jiujin/base/result.hpp"

namespace jiujin::base {

/// Big5 is only ever read, to tell a manager that a file is traditional-Chinese Big5.
enum class Encoding { Utf8, Gb18030, Utf16Be, Big5 };

struct EncodingError {
  std::string message;     ///< says where and why, e.g. "invalid byte sequence at offset 7"
  std::size_t offset = 0;  ///< the input byte where conversion stopped
  bool operator==(const EncodingError&) const = default;
};

/// iconv's name of an encoding ("GB18030").
const char* iconvName(Encoding encoding);

/// Converts the whole of `input`; any invalid or cut-short character is an error.
Result<std::string, EncodingError> convertText(std::string_view input, Encoding from, Encoding to);

/// Strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool isValidUtf8(std::string_view bytes);

/// How many leading bytes of `bytes` are strict UTF-8 (== bytes.size() when all are); the
/// byte at that offset starts the first sequence that is not.
std::size_t validUtf8Length(std::string_view bytes);

}  // namespace jiujin::base
