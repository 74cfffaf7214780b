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

/// A ticket whose appointment slot has begun: routing calls it first (rule 1).
bool appointmentBegun(const Ticket& t, TimePoint now) { return t.appointmentSlot && *t.appointmentSlot <= now; }

/// Whether routing calls `other` before `ticket`, as far as their queue decides: appointments
/// whose slot has begun first (earliest slot first), then 绿色通道, then arrival order.
bool callsBefore(const Ticket& other, const Ticket& ticket, TimePoint now) {
  if (other.id == ticket.id) return false;
  const bool otherBegun = appointmentBegun(other, now);
  if (appointmentBegun(ticket, now)) {
    return otherBegun && WaitingKey{*other.appointmentSlot, other.id} < WaitingKey{*ticket.appointmentSlot, ticket.id};
  }
  if (otherBegun) return true;
  if (isPriority(other.priority) != isPriority(ticket.priority)) return isPriority(other.priority);
  return WaitingKey{other.arrivalAt, other.id} < WaitingKey{ticket.arrivalAt, ticket.id};
}

/// The windows serving `queue` now: how many, their capacity counted by share, and the share
/// of the services in progress there that stands before the next ticket.
struct Serving {
  int windows = 0;
  double capacity = 0;
  double inProgress = 0;
};

Serving servingQueue(const HallData& h, const QueueId& queue, TimePoint now) {
  Serving out;
  for (const auto& [number, w] : h.state.windows) {
    if (!isAtWork(w.state)) continue;
    const double share = shareOf(h, w, queue, now);
    if (share <= 0) continue;
    ++out.windows;
    out.capacity += share;
    out.inProgress += share * remainingAt(h, w, now);
  }
  return out;
}

/// A transferred ticket waits for one window, or for any window of a kind, whole.
Serving servingTransfer(const HallData& h, const Ticket& t, TimePoint now) {
  Serving out;
  for (const auto& [number, w] : h.state.windows) {
    if (!isAtWork(w.state)) continue;
    const WindowDef* def = h.windowDef(number);
    const bool takes = t.targetWindow ? *t.targetWindow == number : def && def->kind == *t.targetKind;
    if (!takes) continue;
    ++out.windows;
    out.capacity += 1;
    out.inProgress += remainingAt(h, w, now);
  }
  return out;
}

WaitEstimate finish(int peopleAhead, double work, const Serving& serving) {
  WaitEstimate out;
  out.peopleAhead = peopleAhead;
  out.windowsServing = serving.windows;
  const double capacity = serving.capacity > 0 ? serving.capacity : 1;  // nobody serves it now: assume one window will
  out.wait = Seconds{static_cast<Seconds::rep>(std::lround((work + serving.inProgress) / capacity))};
  return out;
}

}  // namespace

WaitEstimate estimateWait(const HallData& h, const QueueId& queue, bool priorityOnly, TimePoint now) {
  int ahead = 0;
  double work = 0;
  if (const QueueWaiting* q = h.waiting.queue(queue)) {
    for (const auto& [item, count] : q->priorityByItem) work += count * h.expectedServiceSeconds(item);
    ahead = static_cast<int>(q->priority.size());
    if (!priorityOnly) {
      for (const auto& [item, count] : q->normalByItem) work += count * h.expectedServiceSeconds(item);
      ahead += static_cast<int>(q->normal.size());
    } else {
      // Normal-class appointments whose slot has begun still go before a new 绿色通道 ticket.
      for (const auto& key : q->appointments) {
        if (key.at > now) break;
        const Ticket* t = h.ticket(key.id);
        if (!t || isPriority(t->priority)) continue;
        ++ahead;
        work += h.expectedServiceSeconds(t->item);
      }
    }
  }
  return finish(ahead, work, servingQueue(h, queue, now));
}

std::optional<WaitEstimate> estimateWaitOf(const HallData& h, TicketId id, TimePoint now) {
  const Ticket* ticket = h.ticket(id);
  if (!ticket || ticket->state != TicketState::Waiting) return std::nullopt;
  int ahead = 0;
  double work = 0;
  const auto count = [&](const WaitingKey& key) {
    const Ticket* other = h.ticket(key.id);
    if (!other) return;
    ++ahead;
    work += h.expectedServiceSeconds(other->item);
  };
  if (ticket->targetWindow || ticket->targetKind) {
    const WaitingSet* set = ticket->targetWindow ? h.waiting.transferredToWindow(*ticket->targetWindow)
                                                 : h.waiting.transferredToKind(*ticket->targetKind);
    const WaitingKey own{ticket->arrivalAt, ticket->id};
    if (set) {
      for (auto it = set->begin(); it != set->end() && *it < own; ++it) count(*it);
    }
    return finish(ahead, work, servingTransfer(h, *ticket, now));
  }
  if (const QueueWaiting* q = h.waiting.queue(ticket->queue)) {
    for (const WaitingSet* set : {&q->priority, &q->normal}) {
      for (const auto& key : *set) {
        const Ticket* other = h.ticket(key.id);
        if (other && callsBefore(*other, *ticket, now)) count(key);
      }
    }
  }
  return finish(ahead, work, servingQueue(h, ticket->queue, now));
}

}  // namespace jiujin::core::detail
