#include "jiujin/console/dispatcher_access.hpp"

#include <Qt>

namespace jiujin::console {

Send sendThrough(clientqt::HallLink& link) {
  return [&link](client::Request request, ReplyHandler done) { link.request(std::move(request), std::move(done)); };
}

core::TimePoint hallTime(const QDateTime& local) {
  // Wall time: the local clock's reading taken as if it were UTC (core/time.hpp).
  const QDateTime wall(local.date(), local.time(), Qt::UTC);
  return core::TimePoint(core::Milliseconds(wall.toMSecsSinceEpoch()));
}

QDateTime localDateTime(core::TimePoint t) {
  const QDateTime wall = QDateTime::fromMSecsSinceEpoch(t.time_since_epoch().count(), Qt::UTC);
  return QDateTime(wall.date(), wall.time());
}

core::TimePoint hallNow() { return hallTime(QDateTime::currentDateTime()); }

QString formatDuration(qint64 seconds) {
  if (seconds < 0) seconds = 0;
  const qint64 h = seconds / 3600;
  const qint64 m = (seconds % 3600) / 60;
  const qint64 s = seconds % 60;
  if (h > 0) return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2").arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
}

}  // namespace jiujin::console
