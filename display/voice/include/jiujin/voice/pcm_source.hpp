#pragma once
// A finished announcement as a readable device for QAudioSink, which pulls from it. It
// tells when the sink first pulls a sample, which is how the call-to-sound delay is measured.
#include <QByteArray>
#include <QIODevice>

#include "jiujin/voice/pcm.hpp"

namespace jiujin::voice {

class PcmSource : public QIODevice {
  Q_OBJECT
 public:
  explicit PcmSource(const Pcm& pcm, QObject* parent = nullptr);

  bool isSequential() const override { return false; }
  qint64 size() const override { return bytes_.size(); }
  qint64 bytesAvailable() const override;
  bool atEnd() const override { return pos() >= bytes_.size(); }

 signals:
  /// The sink took the first bytes of sound.
  void firstSamplePulled();

 protected:
  qint64 readData(char* data, qint64 maxSize) override;
  qint64 writeData(const char*, qint64) override { return -1; }

 private:
  QByteArray bytes_;
  bool pulled_ = false;
};

}  // namespace jiujin::voice
