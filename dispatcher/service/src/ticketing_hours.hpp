#pragma once
// The opening hours at the service's edge: a resident's ticket is refused outside them (or,
// in an appointments-only session, without an appointment). A manager may still issue one
// after hours (a resident let in at closing time).
#include <optional>

#include "jiujin/core/commands.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/service/identity.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service::detail {

/// `outside_hours` or `appointments_only` for an issue_ticket `who` may not give at `now`;
/// nothing for every other command, or when `rule` is unset (hours ignored).
std::optional<ServiceError> checkTicketingHours(const core::Command& command, const ClientIdentity& who,
                                                const TicketingRule& rule, core::TimePoint now);

}  // namespace jiujin::service::detail
