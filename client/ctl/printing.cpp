#include "printing.hpp"

#include <fmt/format.h>

namespace jiujin::ctl {

using nlohmann::json;

namespace {
std::string text(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "-";
  return it->is_string() ? it->get<std::string>() : it->dump();
}
}  // namespace

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

void printReply(const std::string& type, const client::Reply& reply, bool asJson, std::ostream& out, std::ostream& err) {
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
  if (type == "issue_ticket") {
    out << fmt::format("取号成功 {}\n前面还有 {} 人，预计等待约 {} 分钟{}\n", describeTicket(r["ticket"]),
                       text(r, "people_ahead"), r.value("wait_s", 0) / 60, r.value("repeated", false) ? "（重复请求，同一张票）" : "");
    return;
  }
  if (type == "ticket_status") {
    out << describeTicket(r["ticket"]) << fmt::format("，前面 {} 人\n", text(r, "people_ahead"));
    return;
  }
  if (r.is_object() && r.contains("events")) {
    if (r["events"].empty()) out << "完成（无变化） done, nothing changed\n";
    for (const auto& e : r["events"]) out << fmt::format("{:>6}  {}\n", text(e, "seq"), describeEvent(e));
    return;
  }
  if (type == "ping") {
    out << fmt::format("调度服务在线 dispatcher alive: seq {} epoch {}\n", text(r, "seq"), text(r, "epoch"));
    return;
  }
  out << r.dump(2) << '\n';
}

}  // namespace jiujin::ctl
