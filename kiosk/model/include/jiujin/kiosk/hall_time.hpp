#pragma once
// The core counts time as hall-local wall time (core/time.hpp); Qt keeps a QDateTime with a
// zone. These two conversions are the only place the kiosk crosses between them.
#include <QDateTime>

#include "jiujin/core/time.hpp"

namespace jiujin::kiosk {

/// `local` read as wall time in its own zone.
core::TimePoint hallTime(const QDateTime& local);
/// A hall-local wall time as a QDateTime in the machine's zone (for QML formatting).
QDateTime localDateTime(core::TimePoint hallTime);

}  // namespace jiujin::kiosk
