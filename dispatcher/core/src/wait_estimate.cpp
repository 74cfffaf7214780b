#include "wait_estimate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace jiujin::core::detail {
namespace {

double secondsBetween(TimePoint from, TimePoint to) { return std::chrono::duration<double>(to - from).count(); }

/// Whether the window's entry takes tickets now (conditions evaluated as the router would).
bool entryActive(const HallData& h, const WindowStatus& w, const ProfileEntry& entry, TimePoint now) {
  const QueueWaiting* q = h.waiting.queue(entry.queue);
  if (entry.onlyWhenOldestWaitsAtLeast) {
    if (!q || q->size() == 0) return false;
    TimePoint oldest = TimePoint::max();
    if (!q->normal.empty()) oldest = std::min(oldest, q->normal.begin()->at);
    if (!q->priority.empty()) oldest = std::min(oldest, q->priority.begin()->at);
    if (now - oldest < *entry.onlyWhenOldestWaitsAtLeast) return false;
  }
  if (entry.onlyWhenNoDedicatedWindowOpen && h.dedicatedOpenOtherThan(entry.queue, w.number) > 0) return false;
  return true;
}

/// The part of window w's time that goes to `queue`: its entry's weight over the weights
/// of the entries that compete for the window now (queues with someone waiting, and this one).
double shareOf(const HallData& h, const WindowStatus& w, const QueueId& queue, TimePoint now) {
  double own = 0;
  double competing = 0;
  for (const auto& entry : w.profile.entries) {
    if (!entryActive(h, w, entry, now)) continue;
    const bool mine = entry.queue == queue;
    const QueueWaiting* q = h.waiting.queue(entry.queue);
    if (mine) own = std::max(own, entry.weight);
    if (mine || (q && q->size() > 0)) competing += entry.weight;
  }
  return own > 0 && competing > 0 ? own / competing : 0.0;
}

/// Seconds still needed for the service in progress at w (0 when idle).
double remainingAt(const HallData& h, const WindowStatus& w, TimePoint now) {
  if (!w.current) return 0;
  const Ticket* t = h.ticket(*w.current);
  if (!t) return 0;
  const double expected = h.expectedServiceSeconds(t->item);
  if (t->state != TicketState::Serving || !t->startedAt) return expected;
  const double elapsed = secondsBetween(*t->startedAt, now);
  // Running over the expectation: assume a little more is left, not nothing.
  return std::max(expected - elapsed, 0.1 * expected);
}

}  // namespace

WaitEstimate estimateWait(const HallData& h, const QueueId& queue, bool priorityOnly, TimePoint now) {
  WaitEstimate out;
  double work = 0;
  if (const QueueWaiting* q = h.waiting.queue(queue)) {
    for (const auto& [item, count] : q->priorityByItem) work += count * h.expectedServiceSeconds(item);
    out.peopleAhead = static_cast<int>(q->priority.size());
    if (!priorityOnly) {
      for (const auto& [item, count] : q->normalByItem) work += count * h.expectedServiceSeconds(item);
      out.peopleAhead += static_cast<int>(q->normal.size());
    }
  }
  double capacity = 0;
  double inProgress = 0;
  for (const auto& [number, w] : h.state.windows) {
    if (!isAtWork(w.state)) continue;
    const double share = shareOf(h, w, queue, now);
    if (share <= 0) continue;
    ++out.windowsServing;
    capacity += share;
    inProgress += share * remainingAt(h, w, now);
  }
  if (capacity <= 0) capacity = 1;  // nobody serves it now: assume one window will
  out.wait = Seconds{static_cast<Seconds::rep>(std::lround((work + inProgress) / capacity))};
  return out;
}

}  // namespace jiujin::core::detail
