#pragma once
// RIFF/WAVE in and out. Reads what espeak-ng and ordinary recorders write (integer PCM of
// 8/16/24/32 bits, 32-bit float, any channel count) and returns it as mono 16-bit PCM.
#include <cstddef>
#include <filesystem>
#include <span>
#include <vector>

#include "jiujin/voice/expected.hpp"
#include "jiujin/voice/pcm.hpp"

namespace jiujin::voice {

/// Decodes a WAV file's bytes; channels are averaged, the sample rate is kept.
Expected<Pcm> decodeWav(std::span<const std::byte> bytes);

/// Reads and decodes a WAV file.
Expected<Pcm> readWav(const std::filesystem::path& file);

/// Encodes mono 16-bit PCM as a WAV file's bytes.
std::vector<std::byte> encodeWav(const Pcm& pcm);

/// Writes `pcm` as a WAV file.
Expected<std::filesystem::path> writeWav(const std::filesystem::path& file, const Pcm& pcm);

}  // namespace jiujin::voice
