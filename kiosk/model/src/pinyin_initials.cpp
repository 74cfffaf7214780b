#include "jiujin/kiosk/pinyin_initials.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <QLoggingCategory>
#include <memory>
#include <mutex>

Q_LOGGING_CATEGORY(lcPinyin, "kiosk.pinyin")

namespace jiujin::kiosk {

namespace {

/// One transliterator for the process (building it reads CLDR's Han-Latin rules, some
/// milliseconds); ICU's transliterate() is not thread-safe, so calls are serialised.
class HanLatin {
 public:
  HanLatin() {
    UErrorCode status = U_ZERO_ERROR;
    latin_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      qCWarning(lcPinyin) << "ICU has no Han-Latin transliterator:" << u_errorName(status)
                          << "- items are found by the catalog's 拼音首字母 only";
      latin_.reset();
    }
  }

  /// The first Latin letter of the character's reading, upper case; 0 when none.
  char initialOf(UChar32 c) {
    if (!latin_) return 0;
    std::scoped_lock lock(mutex_);
    icu::UnicodeString text(c);
    latin_->transliterate(text);
    for (int32_t i = 0; i < text.length(); ++i) {
      const char16_t u = text.charAt(i);
      if (u >= u'a' && u <= u'z') return static_cast<char>(u - u'a' + 'A');
      if (u >= u'A' && u <= u'Z') return static_cast<char>(u);
    }
    return 0;
  }

 private:
  std::unique_ptr<icu::Transliterator> latin_;
  std::mutex mutex_;
};

HanLatin& hanLatin() {
  static HanLatin instance;
  return instance;
}

}  // namespace

std::string pinyinInitials(std::string_view utf8) {
  const icu::UnicodeString name = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string initials;
  for (int32_t i = 0; i < name.length(); i = name.moveIndex32(i, 1)) {
    const UChar32 c = name.char32At(i);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') initials.push_back(static_cast<char>(c - 'a' + 'A'));
      else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) initials.push_back(static_cast<char>(c));
      continue;
    }
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
      if (const char initial = hanLatin().initialOf(c)) initials.push_back(initial);
    }
  }
  return initials;
}

}  // namespace jiujin::kiosk
