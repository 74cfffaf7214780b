#pragma once
// The words an announcement is made of. Each segment has a file name (its stem, the name a
// hall's own recording must carry to replace it), the phrase it says, and the espeak-ng
// voice that makes the default recording.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jiujin::voice {

enum class Language { Mandarin, English };

struct Segment {
  std::string name;    ///< file stem, e.g. "qing" → qing.wav
  Language language;
  std::string phrase;  ///< what it says, as written in templates, e.g. "请"
  std::string spoken;  ///< the text given to espeak-ng (digits and letters spelled for it)
  /// The espeak-ng voice that records it. Letters in a Mandarin call are recorded by the
  /// English voice: cmn-latn-pinyin says "E" as yì, so E001 was heard as 一零零一, "R" as
  /// èr (二), and its other letter names are pinyin guesses (G as zhì, Q as kiōu).
  Language recordedBy = Language::Mandarin;
};

/// Every segment announcements may use: the fixed phrases, digits 0–9, letters A–Z and
/// 十 (for window numbers), in Mandarin and English.
const std::vector<Segment>& segmentCatalog();

/// The espeak-ng voice for a language. Mandarin uses cmn-latn-pinyin: plain `cmn` reads
/// pinyin as English (espeak-ng 1.51).
std::string_view espeakVoice(Language language);
/// The espeak-ng voice of a segment (its recordedBy language).
std::string_view espeakVoice(const Segment& segment);

/// The segment saying a fixed phrase ("请", "窗口办理", "please go to window"), if any.
const Segment* findPhrase(Language language, std::string_view phrase);

/// The segment name of a digit (0–9) or a letter (A–Z, either case) in a language.
std::optional<std::string> digitSegment(Language language, int digit);
std::optional<std::string> letterSegment(Language language, char letter);
/// 十, used to say window numbers 10–99 the way people say them (十二, 二十一).
std::string tenSegment();

}  // namespace jiujin::voice
