#include "jiujin/kiosk/hall_time.hpp"

namespace jiujin::kiosk {

core::TimePoint hallTime(const QDateTime& local) {
  const qint64 wallMs = local.toMSecsSinceEpoch() + qint64{local.offsetFromUtc()} * 1000;
  return core::TimePoint(core::Milliseconds(wallMs));
}

QDateTime localDateTime(core::TimePoint hallTime) {
  const auto day = std::chrono::floor<std::chrono::days>(hallTime);
  const std::chrono::year_month_day date{day};
  const auto msOfDay = std::chrono::duration_cast<core::Milliseconds>(hallTime - day).count();
  return QDateTime(QDate(static_cast<int>(date.year()), static_cast<int>(unsigned(date.month())), static_cast<int>(unsigned(date.day()))),
                   QTime::fromMSecsSinceStartOfDay(static_cast<int>(msOfDay)));
}

}  // namespace jiujin::kiosk
