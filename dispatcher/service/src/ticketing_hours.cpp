#include "ticketing_hours.hpp"

#include <fmt/format.h>

namespace jiujin::service::detail {

std::optional<ServiceError> checkTicketingHours(const core::Command& command, const ClientIdentity& who,
                                                const TicketingRule& rule, core::TimePoint now) {
  const auto* issue = std::get_if<core::cmd::IssueTicket>(&command);
  if (!issue || !rule || who.role == Role::Manager || who.role == Role::Admin) return std::nullopt;
  const Ticketing hours = rule(now);
  switch (hours.kind) {
    case Ticketing::Kind::Open:
      return std::nullopt;
    case Ticketing::Kind::AppointmentsOnly:
      if (issue->appointmentSlot) return std::nullopt;
      return ServiceError{"appointments_only", fmt::format("本时段仅接待预约群众。{}", hours.zh),
                          fmt::format("this session is for residents with an appointment only ({})", hours.en)};
    case Ticketing::Kind::Closed:
      break;
  }
  return ServiceError{"outside_hours", fmt::format("现在不是办理时间，暂停取号。{}", hours.zh),
                      fmt::format("the hall is not open for tickets now ({})", hours.en)};
}

}  // namespace jiujin::service::detail
