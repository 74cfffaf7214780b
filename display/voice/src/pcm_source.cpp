#include "jiujin/voice/pcm_source.hpp"

#include <algorithm>
#include <cstring>

namespace jiujin::voice {

PcmSource::PcmSource(const Pcm& pcm, QObject* parent)
    : QIODevice(parent),
      bytes_(reinterpret_cast<const char*>(pcm.samples.data()),
             static_cast<qsizetype>(pcm.samples.size() * sizeof(std::int16_t))) {}

qint64 PcmSource::bytesAvailable() const {
  return std::max<qint64>(0, bytes_.size() - pos()) + QIODevice::bytesAvailable();
}

qint64 PcmSource::readData(char* data, qint64 maxSize) {
  const qint64 n = std::min<qint64>(maxSize, bytes_.size() - pos());
  if (n <= 0) return 0;
  std::memcpy(data, bytes_.constData() + pos(), static_cast<std::size_t>(n));
  if (!pulled_) {
    pulled_ = true;
    emit firstSamplePulled();
  }
  return n;
}

}  // namespace jiujin::voice
