// The hall's public face: decide, then apply with the same code replay uses.
#include "jiujin/core/hall.hpp"

#include "apply.hpp"
#include "decide.hpp"
#include "router.hpp"
#include "wait_estimate.hpp"

namespace jiujin::core {

struct Hall::Impl {
  detail::HallData data;
};

Hall::Hall(HallDefinition definition) : impl_(std::make_unique<Impl>()) {
  auto& d = impl_->data;
  d.definition = std::move(definition);
  d.reindexDefinition();
  for (const auto& w : d.definition.windows) {
    WindowStatus status;
    status.number = w.number;
    status.profile = w.profile;
    d.state.windows.emplace(w.number, std::move(status));
  }
  d.reindexState();
}

Hall::Hall(HallDefinition definition, HallState state) : impl_(std::make_unique<Impl>()) {
  auto& d = impl_->data;
  d.definition = std::move(definition);
  d.state = std::move(state);
  d.reindexDefinition();
  d.reindexState();
}

Hall::~Hall() = default;
Hall::Hall(Hall&&) noexcept = default;
Hall& Hall::operator=(Hall&&) noexcept = default;

Result<std::vector<Event>> Hall::execute(const Command& command, TimePoint now) {
  auto decision = detail::decide(impl_->data, command, now);
  if (decision) {
    for (const auto& event : decision.value()) detail::applyEvent(impl_->data, event);
  }
  return decision;
}

std::vector<Event> Hall::tick(TimePoint now) {
  auto due = detail::dueTransitions(impl_->data, now);
  for (const auto& event : due) detail::applyEvent(impl_->data, event);
  return due;
}

void Hall::apply(const Event& event) { detail::applyEvent(impl_->data, event); }

const HallDefinition& Hall::definition() const { return impl_->data.definition; }
const HallState& Hall::state() const { return impl_->data.state; }

WindowActions Hall::allowed(WindowNumber window, TimePoint now) const {
  return detail::allowedActions(impl_->data, window, now);
}

std::optional<Error> Hall::refusal(const Command& command, TimePoint now) const {
  auto decision = detail::decide(impl_->data, command, now);
  if (decision) return std::nullopt;
  return decision.error();
}

std::optional<CallDecision> Hall::peekNext(WindowNumber window, TimePoint now) const {
  if (detail::callRefusal(impl_->data, window)) return std::nullopt;
  return detail::Router{impl_->data}.next(window, now);
}

WaitEstimate Hall::estimateForQueue(const QueueId& queue, TimePoint now) const {
  return detail::estimateWait(impl_->data, queue, false, now);
}

WaitEstimate Hall::estimateForItem(const ItemCode& item, PriorityClass priority, TimePoint now) const {
  const ServiceItem* known = impl_->data.item(item);
  if (!known) return {};
  const bool priorityOnly = isPriority(priority) && known->priorityAllowed;
  return detail::estimateWait(impl_->data, known->queue, priorityOnly, now);
}

std::optional<WaitEstimate> Hall::estimateForTicket(TicketId ticket, TimePoint now) const {
  return detail::estimateWaitOf(impl_->data, ticket, now);
}

std::optional<TicketId> Hall::ticketByRequestKey(const std::string& key) const {
  auto it = impl_->data.byRequestKey.find(key);
  if (it == impl_->data.byRequestKey.end()) return std::nullopt;
  return it->second;
}

const Ticket* Hall::findTicket(TicketId id) const { return impl_->data.ticket(id); }

const Case* Hall::findCase(const std::string& number) const { return impl_->data.caseNumbered(number); }

const WorkingCalendar& Hall::calendar() const { return impl_->data.calendar; }

}  // namespace jiujin::core
