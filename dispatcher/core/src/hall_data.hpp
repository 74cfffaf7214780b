#pragma once
// Everything the hall knows: the definition, the canonical state, and indexes derived from
// them for speed. Decisions read it, apply() writes it; nothing else touches it.
#include <string>
#include <unordered_map>

#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/core/working_calendar.hpp"
#include "waiting_index.hpp"

namespace jiujin::core::detail {

/// A window can take a ticket only when open and not paused.
inline bool isAtWork(WindowState s) {
  return s == WindowState::Idle || s == WindowState::Calling || s == WindowState::Serving;
}
/// Paused windows are still open: they count as "dedicated window open".
inline bool isOpen(WindowState s) { return s != WindowState::Closed; }
inline bool isUnconditional(const ProfileEntry& e) {
  return !e.onlyWhenOldestWaitsAtLeast && !e.onlyWhenNoDedicatedWindowOpen;
}

struct HallData {
  HallData() = default;
  // The lookups point into `definition`: a copy would point into the original.
  HallData(const HallData&) = delete;
  HallData& operator=(const HallData&) = delete;

  HallDefinition definition;
  HallState state;

  // Derived, rebuilt by reindex*(): never the only place something is known.
  WaitingIndex waiting;
  std::unordered_map<ItemCode, const ServiceItem*> items;
  std::unordered_map<QueueId, const QueueDef*> queues;
  std::unordered_map<WindowNumber, const WindowDef*> windowDefs;
  std::unordered_map<std::string, TicketId> byRequestKey;
  std::unordered_map<TicketId, WindowNumber> pinnedAt;
  /// Open windows whose profile serves the queue unconditionally.
  std::unordered_map<QueueId, int> dedicatedOpen;
  /// The ticket most recently completed at each window (for "already evaluated").
  std::unordered_map<WindowNumber, TicketId> lastCompleted;
  /// The definition's working days, ready to count promised dates on.
  WorkingCalendar calendar;
  std::unordered_map<std::string, CaseId> caseByNumber;
  /// Cases found not yet due soon on a date: not counted again that day (a cache only;
  /// apply() forgets a case's entry when its due date moves).
  mutable std::unordered_map<CaseId, Date> notDueSoonOn;

  const ServiceItem* item(const ItemCode& code) const;
  const QueueDef* queue(const QueueId& id) const;
  const WindowDef* windowDef(WindowNumber number) const;
  const WindowStatus* window(WindowNumber number) const;
  WindowStatus* window(WindowNumber number);
  const Ticket* ticket(TicketId id) const;
  Ticket* ticket(TicketId id);
  const Case* findCase(CaseId id) const;
  Case* findCase(CaseId id);
  const Case* caseNumbered(const std::string& number) const;

  /// The current expectation of an item's service time: its EWMA, else the item's prior.
  double expectedServiceSeconds(const ItemCode& item) const;
  /// How many open windows other than `self` serve `queue` unconditionally.
  int dedicatedOpenOtherThan(const QueueId& queue, WindowNumber self) const;

  void reindexDefinition();
  void reindexState();
  void recountDedicated();
};

}  // namespace jiujin::core::detail
