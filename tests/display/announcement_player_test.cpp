// The player on a real Qt Multimedia output: a PulseAudio null sink started by the ctest
// fixture (tests/display/pulse_start.sh), so it runs on machines without a sound card.
#include <QSignalSpy>
#include <gtest/gtest.h>

#include "jiujin/voice/announcement_player.hpp"
#include "jiujin/voice/call_announcer.hpp"

namespace jiujin::voice {
namespace {

constexpr int kWaitMs = 10'000;

Pcm beep(std::size_t ms) {
  Pcm pcm;
  for (std::size_t i = 0; i < ms * kAnnouncementSampleRate / 1000; ++i) {
    pcm.samples.push_back(static_cast<std::int16_t>(i % 50 < 25 ? 4000 : -4000));
  }
  return pcm;
}

class AnnouncementPlayerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(player.hasOutput()) << "no audio output: the pulse fixture did not start";
    connect();
  }
  void connect() {
    QObject::connect(&player, &AnnouncementPlayer::started, &player, [this](const QString& l) {
      if (playingWhenStarted) overlapped = true;
      playingWhenStarted = true;
      journal << "+" + l;
    });
    QObject::connect(&player, &AnnouncementPlayer::finished, &player, [this](const QString& l) {
      playingWhenStarted = false;
      journal << l;
    });
    QObject::connect(&player, &AnnouncementPlayer::dropped, &player, [this](const QString& l) {
      playingWhenStarted = false;
      journal << "-" + l;
    });
  }

  AnnouncementPlayer player;
  QStringList journal;
  bool playingWhenStarted = false;
  bool overlapped = false;
};

TEST_F(AnnouncementPlayerTest, BurstIsPlayedOneAtATimeInOrder) {
  QSignalSpy idle(&player, &AnnouncementPlayer::idle);
  player.enqueue("A001", beep(150));
  player.enqueue("A002", beep(150));
  player.enqueue("A003", beep(150));
  EXPECT_TRUE(player.isPlaying());
  EXPECT_EQ(player.pending(), 2);

  ASSERT_TRUE(idle.wait(kWaitMs));
  EXPECT_EQ(journal, (QStringList{"+A001", "A001", "+A002", "A002", "+A003", "A003"}));
  EXPECT_FALSE(overlapped);
}

TEST_F(AnnouncementPlayerTest, CallDuringAnAnnouncementWaitsForItToEnd) {
  QSignalSpy firstSample(&player, &AnnouncementPlayer::firstSamplePulled);
  QSignalSpy idle(&player, &AnnouncementPlayer::idle);
  player.enqueue("A001", beep(300));
  ASSERT_TRUE(firstSample.wait(kWaitMs));  // A001 is sounding now

  player.enqueue("A002", beep(100));
  EXPECT_EQ(player.pending(), 1);
  EXPECT_EQ(journal, (QStringList{"+A001"}));  // not cut off, not mixed in

  ASSERT_TRUE(idle.wait(kWaitMs));
  EXPECT_EQ(journal, (QStringList{"+A001", "A001", "+A002", "A002"}));
}

TEST_F(AnnouncementPlayerTest, RecalledTicketIsAnnouncedAgain) {
  QSignalSpy idle(&player, &AnnouncementPlayer::idle);
  SegmentLibrary library;
  for (const char* name : {"qing", "zaici_hujiao", "zh_letter_a", "zh_digit_0", "zh_digit_1", "zh_digit_3", "hao",
                           "dao", "chuangkou_banli"}) {
    library.insert(name, beep(20));
  }
  AnnouncementStyle style;
  style.repeats = 1;
  CallAnnouncer announcer(AnnouncementComposer(style), library, player);

  announcer.announce("A001", 3, false);
  announcer.announce("A001", 3, true);

  ASSERT_TRUE(idle.wait(kWaitMs));
  EXPECT_EQ(journal, (QStringList{"+A001→3", "A001→3", "+A001→3*", "A001→3*"}));
}

TEST_F(AnnouncementPlayerTest, QuietHoursSilenceTheVoiceButTellWhy) {
  SegmentLibrary library;
  CallAnnouncer announcer(AnnouncementComposer(), library, player);
  announcer.setQuietHours(QuietHours{QTime(12, 0), QTime(13, 30)});
  announcer.setLocalClock([] { return QTime(12, 15); });
  QSignalSpy silenced(&announcer, &CallAnnouncer::silenced);

  announcer.announce("A001", 3, false);

  ASSERT_EQ(silenced.count(), 1);
  EXPECT_EQ(silenced.at(0).at(2).toString(), "静音时段");
  EXPECT_FALSE(player.isPlaying());
  EXPECT_TRUE(journal.isEmpty());
}

TEST(AnnouncementPlayerWithoutOutput, DropsAnnouncementsInsteadOfCrashing) {
  AnnouncementPlayer player{QAudioDevice{}};
  QSignalSpy dropped(&player, &AnnouncementPlayer::dropped);
  QSignalSpy idle(&player, &AnnouncementPlayer::idle);

  player.enqueue("A001", beep(100));

  EXPECT_EQ(dropped.count(), 1);
  EXPECT_EQ(idle.count(), 1);
  EXPECT_FALSE(player.isPlaying());
}

}  // namespace
}  // namespace jiujin::voice
