#include <gtest/gtest.h>

#include "jiujin/voice/announcement_composer.hpp"
#include "jiujin/voice/chime.hpp"

namespace jiujin::voice {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> words(const std::vector<Piece>& pieces) {
  std::vector<std::string> out;
  for (const auto& p : pieces) out.push_back(p.isPause() ? "|" + std::to_string(p.pause.count()) : p.segment);
  return out;
}

const std::vector<std::string> kA001To3 = {"qing", "zh_letter_a", "|150", "zh_digit_0", "zh_digit_0", "zh_digit_1",
                                           "hao",  "dao",         "zh_digit_3", "hao",  "chuangkou_banli"};

TEST(AnnouncementComposer, MandarinCallSpellsLettersThenDigitsOneByOne) {
  const auto sentence = AnnouncementComposer().sentence(Call{"A001", 3}, Language::Mandarin);
  ASSERT_TRUE(sentence.ok()) << sentence.error().message;
  EXPECT_EQ(words(sentence.value()), kA001To3);
}

TEST(AnnouncementComposer, AFourDigitNumberIsSpelledDigitByDigit) {
  // "请A1000号…": espeak would read 1000 as 一千; each digit is its own recording.
  const auto sentence = AnnouncementComposer().sentence(Call{"A1000", 12}, Language::Mandarin);
  ASSERT_TRUE(sentence.ok()) << sentence.error().message;
  EXPECT_EQ(words(sentence.value()),
            (std::vector<std::string>{"qing", "zh_letter_a", "|150", "zh_digit_1", "zh_digit_0", "zh_digit_0", "zh_digit_0",
                                      "hao", "dao", "shi", "zh_digit_2", "hao", "chuangkou_banli"}));
  EXPECT_EQ(words(ticketNumberPieces("AB9999", Language::English).value()),
            (std::vector<std::string>{"en_letter_a", "en_letter_b", "en_digit_9", "en_digit_9", "en_digit_9",
                                      "en_digit_9"}));
}

TEST(AnnouncementComposer, LettersAreSaidAsLettersApartFromTheDigits) {
  // E001 was heard as 一零零一: its E must be the letter's recording, set apart by a pause.
  const AnnouncementComposer composer;
  const auto say = [&](const char* number) {
    return words(composer.sentence(Call{number, 3}, Language::Mandarin).value());
  };
  const std::vector<std::string> tail = {"hao", "dao", "zh_digit_3", "hao", "chuangkou_banli"};
  const auto sentence = [&](std::vector<std::string> number) {
    number.insert(number.begin(), "qing");
    number.insert(number.end(), tail.begin(), tail.end());
    return number;
  };
  EXPECT_EQ(say("A001"), sentence({"zh_letter_a", "|150", "zh_digit_0", "zh_digit_0", "zh_digit_1"}));
  EXPECT_EQ(say("E001"), sentence({"zh_letter_e", "|150", "zh_digit_0", "zh_digit_0", "zh_digit_1"}));
  // zeros are said as 零 where they stand: B100 is B 一 零 零, never 一百
  EXPECT_EQ(say("B100"), sentence({"zh_letter_b", "|150", "zh_digit_1", "zh_digit_0", "zh_digit_0"}));
  EXPECT_EQ(say("C010"), sentence({"zh_letter_c", "|150", "zh_digit_0", "zh_digit_1", "zh_digit_0"}));
  EXPECT_EQ(say("GA1000"),
            sentence({"zh_letter_g", "zh_letter_a", "|150", "zh_digit_1", "zh_digit_0", "zh_digit_0", "zh_digit_0"}));
  EXPECT_EQ(words(ticketNumberPieces("E001", Language::Mandarin).value()),
            (std::vector<std::string>{"zh_letter_e", "zh_digit_0", "zh_digit_0", "zh_digit_1"}))
      << "no pause unless asked for";
}

TEST(AnnouncementComposer, ChimeComesBeforeTheWordsAndCanBeSwitchedOff) {
  AnnouncementStyle style;
  const auto on = words(AnnouncementComposer(style).pieces(Call{"A001", 3}).value());
  ASSERT_GE(on.size(), 3u);
  EXPECT_EQ(on[0], "chime");
  EXPECT_EQ(on[1], "|200");
  EXPECT_EQ(on[2], "qing");
  EXPECT_EQ(std::count(on.begin(), on.end(), "chime"), 1) << "once per call, not per repetition";
  style.chime = false;
  EXPECT_EQ(words(AnnouncementComposer(style).pieces(Call{"A001", 3}).value()).front(), "qing");
}

TEST(AnnouncementComposer, BriefCallIsSaidOnceWhateverTheRepeats) {
  AnnouncementStyle style;
  style.repeats = 3;
  Call call{"A001", 3};
  call.brief = true;
  const auto pieces = AnnouncementComposer(style).pieces(call).value();
  EXPECT_EQ(std::count(pieces.begin(), pieces.end(), Piece::word("qing")), 1);
}

TEST(AnnouncementComposer, MadeChimeIsPlayedUnlessTheHallHasItsOwn) {
  AnnouncementStyle style;
  style.wordGap = 0ms;
  const AnnouncementComposer composer(style);
  const auto made = composer.render({Piece::word(kChimeSegment)}, SegmentLibrary{});
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made.value(), makeChime());
  SegmentLibrary hall;
  hall.insert(kChimeSegment, Pcm{kAnnouncementSampleRate, std::vector<std::int16_t>(50, 7000)});
  EXPECT_EQ(composer.render({Piece::word(kChimeSegment)}, hall).value().samples,
            std::vector<std::int16_t>(50, 7000));
}

TEST(AnnouncementComposer, WindowNumbersAreSaidTheWayPeopleSayThem) {
  const auto say = [](int w) { return words(windowNumberPieces(w, Language::Mandarin).value()); };
  EXPECT_EQ(say(10), (std::vector<std::string>{"shi"}));
  EXPECT_EQ(say(12), (std::vector<std::string>{"shi", "zh_digit_2"}));
  EXPECT_EQ(say(20), (std::vector<std::string>{"zh_digit_2", "shi"}));
  EXPECT_EQ(say(21), (std::vector<std::string>{"zh_digit_2", "shi", "zh_digit_1"}));
  EXPECT_EQ(say(105), (std::vector<std::string>{"zh_digit_1", "zh_digit_0", "zh_digit_5"}));
  EXPECT_EQ(words(windowNumberPieces(12, Language::English).value()),
            (std::vector<std::string>{"en_digit_1", "en_digit_2"}));
}

TEST(AnnouncementComposer, AnnouncementIsRepeatedTwiceByDefaultWithAPauseBetween) {
  const AnnouncementComposer composer;
  const auto pieces = composer.pieces(Call{"A001", 3});
  ASSERT_TRUE(pieces.ok());
  std::vector<std::string> expected = {"chime", "|200"};
  expected.insert(expected.end(), kA001To3.begin(), kA001To3.end());
  expected.push_back("|" + std::to_string(composer.style().sentenceGap.count()));
  expected.insert(expected.end(), kA001To3.begin(), kA001To3.end());
  EXPECT_EQ(words(pieces.value()), expected);
}

TEST(AnnouncementComposer, RepeatCountIsConfigurable) {
  AnnouncementStyle style;
  style.repeats = 3;
  const auto pieces = AnnouncementComposer(style).pieces(Call{"A001", 3}).value();
  EXPECT_EQ(std::count(pieces.begin(), pieces.end(), Piece::word("qing")), 3);
}

TEST(AnnouncementComposer, RecallIsAnnouncedWithItsOwnOpening) {
  const auto pieces = AnnouncementComposer().sentence(Call{"A001", 3, true}, Language::Mandarin);
  ASSERT_TRUE(pieces.ok());
  const auto w = words(pieces.value());
  ASSERT_GE(w.size(), 3u);
  EXPECT_EQ(w[0], "zaici_hujiao");
  EXPECT_EQ(w[1], "|250");
  EXPECT_EQ(std::vector<std::string>(w.begin() + 2, w.end()), kA001To3);
}

TEST(AnnouncementComposer, EnglishFollowsTheMandarinOnceWhenEnabled) {
  AnnouncementStyle style;
  style.english = true;
  style.repeats = 1;
  const auto pieces = AnnouncementComposer(style).pieces(Call{"B012", 7});
  ASSERT_TRUE(pieces.ok()) << pieces.error().message;
  const auto w = words(pieces.value());
  const std::vector<std::string> english = {"en_number",  "en_letter_b", "|150", "en_digit_0",
                                            "en_digit_1", "en_digit_2",  "|250",
                                            "en_please_go_to_window", "en_digit_7"};
  ASSERT_GE(w.size(), english.size());
  EXPECT_EQ(std::vector<std::string>(w.end() - static_cast<long>(english.size()), w.end()), english);
  EXPECT_EQ(w.front(), "chime");
  EXPECT_EQ(w[2], "qing");
}

TEST(AnnouncementComposer, NumbersThatCannotBeSpokenAreErrors) {
  const AnnouncementComposer composer;
  EXPECT_FALSE(composer.pieces(Call{"", 3}).ok());
  EXPECT_FALSE(composer.pieces(Call{"A-01", 3}).ok());
  EXPECT_FALSE(composer.pieces(Call{"A001", 0}).ok());
  EXPECT_FALSE(composer.pieces(Call{"A001", -2}).ok());
}

TEST(AnnouncementComposer, TemplateTextWithoutARecordingIsAnErrorNamingIt) {
  AnnouncementStyle style;
  style.templates.mandarin = "请{ticket}号到{window}号柜台";
  const auto pieces = AnnouncementComposer(style).pieces(Call{"A001", 3});
  ASSERT_FALSE(pieces.ok());
  EXPECT_NE(pieces.error().message.find("柜台"), std::string::npos) << pieces.error().message;
}

TEST(AnnouncementComposer, HallTemplateCanReorderThePhrases) {
  AnnouncementStyle style;
  style.templates.mandarin = "{ticket}号，请到{window}号窗口办理";
  const auto w = words(AnnouncementComposer(style).sentence(Call{"C2", 5}, Language::Mandarin).value());
  EXPECT_EQ(w, (std::vector<std::string>{"zh_letter_c", "|150", "zh_digit_2", "hao", "|250", "qing", "dao", "zh_digit_5",
                                         "hao", "chuangkou_banli"}));
}

TEST(AnnouncementComposer, HallFileTemplatesAreSpokenAndRecallsSayCallingAgainFirst) {
  // The hall file's defaults, as config/ reads them.
  AnnouncementStyle style;
  style.templates = templatesFromHallFile("请{number}号到{window}号窗口办理", "Number {number}, please go to window {window}");
  EXPECT_FALSE(checkTemplates(style).has_value());
  const AnnouncementComposer composer(style);
  EXPECT_EQ(words(composer.sentence(Call{"A001", 3}, Language::Mandarin).value()), kA001To3);
  const auto recall = words(composer.sentence(Call{"A001", 3, true}, Language::Mandarin).value());
  ASSERT_GT(recall.size(), kA001To3.size());
  EXPECT_EQ(std::vector<std::string>(recall.end() - static_cast<long>(kA001To3.size()), recall.end()), kA001To3);
  EXPECT_EQ(words(composer.sentence(Call{"A001", 3}, Language::English).value()).front(), "en_number");
}

TEST(AnnouncementComposer, HallFileTemplateWithWordsWithoutRecordingsIsNamedByTheCheck) {
  AnnouncementStyle style;
  style.templates = templatesFromHallFile("请{number}号到{window}号柜台", "Number {number}, please go to window {window}");
  const auto problem = checkTemplates(style);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->message.find("柜台"), std::string::npos) << problem->message;
}

/// A library where each segment is a block of one constant value, to see order in the sound.
SegmentLibrary markedLibrary(const std::vector<std::string>& names, std::size_t length) {
  SegmentLibrary library;
  std::int16_t mark = 1000;
  for (const auto& n : names) {
    library.insert(n, Pcm{kAnnouncementSampleRate, std::vector<std::int16_t>(length, mark)});
    mark = static_cast<std::int16_t>(mark + 1000);
  }
  return library;
}

TEST(AnnouncementComposer, RenderedSoundHasTheSegmentsInOrderWithGapsBetweenWords) {
  const auto library = markedLibrary({"qing", "hao", "dao"}, 100);
  AnnouncementStyle style;
  style.wordGap = 10ms;
  const AnnouncementComposer composer(style);
  const auto pcm = composer.render({Piece::word("dao"), Piece::word("qing"), Piece::gap(20ms), Piece::word("hao")},
                                   library);
  ASSERT_TRUE(pcm.ok()) << pcm.error().message;
  const auto& s = pcm.value().samples;
  const std::size_t gap = 220;    // 10 ms at 22050 Hz
  const std::size_t pause = 441;  // 20 ms
  ASSERT_EQ(s.size(), 300 + gap + pause);
  EXPECT_EQ(s[0], 3000);           // dao
  EXPECT_EQ(s[100], 0);            // word gap
  EXPECT_EQ(s[100 + gap], 1000);   // qing
  EXPECT_EQ(s[200 + gap], 0);      // the explicit pause, no word gap added to it
  EXPECT_EQ(s[200 + gap + pause], 2000);  // hao
}

TEST(AnnouncementComposer, MissingSegmentIsAnErrorNamingIt) {
  const auto pcm = AnnouncementComposer().compose(Call{"A001", 3}, markedLibrary({"qing"}, 10));
  ASSERT_FALSE(pcm.ok());
  EXPECT_NE(pcm.error().message.find("zh_letter_a"), std::string::npos) << pcm.error().message;
}

}  // namespace
}  // namespace jiujin::voice
