#pragma once
// Who is waiting where, ordered so that every routing question is a look at the front of a
// set: never a scan over all tickets. Derived data only — rebuilt from HallState's tickets.
#include <cstddef>
#include <map>
#include <set>
#include <unordered_map>

#include "jiujin/core/state.hpp"

namespace jiujin::core::detail {

/// Orders waiting tickets: earliest `at` first, ties broken by ticket id.
struct WaitingKey {
  TimePoint at;
  TicketId id = 0;
  auto operator<=>(const WaitingKey&) const = default;
};
using WaitingSet = std::set<WaitingKey>;

/// The waiting tickets of one queue that are not bound to a window or a window kind.
struct QueueWaiting {
  WaitingSet normal;        ///< by arrival; includes appointment tickets of normal class
  WaitingSet priority;      ///< 绿色通道, by arrival; includes appointment tickets of those classes
  WaitingSet appointments;  ///< by slot: the front one's slot decides whether any has begun
  std::map<ItemCode, int> normalByItem;    ///< for the waiting-time estimate
  std::map<ItemCode, int> priorityByItem;
  std::size_t size() const { return normal.size() + priority.size(); }
};

class WaitingIndex {
 public:
  void clear();
  /// `ticket` must be Waiting; its routing fields must not change until remove().
  void add(const Ticket& ticket);
  void remove(const Ticket& ticket);

  const QueueWaiting* queue(const QueueId& queue) const;
  const WaitingSet* transferredToWindow(WindowNumber window) const;
  const WaitingSet* transferredToKind(WindowKind kind) const;
  std::size_t size() const { return size_; }

 private:
  std::unordered_map<QueueId, QueueWaiting> queues_;
  std::unordered_map<WindowNumber, WaitingSet> toWindow_;
  std::map<WindowKind, WaitingSet> toKind_;
  std::size_t size_ = 0;
};

}  // namespace jiujin::core::detail
