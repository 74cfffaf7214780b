// Core commands at the service's edge: the request body becomes a core::Command (unknown
// fields refused), the role and the opening hours are checked, a login goes to the PIN lane
// (clerk_logins.cpp), and the rest is executed by the core. The events join the batch, each
// checked for alarms; the reply carries the events and the ticket they are about.
#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "queries.hpp"
#include "request_bodies.hpp"
#include "request_handler.hpp"
#include "ticketing_hours.hpp"
#include "unknown_fields.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

/// The ticket an event is about, if any.
std::optional<core::TicketId> ticketOf(const core::Event& event) {
  return std::visit(
      [](const auto& e) -> std::optional<core::TicketId> {
        if constexpr (requires { e.ticket.id; }) {
          return e.ticket.id;
        } else if constexpr (requires { e.child.id; }) {
          return e.child.id;
        } else if constexpr (requires { core::TicketId{e.ticket}; }) {
          return e.ticket;
        } else {
          return std::nullopt;
        }
      },
      event);
}

/// The case an event is about, if any.
std::optional<core::CaseId> caseOf(const core::Event& event) {
  return std::visit(
      [](const auto& e) -> std::optional<core::CaseId> {
        if constexpr (requires { e.registered.id; }) {
          return e.registered.id;
        } else if constexpr (requires { e.caseId; }) {
          return e.caseId;
        } else {
          return std::nullopt;
        }
      },
      event);
}

/// 代办 is for 代办员: a case registered for an absent resident needs a clerk with the agent
/// flag of the hall file logged in at the window.
std::optional<ServiceError> refuseNonAgent(const core::Command& command, const core::HallState& state,
                                           const std::map<core::ClerkId, ClerkEntry>& clerks) {
  const auto* accept = std::get_if<core::cmd::AcceptCase>(&command);
  if (!accept || accept->channel != core::CaseChannel::Agent) return std::nullopt;
  const auto w = state.windows.find(accept->window);
  if (w == state.windows.end() || !w->second.clerk) return std::nullopt;  // the core says why
  const auto clerk = clerks.find(*w->second.clerk);
  if (clerk != clerks.end() && clerk->second.agent) return std::nullopt;
  return errors::forbidden(fmt::format("accept_case for an absent resident (代办) by clerk {}, who is not a 代办员",
                                       *w->second.clerk));
}

}  // namespace

Outcome<json> RequestHandler::serveCommand(Pending& pending, const Request& request, const ClientIdentity& who) {
  json commandJson = request.body;
  const bool login = request.type == protocol::commandType(core::cmd::ClerkLogin{});
  if (login) commandJson.erase("pin");
  // The phone names its ticket by the QR token only, never by id: the token is checked here and
  // the core gets the ticket it names (the token itself is never journaled).
  if (request.type == protocol::commandType(core::cmd::RateTicket{})) {
    // The role first: only a phone's page (or a manager) learns whether a token is genuine.
    if (auto refusal = authorize(who, core::Command{core::cmd::RateTicket{}}, durable_->hall().state())) return *refusal;
    auto rated = readRateTicket(request.body);
    if (!rated) return rated.error();
    const core::Hall& hall = durable_->hall();
    const core::Ticket* ticket = ticketOfToken(hall, tokens_, rated.value().token);
    if (!ticket) return errors::notFound("ticket token");
    // A transfer gave the resident a new ticket: the service to rate is the last of the chain.
    for (int hop = 0; ticket->state == core::TicketState::Transferred && ticket->transferredTo && hop < 20; ++hop) {
      const core::Ticket* next = hall.findTicket(*ticket->transferredTo);
      if (!next) break;
      ticket = next;
    }
    commandJson = json{{"ticket", ticket->id}, {"rating", rated.value().rating}};
  }
  commandJson["type"] = request.type;
  auto command = protocol::commandFromJson(commandJson);
  if (!command) {
    if (command.error().en.find(".type") != std::string::npos) return errors::unknownCommand(request.type);
    return fromCoreError(command.error());
  }
  if (const auto unknown = unknownField(commandJson, protocol::toJson(command.value())))
    return errors::invalidArgument(fmt::format("unknown field \"{}\" for {}", *unknown, request.type));
  if (auto refusal = authorize(who, command.value(), durable_->hall().state())) return *refusal;
  if (auto refusal = refuseNonAgent(command.value(), durable_->hall().state(), clerks_)) return *refusal;
  if (auto refusal = checkTicketingHours(command.value(), who, ticketing_, now_)) return *refusal;
  // The PIN is checked after the role (a console may only try PINs at its own window), off the
  // command thread: the login is set aside and answered in a later batch (clerk_logins.cpp).
  if (login) {
    auto check = submitPinCheck(request.body, who);
    if (!check) return check.error();
    pending.setAside = check.value();
    setAside_[check.value()].command = command.value();
    return json::object();
  }
  return executeCommand(pending, command.value());
}

Outcome<json> RequestHandler::executeCommand(Pending& pending, const core::Command& command) {
  core::Hall& hall = durable_->hall();
  json result = json::object();
  if (const auto* issue = std::get_if<core::cmd::IssueTicket>(&command)) {
    // A retry with a key already used today: the same ticket, nothing new.
    if (!issue->requestKey.empty()) {
      if (const auto id = hall.ticketByRequestKey(issue->requestKey)) {
        const core::Ticket& ticket = *hall.findTicket(*id);
        const auto e = hall.estimateForTicket(ticket.id, now_).value_or(core::WaitEstimate{});
        return json{{"ticket", protocol::toJson(ticket)}, {"people_ahead", e.peopleAhead},
                    {"wait_s", e.wait.count()}, {"events", json::array()}, {"repeated", true},
                    {"token", tokens_.token(ticket.id, core::dateOf(ticket.issuedAt))}};
      }
    }
    const auto e = hall.estimateForItem(issue->item, issue->priority, now_);
    result["people_ahead"] = e.peopleAhead;
    result["wait_s"] = e.wait.count();
  }
  auto executed = hall.execute(command, now_);
  if (!executed) return fromCoreError(executed.error());
  pending.firstEvent = events_.size();
  pending.eventCount = executed.value().size();
  json events = json::array();
  std::optional<core::TicketId> ticket;
  std::optional<core::CaseId> caseId;
  for (auto& e : executed.value()) {
    // The same masked form as published; the case itself, whole, goes to the clerk below.
    events.push_back(protocol::toJson(core::withoutPersonalData(e)));
    if (!ticket) ticket = ticketOf(e);
    if (!caseId) caseId = caseOf(e);
    if (auto alarm = alarms_.checkEvent(hall, e)) raise(*alarm);
    events_.push_back(std::move(e));
  }
  result["events"] = std::move(events);
  log::Context about;
  if (ticket) {
    if (const auto t = hall.state().tickets.find(*ticket); t != hall.state().tickets.end()) {
      result["ticket"] = protocol::toJson(t->second);
      about.ticket = t->second.number;
      if (t->second.window) about.window = *t->second.window;
      // The resident's QR token goes to the issuer only: never journaled, never published.
      if (std::holds_alternative<core::cmd::IssueTicket>(command))
        result["token"] = tokens_.token(t->second.id, core::dateOf(t->second.issuedAt));
    }
  }
  {
    const log::Scope scope(about);
    log::debug("dispatcher.service", "{} done: {} event(s)", protocol::commandType(command), pending.eventCount);
  }
  // Only clerks and managers give case commands (policy.cpp): the case whole, for their forms.
  if (caseId) {
    if (const auto k = hall.state().cases.find(*caseId); k != hall.state().cases.end())
      result["case"] = protocol::toJson(k->second);
  }
  return result;
}

void RequestHandler::executeSystem(const core::Command& command) {
  auto result = durable_->hall().execute(command, now_);
  AuditRecord record{now_, "dispatcher", "system", "", protocol::commandType(command), protocol::toJson(command),
                     result.ok(), result.ok() ? "ok" : core::toString(result.error().code)};
  record.body.erase("type");
  auditRecords_.push_back(std::move(record));
  if (!result) {
    log::warning("dispatcher.service", "{} refused: {}", protocol::commandType(command), result.error().en);
    return;
  }
  for (auto& e : result.value()) events_.push_back(std::move(e));
}

}  // namespace jiujin::service::detail
