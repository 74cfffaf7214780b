// The 叮咚 made in code: two tones, high then low, that die away instead of stopping.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "jiujin/voice/chime.hpp"

namespace jiujin::voice {
namespace {

using namespace std::chrono_literals;

std::size_t at(std::chrono::milliseconds t) { return static_cast<std::size_t>(t.count() * kAnnouncementSampleRate / 1000); }

/// The pitch of [from, from + length) by counting upward zero crossings.
double pitchOf(const Pcm& pcm, std::chrono::milliseconds from, std::chrono::milliseconds length) {
  int crossings = 0;
  for (std::size_t i = at(from) + 1; i < at(from + length); ++i) {
    if (pcm.samples[i - 1] < 0 && pcm.samples[i] >= 0) ++crossings;
  }
  return crossings / std::chrono::duration<double>(length).count();
}

int peakOf(const Pcm& pcm, std::chrono::milliseconds from, std::chrono::milliseconds length) {
  int peak = 0;
  for (std::size_t i = at(from); i < std::min(at(from + length), pcm.samples.size()); ++i) {
    peak = std::max(peak, std::abs(static_cast<int>(pcm.samples[i])));
  }
  return peak;
}

TEST(Chime, IsAHighToneThenALowerOneInTheAnnouncementFormat) {
  const Pcm chime = makeChime();
  EXPECT_EQ(chime.sampleRate, kAnnouncementSampleRate);
  EXPECT_EQ(chime.duration(), kDong.start + kDong.length);
  // 叮 alone in its first 200 ms; 咚 alone once 叮 has died away
  EXPECT_NEAR(pitchOf(chime, 20ms, 180ms), kDing.frequency, 15.0);
  EXPECT_NEAR(pitchOf(chime, 470ms, 150ms), kDong.frequency, 15.0);
  EXPECT_GT(kDing.frequency, kDong.frequency);
}

TEST(Chime, StartsWithoutAClickAndDiesAwayWithoutClipping) {
  const Pcm chime = makeChime();
  EXPECT_LT(std::abs(static_cast<int>(chime.samples.front())), 100) << "no click at the start";
  const int loudest = peakOf(chime, 0ms, chime.duration());
  EXPECT_GT(loudest, 8000) << "audible";
  EXPECT_LT(loudest, 32767) << "not clipped";
  EXPECT_LT(peakOf(chime, chime.duration() - 20ms, 20ms), loudest / 50) << "faded out, not cut";
  // 咚 is struck: the sound swells again at its start after 叮 has faded
  EXPECT_GT(peakOf(chime, kDong.start, 30ms), 2 * peakOf(chime, kDong.start - 30ms, 30ms));
}

}  // namespace
}  // namespace jiujin::voice
