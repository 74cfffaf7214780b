#pragma once
// From a call on the screen to the voice in the hall. A call waits in a bounded queue
// (AnnouncementQueue) and is composed only when the player is free: then, if the ticket is
// still called and the call not too old, it is said — once if others wait behind it — else it
// is dropped. Quiet hours silence it at once (the call is still shown, just not spoken).
// Every call said or dropped is logged (display.voice) with the time it was called and the
// time it was said or dropped.
#include <QObject>
#include <QString>
#include <QTime>
#include <functional>
#include <optional>
#include <string>

#include "jiujin/voice/announcement_composer.hpp"
#include "jiujin/voice/announcement_queue.hpp"
#include "jiujin/voice/segment_library.hpp"

namespace jiujin::voice {

class AnnouncementPlayer;

/// A daily span without sound, e.g. 12:00–13:30 or 18:00–08:00 (it may span midnight).
struct QuietHours {
  QTime from;
  QTime to;
  /// True when `time` is inside [from, to).
  bool contains(const QTime& time) const;
};

/// Parses "12:00-13:30"; nothing for malformed text.
std::optional<QuietHours> parseQuietHours(const QString& text);

/// "15:21:54.120" in the machine's local time, as the voice's log lines show times.
std::string clockText(WallClock::time_point at);

class CallAnnouncer : public QObject {
  Q_OBJECT
 public:
  using LocalClock = std::function<QTime()>;

  /// `player` is not owned and must outlive the announcer.
  CallAnnouncer(AnnouncementComposer composer, SegmentLibrary library, AnnouncementPlayer& player,
                QObject* parent = nullptr);

  void setQuietHours(std::optional<QuietHours> quiet) { quiet_.clear(); if (quiet) quiet_.push_back(*quiet); }
  /// Several quiet spans (the hall file's announcements.quiet_hours).
  void setQuietHours(std::vector<QuietHours> quiet) { quiet_ = std::move(quiet); }
  void setLocalClock(LocalClock clock) { clock_ = std::move(clock); }
  /// The clock calls are timed by (ages, log lines); the system clock unless a test sets one.
  void setWallClock(AnnouncementQueue::Clock clock);
  /// Asked when a call would start: is the ticket still called to that window?
  void setStillCalled(AnnouncementQueue::StillCalled stillCalled) { queue_.setStillCalled(std::move(stillCalled)); }
  /// A call not started within this time of being made is dropped (announcements.max_delay_seconds).
  void setMaxDelay(std::chrono::milliseconds maxDelay) { queue_.setMaxDelay(maxDelay); }
  /// Calls waiting for the player.
  std::size_t waiting() const { return queue_.size(); }

 public slots:
  /// Announces `ticketNumber` to `window`; a recall is announced again with its own wording.
  void announce(const QString& ticketNumber, int window, bool recall);

 signals:
  /// Not spoken, and why (quiet hours, no longer called, too late, replaced, a segment
  /// missing, a bad number).
  void silenced(const QString& ticketNumber, int window, const QString& reason);
  /// Nothing is being said and no call waits (the player's own idle comes between two calls).
  void idle();

 private:
  void startNext();
  void logDropped(const DroppedCall& dropped);

  AnnouncementComposer composer_;
  SegmentLibrary library_;
  AnnouncementPlayer& player_;
  AnnouncementQueue queue_;
  AnnouncementQueue::Clock wallClock_ = WallClock::now;
  std::vector<QuietHours> quiet_;
  LocalClock clock_ = [] { return QTime::currentTime(); };
  bool starting_ = false;  // startNext is running: the player's idle signal must not re-enter it
};

}  // namespace jiujin::voice
