#include "request_handler.hpp"

#include <iostream>

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/statistics.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

long long millis(core::TimePoint t) { return t.time_since_epoch().count(); }

/// Requests that only read and succeed are not worth a row in the audit record.
bool isQuietRead(ServiceRequest r) {
  switch (r) {
    case ServiceRequest::Hello:
    case ServiceRequest::Ping:
    case ServiceRequest::Snapshot:
    case ServiceRequest::TicketStatus:
    case ServiceRequest::Items:
    case ServiceRequest::Estimate:
    case ServiceRequest::Statistics:
      return true;
    default:
      return false;
  }
}

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

/// Body keys the codec did not read (it ignores what it does not know; we refuse it).
std::optional<std::string> unknownField(const json& body, const json& decoded) {
  for (const auto& [key, value] : body.items()) {
    if (!decoded.contains(key) && !value.is_null()) return key;
  }
  return std::nullopt;
}

std::optional<int> windowIn(const json& body) {
  const auto w = body.find("window");
  if (w == body.end() || !w->is_number_integer()) return std::nullopt;
  return w->get<int>();
}

}  // namespace

RequestHandler::RequestHandler(const ServiceSettings& settings, std::unique_ptr<DurableHall> hall,
                               std::unique_ptr<AuditLog> audit, std::unique_ptr<AlarmBook> alarms, std::string epoch)
    : settings_(settings),
      durable_(std::move(hall)),
      audit_(std::move(audit)),
      auditCheckpointer_(settings.auditCheckpoints),
      alarmBook_(std::move(alarms)),
      epoch_(std::move(epoch)),
      ticketing_(settings.ticketing),
      pinVerifier_(settings.verifyPin) {
  for (const auto& c : settings_.clients) clients_.emplace(c.name, c);
  for (const auto& c : settings_.clerks) clerks_.emplace(c.id, c);
}

std::uint64_t RequestHandler::seqAfterBatch() const { return durable_->lastSeq() + events_.size(); }

std::optional<std::pair<std::string, json>> RequestHandler::signAuditHead() {
  auto checkpoint = auditCheckpointer_.signHead(audit_->lastRow(), audit_->lastHash(), settings_.clock());
  for (const auto& problem : checkpoint.problems) std::cerr << "dispatcher.audit: " << problem << '\n';
  if (!checkpoint.taken) return std::nullopt;
  return std::pair{std::string("audit.checkpoint"), json{{"v", kProtocolVersion}, {"seq", durable_->lastSeq()},
                                                         {"epoch", epoch_}, {"checkpoint", toJson(*checkpoint.taken)}}};
}

json RequestHandler::heartbeat() const {
  return json{{"v", kProtocolVersion}, {"seq", durable_->lastSeq()}, {"epoch", epoch_}, {"at", millis(settings_.clock())}};
}

void RequestHandler::beginBatch(core::TimePoint now, bool tickDue) {
  now_ = now;
  events_.clear();
  pending_.clear();
  auditRecords_.clear();
  news_.clear();
  raised_.clear();
  if (!tickDue) return;
  // The day follows the calendar: a new date closes yesterday and opens today. A day a
  // manager closed early today stays closed.
  const auto& state = durable_->hall().state();
  const core::Date today = core::dateOf(now);
  if (!state.day || *state.day != today) {
    if (state.open) executeSystem(core::cmd::CloseDay{});
    executeSystem(core::cmd::OpenDay{today});
  }
  for (auto& e : durable_->hall().tick(now)) events_.push_back(std::move(e));
  for (const Alarm& a : alarms_.checkWaits(durable_->hall(), now)) raise(a);
  for (const Alarm& a : alarms_.checkIdleWindows(durable_->hall(), now)) raise(a);
  for (const Alarm& a : alarms_.checkQueues(durable_->hall(), now)) raise(a);
}

void RequestHandler::executeSystem(const core::Command& command) {
  auto result = durable_->hall().execute(command, now_);
  AuditRecord record{now_, "dispatcher", "system", "", protocol::commandType(command), protocol::toJson(command),
                     result.ok(), result.ok() ? "ok" : core::toString(result.error().code)};
  record.body.erase("type");
  auditRecords_.push_back(std::move(record));
  if (!result) {
    std::cerr << "dispatcher.service: " << protocol::commandType(command) << " refused: " << result.error().en << '\n';
    return;
  }
  for (auto& e : result.value()) events_.push_back(std::move(e));
}

void RequestHandler::raise(const Alarm& alarm) { raised_.push_back(alarm); }

Outcome<ClientIdentity> RequestHandler::identify(const Request& request, std::string_view userId) const {
  if (settings_.curve) {
    const auto client = clients_.find(std::string(userId));
    if (client == clients_.end()) return errors::forbidden("unknown client");
    return ClientIdentity{client->second.name, client->second.role, client->second.windows, true};
  }
  if (request.as.is_null()) return ClientIdentity{"loopback:anonymous", Role::Display, {}, false};
  const json& as = request.as;
  for (const auto& [key, value] : as.items()) {
    if (key != "role" && key != "window" && key != "name")
      return errors::badRequest(fmt::format("unknown field \"as.{}\"", key));
  }
  const auto role = as.find("role");
  if (role == as.end() || !role->is_string()) return errors::badRequest("\"as.role\" must be a string");
  const auto parsed = roleFromString(role->get<std::string>());
  if (!parsed) return errors::badRequest(fmt::format("unknown role \"{}\"", role->get<std::string>()));
  ClientIdentity who{"loopback:", *parsed, {}, false};
  if (const auto name = as.find("name"); name != as.end()) {
    if (!name->is_string() || name->get_ref<const std::string&>().size() > 64)
      return errors::badRequest("\"as.name\" must be a string of at most 64 bytes");
    who.name += name->get<std::string>();
  }
  if (const auto window = as.find("window"); window != as.end()) {
    if (!window->is_number_integer()) return errors::badRequest("\"as.window\" must be an integer");
    who.windows.insert(window->get<int>());
  }
  return who;
}

void RequestHandler::handle(std::vector<zmq::message_t> envelope, std::string_view frame, std::string_view userId) {
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
  pending.id = request.value().id;
  audit.type = request.value().type;
  audit.body = request.value().body;
  if (audit.body.contains("pin")) audit.body["pin"] = "***";

  auto who = identify(request.value(), userId);
  if (!who) {
    pending.error = who.error();
    audit.result = who.error().code;
    auditRecords_.push_back(std::move(audit));
    pending_.push_back(std::move(pending));
    return;
  }
  audit.client = who.value().name;
  audit.role = toString(who.value().role);
  if (const auto w = windowIn(request.value().body)) {
    const auto& windows = durable_->hall().state().windows;
    if (const auto it = windows.find(*w); it != windows.end() && it->second.clerk) audit.clerk = *it->second.clerk;
  }
  serve(pending, request.value(), who.value(), audit);
  if (pending.retryOf) {
    logins_.at(*pending.retryOf).retries.push_back(std::move(pending.envelope));
    return;
  }
  if (pending.pinCheck) {
    PendingLogin& login = logins_.at(*pending.pinCheck);
    login.who = who.value();
    login.audit = std::move(audit);
    if (!pending.cacheKey.empty()) loginsByKey_[pending.cacheKey] = *pending.pinCheck;
    login.pending = std::move(pending);
    return;
  }
  pending_.push_back(std::move(pending));
}

void RequestHandler::serve(Pending& pending, const Request& request, const ClientIdentity& who, AuditRecord& audit) {
  const auto query = serviceRequestFromType(request.type);
  const bool isCommand = !query || !isQuietRead(*query);
  if (isCommand && !pending.id.empty()) {
    pending.cacheKey = who.name + '\n' + pending.id;
    if (const auto checking = loginsByKey_.find(pending.cacheKey); checking != loginsByKey_.end()) {
      pending.retryOf = checking->second;  // answered with the first when its PIN check is done
      return;
    }
    if (const std::string* cached = replyCache_.find(pending.cacheKey)) {
      pending.ready = *cached;  // a retry: the same answer, nothing executed again
      return;
    }
  }
  Outcome<json> outcome = json();
  if (query) {
    if (auto refusal = authorize(who, *query)) outcome = *refusal;
    else if (*query == ServiceRequest::ReloadConfig && !request.body.empty())
      outcome = errors::invalidArgument("reload_config takes no fields");
    else if (*query == ServiceRequest::ReloadConfig) outcome = reloadConfiguration(pending);
    else outcome = serveQuery(*query, request.body, who);
  } else {
    outcome = serveCommand(pending, request, who);
  }
  if (pending.pinCheck) return;  // the audit row is written when the check is done
  if (outcome) {
    pending.result = std::move(outcome).value();
  } else {
    pending.error = outcome.error();
  }
  if (query && isQuietRead(*query) && outcome.ok()) return;
  audit.ok = outcome.ok();
  audit.result = outcome.ok() ? "ok" : outcome.error().code;
  auditRecords_.push_back(std::move(audit));
}

Outcome<std::uint64_t> RequestHandler::submitPinCheck(const json& body) {
  const auto pin = body.find("pin");
  if (pin == body.end() || !pin->is_string()) return errors::invalidArgument("\"pin\" is required");
  const auto clerkField = body.find("clerk");
  if (clerkField == body.end() || !clerkField->is_string()) return errors::invalidArgument("\"clerk\" is required");
  if (!settings_.verifyPin) return errors::wrongPin();
  const auto clerk = clerks_.find(clerkField->get<std::string>());
  if (clerk != clerks_.end()) return pinVerifier_.submit(clerk->second.pinHash, pin->get<std::string>());
  if (clerks_.empty()) return errors::unknownClerk(clerkField->get<std::string>());
  return pinVerifier_.submit(clerks_.begin()->second.pinHash, pin->get<std::string>(), /*decoy=*/true);
}

Outcome<json> RequestHandler::finishLogin(PendingLogin& login, bool pinMatches) {
  if (!pinMatches) return errors::wrongPin();
  const auto& command = std::get<core::cmd::ClerkLogin>(login.command);
  const auto clerk = clerks_.find(command.clerk);
  // A reload while the PIN was checked may have removed the clerk.
  if (clerk == clerks_.end()) return errors::wrongPin();
  if (!clerk->second.allowedWindows.empty() && !clerk->second.allowedWindows.contains(command.window))
    return errors::clerkNotAllowedHere(clerk->first, command.window);
  // The hall may have moved on while the PIN was checked: ask again.
  if (auto refusal = authorize(login.who, login.command, durable_->hall().state())) return *refusal;
  return executeCommand(login.pending, login.command);
}

void RequestHandler::finishLogins() {
  for (const PinVerifier::Answer& answer : pinVerifier_.takeAnswers()) {
    const auto found = logins_.find(answer.job);
    if (found == logins_.end()) continue;
    PendingLogin login = std::move(found->second);
    logins_.erase(found);
    loginsByKey_.erase(login.pending.cacheKey);
    login.audit.at = now_;
    auto outcome = finishLogin(login, answer.matches);
    login.audit.ok = outcome.ok();
    login.audit.result = outcome.ok() ? "ok" : outcome.error().code;
    if (const auto& w = std::get<core::cmd::ClerkLogin>(login.command); outcome.ok()) login.audit.clerk = w.clerk;
    auditRecords_.push_back(std::move(login.audit));
    Pending& first = login.pending;
    if (outcome) first.result = std::move(outcome).value();
    else first.error = outcome.error();
    for (auto& envelope : login.retries) {
      Pending retry;
      retry.envelope = std::move(envelope);
      retry.id = first.id;
      retry.error = first.error;
      retry.result = first.result;
      retry.firstEvent = first.firstEvent;
      retry.eventCount = first.eventCount;
      pending_.push_back(std::move(retry));
    }
    pending_.push_back(std::move(first));
  }
}

Outcome<json> RequestHandler::serveCommand(Pending& pending, const Request& request, const ClientIdentity& who) {
  json commandJson = request.body;
  const bool login = request.type == protocol::commandType(core::cmd::ClerkLogin{});
  if (login) commandJson.erase("pin");
  commandJson["type"] = request.type;
  auto command = protocol::commandFromJson(commandJson);
  if (!command) {
    if (command.error().en.find(".type") != std::string::npos) return errors::unknownCommand(request.type);
    return fromCoreError(command.error());
  }
  if (const auto unknown = unknownField(commandJson, protocol::toJson(command.value())))
    return errors::invalidArgument(fmt::format("unknown field \"{}\" for {}", *unknown, request.type));
  if (auto refusal = authorize(who, command.value(), durable_->hall().state())) return *refusal;
  if (auto refusal = checkTicketingHours(command.value(), who)) return *refusal;
  // The PIN is checked after the role (a console may only try PINs at its own window), on the
  // verifier's thread: the login is set aside and answered in a later batch.
  if (login) {
    auto check = submitPinCheck(request.body);
    if (!check) return check.error();
    pending.pinCheck = check.value();
    logins_[check.value()].command = command.value();
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
        const auto e = hall.estimateForQueue(ticket.queue, now_);
        return json{{"ticket", protocol::toJson(ticket)}, {"people_ahead", e.peopleAhead},
                    {"wait_s", e.wait.count()}, {"events", json::array()}, {"repeated", true}};
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
  for (auto& e : executed.value()) {
    events.push_back(protocol::toJson(e));
    if (!ticket) ticket = ticketOf(e);
    if (auto alarm = alarms_.checkEvent(hall, e)) raise(*alarm);
    events_.push_back(std::move(e));
  }
  result["events"] = std::move(events);
  if (ticket) {
    if (const auto t = hall.state().tickets.find(*ticket); t != hall.state().tickets.end())
      result["ticket"] = protocol::toJson(t->second);
  }
  return result;
}

void RequestHandler::reportDevice(const DeviceHealth& device, bool& changed) {
  const auto previous = devices_.report(device);
  changed = previous.has_value();
  if (!changed) return;
  // The table's record, with the fault count the dispatcher keeps.
  const DeviceHealth& recorded = devices_.devices().at(device.id);
  news_.emplace_back("device." + recorded.status, json{{"device", toJson(recorded)}});
  if (auto alarm = alarms_.checkDevice(recorded)) raise(*alarm);
}

json RequestHandler::snapshot() const {
  const core::Hall& hall = durable_->hall();
  return json{{"seq", seqAfterBatch()},
              {"epoch", epoch_},
              {"at", millis(now_)},
              {"definition", protocol::toJson(hall.definition())},
              {"state", protocol::toJson(hall.state())},
              {"devices", devices_.toJson()},
              {"alarms", currentAlarms()}};
}

Outcome<json> RequestHandler::serveQuery(ServiceRequest kind, const json& body, const ClientIdentity& who) {
  const core::Hall& hall = durable_->hall();
  switch (kind) {
    case ServiceRequest::Hello:
      return json{{"client", who.name},
                  {"role", toString(who.role)},
                  {"windows", who.windows},
                  {"authenticated", who.authenticated},
                  {"protocol", kProtocolVersion},
                  {"epoch", epoch_},
                  {"hall", hall.definition().name}};
    case ServiceRequest::Ping:
      return json{{"at", millis(now_)}, {"seq", seqAfterBatch()}, {"epoch", epoch_}};
    case ServiceRequest::Snapshot:
      return snapshot();
    case ServiceRequest::Statistics: {
      // The live figures from the hall, plus the period's figures from the durable history.
      auto period = figurePeriodFromJson(body, core::dateOf(now_));
      if (!period) return period.error();
      json result = statistics(hall, now_);
      auto figures = periodFigures(settings_.database, period.value(), hall.definition(), now_);
      if (!figures) return figures.error();
      result["figures"] = std::move(figures).value();
      return result;
    }
    case ServiceRequest::Items:
      return itemsWithWaits(hall, now_);
    case ServiceRequest::Estimate: {
      const auto item = body.find("item");
      if (item == body.end() || !item->is_string()) return errors::invalidArgument("\"item\" is required");
      core::PriorityClass priority = core::PriorityClass::Normal;
      if (const auto p = body.find("priority"); p != body.end()) {
        const auto parsed = p->is_string() ? core::parsePriorityClass(p->get<std::string>()) : std::nullopt;
        if (!parsed) return errors::invalidArgument("\"priority\" is not a priority class");
        priority = *parsed;
      }
      const bool known = std::any_of(hall.definition().items.begin(), hall.definition().items.end(),
                                     [&](const auto& i) { return i.code == item->get<std::string>(); });
      if (!known) return errors::notFound(fmt::format("item {}", item->get<std::string>()));
      const auto e = hall.estimateForItem(item->get<std::string>(), priority, now_);
      return json{{"people_ahead", e.peopleAhead}, {"wait_s", e.wait.count()}, {"windows_serving", e.windowsServing}};
    }
    case ServiceRequest::TicketStatus: {
      const core::Ticket* found = nullptr;
      if (const auto id = body.find("ticket"); id != body.end() && id->is_number_unsigned()) {
        const auto t = hall.state().tickets.find(id->get<core::TicketId>());
        if (t != hall.state().tickets.end()) found = &t->second;
      } else if (const auto number = body.find("number"); number != body.end() && number->is_string()) {
        for (const auto& [tid, t] : hall.state().tickets)
          if (t.number == number->get<std::string>()) found = &t;
      } else {
        return errors::invalidArgument("give \"ticket\" (an id) or \"number\" (e.g. \"A001\")");
      }
      if (!found) return errors::notFound("ticket");
      int ahead = 0;
      if (found->state == core::TicketState::Waiting) {
        for (const auto& [tid, t] : hall.state().tickets)
          if (t.queue == found->queue && t.state == core::TicketState::Waiting && t.arrivalAt < found->arrivalAt) ++ahead;
      }
      return json{{"ticket", protocol::toJson(*found)}, {"people_ahead", ahead}};
    }
    case ServiceRequest::DeviceReport:
    case ServiceRequest::PrinterStatus: {
      auto device = kind == ServiceRequest::DeviceReport ? deviceReportFromJson(body) : printerStatusFromJson(body);
      if (!device) return device.error();
      if (who.role == Role::Devices && device.value().window && !who.windows.empty() &&
          !who.windows.contains(*device.value().window))
        return errors::forbidden(fmt::format("window {} is not on this gateway's buses", *device.value().window));
      device.value().since = now_;
      device.value().reportedBy = who.name;
      bool changed = false;
      reportDevice(device.value(), changed);
      return json{{"changed", changed}};
    }
    case ServiceRequest::AcknowledgeAlarm:
      return acknowledgeAlarm(body, who);
    case ServiceRequest::CloseFollowUp:
      return closeFollowUp(body, who);
    case ServiceRequest::ReloadConfig:
      break;  // served by serve(): its events need the request's place in the batch
    case ServiceRequest::AuditExport: {
      const std::int64_t after = body.value("after", std::int64_t{0});
      const std::size_t limit = std::min<std::size_t>(body.value("limit", std::size_t{1000}), 5000);
      auto rows = audit_->read(after, limit);
      if (!rows) return rows.error();
      json list = json::array();
      for (const auto& row : rows.value()) list.push_back(toJson(row));
      json result{{"rows", list}};
      // The hash the first row follows, so that a partial export can be verified on its own.
      result["previous_hash"] = after <= 0 ? json(kAuditGenesisHash) : json(nullptr);
      if (after > 0) {
        auto before = audit_->read(after - 1, 1);
        if (!before) return before.error();
        if (!before.value().empty() && before.value().front().row == after)
          result["previous_hash"] = before.value().front().hash;
      }
      if (body.value("verify", false)) {
        auto verification = audit_->verify();
        if (!verification) return verification.error();
        result["verification"] = json{{"intact", verification.value().intact()},
                                       {"rows_checked", verification.value().rowsChecked},
                                       {"problem", verification.value().problem}};
        if (verification.value().firstBadRow) result["verification"]["first_bad_row"] = *verification.value().firstBadRow;
      }
      return result;
    }
  }
  return errors::unknownCommand(toString(kind));
}

BatchOutput RequestHandler::commitBatch() {
  BatchOutput out;
  std::uint64_t firstSeq = durable_->lastSeq() + 1;
  bool committed = true;
  if (!events_.empty()) {
    auto first = durable_->commit(events_);
    if (!first) {
      // Nothing of this batch happened: the hall is back to the journal's state, and every
      // request in the batch is told so (a query's answer may have seen the lost changes).
      committed = false;
      std::cerr << "dispatcher.store: commit failed: " << first.error().en << '\n';
      for (Pending& p : pending_) {
        if (p.ready) continue;
        p.error = first.error();
      }
      for (AuditRecord& r : auditRecords_) {
        if (r.ok) r.result = first.error().code;
        r.ok = false;
      }
      // A rating that was not saved raises no alarm.
      std::erase_if(raised_, [](const Alarm& a) { return a.kind == "bad_rating"; });
    } else {
      firstSeq = first.value();
    }
  }
  if (!auditRecords_.empty()) {
    if (auto appended = audit_->append(auditRecords_); !appended)
      std::cerr << "dispatcher.audit: " << appended.error().en << '\n';
  }
  // Signs the chain head when a checkpoint is due (docs/protocol.md, "Audit checkpoints").
  auto checkpoint = auditCheckpointer_.afterAppend(audit_->lastRow(), audit_->lastHash(), now_);
  for (const auto& problem : checkpoint.problems) std::cerr << "dispatcher.audit: " << problem << '\n';
  if (checkpoint.taken) news_.emplace_back("audit.checkpoint", json{{"checkpoint", toJson(*checkpoint.taken)}});
  if (committed) {
    for (std::size_t i = 0; i < events_.size(); ++i) {
      out.publications.emplace_back(protocol::eventType(events_[i]),
                                    json{{"v", kProtocolVersion},
                                         {"seq", firstSeq + i},
                                         {"epoch", epoch_},
                                         {"event", protocol::toJson(events_[i])}});
    }
  }
  if (!raised_.empty()) {
    // Recorded after the events they follow from; a failed write still tells the manager.
    if (auto recorded = alarmBook_->record(raised_); !recorded)
      std::cerr << "dispatcher.alarms: " << recorded.error().en << '\n';
    for (const Alarm& a : raised_) news_.emplace_back("alarm." + a.kind, json{{"alarm", toJson(a)}});
  }
  const std::uint64_t lastSeq = durable_->lastSeq();
  for (auto& [topic, body] : news_) {
    body["v"] = kProtocolVersion;
    body["seq"] = lastSeq;
    body["epoch"] = epoch_;
    out.publications.emplace_back(topic, std::move(body));
  }
  for (Pending& p : pending_) {
    OutgoingReply reply;
    reply.envelope = std::move(p.envelope);
    if (p.ready) {
      reply.text = std::move(*p.ready);
    } else if (p.error) {
      reply.text = encodeError(p.id, *p.error);
    } else {
      if (p.eventCount > 0) {
        p.result["seq"] = firstSeq + p.firstEvent + p.eventCount - 1;
        json& events = p.result["events"];
        for (std::size_t i = 0; i < events.size(); ++i) events[i]["seq"] = firstSeq + p.firstEvent + i;
      }
      reply.text = encodeResult(p.id, p.result);
    }
    if (committed) replyCache_.remember(p.cacheKey, reply.text);
    out.replies.push_back(std::move(reply));
  }
  events_.clear();
  pending_.clear();
  auditRecords_.clear();
  news_.clear();
  raised_.clear();
  return out;
}

std::optional<ServiceError> RequestHandler::checkTicketingHours(const core::Command& command,
                                                                const ClientIdentity& who) const {
  const auto* issue = std::get_if<core::cmd::IssueTicket>(&command);
  // A manager may still issue a ticket after hours (a resident let in at closing time).
  if (!issue || !ticketing_ || who.role == Role::Manager || who.role == Role::Admin) return std::nullopt;
  const Ticketing now = ticketing_(now_);
  switch (now.kind) {
    case Ticketing::Kind::Open:
      return std::nullopt;
    case Ticketing::Kind::AppointmentsOnly:
      if (issue->appointmentSlot) return std::nullopt;
      return ServiceError{"appointments_only", fmt::format("本时段仅接待预约群众。{}", now.zh),
                          fmt::format("this session is for residents with an appointment only ({})", now.en)};
    case Ticketing::Kind::Closed:
      break;
  }
  return ServiceError{"outside_hours", fmt::format("现在不是办理时间，暂停取号。{}", now.zh),
                      fmt::format("the hall is not open for tickets now ({})", now.en)};
}

json RequestHandler::currentAlarms() const {
  const auto today = core::TimePoint{std::chrono::floor<std::chrono::days>(now_)};
  auto alarms = alarmBook_->current(today);
  json list = json::array();
  if (!alarms) {
    std::cerr << "dispatcher.alarms: " << alarms.error().en << '\n';
    return list;
  }
  for (const Alarm& a : alarms.value()) list.push_back(toJson(a));
  return list;
}

namespace {
Outcome<std::int64_t> alarmIdIn(const json& body, std::initializer_list<const char*> allowed) {
  for (const auto& [key, value] : body.items()) {
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
      return errors::invalidArgument(fmt::format("unknown field \"{}\"", key));
  }
  const auto id = body.find("alarm");
  if (id == body.end() || !id->is_number_integer() || id->get<std::int64_t>() <= 0)
    return errors::invalidArgument("\"alarm\" must be an alarm id");
  return id->get<std::int64_t>();
}
}  // namespace

Outcome<json> RequestHandler::acknowledgeAlarm(const json& body, const ClientIdentity& who) {
  const auto id = alarmIdIn(body, {"alarm"});
  if (!id) return id.error();
  auto alarm = alarmBook_->acknowledge(id.value(), now_, who.name);
  if (!alarm) return alarm.error();
  json a = toJson(alarm.value());
  news_.emplace_back("alarm.updated", json{{"alarm", a}});
  return json{{"alarm", std::move(a)}};
}

Outcome<json> RequestHandler::closeFollowUp(const json& body, const ClientIdentity& who) {
  const auto id = alarmIdIn(body, {"alarm", "note"});
  if (!id) return id.error();
  const auto note = body.find("note");
  if (note == body.end() || !note->is_string()) return errors::invalidArgument("\"note\" is required");
  auto alarm = alarmBook_->closeFollowUp(id.value(), note->get<std::string>(), now_, who.name);
  if (!alarm) return alarm.error();
  json a = toJson(alarm.value());
  news_.emplace_back("alarm.updated", json{{"alarm", a}});
  return json{{"alarm", std::move(a)}};
}

Outcome<json> RequestHandler::reloadConfiguration(Pending& pending) {
  if (!settings_.reload)
    return ServiceError{"reload_unavailable", "本调度服务未配置大厅文件，无法重新加载",
                        "this dispatcher was started without a hall file to reload"};
  auto loaded = settings_.reload();
  if (!loaded) return loaded.error();  // the running hall keeps its configuration
  ReloadedHall& next = loaded.value();
  json result{{"definition_changed", false}, {"events", json::array()}};
  if (next.definition != durable_->hall().definition()) {
    // All or nothing: the core checks the new definition against the waiting tickets and
    // open windows; a refusal leaves everything as it was.
    auto executed = executeCommand(pending, core::cmd::UpdateDefinition{next.definition});
    if (!executed) return executed.error();
    result = std::move(executed).value();
    result["definition_changed"] = true;
  }
  clerks_.clear();
  for (auto& c : next.clerks) clerks_.emplace(c.id, std::move(c));
  ticketing_ = std::move(next.ticketing);
  result["clerks"] = clerks_.size();
  std::vector<ClientEntry> running;
  for (const auto& [name, c] : clients_) running.push_back(c);
  std::sort(next.clients.begin(), next.clients.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  result["restart_needed"] = running == next.clients ? json::array() : json::array({"clients"});
  return result;
}

void RequestHandler::reloadFor(const std::string& who) {
  Pending pending;
  AuditRecord audit{now_, who, "admin", "", "reload_config", json::object(), false, ""};
  auto outcome = reloadConfiguration(pending);
  audit.ok = outcome.ok();
  audit.result = outcome.ok() ? "ok" : outcome.error().code;
  auditRecords_.push_back(std::move(audit));
  if (!outcome) {
    std::cerr << "dispatcher.config: reload refused, the hall keeps its configuration: " << outcome.error().en << '\n';
  } else {
    std::cerr << "dispatcher.config: reloaded (" << (outcome.value()["definition_changed"].get<bool>() ? "definition changed" : "definition unchanged")
              << ", " << clerks_.size() << " clerks)\n";
  }
}

void RequestHandler::adoptConfiguredDefinition() {
  if (settings_.definition == durable_->hall().definition()) return;
  auto result = durable_->hall().execute(core::cmd::UpdateDefinition{settings_.definition}, now_);
  AuditRecord audit{now_, "dispatcher", "system", "", "update_definition", json{{"reason", "hall file changed"}},
                    result.ok(), result.ok() ? "ok" : core::toString(result.error().code)};
  auditRecords_.push_back(std::move(audit));
  if (!result) {
    // Starting with the journal's definition keeps every ticket; the manager is told why.
    std::cerr << "dispatcher.config: the hall file changed but cannot be applied now, running with the "
                 "journal's definition: " << result.error().en << '\n';
    Alarm a{.kind = "config_not_applied", .at = now_,
            .zh = fmt::format("大厅配置已修改但暂不能生效：{}", result.error().zh),
            .en = fmt::format("the edited hall file cannot be applied yet: {}", result.error().en)};
    raise(a);
    return;
  }
  std::cerr << "dispatcher.config: the hall file changed since the last run; its definition is now in force\n";
  for (auto& e : result.value()) events_.push_back(std::move(e));
}

}  // namespace jiujin::service::detail
