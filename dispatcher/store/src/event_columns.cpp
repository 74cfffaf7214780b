#include "event_columns.hpp"

#include <type_traits>

namespace jiujin::store {

using namespace core;

std::optional<TicketId> ticketOf(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::optional<TicketId> {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ev::TicketIssued>) return e.ticket.id;
        else if constexpr (std::is_same_v<E, ev::TicketTransferred>) return e.from;
        else if constexpr (requires { { e.ticket } -> std::convertible_to<TicketId>; }) return e.ticket;
        else return std::nullopt;
      },
      event);
}

std::optional<WindowNumber> windowOf(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::optional<WindowNumber> {
        if constexpr (requires { { e.window } -> std::convertible_to<WindowNumber>; }) return e.window;
        else return std::nullopt;
      },
      event);
}

std::optional<CaseId> caseOf(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::optional<CaseId> {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, ev::CaseRegistered>) return e.registered.id;
        else if constexpr (requires { { e.caseId } -> std::convertible_to<CaseId>; }) return e.caseId;
        else return std::nullopt;
      },
      event);
}

std::vector<TicketId> ticketsChangedBy(const Event& event) {
  if (const auto* closed = std::get_if<ev::DayClosed>(&event)) return closed->expired;
  if (const auto* transferred = std::get_if<ev::TicketTransferred>(&event)) {
    return {transferred->from, transferred->child.id};
  }
  if (auto id = ticketOf(event)) return {*id};
  return {};
}

}  // namespace jiujin::store
