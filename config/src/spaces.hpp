#pragma once
// Spaces around what a manager typed into a spreadsheet cell: ASCII spaces and tabs, and the
// full-width space (U+3000) a Chinese input method types, and the no-break space (U+00A0)
// that comes with text pasted from web pages. A code "A-01　" (trailing U+3000) is "A-01".
#include <string_view>

namespace jiujin::config {

/// `text` without the spaces above at either end (a view into `text`).
std::string_view trimSpaces(std::string_view text);

/// Whether `text` is nothing but such spaces (or empty).
inline bool isAllSpaces(std::string_view text) { return trimSpaces(text).empty(); }

}  // namespace jiujin::config
