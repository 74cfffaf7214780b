#include "jiujin/voice/chime.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace jiujin::voice {
namespace {

// Below full scale, so the chime is not louder than the voice that follows (espeak peaks
// around half scale).
constexpr double kPeak = 0.45 * 32767.0;
constexpr double kOvertone = 0.25;  // the octave that makes a sine sound like a bell
constexpr double kAttackSeconds = 0.005;

void addTone(std::vector<double>& mix, const ChimeTone& tone, int sampleRate) {
  const auto first = static_cast<std::size_t>(tone.start.count() * sampleRate / 1000);
  const auto count = static_cast<std::size_t>(tone.length.count() * sampleRate / 1000);
  const double lengthSeconds = static_cast<double>(count) / sampleRate;
  // Decays to 1/e^5 (−43 dB) at its end: gone, not cut off.
  const double decay = 5.0 / lengthSeconds;
  for (std::size_t i = 0; i < count && first + i < mix.size(); ++i) {
    const double t = static_cast<double>(i) / sampleRate;
    const double envelope = std::min(1.0, t / kAttackSeconds) * std::exp(-decay * t);
    const double phase = 2.0 * std::numbers::pi * tone.frequency * t;
    mix[first + i] += envelope * (std::sin(phase) + kOvertone * std::sin(2.0 * phase)) / (1.0 + kOvertone);
  }
}

}  // namespace

Pcm makeChime(int sampleRate) {
  const auto end = std::max(kDing.start + kDing.length, kDong.start + kDong.length);
  std::vector<double> mix(static_cast<std::size_t>(end.count() * sampleRate / 1000), 0.0);
  addTone(mix, kDing, sampleRate);
  addTone(mix, kDong, sampleRate);
  Pcm pcm{sampleRate, {}};
  pcm.samples.reserve(mix.size());
  for (const double v : mix) {
    pcm.samples.push_back(static_cast<std::int16_t>(std::clamp(std::round(v * kPeak), -32768.0, 32767.0)));
  }
  return pcm;
}

}  // namespace jiujin::voice
