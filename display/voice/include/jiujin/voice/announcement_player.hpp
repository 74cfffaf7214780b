#pragma once
// Plays announcements one after another through Qt Multimedia. One at a time, in the order
// they came, each to its end: a new call waits for the current announcement, never cuts it.
#include <QAudioDevice>
#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <memory>

#include "jiujin/voice/pcm.hpp"

class QAudioSink;

namespace jiujin::voice {

class PcmSource;

/// Silence the player adds after every announcement: stopping a sink discards what it still
/// buffers, so only silence may be lost; it also spaces calls apart.
inline constexpr std::chrono::milliseconds kAnnouncementTail{500};

class AnnouncementPlayer : public QObject {
  Q_OBJECT
 public:
  /// Plays on the system's default output, if there is one.
  explicit AnnouncementPlayer(QObject* parent = nullptr);
  /// Plays on `device`; a null device means no sound at all (every announcement is dropped).
  AnnouncementPlayer(const QAudioDevice& device, QObject* parent = nullptr);
  ~AnnouncementPlayer() override;

  /// Queues an announcement; it plays when everything queued before it has finished.
  void enqueue(const QString& label, const Pcm& pcm);
  /// Stops the current announcement and drops the queue (shutting down, not a new call).
  void clear();

  /// 0.0 (silent) to 1.0 (full); applies from the next announcement on.
  void setVolume(double volume);
  double volume() const { return volume_; }
  bool hasOutput() const { return !device_.isNull(); }
  bool isPlaying() const { return sink_ != nullptr; }
  int pending() const { return static_cast<int>(queue_.size()); }

 signals:
  void started(const QString& label);
  /// The sink pulled the first sound of the announcement.
  void firstSamplePulled(const QString& label);
  void finished(const QString& label);
  /// Not played (no output device, or the device failed); the call is still displayed.
  void dropped(const QString& label, const QString& reason);
  /// Nothing playing and nothing queued.
  void idle();

 private:
  struct Item {
    QString label;
    Pcm pcm;
  };
  void playNext();
  void finishCurrent(bool failed, const QString& reason);

  QAudioDevice device_;
  double volume_ = 1.0;
  std::deque<Item> queue_;
  QString currentLabel_;
  QAudioSink* sink_ = nullptr;   // owned, one per announcement; deleteLater when done
  PcmSource* source_ = nullptr;  // owned, read by sink_; deleted after it
  QTimer watchdog_;                  // ends an announcement the device never finishes
};

}  // namespace jiujin::voice
