#include "jiujin/voice/segment_catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace jiujin::voice {
namespace {

constexpr std::array<const char*, 10> kMandarinDigits = {"零", "一", "二", "三", "四",
                                                         "五", "六", "七", "八", "九"};
constexpr std::array<const char*, 10> kEnglishDigits = {"zero", "one", "two",   "three", "four",
                                                        "five", "six", "seven", "eight", "nine"};

std::vector<Segment> buildCatalog() {
  std::vector<Segment> c = {
      {"qing", Language::Mandarin, "请", "请", Language::Mandarin},
      {"hao", Language::Mandarin, "号", "号", Language::Mandarin},
      {"dao", Language::Mandarin, "到", "到", Language::Mandarin},
      {"chuangkou_banli", Language::Mandarin, "窗口办理", "窗口办理", Language::Mandarin},
      {"zaici_hujiao", Language::Mandarin, "再次呼叫", "再次呼叫", Language::Mandarin},
      {"shi", Language::Mandarin, "十", "十", Language::Mandarin},
      {"en_number", Language::English, "number", "number", Language::English},
      {"en_please_go_to_window", Language::English, "please go to window", "please go to window", Language::English},
      {"en_calling_again", Language::English, "calling again", "calling again", Language::English},
  };
  for (int d = 0; d < 10; ++d) {
    const auto i = static_cast<std::size_t>(d);
    c.push_back({"zh_digit_" + std::to_string(d), Language::Mandarin, kMandarinDigits[i], kMandarinDigits[i],
                 Language::Mandarin});
    c.push_back({"en_digit_" + std::to_string(d), Language::English, kEnglishDigits[i], kEnglishDigits[i],
                 Language::English});
  }
  for (char l = 'a'; l <= 'z'; ++l) {
    const std::string upper(1, static_cast<char>(std::toupper(static_cast<unsigned char>(l))));
    // Said as the alphabet's letter names in both languages (see Segment::recordedBy).
    c.push_back({std::string("zh_letter_") + l, Language::Mandarin, upper, upper, Language::English});
    c.push_back({std::string("en_letter_") + l, Language::English, upper, upper, Language::English});
  }
  return c;
}

}  // namespace

const std::vector<Segment>& segmentCatalog() {
  static const std::vector<Segment> catalog = buildCatalog();
  return catalog;
}

std::string_view espeakVoice(Language language) {
  return language == Language::Mandarin ? "cmn-latn-pinyin" : "en";
}

std::string_view espeakVoice(const Segment& segment) { return espeakVoice(segment.recordedBy); }

const Segment* findPhrase(Language language, std::string_view phrase) {
  const auto& c = segmentCatalog();
  const auto it = std::find_if(c.begin(), c.end(), [&](const Segment& s) {
    return s.language == language && s.phrase == phrase;
  });
  return it == c.end() ? nullptr : &*it;
}

std::optional<std::string> digitSegment(Language language, int digit) {
  if (digit < 0 || digit > 9) return std::nullopt;
  return (language == Language::Mandarin ? "zh_digit_" : "en_digit_") + std::to_string(digit);
}

std::optional<std::string> letterSegment(Language language, char letter) {
  const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
  if (lower < 'a' || lower > 'z') return std::nullopt;
  return std::string(language == Language::Mandarin ? "zh_letter_" : "en_letter_") + lower;
}

std::string tenSegment() { return "shi"; }

}  // namespace jiujin::voice
