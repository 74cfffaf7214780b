#include "jiujin/console/alarm_list.hpp"

#include <algorithm>
#include <vector>

#include "jiujin/console/dispatcher_access.hpp"

namespace jiujin::console {

using nlohmann::json;

namespace {

QString qs(const std::string& s) {
  return QString::fromStdString(s);
}

std::string text(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool acknowledged(const json& alarm) {
  const auto it = alarm.find("acknowledged");
  return it != alarm.end() && it->is_object();
}

/// "" (none), "open" or "closed".
std::string followUpState(const json& alarm) {
  const auto it = alarm.find("follow_up");
  return it != alarm.end() && it->is_object() ? text(*it, "state") : std::string();
}

core::TimePoint timeOf(const json& j, const char* key) {
  const auto it = j.find(key);
  return core::TimePoint(
      core::Milliseconds(it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0));
}

QString when(core::TimePoint t, core::Date today) {
  const QDateTime local = localDateTime(t);
  return core::dateOf(t) == today ? local.toString(QStringLiteral("HH:mm:ss"))
                                  : local.toString(QStringLiteral("MM-dd HH:mm"));
}

}  // namespace

QList<QByteArray> AlarmList::roles() {
  return {"alarmId",        "kind",       "at",           "text",
          "textEn",         "actionable", "acknowledged", "acknowledgedBy",
          "acknowledgedAt", "followUp",   "followUpNote", "followUpClosedBy",
          "window",         "device",     "shownText",    "followUpOpen",
          "followUpClosed"};
}

void AlarmList::put(const json& alarm) {
  if (!alarm.is_object()) return;
  const auto id = alarm.find("id");
  if (id == alarm.end() || !id->is_number_integer()) {
    byId_[nextLocalId_--] = alarm;
    return;
  }
  json incoming = alarm;
  const auto held = byId_.find(id->get<std::int64_t>());
  if (held != byId_.end()) {
    // An older copy arriving late (a snapshot taken before the acknowledgement) keeps
    // what the newer one said.
    if (acknowledged(held->second) && !acknowledged(incoming))
      incoming["acknowledged"] = held->second["acknowledged"];
    if (followUpState(held->second) == "closed" && followUpState(incoming) != "closed")
      incoming["follow_up"] = held->second["follow_up"];
  }
  byId_[id->get<std::int64_t>()] = std::move(incoming);
}

void AlarmList::putAll(const json& alarms) {
  if (!alarms.is_array()) return;
  for (const auto& alarm : alarms) put(alarm);
}

void AlarmList::forgetSettledBefore(core::Date today) {
  std::erase_if(byId_, [today](const auto& entry) {
    const json& a = entry.second;
    return acknowledged(a) && followUpState(a) != "open" &&
           std::chrono::sys_days{core::dateOf(timeOf(a, "at"))} < std::chrono::sys_days{today};
  });
}

int AlarmList::unacknowledged() const {
  return static_cast<int>(std::count_if(byId_.begin(), byId_.end(),
                                        [](const auto& e) { return !acknowledged(e.second); }));
}

int AlarmList::openFollowUps() const {
  return static_cast<int>(std::count_if(
      byId_.begin(), byId_.end(), [](const auto& e) { return followUpState(e.second) == "open"; }));
}

const json* AlarmList::find(std::int64_t id) const {
  const auto it = byId_.find(id);
  return it == byId_.end() ? nullptr : &it->second;
}

QList<QVariantMap> AlarmList::rows(core::Date today, bool english) const {
  std::vector<std::pair<std::int64_t, const json*>> order;
  for (const auto& [id, alarm] : byId_) order.emplace_back(id, &alarm);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    const auto atA = timeOf(*a.second, "at");
    const auto atB = timeOf(*b.second, "at");
    return atA != atB ? atA > atB : a.first > b.first;
  });
  QList<QVariantMap> rows;
  for (const auto& [id, alarmPtr] : order) {
    const json& a = *alarmPtr;
    const json ack = acknowledged(a) ? a["acknowledged"] : json::object();
    const json follow =
        a.contains("follow_up") && a["follow_up"].is_object() ? a["follow_up"] : json::object();
    const auto window = a.find("window");
    rows << QVariantMap{
        {"alarmId", QVariant::fromValue<qint64>(id)},
        {"kind", qs(text(a, "kind"))},
        {"at", when(timeOf(a, "at"), today)},
        {"text", qs(text(a, "zh"))},
        {"textEn", qs(text(a, "en"))},
        {"actionable", id > 0},
        {"acknowledged", acknowledged(a)},
        {"acknowledgedBy", qs(text(ack, "by"))},
        {"acknowledgedAt", acknowledged(a) ? when(timeOf(ack, "at"), today) : QString()},
        {"followUp", qs(followUpState(a))},
        {"followUpNote", qs(text(follow, "note"))},
        {"followUpClosedBy", qs(text(follow, "closed_by"))},
        {"window", window != a.end() && window->is_number_integer() ? QVariant(window->get<int>())
                                                                    : QVariant()},
        {"device", qs(text(a, "device"))},
        // The dispatcher writes each alarm in both languages; an English one may be missing.
        {"shownText", qs(english && !text(a, "en").empty() ? text(a, "en") : text(a, "zh"))},
        {"followUpOpen", followUpState(a) == "open"},
        {"followUpClosed", followUpState(a) == "closed"}};
  }
  return rows;
}

}  // namespace jiujin::console
