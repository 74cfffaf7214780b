#pragma once
// How long a new ticket of a queue will wait: the expected work ahead of it (per-item
// service times learned by EWMA) shared among the windows actually serving the queue, each
// counted by the share of its attention the queue gets, plus what those windows still have
// to finish of the services in progress.
#include <optional>

#include "hall_data.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::core::detail {

/// For a new ticket of `queue`. `priorityOnly`: the ticket is 绿色通道, so only priority
/// tickets (and appointments whose slot has begun) are ahead of it.
WaitEstimate estimateWait(const HallData& hall, const QueueId& queue, bool priorityOnly, TimePoint now);

/// For a ticket waiting now: the tickets routing calls before it, counted the way
/// estimateWait counts them for a new ticket, so the two agree right after issuing.
/// Nothing when the ticket is unknown or not waiting.
std::optional<WaitEstimate> estimateWaitOf(const HallData& hall, TicketId ticket, TimePoint now);

}  // namespace jiujin::core::detail
