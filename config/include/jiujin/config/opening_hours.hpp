#pragma once
// What the hall's opening hours mean for a resident at the kiosk at a given moment: may they
// take a ticket now, only with an appointment, or not at all — and how to tell them when.
#include <string>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::config {

struct TicketingNow {
  enum class Kind {
    Open,              ///< a regular or extended (延时服务) session, breaks included
    AppointmentsOnly,  ///< a 预约服务 session: only residents with an appointment
    Closed,            ///< outside every session
  };
  Kind kind = Kind::Closed;
  std::string zh;  ///< the hours in words, e.g. "办理时间：周一至周五 08:30-17:30；周二、周四延时至 19:00"
  std::string en;
};

/// Ticketing at hall-local time `now` under `hours`. Breaks do not stop ticketing: a resident
/// who comes at lunch takes a ticket and is served after the break.
TicketingNow ticketingAt(const OpeningHours& hours, core::TimePoint now);

/// The hours in words (Chinese, English), for refusals and the kiosk.
std::string describeHoursZh(const OpeningHours& hours);
std::string describeHoursEn(const OpeningHours& hours);

}  // namespace jiujin::config
