#include "jiujin/web/ticket_view.hpp"

#include <algorithm>

#include "jiujin/core/names.hpp"

namespace jiujin::web {

const char* toString(Phase phase) {
  switch (phase) {
    case Phase::Waiting: return "waiting";
    case Phase::Called: return "called";
    case Phase::Serving: return "serving";
    case Phase::Done: return "done";
    case Phase::Missed: return "missed";
    case Phase::Cancelled: return "cancelled";
    case Phase::Gone: return "gone";
  }
  return "gone";
}

namespace {

Phase phaseOf(core::TicketState state) {
  switch (state) {
    case core::TicketState::Waiting: return Phase::Waiting;
    case core::TicketState::Called: return Phase::Called;
    case core::TicketState::Serving: return Phase::Serving;
    case core::TicketState::Completed: return Phase::Done;
    case core::TicketState::NoShow: return Phase::Missed;
    case core::TicketState::Transferred:  // only when the chain ends without a successor
    case core::TicketState::Cancelled:
    case core::TicketState::Expired: return Phase::Cancelled;
  }
  return Phase::Gone;
}

}  // namespace

TicketView viewOf(const core::Hall& hall, core::TicketId id, core::TimePoint now) {
  TicketView view;
  const core::Ticket* ticket = hall.findTicket(id);
  // A transfer makes a new ticket: the resident follows the chain (bounded: ids only grow).
  for (int hop = 0; ticket && ticket->state == core::TicketState::Transferred && ticket->transferredTo && hop < 20;
       ++hop) {
    const core::Ticket* next = hall.findTicket(*ticket->transferredTo);
    if (!next) break;
    ticket = next;
    view.transferred = true;
  }
  if (!ticket) return view;
  const auto& definition = hall.definition();
  view.phase = phaseOf(ticket->state);
  view.number = ticket->number;
  view.recalls = ticket->recalls;
  const auto item = std::find_if(definition.items.begin(), definition.items.end(),
                                 [&](const core::ServiceItem& i) { return i.code == ticket->item; });
  if (item != definition.items.end()) view.item = item->name;
  const auto queue = std::find_if(definition.queues.begin(), definition.queues.end(),
                                  [&](const core::QueueDef& q) { return q.id == ticket->queue; });
  if (queue != definition.queues.end()) view.queue = queue->name;
  if (view.phase == Phase::Done) {
    view.canRate = ticket->evaluation == core::EvaluationStatus::Requested;
    if (ticket->rating) view.rating = core::toString(*ticket->rating);
  }
  if (view.phase == Phase::Waiting) {
    const auto estimate = hall.estimateForTicket(ticket->id, now).value_or(core::WaitEstimate{});
    view.peopleAhead = estimate.peopleAhead;
    view.waitSeconds = estimate.wait.count();
  } else if (ticket->window) {
    view.window = *ticket->window;
    const auto w = std::find_if(definition.windows.begin(), definition.windows.end(),
                                [&](const core::WindowDef& d) { return d.number == *ticket->window; });
    if (w != definition.windows.end()) view.windowName = w->name;
  }
  return view;
}

nlohmann::json toJson(const TicketView& v) {
  return nlohmann::json{{"phase", toString(v.phase)}, {"number", v.number},   {"item", v.item},
                        {"queue", v.queue},            {"ahead", v.peopleAhead}, {"wait_s", v.waitSeconds},
                        {"window", v.window},          {"window_name", v.windowName},
                        {"recalls", v.recalls},        {"transferred", v.transferred},
                        {"can_rate", v.canRate},       {"rating", v.rating}};
}

}  // namespace jiujin::web
