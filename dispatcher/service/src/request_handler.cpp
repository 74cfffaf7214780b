#include "request_handler.hpp"

#include "jiujin/base/log.hpp"


#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/protocol/limits.hpp"
#include "jiujin/service/statistics.hpp"
#include "request_bodies.hpp"

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

/// Body keys the codec did not read (it ignores what it does not know; we refuse it), at
/// any depth: "profile.entries[0].wieght". The codec writes every field it reads, so the
/// encoding of what was decoded has every key a client may send.
std::optional<std::string> unknownField(const json& body, const json& decoded, const std::string& path = "") {
  if (body.is_object() && decoded.is_object()) {
    for (const auto& [key, value] : body.items()) {
      const std::string at = path.empty() ? key : path + "." + key;
      const auto known = decoded.find(key);
      if (known == decoded.end()) {
        if (value.is_null()) continue;
        return at;
      }
      if (auto deeper = unknownField(value, *known, at)) return deeper;
    }
  } else if (body.is_array() && decoded.is_array() && body.size() == decoded.size()) {
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (auto deeper = unknownField(body[i], decoded[i], fmt::format("{}[{}]", path, i))) return deeper;
    }
  }
  return std::nullopt;
}

std::optional<int> windowIn(const json& body) {
  const auto w = body.find("window");
  if (w == body.end() || !w->is_number_integer()) return std::nullopt;
  return w->get<int>();
}

}  // namespace

RequestHandler::RequestHandler(const ServiceSettings& settings, std::unique_ptr<DurableHall> hall, std::string epoch)
    : settings_(settings),
      durable_(std::move(hall)),
      auditCheckpointer_(settings.auditCheckpoints),
      alarmBook_(std::make_unique<AlarmBook>(durable_->store())),
      epoch_(std::move(epoch)),
      ticketing_(settings.ticketing),
      configuredDevices_(settings.devices),
      history_(settings.database) {
  for (const auto& c : settings_.clients) clients_.emplace(c.name, c);
  for (const auto& c : settings_.clerks) clerks_.emplace(c.id, c);
  if (auto recent = durable_->store().replies().recent(store::ReplyTable::kKeptReplies); recent.ok()) {
    for (auto& r : recent.value()) replyCache_.remember(r.key, std::move(r.text));
  } else {
    log::error("dispatcher.store", "recent replies cannot be read, retries from before the restart may run again: {}",
               recent.error().message);
  }
}

std::uint64_t RequestHandler::seqAfterBatch() const { return durable_->lastSeq() + events_.size(); }

std::optional<std::pair<std::string, json>> RequestHandler::signAuditHead() {
  const auto& trail = durable_->store().audit();
  auto checkpoint = auditCheckpointer_.signHead(trail.lastRow(), trail.lastHash(), settings_.clock());
  for (const auto& problem : checkpoint.problems) log::error("dispatcher.audit", "{}", problem);
  if (!checkpoint.taken) return std::nullopt;
  return std::pair{std::string("audit.checkpoint"), json{{"v", kProtocolVersion}, {"seq", durable_->lastSeq()},
                                                         {"epoch", epoch_}, {"checkpoint", toJson(*checkpoint.taken)}}};
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
    log::warning("dispatcher.service", "{} refused: {}", protocol::commandType(command), result.error().en);
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
    const auto range = protocol::limits::kWindow;
    // A number beyond int64 reads as negative here, and is refused with the rest.
    if (!window->is_number_integer() || window->get<std::int64_t>() < range.min ||
        window->get<std::int64_t>() > range.max)
      return errors::badRequest(fmt::format("\"as.window\" must be {}", protocol::expectedEn(range)));
    who.windows.insert(static_cast<int>(window->get<std::int64_t>()));
  }
  return who;
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
  pending.id = request.value().id;
  pending.type = request.value().type;
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
  const bool isCommand = !query || !isQuietRead(*query);
  if (isCommand && !pending.id.empty()) {
    pending.cacheKey = who.name + '\n' + pending.id;
    if (const auto checking = setAsideByKey_.find(pending.cacheKey); checking != setAsideByKey_.end()) {
      pending.retryOf = checking->second;  // answered with the first when its work is done
      return;
    }
    if (const auto first = batchByKey_.find(pending.cacheKey); first != batchByKey_.end()) {
      pending.sameAs = first->second;  // not executed again: answered with the first below
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
    else if (auto noFields = *query == ServiceRequest::ReloadConfig ? refuseAnyField(request.body, "reload_config")
                                                                    : std::nullopt)
      outcome = *noFields;
    else if (*query == ServiceRequest::ReloadConfig) outcome = reloadConfiguration(pending);
    else if (*query == ServiceRequest::Statistics) outcome = serveStatistics(pending, request.body);
    else outcome = serveQuery(*query, request.body, who);
  } else {
    outcome = serveCommand(pending, request, who);
  }
  if (pending.setAside) return;  // the audit row is written when its work is done
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
      if (auto refusal = refuseAnyField(body, "hello")) return *refusal;
      return json{{"client", who.name},
                  {"role", toString(who.role)},
                  {"windows", who.windows},
                  {"authenticated", who.authenticated},
                  {"protocol", kProtocolVersion},
                  {"epoch", epoch_},
                  {"hall", hall.definition().name}};
    case ServiceRequest::Ping:
      if (auto refusal = refuseAnyField(body, "ping")) return *refusal;
      return json{{"at", millis(now_)}, {"seq", seqAfterBatch()}, {"epoch", epoch_}};
    case ServiceRequest::Snapshot:
      if (auto refusal = refuseAnyField(body, "snapshot")) return *refusal;
      return snapshot();
    case ServiceRequest::Statistics:
      break;  // served by serve(): the history is read off the command thread
    case ServiceRequest::UnlockClerk:
      return unlockClerk(body);
    case ServiceRequest::Items:
      if (auto refusal = refuseAnyField(body, "items")) return *refusal;
      return itemsWithWaits(hall, now_);
    case ServiceRequest::Estimate: {
      const auto read = readEstimate(body);
      if (!read) return read.error();
      const std::string& item = read.value().item;
      const bool known = std::any_of(hall.definition().items.begin(), hall.definition().items.end(),
                                     [&](const auto& i) { return i.code == item; });
      if (!known) return errors::notFound(fmt::format("item {}", item));
      const auto e = hall.estimateForItem(item, read.value().priority, now_);
      return json{{"people_ahead", e.peopleAhead}, {"wait_s", e.wait.count()}, {"windows_serving", e.windowsServing}};
    }
    case ServiceRequest::TicketStatus: {
      const core::Ticket* found = nullptr;
      const auto read = readTicketStatus(body);
      if (!read) return read.error();
      if (const auto id = read.value().ticket) {
        const auto t = hall.state().tickets.find(*id);
        if (t != hall.state().tickets.end()) found = &t->second;
      } else if (const auto& number = read.value().number) {
        for (const auto& [tid, t] : hall.state().tickets)
          if (t.number == *number) found = &t;
      }
      if (!found) return errors::notFound("ticket");
      const int ahead = hall.estimateForTicket(found->id, now_).value_or(core::WaitEstimate{}).peopleAhead;
      return json{{"ticket", protocol::toJson(*found)}, {"people_ahead", ahead}};
    }
    case ServiceRequest::DeviceReport:
    case ServiceRequest::PrinterStatus: {
      auto device = kind == ServiceRequest::DeviceReport ? deviceReportFromJson(body, configuredDevices_)
                                                         : printerStatusFromJson(body, hall.definition());
      if (!device) return device.error();
      if (auto refusal = devices_.refusal(device.value())) return *refusal;
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
      const auto read = readAuditExport(body);
      if (!read) return read.error();
      const std::int64_t after = read.value().after;
      const std::size_t limit = read.value().limit;
      auto rows = durable_->store().audit().read(after, limit);
      if (!rows) return errors::storageFailed(rows.error().message);
      json list = json::array();
      for (const auto& row : rows.value()) list.push_back(toJson(row));
      json result{{"rows", list}};
      // The hash the first row follows, so that a partial export can be verified on its own.
      if (auto before = durable_->store().audit().hashOf(after); !before) {
        return errors::storageFailed(before.error().message);
      } else {
        result["previous_hash"] = before.value() ? json(*before.value()) : json(nullptr);
      }
      if (read.value().verify) {
        auto verification = durable_->store().audit().verify();
        if (!verification) return errors::storageFailed(verification.error().message);
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

std::string RequestHandler::replyText(Pending& p, std::uint64_t firstSeq) const {
  if (p.ready) return *p.ready;
  if (p.error) return encodeError(p.id, *p.error);
  if (p.eventCount > 0) {
    p.result["seq"] = firstSeq + p.firstEvent + p.eventCount - 1;
    json& events = p.result["events"];
    for (std::size_t i = 0; i < events.size(); ++i) events[i]["seq"] = firstSeq + p.firstEvent + i;
  }
  return encodeResult(p.id, p.result);
}

BatchOutput RequestHandler::commitBatch() {
  BatchOutput out;
  // The seq numbers this batch's events will get: the replies that carry them are written
  // in the same transaction as the events, the audit rows and the raised alarms, so that
  // a change, its audit row and its reply are durable together or not at all.
  const std::uint64_t firstSeq = durable_->lastSeq() + 1;
  bool alarmsRecorded = true;
  if (!raised_.empty()) {
    if (auto recorded = alarmBook_->record(raised_); !recorded) {
      alarmsRecorded = false;
      log::error("dispatcher.alarms", "{}", recorded.error().en);
    }
  }
  std::vector<std::string> texts;
  store::BatchRecords records;
  records.at = now_;
  records.audit = auditRecords_;
  for (Pending& p : pending_) {
    if (p.sameAs && *p.sameAs < texts.size()) {
      texts.push_back(texts[*p.sameAs]);  // byte for byte the first copy's answer
      continue;
    }
    texts.push_back(replyText(p, firstSeq));
    if (!p.ready && !p.cacheKey.empty()) records.replies.push_back(store::StoredReply{p.cacheKey, texts.back()});
  }
  auto committed = alarmsRecorded ? durable_->commit(events_, records)
                                  : Outcome<std::uint64_t>(errors::storageFailed("the batch's alarms were not saved"));
  if (!committed) {
    // Nothing of this batch happened: the hall is back to the journal's state, and every
    // request in the batch is told so (a query's answer may have seen the lost changes).
    durable_->store().abandonBatch();
    log::error("dispatcher.store", "commit failed: {}", committed.error().en);
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      if (!pending_[i].ready) texts[i] = encodeError(pending_[i].id, committed.error());
    }
    // The attempts are still recorded, as failed, in a transaction of their own.
    for (AuditRecord& r : auditRecords_) {
      if (r.ok) r.result = committed.error().code;
      r.ok = false;
    }
    store::BatchRecords failed;
    failed.at = now_;
    failed.audit = auditRecords_;
    if (auto recorded = durable_->commit({}, failed); !recorded)
      log::error("dispatcher.audit", "the failed batch's audit rows were not saved either: {}", recorded.error().en);
    // A rating that was not saved raises no alarm; the others still tell the manager.
    std::erase_if(raised_, [](const Alarm& a) { return a.kind == "bad_rating"; });
    for (Alarm& a : raised_) a.id = 0;
  } else {
    // Signs the chain head when a checkpoint is due (docs/protocol.md, "Audit checkpoints").
    const auto& trail = durable_->store().audit();
    auto checkpoint = auditCheckpointer_.afterAppend(trail.lastRow(), trail.lastHash(), now_);
    for (const auto& problem : checkpoint.problems) log::error("dispatcher.audit", "{}", problem);
    if (checkpoint.taken) news_.emplace_back("audit.checkpoint", json{{"checkpoint", toJson(*checkpoint.taken)}});
    for (std::size_t i = 0; i < events_.size(); ++i) {
      out.publications.emplace_back(protocol::eventType(events_[i]),
                                    json{{"v", kProtocolVersion},
                                         {"seq", firstSeq + i},
                                         {"epoch", epoch_},
                                         {"event", protocol::toJson(events_[i])}});
    }
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      replyCache_.remember(pending_[i].cacheKey, texts[i]);
      if (!settings_.crashBeforeReplyTo.empty() && pending_[i].type == settings_.crashBeforeReplyTo)
        out.crashBeforeReply = true;
    }
  }
  for (const Alarm& a : raised_) news_.emplace_back("alarm." + a.kind, json{{"alarm", toJson(a)}});
  const std::uint64_t lastSeq = durable_->lastSeq();
  for (auto& [topic, body] : news_) {
    body["v"] = kProtocolVersion;
    body["seq"] = lastSeq;
    body["epoch"] = epoch_;
    out.publications.emplace_back(topic, std::move(body));
  }
  for (std::size_t i = 0; i < pending_.size(); ++i)
    out.replies.push_back(OutgoingReply{std::move(pending_[i].envelope), std::move(texts[i])});
  resetBatch();
  return out;
}

void RequestHandler::resetBatch() {
  events_.clear();
  pending_.clear();
  batchByKey_.clear();
  auditRecords_.clear();
  news_.clear();
  raised_.clear();
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
    log::error("dispatcher.alarms", "{}", alarms.error().en);
    return list;
  }
  for (const Alarm& a : alarms.value()) list.push_back(toJson(a));
  return list;
}

Outcome<json> RequestHandler::acknowledgeAlarm(const json& body, const ClientIdentity& who) {
  const auto id = readAlarmAcknowledgement(body);
  if (!id) return id.error();
  auto alarm = alarmBook_->acknowledge(id.value(), now_, who.name);
  if (!alarm) return alarm.error();
  json a = toJson(alarm.value());
  news_.emplace_back("alarm.updated", json{{"alarm", a}});
  return json{{"alarm", std::move(a)}};
}

Outcome<json> RequestHandler::closeFollowUp(const json& body, const ClientIdentity& who) {
  const auto read = readFollowUp(body);
  if (!read) return read.error();
  auto alarm = alarmBook_->closeFollowUp(read.value().alarm, read.value().note, now_, who.name);
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
  configuredDevices_ = std::move(next.devices);
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
    log::warning("dispatcher.config", "reload refused, the hall keeps its configuration: {}", outcome.error().en);
  } else {
    log::notice("dispatcher.config", "reloaded ({}, {} clerks)",
                outcome.value()["definition_changed"].get<bool>() ? "definition changed" : "definition unchanged",
                clerks_.size());
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
    log::warning("dispatcher.config", "the hall file changed but cannot be applied now, running with the journal's definition: {}", result.error().en);
    Alarm a{.kind = "config_not_applied", .at = now_,
            .zh = fmt::format("大厅配置已修改但暂不能生效：{}", result.error().zh),
            .en = fmt::format("the edited hall file cannot be applied yet: {}", result.error().en)};
    raise(a);
    return;
  }
  log::notice("dispatcher.config", "the hall file changed since the last run; its definition is now in force");
  for (auto& e : result.value()) events_.push_back(std::move(e));
}

}  // namespace jiujin::service::detail
