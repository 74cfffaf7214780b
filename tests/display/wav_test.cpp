#include <gtest/gtest.h>

#include <cstring>

#include "jiujin/voice/pcm.hpp"
#include "jiujin/voice/wav.hpp"

namespace jiujin::voice {
namespace {

std::vector<std::byte> wavBytes(std::uint16_t format, int channels, int rate, int bits, const std::vector<std::uint8_t>& data) {
  Pcm empty{rate, {}};
  auto bytes = encodeWav(empty);
  // Patch the fmt chunk and append the raw data.
  const auto put16 = [&bytes](std::size_t at, unsigned v) {
    bytes[at] = std::byte(v & 0xFF);
    bytes[at + 1] = std::byte((v >> 8) & 0xFF);
  };
  put16(20, format);
  put16(22, static_cast<unsigned>(channels));
  put16(34, static_cast<unsigned>(bits));
  const auto size = static_cast<std::uint32_t>(data.size());
  for (int i = 0; i < 4; ++i) bytes[40 + static_cast<std::size_t>(i)] = std::byte((size >> (8 * i)) & 0xFF);
  for (auto b : data) bytes.push_back(std::byte(b));
  return bytes;
}

TEST(Wav, EncodedPcmDecodesToTheSameSamples) {
  const Pcm pcm{22050, {0, 1000, -1000, 32767, -32768, 5}};
  const auto decoded = decodeWav(encodeWav(pcm));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded.value().sampleRate, 22050);
  ASSERT_EQ(decoded.value().samples.size(), pcm.samples.size());
  for (std::size_t i = 0; i < pcm.samples.size(); ++i) {
    EXPECT_NEAR(decoded.value().samples[i], pcm.samples[i], 1) << i;
  }
}

TEST(Wav, StereoIsAveragedToMono) {
  // two frames of 16-bit stereo: (1000, 3000) and (-2000, 0)
  const auto bytes = wavBytes(1, 2, 44100, 16, {0xE8, 0x03, 0xB8, 0x0B, 0x30, 0xF8, 0x00, 0x00});
  const auto decoded = decodeWav(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded.value().sampleRate, 44100);
  ASSERT_EQ(decoded.value().samples.size(), 2u);
  EXPECT_NEAR(decoded.value().samples[0], 2000, 1);
  EXPECT_NEAR(decoded.value().samples[1], -1000, 1);
}

TEST(Wav, EightBitSamplesAreCentredOn128) {
  const auto decoded = decodeWav(wavBytes(1, 1, 8000, 8, {128, 255, 0}));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded.value().samples[0], 0);
  EXPECT_GT(decoded.value().samples[1], 32000);
  EXPECT_LT(decoded.value().samples[2], -32000);
}

TEST(Wav, FloatSamplesAreScaled) {
  float half = 0.5f;
  std::vector<std::uint8_t> data(4);
  std::memcpy(data.data(), &half, 4);
  const auto decoded = decodeWav(wavBytes(3, 1, 16000, 32, data));
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_NEAR(decoded.value().samples[0], 16384, 2);
}

TEST(Wav, BadInputIsAnErrorNotACrash) {
  EXPECT_FALSE(decodeWav({}).ok());
  const std::string text = "hello, this is not a wave file at all";
  EXPECT_FALSE(decodeWav(std::as_bytes(std::span(text))).ok());
  EXPECT_FALSE(decodeWav(wavBytes(2, 1, 8000, 4, {1, 2})).ok());  // ADPCM: compressed, refused
  EXPECT_FALSE(decodeWav(wavBytes(1, 0, 8000, 16, {1, 2})).ok());
  auto truncated = encodeWav(Pcm{22050, {1, 2, 3}});
  truncated.resize(30);  // cut inside the fmt chunk
  EXPECT_FALSE(decodeWav(truncated).ok());
  EXPECT_FALSE(readWav("/nonexistent/segment.wav").ok());
}

TEST(Pcm, ResamplingHalvesTheLengthFrom44100To22050) {
  Pcm pcm{44100, std::vector<std::int16_t>(44100, 1000)};
  const auto out = resample(pcm, 22050);
  EXPECT_EQ(out.sampleRate, 22050);
  EXPECT_EQ(out.samples.size(), 22050u);
  EXPECT_EQ(out.samples[100], 1000);
}

TEST(Pcm, TrimmingRemovesQuietStartAndEndOnly) {
  const Pcm pcm{22050, {0, 10, -20, 5000, 0, -6000, 3, 0}};
  EXPECT_EQ(trimSilence(pcm).samples, (std::vector<std::int16_t>{5000, 0, -6000}));
  EXPECT_TRUE(trimSilence(Pcm{22050, {0, 1, 2}}).samples.empty());
}

}  // namespace
}  // namespace jiujin::voice
