#include "waiting_index.hpp"

namespace jiujin::core::detail {
namespace {

const WaitingSet* nonEmpty(const WaitingSet* set) { return set && !set->empty() ? set : nullptr; }

void countDown(std::map<ItemCode, int>& counts, const ItemCode& item) {
  auto it = counts.find(item);
  if (it == counts.end()) return;
  if (--it->second <= 0) counts.erase(it);
}

}  // namespace

void WaitingIndex::clear() {
  queues_.clear();
  toWindow_.clear();
  toKind_.clear();
  size_ = 0;
}

void WaitingIndex::add(const Ticket& t) {
  const WaitingKey byArrival{t.arrivalAt, t.id};
  bool inserted = false;
  if (t.targetWindow) {
    inserted = toWindow_[*t.targetWindow].insert(byArrival).second;
  } else if (t.targetKind) {
    inserted = toKind_[*t.targetKind].insert(byArrival).second;
  } else {
    QueueWaiting& q = queues_[t.queue];
    if (isPriority(t.priority)) {
      inserted = q.priority.insert(byArrival).second;
      if (inserted) ++q.priorityByItem[t.item];
    } else {
      inserted = q.normal.insert(byArrival).second;
      if (inserted) ++q.normalByItem[t.item];
    }
    if (inserted && t.appointmentSlot) q.appointments.insert({*t.appointmentSlot, t.id});
  }
  if (inserted) ++size_;
}

void WaitingIndex::remove(const Ticket& t) {
  const WaitingKey byArrival{t.arrivalAt, t.id};
  std::size_t erased = 0;
  if (t.targetWindow) {
    auto it = toWindow_.find(*t.targetWindow);
    if (it != toWindow_.end()) erased = it->second.erase(byArrival);
  } else if (t.targetKind) {
    auto it = toKind_.find(*t.targetKind);
    if (it != toKind_.end()) erased = it->second.erase(byArrival);
  } else {
    auto it = queues_.find(t.queue);
    if (it == queues_.end()) return;
    QueueWaiting& q = it->second;
    if (isPriority(t.priority)) {
      erased = q.priority.erase(byArrival);
      if (erased) countDown(q.priorityByItem, t.item);
    } else {
      erased = q.normal.erase(byArrival);
      if (erased) countDown(q.normalByItem, t.item);
    }
    if (erased && t.appointmentSlot) q.appointments.erase({*t.appointmentSlot, t.id});
  }
  size_ -= erased;
}

const QueueWaiting* WaitingIndex::queue(const QueueId& queue) const {
  auto it = queues_.find(queue);
  return it == queues_.end() ? nullptr : &it->second;
}

const WaitingSet* WaitingIndex::transferredToWindow(WindowNumber window) const {
  auto it = toWindow_.find(window);
  return it == toWindow_.end() ? nullptr : nonEmpty(&it->second);
}

const WaitingSet* WaitingIndex::transferredToKind(WindowKind kind) const {
  auto it = toKind_.find(kind);
  return it == toKind_.end() ? nullptr : nonEmpty(&it->second);
}

}  // namespace jiujin::core::detail
