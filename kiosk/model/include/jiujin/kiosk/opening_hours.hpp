#pragma once
// Whether the hall takes residents now, and when it next opens, from the hours in the hall
// file: regular hours minus breaks, plus 延时服务 sessions. Appointment-only sessions do not
// count: a resident without an appointment cannot take a ticket then. Pure, no clock.
#include <optional>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::kiosk {

struct HallOpenness {
  bool open = false;
  /// The next time the hall opens after `now` (when closed, or when open: after it closes
  /// again). Empty when the hours never open (no working days).
  std::optional<core::TimePoint> nextOpening;
};

/// `now` is hall-local wall time, as everywhere in the core.
HallOpenness opennessAt(const config::OpeningHours& hours, core::TimePoint now);

}  // namespace jiujin::kiosk
