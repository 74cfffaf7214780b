// The manager answers alarms: acknowledge one (seen), or close a bad rating's follow-up (回访
// done) with a note. The alarm row changes in the batch's transaction; every monitor hears it.
#include "queries.hpp"
#include "request_bodies.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

json updated(const Alarm& alarm, QueryContext& c) {
  json a = toJson(alarm);
  c.news.emplace_back("alarm.updated", json{{"alarm", a}});
  return json{{"alarm", std::move(a)}};
}

/// Who acknowledged: the manager logged in at the monitor, else the client.
const std::string& actor(const ClientIdentity& who) { return who.person.empty() ? who.name : who.person; }

}  // namespace

Outcome<json> serveAcknowledgeAlarm(const json& body, QueryContext& c) {
  const auto id = readAlarmAcknowledgement(body);
  if (!id) return id.error();
  auto alarm = c.alarmBook.acknowledge(id.value(), c.now, actor(c.who));
  if (!alarm) return alarm.error();
  return updated(alarm.value(), c);
}

Outcome<json> serveCloseFollowUp(const json& body, QueryContext& c) {
  const auto read = readFollowUp(body);
  if (!read) return read.error();
  auto alarm = c.alarmBook.closeFollowUp(read.value().alarm, read.value().note, c.now, actor(c.who));
  if (!alarm) return alarm.error();
  return updated(alarm.value(), c);
}

}  // namespace jiujin::service::detail
