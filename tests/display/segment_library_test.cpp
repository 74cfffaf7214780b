#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <fstream>

#include "jiujin/voice/announcement_composer.hpp"
#include "jiujin/voice/call_announcer.hpp"
#include "jiujin/voice/segment_catalog.hpp"
#include "jiujin/voice/segment_library.hpp"
#include "jiujin/voice/wav.hpp"

namespace jiujin::voice {
namespace {

std::filesystem::path dirOf(const QTemporaryDir& d) { return d.path().toStdString(); }

Pcm tone(std::int16_t level, std::size_t length, int rate = kAnnouncementSampleRate) {
  return Pcm{rate, std::vector<std::int16_t>(length, level)};
}

TEST(SegmentLibrary, HallRecordingOverridesTheGeneratedSegmentOfTheSameName) {
  QTemporaryDir hall, generated;
  ASSERT_TRUE(writeWav(dirOf(hall) / "qing.wav", tone(7000, 500)).ok());
  ASSERT_TRUE(writeWav(dirOf(generated) / "qing.wav", tone(3000, 500)).ok());
  ASSERT_TRUE(writeWav(dirOf(generated) / "hao.wav", tone(3000, 500)).ok());

  const auto library = SegmentLibrary::load({dirOf(hall), dirOf(generated)});
  ASSERT_TRUE(library.ok()) << library.error().message;
  EXPECT_EQ(library.value().size(), 2u);
  EXPECT_EQ(library.value().find("qing")->samples.front(), 7000);
  EXPECT_EQ(library.value().find("hao")->samples.front(), 3000);
  EXPECT_EQ(library.value().sourceOf("qing"), dirOf(hall) / "qing.wav");
}

TEST(SegmentLibrary, RecordingsInOtherFormatsAreConvertedToTheAnnouncementFormat) {
  QTemporaryDir hall;
  ASSERT_TRUE(writeWav(dirOf(hall) / "dao.wav", tone(5000, 44100, 44100)).ok());
  const auto library = SegmentLibrary::load({dirOf(hall)});
  ASSERT_TRUE(library.ok());
  EXPECT_EQ(library.value().find("dao")->sampleRate, kAnnouncementSampleRate);
  EXPECT_NEAR(static_cast<double>(library.value().find("dao")->samples.size()), 22050.0, 2.0);
}

TEST(SegmentLibrary, MissingFolderIsSkippedButABrokenFileIsAnErrorNamingIt) {
  QTemporaryDir hall;
  EXPECT_TRUE(SegmentLibrary::load({"/nonexistent/recordings"}).ok());
  std::ofstream(dirOf(hall) / "hao.wav") << "not a wave";
  const auto library = SegmentLibrary::load({dirOf(hall)});
  ASSERT_FALSE(library.ok());
  EXPECT_NE(library.error().message.find("hao.wav"), std::string::npos);
}

// The segments espeak-ng recorded at build time, as the hall will hear them.
std::filesystem::path generatedSegments() { return JIUJIN_VOICE_SEGMENTS_DIR; }

TEST(GeneratedSegments, EverySegmentOfTheCatalogWasRecordedAndIsNotSilent) {
  const auto library = SegmentLibrary::load({generatedSegments()});
  ASSERT_TRUE(library.ok()) << library.error().message;
  for (const auto& segment : segmentCatalog()) {
    const Pcm* pcm = library.value().find(segment.name);
    ASSERT_NE(pcm, nullptr) << segment.name;
    EXPECT_GT(pcm->duration().count(), 80) << segment.name << " is (nearly) silent";
  }
}

TEST(GeneratedSegments, ComposedCallLastsAFewSecondsPerRepetition) {
  const auto library = SegmentLibrary::load({generatedSegments()});
  ASSERT_TRUE(library.ok());
  AnnouncementStyle once;
  once.repeats = 1;
  once.chime = false;
  AnnouncementStyle twiceStyle;
  twiceStyle.chime = false;
  const auto single = AnnouncementComposer(once).compose(Call{"A001", 3}, library.value());
  const auto twice = AnnouncementComposer(twiceStyle).compose(Call{"A001", 3}, library.value());
  ASSERT_TRUE(single.ok() && twice.ok());
  EXPECT_GT(single.value().duration().count(), 1500);
  EXPECT_LT(single.value().duration().count(), 8000);
  EXPECT_GT(twice.value().duration().count(), 2 * single.value().duration().count());
}

TEST(GeneratedSegments, AFourDigitCallSaysOneDigitMoreThanAThreeDigitOne) {
  const auto library = SegmentLibrary::load({generatedSegments()});
  ASSERT_TRUE(library.ok());
  AnnouncementStyle once;
  once.repeats = 1;
  const AnnouncementComposer composer(once);
  const auto three = composer.compose(Call{"A999", 3}, library.value());
  const auto four = composer.compose(Call{"A1000", 3}, library.value());
  ASSERT_TRUE(three.ok() && four.ok()) << (three.ok() ? four.error().message : three.error().message);
  // A1000 has one digit more than A999: its recording plus one gap between words.
  const auto extra = four.value().samples.size() - three.value().samples.size();
  const auto zero = library.value().find("zh_digit_0")->samples.size();
  const auto one = library.value().find("zh_digit_1")->samples.size();
  const auto nine = library.value().find("zh_digit_9")->samples.size();
  const auto gap = silence(once.wordGap).samples.size();
  EXPECT_EQ(extra + 3 * nine, one + 3 * zero + gap);
}

TEST(QuietHours, SpanWithinADayAndSpanOverMidnight) {
  const auto lunch = parseQuietHours("12:00-13:30");
  ASSERT_TRUE(lunch.has_value());
  EXPECT_TRUE(lunch->contains(QTime(12, 0)));
  EXPECT_TRUE(lunch->contains(QTime(13, 29)));
  EXPECT_FALSE(lunch->contains(QTime(13, 30)));
  EXPECT_FALSE(lunch->contains(QTime(9, 0)));
  const auto night = parseQuietHours("18:00-8:00");
  ASSERT_TRUE(night.has_value());
  EXPECT_TRUE(night->contains(QTime(23, 0)));
  EXPECT_TRUE(night->contains(QTime(7, 59)));
  EXPECT_FALSE(night->contains(QTime(8, 0)));
}

TEST(QuietHours, MalformedSpanIsRejected) {
  for (const char* bad : {"", "12:00", "12-13", "25:00-26:00", "noon-one"}) {
    EXPECT_FALSE(parseQuietHours(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace jiujin::voice
