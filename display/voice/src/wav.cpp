#include "jiujin/voice/wav.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace jiujin::voice {
namespace {

/// libsndfile's virtual I/O over bytes in memory: reading a span, or writing a growing vector.
struct Memory {
  std::span<const std::byte> in;
  std::vector<std::byte>* out = nullptr;
  sf_count_t position = 0;

  sf_count_t size() const { return out ? static_cast<sf_count_t>(out->size()) : static_cast<sf_count_t>(in.size()); }
};

sf_count_t lengthOf(void* user) { return static_cast<Memory*>(user)->size(); }

sf_count_t seekTo(sf_count_t offset, int whence, void* user) {
  auto* m = static_cast<Memory*>(user);
  sf_count_t base = 0;
  if (whence == SEEK_CUR) base = m->position;
  if (whence == SEEK_END) base = m->size();
  const sf_count_t target = base + offset;
  if (target < 0) return -1;
  m->position = target;
  return m->position;
}

sf_count_t readFrom(void* into, sf_count_t count, void* user) {
  auto* m = static_cast<Memory*>(user);
  const sf_count_t available = std::max<sf_count_t>(0, m->size() - m->position);
  const sf_count_t n = std::min(count, available);
  const std::byte* from = m->out ? m->out->data() : m->in.data();
  if (n > 0) std::memcpy(into, from + m->position, static_cast<std::size_t>(n));
  m->position += n;
  return n;
}

sf_count_t writeTo(const void* from, sf_count_t count, void* user) {
  auto* m = static_cast<Memory*>(user);
  if (!m->out) return 0;
  const auto end = static_cast<std::size_t>(m->position + count);
  if (m->out->size() < end) m->out->resize(end);
  std::memcpy(m->out->data() + m->position, from, static_cast<std::size_t>(count));
  m->position += count;
  return count;
}

sf_count_t tellAt(void* user) { return static_cast<Memory*>(user)->position; }

SF_VIRTUAL_IO memoryIo() { return SF_VIRTUAL_IO{lengthOf, seekTo, readFrom, writeTo, tellAt}; }

/// An open sound file, closed on every path.
class Sound {
 public:
  explicit Sound(SNDFILE* handle) : handle_(handle) {}
  ~Sound() {
    if (handle_) sf_close(handle_);
  }
  Sound(const Sound&) = delete;
  Sound& operator=(const Sound&) = delete;
  SNDFILE* get() const { return handle_; }

 private:
  SNDFILE* handle_;
};

/// Every frame of an open file, channels averaged into mono 16-bit. Only plain PCM and float
/// recordings are taken: a compressed WAV (ADPCM, GSM…) is refused rather than guessed at.
Expected<Pcm> readAll(SNDFILE* handle, const SF_INFO& info, const std::string& what) {
  if ((info.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_WAV) return VoiceError{what + " is not a WAV (RIFF/WAVE) file"};
  switch (info.format & SF_FORMAT_SUBMASK) {
    case SF_FORMAT_PCM_U8:
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_16:
    case SF_FORMAT_PCM_24:
    case SF_FORMAT_PCM_32:
    case SF_FORMAT_FLOAT:
    case SF_FORMAT_DOUBLE:
      break;
    default:
      return VoiceError{"WAV encoding is not PCM or float"};
  }
  if (info.channels < 1 || info.samplerate < 1)
    return VoiceError{what + ": no channels or no sample rate"};
  // Read as float, normalised to [-1, 1) whatever the stored format: 16-bit x becomes
  // x / 32768 exactly, so scaling back by 32768 gives the same samples.
  std::vector<float> interleaved(static_cast<std::size_t>(info.frames) * static_cast<std::size_t>(info.channels));
  const sf_count_t read = sf_readf_float(handle, interleaved.data(), info.frames);
  if (read < 0) return VoiceError{what + ": " + sf_strerror(handle)};
  Pcm pcm;
  pcm.sampleRate = info.samplerate;
  pcm.samples.reserve(static_cast<std::size_t>(read));
  const auto channels = static_cast<std::size_t>(info.channels);
  for (std::size_t f = 0; f < static_cast<std::size_t>(read); ++f) {
    double sum = 0;
    for (std::size_t c = 0; c < channels; ++c) sum += interleaved[f * channels + c];
    const double scaled = std::round(sum / static_cast<double>(channels) * 32768.0);
    pcm.samples.push_back(static_cast<std::int16_t>(std::clamp(scaled, -32768.0, 32767.0)));
  }
  return pcm;
}

SF_INFO wavInfo(const Pcm& pcm) {
  SF_INFO info{};
  info.samplerate = pcm.sampleRate;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  return info;
}

}  // namespace

Expected<Pcm> decodeWav(std::span<const std::byte> bytes) {
  Memory memory{bytes, nullptr, 0};
  SF_VIRTUAL_IO io = memoryIo();
  SF_INFO info{};
  Sound sound(sf_open_virtual(&io, SFM_READ, &info, &memory));
  if (!sound.get()) return VoiceError{std::string("not a WAV file that can be read: ") + sf_strerror(nullptr)};
  return readAll(sound.get(), info, "WAV data");
}

Expected<Pcm> readWav(const std::filesystem::path& file) {
  SF_INFO info{};
  Sound sound(sf_open(file.c_str(), SFM_READ, &info));
  if (!sound.get()) return VoiceError{"cannot read " + file.string() + ": " + sf_strerror(nullptr)};
  return readAll(sound.get(), info, file.string());
}

std::vector<std::byte> encodeWav(const Pcm& pcm) {
  std::vector<std::byte> bytes;
  Memory memory{{}, &bytes, 0};
  SF_VIRTUAL_IO io = memoryIo();
  SF_INFO info = wavInfo(pcm);
  {
    // The header's sizes are written when the file closes: close before handing the bytes out.
    Sound sound(sf_open_virtual(&io, SFM_WRITE, &info, &memory));
    if (!sound.get()) return {};
    sf_writef_short(sound.get(), pcm.samples.data(), static_cast<sf_count_t>(pcm.samples.size()));
  }
  return bytes;
}

Expected<std::filesystem::path> writeWav(const std::filesystem::path& file, const Pcm& pcm) {
  SF_INFO info = wavInfo(pcm);
  {
    Sound sound(sf_open(file.c_str(), SFM_WRITE, &info));
    if (!sound.get()) return VoiceError{"cannot write " + file.string() + ": " + sf_strerror(nullptr)};
    const auto written = sf_writef_short(sound.get(), pcm.samples.data(), static_cast<sf_count_t>(pcm.samples.size()));
    if (written != static_cast<sf_count_t>(pcm.samples.size()))
      return VoiceError{"cannot write " + file.string() + ": " + sf_strerror(sound.get())};
  }
  return file;
}

}  // namespace jiujin::voice
