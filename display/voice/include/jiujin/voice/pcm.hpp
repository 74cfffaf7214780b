#pragma once
// Sound as the announcer handles it: one format for every segment so they can be joined.
#include <chrono>
#include <cstdint>
#include <vector>

namespace jiujin::voice {

/// The one format announcements are assembled and played in: 16-bit signed mono.
inline constexpr int kAnnouncementSampleRate = 22050;

struct Pcm {
  int sampleRate = kAnnouncementSampleRate;
  std::vector<std::int16_t> samples;  ///< mono
  bool operator==(const Pcm&) const = default;

  std::chrono::milliseconds duration() const {
    return std::chrono::milliseconds(sampleRate > 0 ? samples.size() * 1000 / static_cast<std::size_t>(sampleRate) : 0);
  }
};

/// `samples` resampled (linear interpolation) to `targetRate`.
Pcm resample(const Pcm& pcm, int targetRate);

/// `pcm` without the near-silence at its start and end, so joined words keep an even pace.
/// A sample counts as silence while |s| < `threshold`.
Pcm trimSilence(const Pcm& pcm, std::int16_t threshold = 600);

/// Silence of the given length at `sampleRate`.
Pcm silence(std::chrono::milliseconds length, int sampleRate = kAnnouncementSampleRate);

}  // namespace jiujin::voice
