#include "jiujin/client/request.hpp"

#include <array>
#include <utility>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/protocol/service_requests.hpp"

namespace jiujin::client {

using nlohmann::json;

namespace {

using Query = protocol::ServiceRequest;

// In the order of RequestKind. The command names are checked against the protocol codec's
// commandType() by a unit test; the service's own requests take their names from the
// protocol's table, which the dispatcher authorises by.
const std::array<std::pair<RequestKind, const char*>, 59> kNames{{
    {RequestKind::OpenDay, "open_day"},
    {RequestKind::CloseDay, "close_day"},
    {RequestKind::IssueTicket, "issue_ticket"},
    {RequestKind::CallNext, "call_next"},
    {RequestKind::Recall, "recall"},
    {RequestKind::StartService, "start_service"},
    {RequestKind::Complete, "complete"},
    {RequestKind::MarkNoShow, "mark_no_show"},
    {RequestKind::Reactivate, "reactivate"},
    {RequestKind::Transfer, "transfer"},
    {RequestKind::Cancel, "cancel"},
    {RequestKind::PauseWindow, "pause_window"},
    {RequestKind::ResumeWindow, "resume_window"},
    {RequestKind::OpenWindow, "open_window"},
    {RequestKind::CloseWindow, "close_window"},
    {RequestKind::ClerkLogin, "clerk_login"},
    {RequestKind::ClerkLogout, "clerk_logout"},
    {RequestKind::RequestEvaluation, "request_evaluation"},
    {RequestKind::Evaluate, "evaluate"},
    {RequestKind::SetWorkProfile, "set_work_profile"},
    {RequestKind::PinTicket, "pin_ticket"},
    {RequestKind::BroadcastNotice, "broadcast_notice"},
    {RequestKind::UpdateDefinition, "update_definition"},
    {RequestKind::AcceptCase, "accept_case"},
    {RequestKind::MarkCaseMaterials, "mark_case_materials"},
    {RequestKind::RequestCaseCorrection, "request_case_correction"},
    {RequestKind::SupplyCaseMaterials, "supply_case_materials"},
    {RequestKind::StartCaseProcessing, "start_case_processing"},
    {RequestKind::DecideCase, "decide_case"},
    {RequestKind::RejectCase, "reject_case"},
    {RequestKind::MarkCaseReady, "mark_case_ready"},
    {RequestKind::CollectCase, "collect_case"},
    {RequestKind::FinishCaseOnSpot, "finish_case_on_spot"},
    {RequestKind::RateTicket, "rate_ticket"},
    {RequestKind::Hello, protocol::toString(Query::Hello)},
    {RequestKind::Ping, protocol::toString(Query::Ping)},
    {RequestKind::Snapshot, protocol::toString(Query::Snapshot)},
    {RequestKind::TicketStatus, protocol::toString(Query::TicketStatus)},
    {RequestKind::Items, protocol::toString(Query::Items)},
    {RequestKind::Estimate, protocol::toString(Query::Estimate)},
    {RequestKind::Statistics, protocol::toString(Query::Statistics)},
    {RequestKind::DeviceReport, protocol::toString(Query::DeviceReport)},
    {RequestKind::PrinterStatus, protocol::toString(Query::PrinterStatus)},
    {RequestKind::AuditExport, protocol::toString(Query::AuditExport)},
    {RequestKind::AcknowledgeAlarm, protocol::toString(Query::AcknowledgeAlarm)},
    {RequestKind::CloseFollowUp, protocol::toString(Query::CloseFollowUp)},
    {RequestKind::UnlockClerk, protocol::toString(Query::UnlockClerk)},
    {RequestKind::ReloadConfig, protocol::toString(Query::ReloadConfig)},
    {RequestKind::Case, protocol::toString(Query::Case)},
    {RequestKind::Cases, protocol::toString(Query::Cases)},
    {RequestKind::ConfirmClerk, protocol::toString(Query::ConfirmClerk)},
    {RequestKind::ManagerLogin, protocol::toString(Query::ManagerLogin)},
    {RequestKind::ManagerLogout, protocol::toString(Query::ManagerLogout)},
    {RequestKind::BookingSlots, protocol::toString(Query::BookingSlots)},
    {RequestKind::Book, protocol::toString(Query::Book)},
    {RequestKind::CancelBooking, protocol::toString(Query::CancelBooking)},
    {RequestKind::Booking, protocol::toString(Query::Booking)},
    {RequestKind::Bookings, protocol::toString(Query::Bookings)},
    {RequestKind::CheckIn, protocol::toString(Query::CheckIn)},
}};

Request plain(RequestKind kind) { return Request{kind, json::object()}; }

}  // namespace

const char* wireName(RequestKind kind) { return kNames[static_cast<std::size_t>(kind)].second; }

std::optional<RequestKind> requestKindNamed(const std::string& type) {
  for (const auto& [kind, name] : kNames)
    if (type == name) return kind;
  return std::nullopt;
}

const std::vector<RequestKind>& allRequestKinds() {
  static const std::vector<RequestKind> kinds = [] {
    std::vector<RequestKind> all;
    for (const auto& entry : kNames) all.push_back(entry.first);
    return all;
  }();
  return kinds;
}

bool isCommand(RequestKind kind) { return kind <= RequestKind::RateTicket; }

namespace requests {

Request command(const core::Command& command) {
  json body = protocol::toJson(command);
  const std::string type = body.value("type", std::string());
  body.erase("type");
  // Every alternative of core::Command has a kind (checked by a unit test).
  return Request{requestKindNamed(type).value_or(RequestKind::Ping), std::move(body)};
}

Request openDay(const core::Date& date) { return command(core::cmd::OpenDay{date}); }
Request closeDay() { return command(core::cmd::CloseDay{}); }

Request issueTicket(const core::ItemCode& item, core::PriorityClass priority, std::string requestKey) {
  core::cmd::IssueTicket ticket;
  ticket.item = item;
  ticket.priority = priority;
  ticket.requestKey = std::move(requestKey);
  return issueTicket(ticket);
}

Request issueTicket(const core::cmd::IssueTicket& ticket) { return command(ticket); }
Request callNext(core::WindowNumber window) { return command(core::cmd::CallNext{window}); }
Request recall(core::WindowNumber window) { return command(core::cmd::Recall{window}); }
Request startService(core::WindowNumber window) { return command(core::cmd::StartService{window}); }
Request complete(core::WindowNumber window) { return command(core::cmd::Complete{window}); }
Request markNoShow(core::WindowNumber window) { return command(core::cmd::MarkNoShow{window}); }
Request reactivate(core::TicketId ticket) { return command(core::cmd::Reactivate{ticket}); }

Request transfer(core::WindowNumber window, const core::TransferTarget& to, std::string note) {
  return command(core::cmd::Transfer{window, to, std::move(note)});
}

Request cancel(core::TicketId ticket, std::string reason) { return command(core::cmd::Cancel{ticket, std::move(reason)}); }

Request pauseWindow(core::WindowNumber window, std::string reason) {
  return command(core::cmd::PauseWindow{window, std::move(reason)});
}

Request resumeWindow(core::WindowNumber window) { return command(core::cmd::ResumeWindow{window}); }
Request openWindow(core::WindowNumber window) { return command(core::cmd::OpenWindow{window}); }
Request closeWindow(core::WindowNumber window) { return command(core::cmd::CloseWindow{window}); }

Request clerkLogin(core::WindowNumber window, const core::ClerkId& clerk, const std::string& pin) {
  Request request = command(core::cmd::ClerkLogin{window, clerk});
  request.body["pin"] = pin;
  return request;
}

Request clerkLogout(core::WindowNumber window) { return command(core::cmd::ClerkLogout{window}); }
Request requestEvaluation(core::WindowNumber window) { return command(core::cmd::RequestEvaluation{window}); }
Request evaluate(core::WindowNumber window, core::Rating rating) { return command(core::cmd::Evaluate{window, rating}); }
Request rateTicket(const std::string& token, core::Rating rating) {
  return Request{RequestKind::RateTicket, json{{"token", token}, {"rating", core::toString(rating)}}};
}

Request setWorkProfile(core::WindowNumber window, const core::WorkProfile& profile) {
  return command(core::cmd::SetWorkProfile{window, profile});
}

Request pinTicket(core::WindowNumber window, core::TicketId ticket) { return command(core::cmd::PinTicket{window, ticket}); }
Request broadcastNotice(std::string text) { return command(core::cmd::BroadcastNotice{std::move(text)}); }
Request updateDefinition(const core::HallDefinition& definition) { return command(core::cmd::UpdateDefinition{definition}); }

Request hello() { return plain(RequestKind::Hello); }
Request ping() { return plain(RequestKind::Ping); }
Request snapshot() { return plain(RequestKind::Snapshot); }
Request ticketStatus(core::TicketId ticket) { return Request{RequestKind::TicketStatus, json{{"ticket", ticket}}}; }
Request ticketStatus(const std::string& number) { return Request{RequestKind::TicketStatus, json{{"number", number}}}; }
Request ticketStatusByToken(const std::string& token) {
  return Request{RequestKind::TicketStatus, json{{"token", token}}};
}
Request items() { return plain(RequestKind::Items); }

Request estimate(const core::ItemCode& item, std::optional<core::PriorityClass> priority) {
  json body{{"item", item}};
  if (priority) body["priority"] = core::toString(*priority);
  return Request{RequestKind::Estimate, std::move(body)};
}

Request statistics(const Period& period) {
  json body = json::object();
  if (period.from) body["from"] = protocol::dateToString(*period.from);
  if (period.to) body["to"] = protocol::dateToString(*period.to);
  return Request{RequestKind::Statistics, std::move(body)};
}

Request deviceReport(const DeviceHealth& health) {
  json body{{"device", health.device}, {"kind", health.kind}, {"status", health.status}};
  if (!health.bus.empty()) body["bus"] = health.bus;
  if (!health.detail.empty()) body["detail"] = health.detail;
  if (health.window) body["window"] = *health.window;
  return Request{RequestKind::DeviceReport, std::move(body)};
}

Request printerStatus(const PrinterHealth& health) {
  json body{{"device", health.device}, {"status", health.status}};
  if (!health.detail.empty()) body["detail"] = health.detail;
  if (health.window) body["window"] = *health.window;
  return Request{RequestKind::PrinterStatus, std::move(body)};
}

Request auditExport(std::int64_t after, std::optional<std::int64_t> limit, bool verify) {
  json body{{"after", after}};
  if (limit) body["limit"] = *limit;
  if (verify) body["verify"] = true;
  return Request{RequestKind::AuditExport, std::move(body)};
}

Request acknowledgeAlarm(std::int64_t alarm) { return Request{RequestKind::AcknowledgeAlarm, json{{"alarm", alarm}}}; }

Request closeFollowUp(std::int64_t alarm, std::string note) {
  return Request{RequestKind::CloseFollowUp, json{{"alarm", alarm}, {"note", std::move(note)}}};
}

Request unlockClerk(const core::ClerkId& clerk) { return Request{RequestKind::UnlockClerk, json{{"clerk", clerk}}}; }
Request reloadConfig() { return plain(RequestKind::ReloadConfig); }
Request managerLogin(const core::ClerkId& manager, const std::string& pin) {
  return Request{RequestKind::ManagerLogin, json{{"manager", manager}, {"pin", pin}}};
}

Request managerLogout() { return plain(RequestKind::ManagerLogout); }

Request confirmClerk(core::WindowNumber window, const core::ClerkId& clerk, const std::string& pin) {
  return Request{RequestKind::ConfirmClerk, json{{"window", window}, {"clerk", clerk}, {"pin", pin}}};
}

Request acceptCase(const core::cmd::AcceptCase& acceptance) { return command(acceptance); }
Request markCaseMaterials(core::WindowNumber window, const std::string& number,
                          std::vector<core::CaseMaterial> materials) {
  return command(core::cmd::MarkCaseMaterials{window, number, std::move(materials)});
}
Request requestCaseCorrection(core::WindowNumber window, const std::string& number, std::vector<std::string> missing,
                              std::string note) {
  return command(core::cmd::RequestCaseCorrection{window, number, std::move(missing), std::move(note)});
}
Request supplyCaseMaterials(core::WindowNumber window, const std::string& number, std::vector<std::string> received) {
  return command(core::cmd::SupplyCaseMaterials{window, number, std::move(received)});
}
Request startCaseProcessing(core::WindowNumber window, const std::string& number) {
  return command(core::cmd::StartCaseProcessing{window, number});
}
Request decideCase(core::WindowNumber window, const std::string& number, core::CaseOutcome outcome,
                   std::string reason) {
  return command(core::cmd::DecideCase{window, number, outcome, std::move(reason)});
}
Request rejectCase(core::WindowNumber window, const std::string& number, std::string reason) {
  return command(core::cmd::RejectCase{window, number, std::move(reason)});
}
Request markCaseReady(core::WindowNumber window, const std::string& number) {
  return command(core::cmd::MarkCaseReady{window, number});
}
Request collectCase(core::WindowNumber window, const std::string& number, std::string collectedBy) {
  return command(core::cmd::CollectCase{window, number, std::move(collectedBy)});
}
Request finishCaseOnSpot(core::WindowNumber window, const std::string& number) {
  return command(core::cmd::FinishCaseOnSpot{window, number});
}

Request caseByNumber(const std::string& number) { return Request{RequestKind::Case, json{{"number", number}}}; }

Request bookingSlots(const core::ItemCode& item, std::optional<core::Date> date) {
  json body{{"item", item}};
  if (date) body["date"] = protocol::dateToString(*date);
  return Request{RequestKind::BookingSlots, std::move(body)};
}

Request book(const core::ItemCode& item, core::TimePoint start, const std::string& phone) {
  return Request{RequestKind::Book, json{{"item", item}, {"start", start.time_since_epoch().count()}, {"phone", phone}}};
}

Request cancelBooking(const std::string& code) { return Request{RequestKind::CancelBooking, json{{"code", code}}}; }
Request booking(const std::string& code) { return Request{RequestKind::Booking, json{{"code", code}}}; }

Request bookings(std::optional<core::Date> date) {
  json body = json::object();
  if (date) body["date"] = protocol::dateToString(*date);
  return Request{RequestKind::Bookings, std::move(body)};
}

Request checkIn(const std::string& code) { return Request{RequestKind::CheckIn, json{{"code", code}}}; }

Request cases(const CaseQuery& q) {
  json body = json::object();
  if (q.state) body["state"] = core::toString(*q.state);
  if (q.item) body["item"] = *q.item;
  if (q.clerk) body["clerk"] = *q.clerk;
  if (q.window) body["window"] = *q.window;
  if (q.dueBefore) body["due_before"] = protocol::dateToString(*q.dueBefore);
  if (q.after > 0) body["after"] = q.after;
  if (q.limit) body["limit"] = *q.limit;
  return Request{RequestKind::Cases, std::move(body)};
}

}  // namespace requests
}  // namespace jiujin::client
