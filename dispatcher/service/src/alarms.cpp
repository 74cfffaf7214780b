#include "jiujin/service/alarms.hpp"

#include <fmt/format.h>

namespace jiujin::service {

using nlohmann::json;

namespace {
constexpr std::size_t kRecentAlarms = 100;

std::string numberOf(const core::Hall& hall, core::TicketId id) {
  const auto t = hall.state().tickets.find(id);
  return t == hall.state().tickets.end() ? fmt::format("#{}", id) : t->second.number;
}
}  // namespace

json toJson(const Alarm& a) {
  json j{{"kind", a.kind}, {"at", a.at.time_since_epoch().count()}, {"zh", a.zh}, {"en", a.en}};
  if (a.ticket) j["ticket"] = *a.ticket;
  if (a.window) j["window"] = *a.window;
  if (!a.device.empty()) j["device"] = a.device;
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
    raised.push_back(Alarm{"wait_over_target", now,
                           fmt::format("{} 号已等候 {} 分钟，超过目标 {} 分钟", ticket.number, minutes, target.count()),
                           fmt::format("{} has waited {} min, over the {} min target", ticket.number, minutes,
                                       target.count()),
                           id, std::nullopt, {}});
  }
  return raised;
}

std::optional<Alarm> AlarmDesk::checkEvent(const core::Hall& hall, const core::Event& event) {
  const auto* rated = std::get_if<core::ev::TicketEvaluated>(&event);
  if (!rated || static_cast<int>(rated->rating) < static_cast<int>(core::Rating::Dissatisfied)) return std::nullopt;
  const std::string number = numberOf(hall, rated->ticket);
  const bool very = rated->rating == core::Rating::VeryDissatisfied;
  return Alarm{"bad_rating", rated->at,
               fmt::format("{} 号窗口收到{}评价（{}）", rated->window, very ? "非常不满意" : "不满意", number),
               fmt::format("window {} was rated {} ({})", rated->window, very ? "very dissatisfied" : "dissatisfied",
                           number),
               rated->ticket, rated->window, {}};
}

std::optional<Alarm> AlarmDesk::checkDevice(const DeviceHealth& d) {
  if (d.status == "offline" || d.status == "error") {
    return Alarm{"device_offline", d.since, fmt::format("设备 {} 离线或故障：{}", d.id, d.detail),
                 fmt::format("device {} is {}: {}", d.id, d.status, d.detail), std::nullopt, d.window, d.id};
  }
  if (d.kind == "printer" && d.status == "out") {
    return Alarm{"paper_out", d.since, fmt::format("取号机打印纸用完：{}", d.id),
                 fmt::format("ticket printer out of paper: {}", d.id), std::nullopt, d.window, d.id};
  }
  if (d.kind == "printer" && d.status == "near_end") {
    return Alarm{"paper_low", d.since, fmt::format("取号机打印纸将尽：{}", d.id),
                 fmt::format("ticket printer paper low: {}", d.id), std::nullopt, d.window, d.id};
  }
  return std::nullopt;
}

void AlarmDesk::remember(const Alarm& alarm) {
  recent_.push_back(alarm);
  while (recent_.size() > kRecentAlarms) recent_.pop_front();
}

json AlarmDesk::recent() const {
  json list = json::array();
  for (const auto& a : recent_) list.push_back(toJson(a));
  return list;
}

}  // namespace jiujin::service
