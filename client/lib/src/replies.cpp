#include "jiujin/client/replies.hpp"

#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::client {

using nlohmann::json;

Failure badReply(const std::string& what) {
  return {"bad_reply", "调度服务的应答无法识别", "the dispatcher's reply is not understood: " + what};
}

ClerkFigures Statistics::clerk(const std::string& id) const {
  ClerkFigures read;
  const json byClerk = figures.value("by_clerk", json::object());
  if (!byClerk.is_object() || !byClerk.contains(id) || !byClerk[id].is_object()) return read;
  const json& mine = byClerk[id];
  read.completed = mine.value("completed", std::int64_t{0});
  const json service = mine.value("service", json::object());
  if (service.is_object()) read.meanServiceSeconds = service.value("mean_s", 0.0);
  read.satisfactionRate = mine.value("satisfaction_rate", 0.0);
  const json levels = mine.value("ratings", json::object());
  if (levels.is_object())
    for (const auto& [level, n] : levels.items())
      if (n.is_number_integer()) read.ratings[level] = n.get<std::int64_t>();
  return read;
}

std::map<std::string, std::int64_t> Statistics::issuedByItem() const {
  std::map<std::string, std::int64_t> issued;
  const json byItem = figures.value("by_item", json::object());
  if (!byItem.is_object()) return issued;
  for (const auto& [code, item] : byItem.items()) {
    if (!item.is_object()) continue;
    const auto n = item.find("issued");
    if (n != item.end() && n->is_number_integer() && n->get<std::int64_t>() > 0) issued[code] = n->get<std::int64_t>();
  }
  return issued;
}

Answer<json> readResult(const Reply& reply) {
  if (!reply.ok) return reply.error;
  return reply.result.is_null() ? json::object() : reply.result;
}

Answer<CommandOutcome> readCommandOutcome(const Reply& reply) {
  if (!reply.ok) return reply.error;
  const json& r = reply.result;
  if (!r.is_object()) return badReply("a command result is not an object");
  CommandOutcome outcome;
  const auto seq = r.find("seq");
  if (seq != r.end() && seq->is_number_unsigned()) outcome.seq = seq->get<std::uint64_t>();
  for (const auto& e : r.value("events", json::array())) {
    auto event = protocol::eventFromJson(e);
    if (!event) return badReply(event.error().en);
    outcome.events.push_back(std::move(event).value());
  }
  if (r.contains("ticket") && r["ticket"].is_object()) {
    auto ticket = protocol::ticketFromJson(r["ticket"]);
    if (!ticket) return badReply(ticket.error().en);
    outcome.ticket = std::move(ticket).value();
  }
  if (r.contains("case") && r["case"].is_object()) {
    auto c = protocol::caseFromJson(r["case"]);
    if (!c) return badReply(c.error().en);
    outcome.caseNow = std::move(c).value();
  }
  return outcome;
}

Answer<core::Case> readCase(const Reply& reply) {
  if (!reply.ok) return reply.error;
  if (!reply.result.is_object() || !reply.result.contains("case")) return badReply("case answered without a case");
  auto c = protocol::caseFromJson(reply.result["case"]);
  if (!c) return badReply(c.error().en);
  return std::move(c).value();
}

Answer<CasePage> readCasePage(const Reply& reply) {
  if (!reply.ok) return reply.error;
  const json& r = reply.result;
  if (!r.is_object() || !r.contains("cases") || !r["cases"].is_array()) return badReply("case_list answered without cases");
  CasePage page;
  for (const auto& item : r["cases"]) {
    auto c = protocol::caseFromJson(item);
    if (!c) return badReply(c.error().en);
    page.cases.push_back(std::move(c).value());
  }
  page.total = r.value("total", std::int64_t{0});
  if (const auto next = r.find("next_after"); next != r.end() && next->is_number_integer() && next->get<std::int64_t>() > 0)
    page.nextAfter = next->get<core::CaseId>();
  return page;
}

Answer<IssuedTicket> readIssuedTicket(const Reply& reply) {
  if (!reply.ok) return reply.error;
  const json& r = reply.result;
  if (!r.is_object() || !r.contains("ticket")) return badReply("issue_ticket answered without a ticket");
  auto ticket = protocol::ticketFromJson(r["ticket"]);
  if (!ticket) return badReply(ticket.error().en);
  IssuedTicket issued;
  issued.ticket = std::move(ticket).value();
  issued.peopleAhead = r.value("people_ahead", std::int64_t{0});
  issued.waitSeconds = r.value("wait_s", std::int64_t{0});
  issued.repeated = r.value("repeated", false);
  if (const auto token = r.find("token"); token != r.end() && token->is_string()) issued.token = *token;
  return issued;
}

Answer<CheckIn> readCheckIn(const Reply& reply) {
  if (!reply.ok) return reply.error;
  const json& r = reply.result;
  if (!r.is_object() || !r.contains("booking") || !r["booking"].is_object())
    return badReply("check_in answered without its booking");
  const json& b = r["booking"];
  const auto text = [&b](const char* key) {
    const auto it = b.find(key);
    return it != b.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  CheckIn checkIn;
  checkIn.booking.code = text("code");
  checkIn.booking.itemName = text("item_name");
  checkIn.booking.from = text("from");
  checkIn.booking.to = text("to");
  // A first check-in says `late`; a repeated one has it in the booking.
  const auto flag = [](const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
  };
  checkIn.booking.late = flag(r, "late") || flag(b, "late");
  if (!r.contains("ticket")) {
    const std::string number = text("ticket");
    const std::string zh = "该预约已签到" + (number.empty() ? std::string() : "，号码 " + number) + "；请到咨询台询问。";
    const std::string en = "the booking was already checked in" + (number.empty() ? std::string() : " (ticket " + number + ")") +
                           "; please ask at the information desk";
    return Failure{"already_checked_in", zh, en, {}};
  }
  auto issued = readIssuedTicket(reply);
  if (!issued) return issued.error();
  checkIn.issued = std::move(issued).value();
  return checkIn;
}

Answer<TicketStatus> readTicketStatus(const Reply& reply) {
  if (!reply.ok) return reply.error;
  const json& r = reply.result;
  if (!r.is_object() || !r.contains("ticket")) return badReply("ticket_status answered without a ticket");
  auto ticket = protocol::ticketFromJson(r["ticket"]);
  if (!ticket) return badReply(ticket.error().en);
  TicketStatus status;
  status.ticket = std::move(ticket).value();
  const auto number = [&](const char* key) {
    const auto v = r.find(key);
    return v != r.end() && v->is_number_integer() ? v->get<std::int64_t>() : std::int64_t{0};
  };
  status.peopleAhead = number("people_ahead");
  status.waitSeconds = number("wait_s");
  return status;
}

Answer<Statistics> readStatistics(const Reply& reply) {
  if (!reply.ok) return reply.error;
  if (!reply.result.is_object()) return badReply("statistics is not an object");
  Statistics statistics;
  statistics.live = reply.result;
  if (const auto figures = reply.result.find("figures"); figures != reply.result.end() && figures->is_object())
    statistics.figures = *figures;
  statistics.live.erase("figures");
  return statistics;
}

Answer<std::vector<json>> readAlarms(const Reply& reply) {
  if (!reply.ok) return reply.error;
  std::vector<json> alarms;
  if (!reply.result.is_object()) return alarms;
  if (const auto many = reply.result.find("alarms"); many != reply.result.end() && many->is_array())
    for (const auto& a : *many) alarms.push_back(a);
  if (const auto one = reply.result.find("alarm"); one != reply.result.end() && one->is_object())
    alarms.push_back(*one);
  return alarms;
}

}  // namespace jiujin::client
