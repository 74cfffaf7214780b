#include "jiujin/voice/wav.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace jiujin::voice {
namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatFloat = 3;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

std::uint32_t le32(std::span<const std::byte> b, std::size_t at) {
  return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
         static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}
std::uint16_t le16(std::span<const std::byte> b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned>(b[at]) | static_cast<unsigned>(b[at + 1]) << 8);
}
bool tagIs(std::span<const std::byte> b, std::size_t at, const char* tag) {
  return std::memcmp(b.data() + at, tag, 4) == 0;
}

struct Format {
  std::uint16_t code = 0;
  int channels = 0;
  int sampleRate = 0;
  int bitsPerSample = 0;
};

/// One sample of one channel as a value in [-1, 1].
double sampleAt(std::span<const std::byte> data, std::size_t at, const Format& f) {
  switch (f.bitsPerSample) {
    case 8:
      return (static_cast<int>(data[at]) - 128) / 128.0;
    case 16:
      return static_cast<std::int16_t>(le16(data, at)) / 32768.0;
    case 24: {
      auto v = static_cast<std::int32_t>(static_cast<std::uint32_t>(data[at]) << 8 |
                                         static_cast<std::uint32_t>(data[at + 1]) << 16 |
                                         static_cast<std::uint32_t>(data[at + 2]) << 24);
      return (v >> 8) / 8388608.0;
    }
    default: {
      const auto raw = le32(data, at);
      if (f.code == kFormatFloat) {
        float v = 0;
        std::memcpy(&v, &raw, sizeof v);
        return std::isfinite(v) ? static_cast<double>(v) : 0.0;
      }
      return static_cast<std::int32_t>(raw) / 2147483648.0;
    }
  }
}

Expected<Format> parseFormat(std::span<const std::byte> chunk) {
  if (chunk.size() < 16) return VoiceError{"WAV fmt chunk is shorter than 16 bytes"};
  Format f{le16(chunk, 0), le16(chunk, 2), static_cast<int>(le32(chunk, 4)), le16(chunk, 14)};
  if (f.code == kFormatExtensible && chunk.size() >= 26) f.code = le16(chunk, 24);
  if (f.code != kFormatPcm && f.code != kFormatFloat) {
    return VoiceError{"WAV encoding " + std::to_string(f.code) + " is not PCM or float"};
  }
  const bool bitsOk = f.code == kFormatFloat ? f.bitsPerSample == 32
                                             : (f.bitsPerSample == 8 || f.bitsPerSample == 16 ||
                                                f.bitsPerSample == 24 || f.bitsPerSample == 32);
  if (!bitsOk) return VoiceError{"WAV sample size of " + std::to_string(f.bitsPerSample) + " bits is not supported"};
  if (f.channels < 1 || f.channels > 16) return VoiceError{"WAV has " + std::to_string(f.channels) + " channels"};
  if (f.sampleRate < 1000 || f.sampleRate > 384000) {
    return VoiceError{"WAV sample rate " + std::to_string(f.sampleRate) + " Hz is out of range"};
  }
  return f;
}

}  // namespace

Expected<Pcm> decodeWav(std::span<const std::byte> bytes) {
  if (bytes.size() < 12 || !tagIs(bytes, 0, "RIFF") || !tagIs(bytes, 8, "WAVE")) {
    return VoiceError{"not a RIFF/WAVE file"};
  }
  std::optional<Format> format;
  std::span<const std::byte> data;
  std::size_t at = 12;
  while (at + 8 <= bytes.size()) {
    const auto declared = le32(bytes, at + 4);
    const auto available = bytes.size() - at - 8;
    // Streaming writers leave the size at 0 or 0xFFFFFFFF: the chunk runs to the end.
    const auto size = std::min<std::size_t>(declared, available);
    const auto body = bytes.subspan(at + 8, size);
    if (tagIs(bytes, at, "fmt ")) {
      auto parsed = parseFormat(body);
      if (!parsed) return parsed.error();
      format = parsed.value();
    } else if (tagIs(bytes, at, "data")) {
      data = body;
      break;
    }
    at += 8 + size + (size % 2);
  }
  if (!format) return VoiceError{"WAV has no fmt chunk"};
  if (data.data() == nullptr) return VoiceError{"WAV has no data chunk"};

  const auto bytesPerSample = static_cast<std::size_t>(format->bitsPerSample / 8);
  const auto frameSize = bytesPerSample * static_cast<std::size_t>(format->channels);
  const auto frames = data.size() / frameSize;
  Pcm pcm{format->sampleRate, {}};
  pcm.samples.reserve(frames);
  for (std::size_t i = 0; i < frames; ++i) {
    double sum = 0;
    for (int c = 0; c < format->channels; ++c) {
      sum += sampleAt(data, i * frameSize + static_cast<std::size_t>(c) * bytesPerSample, *format);
    }
    const double mono = std::clamp(sum / format->channels, -1.0, 1.0);
    pcm.samples.push_back(static_cast<std::int16_t>(std::lround(mono * 32767.0)));
  }
  return pcm;
}

Expected<Pcm> readWav(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return VoiceError{"cannot open " + file.string()};
  std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto pcm = decodeWav(std::as_bytes(std::span<const char>(raw)));
  if (!pcm) return VoiceError{file.string() + ": " + pcm.error().message};
  return pcm;
}

std::vector<std::byte> encodeWav(const Pcm& pcm) {
  const auto dataSize = static_cast<std::uint32_t>(pcm.samples.size() * 2);
  std::vector<std::byte> out;
  out.reserve(44 + dataSize);
  const auto put = [&out](std::uint32_t v, int n) {
    for (int i = 0; i < n; ++i) out.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xFF));
  };
  const auto tag = [&out](const char* t) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::byte>(t[i]));
  };
  const auto rate = static_cast<std::uint32_t>(pcm.sampleRate);
  tag("RIFF"); put(36 + dataSize, 4); tag("WAVE");
  tag("fmt "); put(16, 4); put(kFormatPcm, 2); put(1, 2); put(rate, 4); put(rate * 2, 4); put(2, 2); put(16, 2);
  tag("data"); put(dataSize, 4);
  for (const auto s : pcm.samples) put(static_cast<std::uint16_t>(s), 2);
  return out;
}

Expected<std::filesystem::path> writeWav(const std::filesystem::path& file, const Pcm& pcm) {
  const auto bytes = encodeWav(pcm);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) return VoiceError{"cannot write " + file.string()};
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) return VoiceError{"cannot write " + file.string()};
  return file;
}

}  // namespace jiujin::voice
