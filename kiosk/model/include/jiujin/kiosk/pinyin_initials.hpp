#pragma once
// The initials of a name's pinyin (高龄津贴申领 → GLJTSL), for the kiosk's letter pad.
//
// Each Han character is read on its own through ICU's Han-Latin transliterator (CLDR data,
// every character, the most common reading); Latin letters and digits are kept, everything
// else is dropped. A polyphone read otherwise in the name (银行 is yín háng, ICU says xíng)
// is put right by the catalog's 拼音首字母 column (docs/configuration.md).
#include <string>
#include <string_view>

namespace jiujin::kiosk {

/// Upper-case initials of `utf8`; empty when nothing in it has a reading.
std::string pinyinInitials(std::string_view utf8);

}  // namespace jiujin::kiosk
