#include "hall_data.hpp"

#include <tuple>

namespace jiujin::core::detail {
namespace {

template <typename Map, typename Key>
auto findIn(const Map& map, const Key& key) -> typename Map::mapped_type {
  auto it = map.find(key);
  return it == map.end() ? typename Map::mapped_type{} : it->second;
}

}  // namespace

const ServiceItem* HallData::item(const ItemCode& code) const { return findIn(items, code); }
const QueueDef* HallData::queue(const QueueId& id) const { return findIn(queues, id); }
const WindowDef* HallData::windowDef(WindowNumber number) const { return findIn(windowDefs, number); }

const WindowStatus* HallData::window(WindowNumber number) const {
  auto it = state.windows.find(number);
  return it == state.windows.end() ? nullptr : &it->second;
}
WindowStatus* HallData::window(WindowNumber number) {
  auto it = state.windows.find(number);
  return it == state.windows.end() ? nullptr : &it->second;
}
const Ticket* HallData::ticket(TicketId id) const {
  auto it = state.tickets.find(id);
  return it == state.tickets.end() ? nullptr : &it->second;
}
Ticket* HallData::ticket(TicketId id) {
  auto it = state.tickets.find(id);
  return it == state.tickets.end() ? nullptr : &it->second;
}

const Case* HallData::findCase(CaseId id) const {
  auto it = state.cases.find(id);
  return it == state.cases.end() ? nullptr : &it->second;
}
Case* HallData::findCase(CaseId id) {
  auto it = state.cases.find(id);
  return it == state.cases.end() ? nullptr : &it->second;
}
const Case* HallData::caseNumbered(const std::string& number) const {
  auto it = caseByNumber.find(number);
  return it == caseByNumber.end() ? nullptr : findCase(it->second);
}

double HallData::expectedServiceSeconds(const ItemCode& code) const {
  auto it = state.serviceSecondsEwma.find(code);
  if (it != state.serviceSecondsEwma.end()) return it->second;
  const ServiceItem* known = item(code);
  return 60.0 * (known ? known->typicalServiceMinutes : 10);
}

int HallData::dedicatedOpenOtherThan(const QueueId& q, WindowNumber self) const {
  int count = findIn(dedicatedOpen, q);
  const WindowStatus* own = window(self);
  if (own && isOpen(own->state)) {
    for (const auto& entry : own->profile.entries) {
      if (entry.queue == q && isUnconditional(entry)) {
        --count;
        break;
      }
    }
  }
  return count;
}

void HallData::reindexDefinition() {
  items.clear();
  queues.clear();
  windowDefs.clear();
  for (const auto& i : definition.items) items.emplace(i.code, &i);
  for (const auto& q : definition.queues) queues.emplace(q.id, &q);
  for (const auto& w : definition.windows) windowDefs.emplace(w.number, &w);
  calendar = WorkingCalendar{definition.calendar};
  notDueSoonOn.clear();
}

void HallData::recountDedicated() {
  dedicatedOpen.clear();
  for (const auto& [number, w] : state.windows) {
    if (!isOpen(w.state)) continue;
    for (const auto& entry : w.profile.entries) {
      if (isUnconditional(entry)) ++dedicatedOpen[entry.queue];
    }
  }
}

void HallData::reindexState() {
  waiting.clear();
  byRequestKey.clear();
  pinnedAt.clear();
  lastCompleted.clear();
  for (const auto& [id, t] : state.tickets) {
    if (t.state == TicketState::Waiting) waiting.add(t);
    if (!t.requestKey.empty()) byRequestKey.emplace(t.requestKey, id);
    if (t.state == TicketState::Completed && t.window && t.endedAt) {
      auto [it, fresh] = lastCompleted.emplace(*t.window, id);
      const Ticket& known = state.tickets.at(it->second);
      if (!fresh && std::tie(*known.endedAt, known.id) < std::tie(*t.endedAt, t.id)) it->second = id;
    }
  }
  for (const auto& [number, w] : state.windows) {
    if (w.pinned) pinnedAt[*w.pinned] = number;
  }
  caseByNumber.clear();
  notDueSoonOn.clear();
  for (const auto& [id, c] : state.cases) caseByNumber.emplace(c.number, id);
  recountDedicated();
}

}  // namespace jiujin::core::detail
