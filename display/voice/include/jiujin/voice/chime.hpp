#pragma once
// The 叮咚 before a call: two bell-like tones, high then low, made in code so no sound file
// (and no licence question) ships with the voice. A hall may replace it with its own
// recording named chime.wav in its recordings folder, like any segment.
#include <chrono>
#include <string>

#include "jiujin/voice/pcm.hpp"

namespace jiujin::voice {

/// The segment name the chime is looked up by (a hall's chime.wav overrides the made one).
inline const std::string kChimeSegment = "chime";

struct ChimeTone {
  double frequency;                      ///< Hz
  std::chrono::milliseconds start;       ///< from the start of the chime
  std::chrono::milliseconds length;      ///< until it has died away
};

/// 叮 (E5, 659 Hz) then 咚 (C5, 523 Hz) 250 ms later, a major third down like a doorbell.
inline constexpr ChimeTone kDing{659.25, std::chrono::milliseconds{0}, std::chrono::milliseconds{450}};
inline constexpr ChimeTone kDong{523.25, std::chrono::milliseconds{250}, std::chrono::milliseconds{650}};

/// The chime in the announcement format: each tone a sine with a quieter octave overtone,
/// a 5 ms attack (no click) and an exponential decay to silence at its end.
Pcm makeChime(int sampleRate = kAnnouncementSampleRate);

}  // namespace jiujin::voice
