#include "jiujin/console/alarm_list.hpp"

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>
#include <QVariantList>
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
          "followUpClosed", "ids",        "count",        "family",
          "firstAt",        "title",      "details"};
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

namespace {

/// What an episode is about: alarms of one kind about the same thing, in the same
/// acknowledged-or-not state, are one episode. Alarms that are each a matter of their own (a
/// rating to follow up, a case, a locked clerk, the hall-wide ones) are keyed by their id.
std::string episodeKey(std::int64_t id, const json& a) {
  const std::string kind = text(a, "kind");
  std::string subject;
  if (id > 0) {
    if (familyOf(kind) == AlarmFamily::Device) {
      subject = "d:" + text(a, "device");
    } else if (kind == "window_idle") {
      const auto w = a.find("window");
      if (w != a.end() && w->is_number_integer()) subject = "w:" + std::to_string(w->get<int>());
    } else if (kind == "wait_over_target" || kind == "queue_overflow") {
      if (a.contains("queue") && a["queue"].is_string()) subject = "q:" + text(a, "queue");
    }
  }
  if (subject.empty()) subject = "#" + std::to_string(id);
  return kind + '|' + subject + (acknowledged(a) ? "|ack" : "|open");
}

/// 0: a 回访 to do; 1: unacknowledged waiting; 2: other unacknowledged; 3: settled.
int rankOf(const json& a) {
  if (followUpState(a) == "open") return 0;
  if (acknowledged(a)) return 3;
  return familyOf(text(a, "kind")) == AlarmFamily::Waiting ? 1 : 2;
}

std::string saidIn(const json& a, bool english) {
  return english && !text(a, "en").empty() ? text(a, "en") : text(a, "zh");
}

}  // namespace

AlarmFamily familyOf(const std::string& kind) {
  if (kind == "bad_rating") return AlarmFamily::FollowUp;
  if (kind == "wait_over_target" || kind == "window_idle" || kind == "queue_overflow") return AlarmFamily::Waiting;
  if (kind == "device_offline" || kind == "device_error" || kind == "paper_out" || kind == "paper_low")
    return AlarmFamily::Device;
  if (kind == "case_due_soon" || kind == "case_overdue") return AlarmFamily::Case;
  return AlarmFamily::Other;
}

const char* familyKey(AlarmFamily family) {
  switch (family) {
    case AlarmFamily::FollowUp: return "follow_up";
    case AlarmFamily::Waiting: return "waiting";
    case AlarmFamily::Device: return "device";
    case AlarmFamily::Case: return "case";
    case AlarmFamily::Other: return "other";
  }
  return "other";
}

std::optional<AlarmFamily> familyFromKey(const std::string& key) {
  for (const auto f : {AlarmFamily::FollowUp, AlarmFamily::Waiting, AlarmFamily::Device, AlarmFamily::Case,
                       AlarmFamily::Other})
    if (key == familyKey(f)) return f;
  return std::nullopt;
}

std::vector<std::int64_t> AlarmList::unacknowledgedIds(std::optional<AlarmFamily> family) const {
  std::vector<std::int64_t> ids;
  for (const auto& [id, a] : byId_)
    if (id > 0 && !acknowledged(a) && (!family || familyOf(text(a, "kind")) == *family)) ids.push_back(id);
  return ids;
}

int AlarmList::unacknowledged(AlarmFamily family) const {
  return static_cast<int>(std::count_if(byId_.begin(), byId_.end(), [family](const auto& e) {
    return !acknowledged(e.second) && familyOf(text(e.second, "kind")) == family;
  }));
}

QList<QVariantMap> AlarmList::rows(core::Date today, bool english, const Namer& namer,
                                   std::optional<AlarmFamily> family) const {
  // Each episode's alarms, newest first.
  using Member = std::pair<std::int64_t, const json*>;
  std::map<std::string, std::vector<Member>> episodes;
  for (const auto& [id, alarm] : byId_) {
    if (family && familyOf(text(alarm, "kind")) != *family) continue;
    episodes[episodeKey(id, alarm)].emplace_back(id, &alarm);
  }
  const auto newer = [](const Member& a, const Member& b) {
    const auto atA = timeOf(*a.second, "at");
    const auto atB = timeOf(*b.second, "at");
    return atA != atB ? atA > atB : a.first > b.first;
  };
  std::vector<std::vector<Member>> order;
  for (auto& [key, members] : episodes) {
    std::sort(members.begin(), members.end(), newer);
    order.push_back(std::move(members));
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    const int rankA = rankOf(*a.front().second);
    const int rankB = rankOf(*b.front().second);
    return rankA != rankB ? rankA < rankB : newer(a.front(), b.front());
  });

  constexpr std::size_t kDetailLines = 12;
  QList<QVariantMap> rows;
  for (const auto& members : order) {
    const auto [id, alarmPtr] = members.front();
    const json& a = *alarmPtr;
    const int count = static_cast<int>(members.size());
    const json ack = acknowledged(a) ? a["acknowledged"] : json::object();
    const json follow =
        a.contains("follow_up") && a["follow_up"].is_object() ? a["follow_up"] : json::object();
    const auto window = a.find("window");
    QVariantList ids;
    QStringList details;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (members[i].first > 0) ids << QVariant::fromValue<qint64>(members[i].first);
      if (i < kDetailLines)
        details << when(timeOf(*members[i].second, "at"), today) + QStringLiteral("  ") +
                       qs(saidIn(*members[i].second, english));
    }
    if (members.size() > kDetailLines)
      details << QCoreApplication::translate("AlarmList", "……及更早的 %1 条").arg(members.size() - kDetailLines);
    const QString shown = qs(saidIn(a, english));
    QString title = namer ? namer(a, count) : QString();
    if (title.isEmpty()) title = shown;
    rows << QVariantMap{
        {"alarmId", QVariant::fromValue<qint64>(id)},
        {"ids", ids},
        {"count", count},
        {"kind", qs(text(a, "kind"))},
        {"family", QString::fromLatin1(familyKey(familyOf(text(a, "kind"))))},
        {"at", when(timeOf(a, "at"), today)},
        {"firstAt", when(timeOf(*members.back().second, "at"), today)},
        {"text", qs(text(a, "zh"))},
        {"textEn", qs(text(a, "en"))},
        {"title", title},
        {"details", details.join(QLatin1Char('\n'))},
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
        {"shownText", shown},
        {"followUpOpen", followUpState(a) == "open"},
        {"followUpClosed", followUpState(a) == "closed"}};
  }
  return rows;
}

}  // namespace jiujin::console
