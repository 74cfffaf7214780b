#pragma once
// From a call on the screen to the voice in the hall: composes the announcement and queues
// it on the player, unless it is quiet hours (the call is still shown, just not spoken).
#include <QObject>
#include <QString>
#include <QTime>
#include <functional>
#include <optional>

#include "jiujin/voice/announcement_composer.hpp"
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

 public slots:
  /// Announces `ticketNumber` to `window`; a recall is announced again with its own wording.
  void announce(const QString& ticketNumber, int window, bool recall);

 signals:
  /// Not spoken, and why (quiet hours, a segment missing, a bad number).
  void silenced(const QString& ticketNumber, int window, const QString& reason);

 private:
  AnnouncementComposer composer_;
  SegmentLibrary library_;
  AnnouncementPlayer& player_;
  std::vector<QuietHours> quiet_;
  LocalClock clock_ = [] { return QTime::currentTime(); };
};

}  // namespace jiujin::voice
