// What the recordings say: letters as letters, and a cache that follows the catalog.
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>

#include "jiujin/voice/segment_catalog.hpp"
#include "jiujin/voice/segment_generator.hpp"
#include "jiujin/voice/wav.hpp"

namespace jiujin::voice {
namespace {

/// What espeak-ng makes of a segment, as phonemes without tones, stress or pauses: two
/// segments with the same result sound the same to a listener.
std::string phonemesOf(const Segment& segment) {
  QProcess espeak;
  espeak.start("espeak-ng", {"-q", "-x", "-v", QString::fromUtf8(espeakVoice(segment).data()),
                             QString::fromStdString(segment.spoken)});
  EXPECT_TRUE(espeak.waitForFinished(20'000)) << segment.name;
  std::string out;
  for (const char c : espeak.readAllStandardOutput().toStdString()) {
    if (std::isdigit(static_cast<unsigned char>(c)) || std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '\'' || c == ',' || c == '_' || c == '|') continue;
    out += c;
  }
  return out;
}

std::vector<const Segment*> segmentsNamed(std::string_view prefix) {
  std::vector<const Segment*> out;
  for (const auto& s : segmentCatalog()) {
    if (s.name.starts_with(prefix)) out.push_back(&s);
  }
  return out;
}

TEST(SegmentCatalog, LettersAreRecordedAsTheAlphabetsLetterNamesInBothLanguages) {
  const auto mandarin = segmentsNamed("zh_letter_");
  ASSERT_EQ(mandarin.size(), 26u);
  for (const auto* s : mandarin) {
    EXPECT_EQ(s->recordedBy, Language::English) << s->name;
    EXPECT_EQ(espeakVoice(*s), "en") << s->name;
  }
  for (const auto* s : segmentsNamed("zh_digit_")) EXPECT_EQ(espeakVoice(*s), "cmn-latn-pinyin") << s->name;
}

TEST(SegmentCatalog, NoLetterOfAMandarinCallSoundsLikeAMandarinDigit) {
  // cmn-latn-pinyin says E as yì: E001 was heard as 一零零一.
  std::map<std::string, std::string> digits;
  for (const auto* d : segmentsNamed("zh_digit_")) digits[phonemesOf(*d)] = d->phrase;
  ASSERT_EQ(digits.size(), 10u) << "ten digits that sound different";
  for (const auto* letter : segmentsNamed("zh_letter_")) {
    const auto said = phonemesOf(*letter);
    ASSERT_FALSE(said.empty()) << letter->name;
    const auto same = digits.find(said);
    EXPECT_EQ(same, digits.end()) << letter->phrase << " is said [" << said << "] like " << same->second;
  }
}

/// An espeak-ng stand-in that writes a tiny WAV for whatever it is asked to say and counts calls.
class FakeEspeak {
 public:
  FakeEspeak() {
    const auto wav = std::filesystem::path(dir_.path().toStdString()) / "word.wav";
    EXPECT_TRUE(writeWav(wav, Pcm{kAnnouncementSampleRate, std::vector<std::int16_t>(2000, 5000)}).ok());
    program_ = std::filesystem::path(dir_.path().toStdString()) / "espeak";
    std::ofstream(program_) << "#!/bin/sh\n"
                               "while [ $# -gt 0 ]; do [ \"$1\" = -w ] && out=\"$2\"; shift; done\n"
                               "cp '" << wav.string() << "' \"$out\"\n";
    std::filesystem::permissions(program_, std::filesystem::perms::owner_all);
  }
  GeneratorOptions options() const {
    GeneratorOptions o;
    o.espeak = program_.string();
    o.english = true;
    return o;
  }

 private:
  QTemporaryDir dir_;
  std::filesystem::path program_;
};

TEST(SegmentGenerator, CachedSegmentMadeByAnotherRecipeIsRemade) {
  // A cache filled before letters moved to the English voice still holds E said as yì.
  FakeEspeak espeak;
  QTemporaryDir cache;
  const std::filesystem::path folder = cache.path().toStdString();
  const auto first = generateSegments(folder, espeak.options());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value().size(), segmentCatalog().size());
  EXPECT_TRUE(generateSegments(folder, espeak.options()).value().empty()) << "nothing changed, nothing remade";

  // the recipe the old version wrote for zh_letter_e
  std::ifstream in(folder / "recipes.txt");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = text.find("zh_letter_e\ten ");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, std::string("zh_letter_e\ten ").size(), "zh_letter_e\tcmn-latn-pinyin ");
  std::ofstream(folder / "recipes.txt", std::ios::trunc) << text;

  const auto again = generateSegments(folder, espeak.options());
  ASSERT_TRUE(again.ok()) << again.error().message;
  ASSERT_EQ(again.value().size(), 1u);
  EXPECT_EQ(again.value()[0].filename(), "zh_letter_e.wav");
}

TEST(SegmentGenerator, CacheWithoutRecipesIsRemadeOnce) {
  FakeEspeak espeak;
  QTemporaryDir cache;
  const std::filesystem::path folder = cache.path().toStdString();
  ASSERT_TRUE(generateSegments(folder, espeak.options()).ok());
  std::filesystem::remove(folder / "recipes.txt");  // as an older version left it
  EXPECT_EQ(generateSegments(folder, espeak.options()).value().size(), segmentCatalog().size());
  EXPECT_TRUE(generateSegments(folder, espeak.options()).value().empty());
}

}  // namespace
}  // namespace jiujin::voice
