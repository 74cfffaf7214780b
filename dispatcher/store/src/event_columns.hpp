#pragma once
// The indexed columns of a journal row, read off an event of any kind.
#include <optional>
#include <vector>

#include "jiujin/core/events.hpp"

namespace jiujin::store {

/// The ticket an event is about (the original one for a transfer), if any.
std::optional<core::TicketId> ticketOf(const core::Event& event);
/// The window an event happened at, if any.
std::optional<core::WindowNumber> windowOf(const core::Event& event);
/// The case an event is about, if any (its register row changes).
std::optional<core::CaseId> caseOf(const core::Event& event);
/// Every ticket whose report row the event changes (a transfer changes two, a day close many).
std::vector<core::TicketId> ticketsChangedBy(const core::Event& event);

}  // namespace jiujin::store
