#include "printing.hpp"

#include <fmt/format.h>

#include "jiujin/core/names.hpp"

namespace jiujin::ctl {

using nlohmann::json;

namespace {
std::string text(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "-";
  return it->is_string() ? it->get<std::string>() : it->dump();
}
/// "12:05" or "1:02:05" for a duration in seconds.
std::string duration(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total % 3600 / 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

std::string percent(double share) { return fmt::format("{:.1f}%", share * 100.0); }

double number(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

long long count(const json& j, const char* key) { return static_cast<long long>(number(j, key)); }

const json& member(const json& j, const char* key) {
  static const json empty = json::object();
  const auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : empty;
}

/// One queue, item, window or clerk: counts, waits and service (mean / p90), satisfaction.
std::string groupLine(const std::string& key, const json& g) {
  const json& waiting = member(g, "waiting");
  const json& service = member(g, "service");
  std::string line = fmt::format("  {:<16} {}  取号 {}  办结 {}  未到 {}  等候 {}/{}  办理 {}/{}  满意率 {}", key,
                                 g.value("name", std::string()), count(g, "issued"), count(g, "completed"),
                                 count(g, "no_show"), duration(number(waiting, "mean_s")),
                                 duration(number(waiting, "p90_s")), duration(number(service, "mean_s")),
                                 duration(number(service, "p90_s")),
                                 count(g, "rated") > 0 ? percent(number(g, "satisfaction_rate")) : "-");
  if (g.contains("logged_in_s"))
    line += fmt::format("  在岗 {}  暂停 {}", duration(number(g, "logged_in_s")), duration(number(g, "paused_s")));
  return line + '\n';
}

}  // namespace

std::string describeFigures(const json& f) {
  if (!f.is_object()) return "-\n";
  const json& tickets = member(f, "tickets");
  const json& waiting = member(f, "waiting");
  const json& service = member(f, "service");
  const json& within = member(f, "within_target");
  const json& ratings = member(f, "ratings");
  const json& levels = member(ratings, "by_level");
  std::string out = fmt::format("统计 figures {} … {}\n", text(f, "from"), text(f, "to"));
  out += fmt::format("  取号 issued {}  办结 completed {}  未到率 no-show rate {}\n", count(tickets, "issued"),
                     count(tickets, "completed"), percent(number(f, "no_show_rate")));
  out += fmt::format("  等候 waiting  平均 mean {}  P90 {}  目标内 within {} min: {}\n", duration(number(waiting, "mean_s")),
                     duration(number(waiting, "p90_s")), count(within, "target_s") / 60, percent(number(within, "share")));
  out += fmt::format("  办理 service  平均 mean {}  P90 {}\n", duration(number(service, "mean_s")),
                     duration(number(service, "p90_s")));
  out += fmt::format("  评价 ratings  已评 rated {}  满意率 satisfaction {}", count(ratings, "rated"),
                     percent(number(ratings, "satisfaction_rate")));
  for (const core::Rating r : core::kRatingScale) out += fmt::format("  {} {}", core::zhName(r), count(levels, core::toString(r)));
  out += '\n';
  std::string hours;
  if (const auto arrivals = f.find("arrivals_by_hour"); arrivals != f.end() && arrivals->is_array()) {
    for (std::size_t h = 0; h < arrivals->size(); ++h) {
      const json& n = (*arrivals)[h];
      if (n.is_number() && n.get<long long>() > 0) hours += fmt::format("  {:02}时 {}", h, n.get<long long>());
    }
  }
  out += "  按小时取号 arrivals by hour" + (hours.empty() ? std::string("  -") : hours) + '\n';
  for (const auto& [key, title] : std::initializer_list<std::pair<const char*, const char*>>{
           {"by_queue", "按队列 by queue"}, {"by_item", "按事项 by item"},
           {"by_window", "按窗口 by window"}, {"by_clerk", "按工作人员 by clerk"}}) {
    const json& groups = member(f, key);
    if (groups.empty()) continue;
    out += std::string(title) + '\n';
    for (const auto& [id, g] : groups.items()) out += groupLine(id, g);
  }
  return out;
}

std::string describeTicket(const json& t) {
  if (!t.is_object()) return "-";
  return fmt::format("{} (id {}, 事项 {}, 队列 {}, 状态 {}{})", text(t, "number"), text(t, "id"), text(t, "item"),
                     text(t, "queue"), text(t, "state"),
                     t.contains("window") && !t["window"].is_null() ? fmt::format(", {}号窗口", text(t, "window")) : "");
}

std::string describeEvent(const json& e) {
  if (!e.is_object()) return e.dump();
  std::string line = text(e, "type");
  for (const char* key : {"ticket", "window", "reason", "rating", "text", "date", "clerk", "explanation"}) {
    if (!e.contains(key) || e[key].is_null()) continue;
    if (std::string(key) == "ticket" && e[key].is_object()) line += " " + describeTicket(e[key]);
    else line += fmt::format(" {}={}", key, text(e, key));
  }
  if (e.contains("child")) line += " → " + describeTicket(e["child"]);
  return line;
}

std::string describeNews(const json& m) {
  if (m.contains("alarm")) return fmt::format("{} / {}", text(m["alarm"], "zh"), text(m["alarm"], "en"));
  if (m.contains("device")) {
    const json& d = m["device"];
    return fmt::format("{} {} {}", text(d, "id"), text(d, "status"), text(d, "detail"));
  }
  return m.dump();
}

void printReply(std::optional<client::RequestKind> kind, const client::Reply& reply, bool asJson, std::ostream& out,
                std::ostream& err) {
  using client::RequestKind;
  if (asJson) {
    if (reply.ok) out << json{{"ok", true}, {"result", reply.result}}.dump() << '\n';
    else
      out << json{{"ok", false}, {"error", {{"code", reply.error.code}, {"zh", reply.error.zh}, {"en", reply.error.en}}}}.dump()
          << '\n';
    return;
  }
  if (!reply.ok) {
    err << fmt::format("错误 [{}] {}\nerror [{}] {}\n", reply.error.code, reply.error.zh, reply.error.code, reply.error.en);
    return;
  }
  const json& r = reply.result;
  if (kind == RequestKind::IssueTicket) {
    out << fmt::format("取号成功 {}\n前面还有 {} 人，预计等待约 {} 分钟{}\n", describeTicket(r["ticket"]),
                       text(r, "people_ahead"), r.value("wait_s", 0) / 60, r.value("repeated", false) ? "（重复请求，同一张票）" : "");
    return;
  }
  if (kind == RequestKind::TicketStatus) {
    out << describeTicket(r["ticket"]) << fmt::format("，前面 {} 人\n", text(r, "people_ahead"));
    return;
  }
  if (r.is_object() && r.contains("events")) {
    if (r["events"].empty()) out << "完成（无变化） done, nothing changed\n";
    for (const auto& e : r["events"]) out << fmt::format("{:>6}  {}\n", text(e, "seq"), describeEvent(e));
    return;
  }
  if (kind == RequestKind::Statistics && r.is_object() && r.contains("figures")) {
    out << describeFigures(r["figures"]);
    return;
  }
  if (kind == RequestKind::UnlockClerk) {
    out << (r.value("was_locked", false)
                ? fmt::format("已解锁工号 {}，可重新登录 clerk {} unlocked: it may log in again\n", text(r, "clerk"), text(r, "clerk"))
                : fmt::format("工号 {} 未被锁定，已清除其密码错误计数 clerk {} was not locked; its wrong PINs are forgotten\n",
                              text(r, "clerk"), text(r, "clerk")));
    return;
  }
  if (kind == RequestKind::Ping) {
    out << fmt::format("调度服务在线 dispatcher alive: seq {} epoch {}\n", text(r, "seq"), text(r, "epoch"));
    return;
  }
  out << r.dump(2) << '\n';
}

}  // namespace jiujin::ctl
