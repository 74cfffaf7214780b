#pragma once
// How long a new ticket of a queue will wait: the expected work ahead of it (per-item
// service times learned by EWMA) shared among the windows actually serving the queue, each
// counted by the share of its attention the queue gets, plus what those windows still have
// to finish of the services in progress.
#include "hall_data.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::core::detail {

/// `priorityOnly`: the ticket is 绿色通道, so only priority tickets are ahead of it.
WaitEstimate estimateWait(const HallData& hall, const QueueId& queue, bool priorityOnly, TimePoint now);

}  // namespace jiujin::core::detail
