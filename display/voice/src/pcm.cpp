#include "jiujin/voice/pcm.hpp"

#include <algorithm>
#include <cstdlib>

namespace jiujin::voice {

Pcm resample(const Pcm& pcm, int targetRate) {
  if (pcm.sampleRate == targetRate || pcm.samples.empty() || pcm.sampleRate <= 0 || targetRate <= 0) {
    return Pcm{targetRate, pcm.samples};
  }
  const auto inCount = pcm.samples.size();
  const auto outCount = static_cast<std::size_t>(
      static_cast<double>(inCount) * targetRate / pcm.sampleRate);
  Pcm out{targetRate, {}};
  out.samples.reserve(outCount);
  const double step = static_cast<double>(pcm.sampleRate) / targetRate;
  for (std::size_t i = 0; i < outCount; ++i) {
    const double at = static_cast<double>(i) * step;
    const auto left = std::min(static_cast<std::size_t>(at), inCount - 1);
    const auto right = std::min(left + 1, inCount - 1);
    const double frac = at - static_cast<double>(left);
    const double v = pcm.samples[left] * (1.0 - frac) + pcm.samples[right] * frac;
    out.samples.push_back(static_cast<std::int16_t>(std::clamp(v, -32768.0, 32767.0)));
  }
  return out;
}

Pcm trimSilence(const Pcm& pcm, std::int16_t threshold) {
  const auto loud = [threshold](std::int16_t s) { return std::abs(static_cast<int>(s)) >= threshold; };
  const auto first = std::find_if(pcm.samples.begin(), pcm.samples.end(), loud);
  if (first == pcm.samples.end()) return Pcm{pcm.sampleRate, {}};
  const auto last = std::find_if(pcm.samples.rbegin(), pcm.samples.rend(), loud).base();
  return Pcm{pcm.sampleRate, std::vector<std::int16_t>(first, last)};
}

Pcm silence(std::chrono::milliseconds length, int sampleRate) {
  const auto count = static_cast<std::size_t>(std::max<long long>(0, length.count()) * sampleRate / 1000);
  return Pcm{sampleRate, std::vector<std::int16_t>(count, 0)};
}

}  // namespace jiujin::voice
