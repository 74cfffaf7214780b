// The player on a real Qt Multimedia output: a PulseAudio null sink started by the ctest
// fixture (tests/display/pulse_start.sh), so it runs on machines without a sound card.
#include <QSignalSpy>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "jiujin/base/log.hpp"
#include "jiujin/voice/announcement_player.hpp"
#include "jiujin/voice/call_announcer.hpp"

namespace jiujin::voice {
namespace {

// A bound, not a pace: announcements on the null sink take ~2 s each on a loaded machine.
constexpr int kWaitMs = 30'000;

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
  SegmentLibrary library;
  for (const char* name : {"qing", "zaici_hujiao", "zh_letter_a", "zh_digit_0", "zh_digit_1", "zh_digit_3", "hao",
                           "dao", "chuangkou_banli"}) {
    library.insert(name, beep(20));
  }
  AnnouncementStyle style;
  style.repeats = 1;
  CallAnnouncer announcer(AnnouncementComposer(style), library, player);
  QSignalSpy idle(&announcer, &CallAnnouncer::idle);

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

/// The announcer as the display wires it: a library of short beeps, the tickets the hall
/// still calls, a clock the test moves, and the voice's log lines.
class CallAnnouncerTest : public AnnouncementPlayerTest {
 protected:
  void SetUp() override {
    AnnouncementPlayerTest::SetUp();
    for (const char* name : {"qing", "zaici_hujiao", "zh_letter_a", "zh_letter_b", "zh_letter_c", "zh_digit_0",
                             "zh_digit_1", "zh_digit_2", "zh_digit_3", "hao", "dao", "chuangkou_banli"}) {
      library.insert(name, beep(20));
    }
    style.chime = false;  // short calls keep the test short; the chime has its own tests
    style.repeats = 1;
    style.letterGap = std::chrono::milliseconds(0);
    announcer = std::make_unique<CallAnnouncer>(AnnouncementComposer(style), library, player);
    announcer->setWallClock([this] { return now; });
    announcer->setStillCalled([this](const Call& c) { return !gone.count(c.ticketNumber); });
    previousThreshold = log::threshold();
    log::setThreshold(log::Level::Info);
    log::setSink([this](log::Level, std::string_view category, std::string_view line) {
      if (category == "display.voice") lines.emplace_back(line);
    });
  }
  void TearDown() override {
    log::setSink({});
    log::setThreshold(previousThreshold);
  }
  bool logged(const std::string& text) const {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
  }

  SegmentLibrary library;
  AnnouncementStyle style;
  std::unique_ptr<CallAnnouncer> announcer;
  WallClock::time_point now = WallClock::now();
  std::set<std::string> gone;
  std::vector<std::string> lines;
  log::Level previousThreshold = log::Level::Info;
};

TEST_F(CallAnnouncerTest, CallOfATicketServedWhileItWaitedIsDroppedAndLogged) {
  QSignalSpy idle(announcer.get(), &CallAnnouncer::idle);
  QSignalSpy silenced(announcer.get(), &CallAnnouncer::silenced);
  announcer->announce("A001", 1, false);  // said at once
  announcer->announce("B001", 2, false);
  announcer->announce("C001", 3, false);
  EXPECT_EQ(announcer->waiting(), 2u);
  gone.insert("B001");  // window 2 served B001 while A001 was being said

  ASSERT_TRUE(idle.wait(kWaitMs));
  EXPECT_EQ(journal, (QStringList{"+A001→1", "A001→1", "+C001→3", "C001→3"}));
  ASSERT_EQ(silenced.count(), 1);
  EXPECT_EQ(silenced.at(0), (QVariantList{"B001", 2, "no longer called"}));
  const auto at = clockText(now);
  EXPECT_TRUE(logged("saying A001→1 (called " + at + ", starts " + at + ", 0.0 s after the call")) << lines.size();
  EXPECT_TRUE(logged("dropped B001→2 (called " + at + ", dropped " + at)) << lines.size();
  EXPECT_TRUE(logged("no longer called"));
}

TEST_F(CallAnnouncerTest, CallOlderThanTheMaximumDelayIsNotSaidLate) {
  QSignalSpy idle(announcer.get(), &CallAnnouncer::idle);
  announcer->setMaxDelay(std::chrono::seconds(30));
  announcer->announce("A001", 1, false);
  announcer->announce("B001", 2, false);
  now += std::chrono::seconds(31);  // A001 took (as if) 31 s

  ASSERT_TRUE(idle.wait(kWaitMs));
  EXPECT_EQ(journal, (QStringList{"+A001→1", "A001→1"}));
  EXPECT_TRUE(logged("dropped B001→2")) << lines.size();
  EXPECT_TRUE(logged("31.0 s after the call): too late"));
}

TEST_F(CallAnnouncerTest, RecallOfAWaitingCallIsSaidOnceInItsPlaceAndCallsWithOthersBehindAreSaidOnce) {
  QSignalSpy idle(announcer.get(), &CallAnnouncer::idle);
  announcer->announce("A001", 1, false);  // said at once
  announcer->announce("B001", 2, false);
  announcer->announce("C001", 3, false);
  announcer->announce("B001", 2, true);  // recall while B001 still waits

  ASSERT_TRUE(idle.wait(kWaitMs));
  EXPECT_EQ(journal, (QStringList{"+A001→1", "A001→1", "+B001→2*", "B001→2*", "+C001→3", "C001→3"}));
  EXPECT_TRUE(logged("dropped B001→2 (called")) << lines.size();
  EXPECT_TRUE(logged("replaced by a newer call"));
  EXPECT_TRUE(logged("saying B001→2 (recall)"));
  EXPECT_TRUE(logged("said once; 1 waiting)")) << "C001 waited behind the recall";
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
