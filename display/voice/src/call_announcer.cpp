#include "jiujin/voice/call_announcer.hpp"

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>

#include "jiujin/voice/announcement_player.hpp"

namespace jiujin::voice {

bool QuietHours::contains(const QTime& time) const {
  if (!from.isValid() || !to.isValid() || from == to) return false;
  if (from < to) return time >= from && time < to;
  return time >= from || time < to;  // spans midnight
}

std::optional<QuietHours> parseQuietHours(const QString& text) {
  const QStringList parts = text.trimmed().split('-');
  if (parts.size() != 2) return std::nullopt;
  const QTime from = QTime::fromString(parts[0].trimmed(), "H:mm");
  const QTime to = QTime::fromString(parts[1].trimmed(), "H:mm");
  if (!from.isValid() || !to.isValid()) return std::nullopt;
  return QuietHours{from, to};
}

CallAnnouncer::CallAnnouncer(AnnouncementComposer composer, SegmentLibrary library, AnnouncementPlayer& player,
                             QObject* parent)
    : QObject(parent), composer_(std::move(composer)), library_(std::move(library)), player_(player) {}

void CallAnnouncer::announce(const QString& ticketNumber, int window, bool recall) {
  const QTime now = clock_();
  if (std::any_of(quiet_.begin(), quiet_.end(), [&](const QuietHours& q) { return q.contains(now); })) {
    emit silenced(ticketNumber, window, QCoreApplication::translate("CallAnnouncer", "静音时段"));
    return;
  }
  auto pcm = composer_.compose(Call{ticketNumber.toStdString(), window, recall}, library_);
  if (!pcm) {
    emit silenced(ticketNumber, window, QString::fromStdString(pcm.error().message));
    return;
  }
  player_.enqueue(QStringLiteral("%1→%2%3").arg(ticketNumber).arg(window).arg(recall ? "*" : ""), pcm.value());
}

}  // namespace jiujin::voice
