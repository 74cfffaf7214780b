#include "jiujin/voice/announcement_player.hpp"

#include <QCoreApplication>
#include <QAudioFormat>
#include <QAudioSink>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <algorithm>

#include "jiujin/voice/pcm_source.hpp"

Q_LOGGING_CATEGORY(lcPlayer, "display.voice.player")

namespace jiujin::voice {
namespace {

// A device that never reports the end of an announcement gets this much beyond its length.
constexpr std::chrono::milliseconds kWatchdogSlack{5000};

QAudioFormat announcementFormat() {
  QAudioFormat f;
  f.setSampleRate(kAnnouncementSampleRate);
  f.setChannelCount(1);
  f.setSampleFormat(QAudioFormat::Int16);
  return f;
}

}  // namespace

AnnouncementPlayer::AnnouncementPlayer(QObject* parent)
    : AnnouncementPlayer(QMediaDevices::audioOutputs().isEmpty() ? QAudioDevice{} : QMediaDevices::defaultAudioOutput(),
                         parent) {}

AnnouncementPlayer::AnnouncementPlayer(const QAudioDevice& device, QObject* parent)
    : QObject(parent), device_(device) {
  watchdog_.setSingleShot(true);
  connect(&watchdog_, &QTimer::timeout, this, [this] {
    qCWarning(lcPlayer) << "output did not finish" << currentLabel_ << "in time";
    finishCurrent(true, QCoreApplication::translate("AnnouncementPlayer", "音频设备无响应"));
  });
  if (device_.isNull()) qCWarning(lcPlayer) << "no audio output: calls are shown but not spoken";
}

AnnouncementPlayer::~AnnouncementPlayer() {
  // Not inside a sink's signal here: delete at once, the sink before the source it reads.
  if (sink_) {
    sink_->disconnect(this);
    sink_->stop();
    delete sink_;
  }
  delete source_;
}

void AnnouncementPlayer::setVolume(double volume) { volume_ = std::clamp(volume, 0.0, 1.0); }

void AnnouncementPlayer::enqueue(const QString& label, const Pcm& pcm) {
  if (device_.isNull()) {
    emit dropped(label, QCoreApplication::translate("AnnouncementPlayer", "没有音频输出设备"));
    if (!isPlaying() && queue_.empty()) emit idle();
    return;
  }
  queue_.push_back(Item{label, pcm});
  if (!isPlaying()) playNext();
}

void AnnouncementPlayer::clear() {
  queue_.clear();
  watchdog_.stop();
  if (sink_) {
    sink_->disconnect(this);
    sink_->stop();
    sink_->deleteLater();
    sink_ = nullptr;
  }
  if (source_) {
    source_->deleteLater();
    source_ = nullptr;
  }
  currentLabel_.clear();
}

void AnnouncementPlayer::playNext() {
  if (queue_.empty()) {
    emit idle();
    return;
  }
  Item item = std::move(queue_.front());
  queue_.pop_front();
  const Pcm tail = silence(kAnnouncementTail, item.pcm.sampleRate);
  item.pcm.samples.insert(item.pcm.samples.end(), tail.samples.begin(), tail.samples.end());

  currentLabel_ = item.label;
  // Unparented: a retired sink and its source are deleted later, the sink first.
  source_ = new PcmSource(item.pcm);
  source_->open(QIODevice::ReadOnly);
  sink_ = new QAudioSink(device_, announcementFormat());
  sink_->setVolume(volume_);
  const QString label = item.label;
  connect(source_, &PcmSource::firstSamplePulled, this, [this, label] { emit firstSamplePulled(label); });
  connect(sink_, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
    if (state == QAudio::IdleState) {
      finishCurrent(false, {});
    } else if (state == QAudio::StoppedState && sink_ && sink_->error() != QAudio::NoError) {
      finishCurrent(true, QCoreApplication::translate("AnnouncementPlayer", "音频设备出错"));
    }
  });
  watchdog_.start(item.pcm.duration() + kWatchdogSlack);
  emit started(label);
  sink_->start(source_);
}

void AnnouncementPlayer::finishCurrent(bool failed, const QString& reason) {
  if (!sink_) return;
  const QString label = currentLabel_;
  watchdog_.stop();
  QAudioSink* sink = sink_;
  sink_ = nullptr;
  sink->disconnect(this);
  sink->stop();
  sink->deleteLater();
  source_->deleteLater();
  source_ = nullptr;
  currentLabel_.clear();
  if (failed) {
    qCWarning(lcPlayer) << "announcement" << label << "failed:" << reason;
    emit dropped(label, reason);
  } else {
    emit finished(label);
  }
  playNext();
}

}  // namespace jiujin::voice
