// Queries that read the hall: who am I, ping, the snapshot, the kiosk's item list, an
// estimate, one ticket. They change nothing.
#include <algorithm>

#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/statistics.hpp"
#include "queries.hpp"
#include "request_bodies.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

long long millis(core::TimePoint t) { return t.time_since_epoch().count(); }

/// Today's alarms; a failed read is logged and leaves the list empty (the snapshot still goes).
json currentAlarms(const QueryContext& c) {
  const auto today = core::TimePoint{std::chrono::floor<std::chrono::days>(c.now)};
  auto alarms = c.alarmBook.current(today);
  json list = json::array();
  if (!alarms) {
    log::error("dispatcher.alarms", "{}", alarms.error().en);
    return list;
  }
  for (const Alarm& a : alarms.value()) list.push_back(toJson(a));
  return list;
}

}  // namespace

Outcome<json> serveHello(const json& body, QueryContext& c) {
  if (auto refusal = refuseAnyField(body, "hello")) return *refusal;
  return json{{"client", c.who.name},
              {"role", toString(c.who.role)},
              {"windows", c.who.windows},
              {"authenticated", c.who.authenticated},
              {"protocol", kProtocolVersion},
              {"epoch", c.epoch},
              {"hall", c.hall.definition().name},
              // The manager logged in at this client (manager_login), else null.
              {"manager", c.who.person.empty() ? json(nullptr) : json(c.who.person)}};
}

Outcome<json> servePing(const json& body, QueryContext& c) {
  if (auto refusal = refuseAnyField(body, "ping")) return *refusal;
  return json{{"at", millis(c.now)}, {"seq", c.seq}, {"epoch", c.epoch}};
}

Outcome<json> serveSnapshot(const json& body, QueryContext& c) {
  if (auto refusal = refuseAnyField(body, "snapshot")) return *refusal;
  return json{{"seq", c.seq},
              {"epoch", c.epoch},
              {"at", millis(c.now)},
              {"definition", protocol::toJson(c.hall.definition())},
              // Every client may ask: the applicants' personal data masked (core/case_privacy.hpp).
              {"state", protocol::toJson(core::withoutPersonalData(c.hall.state()))},
              {"devices", c.devices.toJson()},
              {"alarms", currentAlarms(c)}};
}

Outcome<json> serveItems(const json& body, QueryContext& c) {
  if (auto refusal = refuseAnyField(body, "items")) return *refusal;
  return itemsWithWaits(c.hall, c.now);
}

Outcome<json> serveEstimate(const json& body, QueryContext& c) {
  const auto read = readEstimate(body);
  if (!read) return read.error();
  const std::string& item = read.value().item;
  const auto& items = c.hall.definition().items;
  const bool known = std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.code == item; });
  if (!known) return errors::notFound(fmt::format("item {}", item));
  const auto e = c.hall.estimateForItem(item, read.value().priority, c.now);
  return json{{"people_ahead", e.peopleAhead}, {"wait_s", e.wait.count()}, {"windows_serving", e.windowsServing}};
}

const core::Ticket* ticketOfToken(const core::Hall& hall, const TicketTokens& tokens, std::string_view token) {
  // Honoured for a ticket of the hall's current day only: a token expires with its day.
  const auto& tickets = hall.state().tickets;
  const auto named = TicketTokens::ticketNamed(token);
  const auto t = named ? tickets.find(*named) : tickets.end();
  const auto& day = hall.state().day;
  if (t != tickets.end() && day && core::dateOf(t->second.issuedAt) == *day && tokens.matches(token, t->second.id, *day))
    return &t->second;
  return nullptr;
}

Outcome<json> serveTicketStatus(const json& body, QueryContext& c) {
  const auto read = readTicketStatus(body);
  if (!read) return read.error();
  const auto& tickets = c.hall.state().tickets;
  const core::Ticket* found = nullptr;
  if (const auto id = read.value().ticket) {
    const auto t = tickets.find(*id);
    if (t != tickets.end()) found = &t->second;
  } else if (const auto& number = read.value().number) {
    for (const auto& [tid, t] : tickets)
      if (t.number == *number) found = &t;
  } else if (const auto& token = read.value().token) {
    found = ticketOfToken(c.hall, c.tokens, *token);
    if (!found) return errors::notFound("ticket token");
  }
  if (!found) return errors::notFound("ticket");
  const auto estimate = c.hall.estimateForTicket(found->id, c.now).value_or(core::WaitEstimate{});
  return json{{"ticket", protocol::toJson(*found)}, {"people_ahead", estimate.peopleAhead},
              {"wait_s", estimate.wait.count()}};
}

}  // namespace jiujin::service::detail
