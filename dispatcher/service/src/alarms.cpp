#include "jiujin/service/alarms.hpp"

#include <fmt/format.h>

namespace jiujin::service {

using nlohmann::json;

namespace {

long long millis(core::TimePoint t) { return t.time_since_epoch().count(); }

std::string numberOf(const core::Hall& hall, core::TicketId id) {
  const auto t = hall.state().tickets.find(id);
  return t == hall.state().tickets.end() ? fmt::format("#{}", id) : t->second.number;
}

/// Waiting tickets per queue, the transferred ones included (they wait in their queue).
std::map<core::QueueId, int> waitingPerQueue(const core::Hall& hall) {
  std::map<core::QueueId, int> waiting;
  for (const auto& [id, t] : hall.state().tickets)
    if (t.state == core::TicketState::Waiting) ++waiting[t.queue];
  return waiting;
}

}  // namespace

json toJson(const Alarm& a) {
  json j{{"id", a.id}, {"kind", a.kind}, {"at", millis(a.at)}, {"zh", a.zh}, {"en", a.en}};
  if (a.ticket) j["ticket"] = *a.ticket;
  if (a.window) j["window"] = *a.window;
  if (!a.device.empty()) j["device"] = a.device;
  if (!a.queue.empty()) j["queue"] = a.queue;
  if (!a.caseNumber.empty()) j["case"] = a.caseNumber;
  j["acknowledged"] = a.acknowledged ? json{{"at", millis(a.acknowledged->at)}, {"by", a.acknowledged->by}} : json();
  if (a.followUp) {
    json f{{"state", a.followUp->closed ? "closed" : "open"}, {"note", a.followUp->note}};
    if (a.followUp->closedAt) f["closed_at"] = millis(*a.followUp->closedAt);
    if (!a.followUp->closedBy.empty()) f["closed_by"] = a.followUp->closedBy;
    j["follow_up"] = std::move(f);
  } else {
    j["follow_up"] = json();
  }
  return j;
}

std::vector<Alarm> AlarmDesk::checkWaits(const core::Hall& hall, core::TimePoint now) {
  std::vector<Alarm> raised;
  const auto target = hall.definition().rules.waitingTarget;
  // A ticket that left the day's state (day closed) can never alarm again.
  std::erase_if(waitAlarmed_, [&](core::TicketId id) { return !hall.state().tickets.contains(id); });
  for (const auto& [id, ticket] : hall.state().tickets) {
    if (ticket.state != core::TicketState::Waiting || waitAlarmed_.contains(id)) continue;
    const auto waited = now - ticket.arrivalAt;
    if (waited <= target) continue;
    waitAlarmed_.insert(id);
    const auto minutes = std::chrono::duration_cast<core::Minutes>(waited).count();
    Alarm a{.kind = "wait_over_target", .at = now,
            .zh = fmt::format("{} 号已等候 {} 分钟，超过目标 {} 分钟", ticket.number, minutes, target.count()),
            .en = fmt::format("{} has waited {} min, over the {} min target", ticket.number, minutes, target.count())};
    a.ticket = id;
    a.queue = ticket.queue;
    raised.push_back(std::move(a));
  }
  return raised;
}

std::vector<Alarm> AlarmDesk::checkIdleWindows(const core::Hall& hall, core::TimePoint now) {
  std::vector<Alarm> raised;
  const auto limit = hall.definition().rules.idleWindowLimit;
  for (const auto& [number, w] : hall.state().windows) {
    // Idle while a call would find someone: the router's own answer, so conditional profile
    // entries (only when the oldest waits N minutes, …) count exactly as they do for a call.
    std::optional<core::CallDecision> next;
    if (w.state == core::WindowState::Idle && w.clerk && !w.current) next = hall.peekNext(number, now);
    const auto alarmed = idleAlarmed_.find(number);
    if (!next) {
      if (alarmed != idleAlarmed_.end()) idleAlarmed_.erase(alarmed);  // re-arm
      continue;
    }
    if (now - w.since <= limit) continue;
    if (alarmed != idleAlarmed_.end() && alarmed->second == w.since) continue;  // this idle spell is known
    idleAlarmed_[number] = w.since;
    const auto minutes = std::chrono::duration_cast<core::Minutes>(now - w.since).count();
    const std::string waiting = numberOf(hall, next->ticket);
    Alarm a{.kind = "window_idle", .at = now,
            .zh = fmt::format("{} 号窗口已空闲 {} 分钟，而 {} 号等候中", number, minutes, waiting),
            .en = fmt::format("window {} has been idle for {} min while {} waits", number, minutes, waiting)};
    a.window = number;
    a.ticket = next->ticket;
    raised.push_back(std::move(a));
  }
  return raised;
}

std::vector<Alarm> AlarmDesk::checkQueues(const core::Hall& hall, core::TimePoint now) {
  std::vector<Alarm> raised;
  const int threshold = hall.definition().rules.overflowThreshold;
  const auto waiting = waitingPerQueue(hall);
  for (const auto& q : hall.definition().queues) {
    const auto it = waiting.find(q.id);
    const int length = it == waiting.end() ? 0 : it->second;
    if (length < threshold) {
      overflowing_.erase(q.id);
      continue;
    }
    if (!overflowing_.insert(q.id).second) continue;
    Alarm a{.kind = "queue_overflow", .at = now,
            .zh = fmt::format("{}（{}）已有 {} 人等候，达到分流阈值 {}", q.name, q.prefix, length, threshold),
            .en = fmt::format("queue {} ({}) has {} waiting, at its overflow threshold {}", q.id, q.prefix, length,
                              threshold)};
    a.queue = q.id;
    raised.push_back(std::move(a));
  }
  return raised;
}

namespace {

/// 限时办结: a case near or past its promised date.
std::optional<Alarm> caseAlarm(const core::Hall& hall, const core::Event& event) {
  const auto* soon = std::get_if<core::ev::CaseDueSoon>(&event);
  const auto* overdue = std::get_if<core::ev::CaseOverdue>(&event);
  if (!soon && !overdue) return std::nullopt;
  const core::CaseId id = soon ? soon->caseId : overdue->caseId;
  const auto found = hall.state().cases.find(id);
  if (found == hall.state().cases.end()) return std::nullopt;
  const core::Case& c = found->second;
  const std::string due = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(c.dueDate->year()),
                                      static_cast<unsigned>(c.dueDate->month()), static_cast<unsigned>(c.dueDate->day()));
  Alarm a;
  a.at = core::timeOf(event);
  a.window = c.window;
  a.caseNumber = c.number;
  if (soon) {
    a.kind = "case_due_soon";
    a.zh = fmt::format("办件 {}（{}）将于 {} 到期，还剩 {} 个工作日", c.number, c.itemName, due, soon->workingDaysLeft);
    a.en = fmt::format("case {} ({}) is due on {}: {} working day(s) left", c.number, c.item, due,
                       soon->workingDaysLeft);
  } else {
    a.kind = "case_overdue";
    a.zh = fmt::format("办件 {}（{}）已超过承诺时限 {}，尚未办结", c.number, c.itemName, due);
    a.en = fmt::format("case {} ({}) is overdue: promised by {}, not decided", c.number, c.item, due);
  }
  return a;
}

}  // namespace

std::optional<Alarm> AlarmDesk::checkEvent(const core::Hall& hall, const core::Event& event) {
  if (auto alarm = caseAlarm(hall, event)) return alarm;
  const auto* rated = std::get_if<core::ev::TicketEvaluated>(&event);
  if (!rated || static_cast<int>(rated->rating) < static_cast<int>(core::Rating::Dissatisfied)) return std::nullopt;
  const std::string number = numberOf(hall, rated->ticket);
  const bool very = rated->rating == core::Rating::VeryDissatisfied;
  Alarm a{.kind = "bad_rating", .at = rated->at,
          .zh = fmt::format("{} 号窗口收到{}评价（{}），请回访", rated->window, very ? "非常不满意" : "不满意", number),
          .en = fmt::format("window {} was rated {} ({}): follow up with the resident", rated->window,
                            very ? "very dissatisfied" : "dissatisfied", number)};
  a.ticket = rated->ticket;
  a.window = rated->window;
  a.followUp = FollowUp{};
  return a;
}

std::optional<Alarm> AlarmDesk::checkDevice(const DeviceHealth& d) {
  Alarm a;
  a.at = d.since;
  a.window = d.window;
  a.device = d.id;
  if (d.status == "offline") {  // it does not answer: a cable, power or address
    a.kind = "device_offline";
    a.zh = d.detail.empty() ? fmt::format("设备 {} 离线", d.id) : fmt::format("设备 {} 离线：{}", d.id, d.detail);
    a.en = d.detail.empty() ? fmt::format("device {} is offline", d.id)
                            : fmt::format("device {} is offline: {}", d.id, d.detail);
  } else if (d.status == "error") {  // it answers, but refuses what it is asked or cannot show it
    a.kind = "device_error";
    a.zh = d.detail.empty() ? fmt::format("设备 {} 工作异常", d.id) : fmt::format("设备 {} 工作异常：{}", d.id, d.detail);
    a.en = d.detail.empty() ? fmt::format("device {} is in error", d.id)
                            : fmt::format("device {} is in error: {}", d.id, d.detail);
  } else if (d.kind == "printer" && d.status == "out") {
    a.kind = "paper_out";
    a.zh = fmt::format("取号机打印纸用完：{}", d.id);
    a.en = fmt::format("ticket printer out of paper: {}", d.id);
  } else if (d.kind == "printer" && d.status == "near_end") {
    a.kind = "paper_low";
    a.zh = fmt::format("取号机打印纸将尽：{}", d.id);
    a.en = fmt::format("ticket printer paper low: {}", d.id);
  } else {
    return std::nullopt;
  }
  return a;
}

}  // namespace jiujin::service
