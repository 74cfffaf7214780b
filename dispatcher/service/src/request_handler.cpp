// One turn of the dispatcher, in order: the timed work that opens it (the day, timeouts,
// alarms), then each request — read, who is asking, answered before (idempotency.cpp), a
// query (queries.hpp) or a command (command_execution.cpp), its audit row — and the commit
// that ends it (batch_commit.cpp). The parts live in the files named; this one only walks a
// request through them.
#include "request_handler.hpp"

#include "client_identity.hpp"
#include "jiujin/base/log.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "queries.hpp"
#include "request_bodies.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

long long millis(core::TimePoint t) { return t.time_since_epoch().count(); }

/// The audit record (电子监察) needs who acted and on what, not the resident's ID number and
/// phone: they are kept masked there, like everywhere but the case register.
void maskApplicant(json& body) {
  const auto applicant = body.find("applicant");
  if (applicant == body.end() || !applicant->is_object()) return;
  for (const auto& [field, mask] : {std::pair{"idNumber", &core::maskIdNumber}, std::pair{"phone", &core::maskPhone}}) {
    const auto value = applicant->find(field);
    if (value != applicant->end() && value->is_string()) *value = mask(value->get_ref<const std::string&>());
  }
}

std::optional<int> windowIn(const json& body) {
  const auto w = body.find("window");
  if (w == body.end() || !w->is_number_integer()) return std::nullopt;
  return w->get<int>();
}

/// A ticket the request names by its number ("A001"), for the log lines about it.
std::string ticketNumberIn(const json& body) {
  const auto t = body.find("ticket");
  return t != body.end() && t->is_string() ? t->get<std::string>() : std::string();
}

}  // namespace

RequestHandler::RequestHandler(const ServiceSettings& settings, std::unique_ptr<DurableHall> hall, std::string epoch)
    : settings_(settings),
      durable_(std::move(hall)),
      auditCheckpointer_(settings.auditCheckpoints),
      alarmBook_(std::make_unique<AlarmBook>(durable_->store())),
      bookings_(std::make_unique<BookingDesk>(durable_->store(), settings.booking, settings.ticketTokenKey)),
      epoch_(std::move(epoch)),
      ticketing_(settings.ticketing),
      configuredDevices_(settings.devices),
      diskWatch_(settings.freeSpace, settings.diskAlarmBelowBytes),
      history_(settings.database),
      tokens_(settings.ticketTokenKey) {
  for (const auto& c : settings_.clients) clients_.emplace(c.name, c);
  for (const auto& c : settings_.clerks) clerks_.emplace(c.id, c);
  recallRecentReplies();
}

json RequestHandler::heartbeat() const {
  return json{{"v", kProtocolVersion}, {"seq", durable_->lastSeq()}, {"epoch", epoch_}, {"at", millis(settings_.clock())}};
}

void RequestHandler::beginBatch(core::TimePoint now, bool tickDue) {
  now_ = now;
  resetBatch();
  if (!tickDue) return;
  // The day follows the calendar: a new date closes yesterday and opens today. A day a
  // manager closed early today stays closed.
  const auto& state = durable_->hall().state();
  const core::Date today = core::dateOf(now);
  if (!state.day || *state.day != today) {
    if (state.open) executeSystem(core::cmd::CloseDay{});
    executeSystem(core::cmd::OpenDay{today});
  }
  for (auto& e : durable_->hall().tick(now)) {
    if (auto alarm = alarms_.checkEvent(durable_->hall(), e)) raise(*alarm);  // cases due soon, overdue
    events_.push_back(std::move(e));
  }
  for (const Alarm& a : alarms_.checkWaits(durable_->hall(), now)) raise(a);
  for (const Alarm& a : alarms_.checkIdleWindows(durable_->hall(), now)) raise(a);
  for (const Alarm& a : alarms_.checkQueues(durable_->hall(), now)) raise(a);
  watchDisk();
}

void RequestHandler::raise(const Alarm& alarm) {
  // The journal tells the IT person what the manager's screen tells the manager, with the
  // window, ticket and device as fields (journalctl -u jiujin-dispatcher DEVICE=w1-pad).
  log::Context about{.window = alarm.window, .device = alarm.device};
  if (alarm.ticket) {
    const auto& tickets = durable_->hall().state().tickets;
    if (const auto t = tickets.find(*alarm.ticket); t != tickets.end()) about.ticket = t->second.number;
  }
  const log::Scope scope(about);
  log::warning("dispatcher.alarms", "{}: {}", alarm.kind, alarm.en);
  raised_.push_back(alarm);
}

void RequestHandler::handleRequest(std::vector<zmq::message_t> envelope, std::string_view frame,
                                   std::string_view userId) {
  Pending pending;
  pending.envelope = std::move(envelope);
  AuditRecord audit{now_, settings_.curve ? std::string(userId) : "loopback", "", "", "", json::object(), false, ""};

  auto request = decodeRequest(frame);
  if (!request) {
    pending.id = requestIdOf(frame);
    pending.error = request.error();
    audit.type = "(unreadable)";
    audit.result = request.error().code;
    auditRecords_.push_back(std::move(audit));
    pending_.push_back(std::move(pending));
    return;
  }
  // Every line written while this request is served says which request, window and ticket.
  const log::Scope about({.request = request.value().id, .window = windowIn(request.value().body),
                          .ticket = ticketNumberIn(request.value().body)});
  pending.id = request.value().id;
  pending.type = request.value().type;
  audit.type = request.value().type;
  audit.body = request.value().body;
  if (audit.body.contains("pin")) audit.body["pin"] = "***";
  if (audit.body.contains("token")) audit.body["token"] = "***";  // a resident's QR token is a key
  // A booking's phone number is kept nowhere, the audit record included (docs/booking.md).
  if (const auto phone = audit.body.find("phone"); phone != audit.body.end() && phone->is_string())
    *phone = core::maskPhone(phone->get_ref<const std::string&>());
  maskApplicant(audit.body);

  auto who = identify(request.value(), userId, settings_.curve, clients_);
  if (!who) {
    pending.error = who.error();
    audit.result = who.error().code;
    auditRecords_.push_back(std::move(audit));
    pending_.push_back(std::move(pending));
    return;
  }
  // A manager logged in at this client (manager_login) is the person acting.
  if (who.value().role == Role::Manager || who.value().role == Role::Admin) {
    if (const auto manager = managers_.find(who.value().name); manager != managers_.end())
      who.value().person = manager->second;
  }
  audit.client = who.value().person.empty() ? who.value().name : who.value().name + "/" + who.value().person;
  audit.role = toString(who.value().role);
  if (const auto w = windowIn(request.value().body)) {
    const auto& windows = durable_->hall().state().windows;
    if (const auto it = windows.find(*w); it != windows.end() && it->second.clerk) audit.clerk = *it->second.clerk;
  }
  serve(pending, request.value(), who.value(), audit);
  if (pending.retryOf) {
    setAside_.at(*pending.retryOf).retries.push_back(std::move(pending.envelope));
    return;
  }
  if (pending.setAside) {
    SetAside& item = setAside_.at(*pending.setAside);
    item.who = who.value();
    item.audit = std::move(audit);
    if (!pending.cacheKey.empty()) setAsideByKey_[pending.cacheKey] = *pending.setAside;
    item.pending = std::move(pending);
    return;
  }
  if (!pending.cacheKey.empty() && !pending.ready && !pending.sameAs) batchByKey_.emplace(pending.cacheKey, pending_.size());
  pending_.push_back(std::move(pending));
}

void RequestHandler::serve(Pending& pending, const Request& request, const ClientIdentity& who, AuditRecord& audit) {
  const auto query = serviceRequestFromType(request.type);
  if (answeredBefore(pending, who, query)) return;
  Outcome<json> outcome = query ? serveQuery(pending, *query, request.body, who) : serveCommand(pending, request, who);
  if (pending.setAside) return;  // the audit row is written when its work is done
  if (outcome) {
    pending.result = std::move(outcome).value();
  } else {
    pending.error = outcome.error();
    // A refusal is an ordinary answer (nobody waiting, a wrong PIN): info, with the request's
    // fields, so that `journalctl … WINDOW=2` shows what a window was told.
    log::info("dispatcher.service", "{} refused: {} ({})", request.type, outcome.error().en, outcome.error().code);
  }
  if (query && isQuietRead(*query) && outcome.ok()) return;
  audit.ok = outcome.ok();
  audit.result = outcome.ok() ? "ok" : outcome.error().code;
  auditRecords_.push_back(std::move(audit));
}

Outcome<json> RequestHandler::serveQuery(Pending& pending, ServiceRequest kind, const json& body,
                                         const ClientIdentity& who) {
  if (auto refusal = authorize(who, kind)) return *refusal;
  switch (kind) {
    case ServiceRequest::ReloadConfig:  // its events need the request's place in the batch
      if (auto noFields = refuseAnyField(body, "reload_config")) return *noFields;
      return reloadConfiguration(pending);
    case ServiceRequest::Statistics:  // the history is read off the command thread
      return serveStatistics(pending, body);
    case ServiceRequest::ConfirmClerk:  // the PIN is checked off the command thread
      return serveConfirmClerk(pending, body, who);
    case ServiceRequest::ManagerLogin:  // likewise
      return serveManagerLogin(pending, body, who);
    case ServiceRequest::CheckIn:  // issues a ticket: its events need the request's place in the batch
      return serveCheckIn(pending, body, who);
    case ServiceRequest::ManagerLogout:
      if (auto noFields = refuseAnyField(body, "manager_logout")) return *noFields;
      managers_.erase(who.name);
      return json{{"manager", nullptr}};
    default:
      break;
  }
  const QueryHandler handler = queryHandlerFor(kind);
  if (!handler) return errors::unknownCommand(toString(kind));
  QueryContext context{who,     now_,    durable_->hall(), seqAfterBatch(), epoch_,
                       durable_->store(), *alarmBook_, alarms_, devices_, configuredDevices_,
                       pinThrottle_, clerks_, news_, raised_,  tokens_, *bookings_};
  return handler(body, context);
}

}  // namespace jiujin::service::detail
