#include "jiujin/console/figures_csv.hpp"

#include <fmt/format.h>

#include <vector>

#include "jiujin/core/names.hpp"

namespace jiujin::console {

using nlohmann::json;

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += field(fields[i]);
  }
  out += "\r\n";
}

std::string number(double v) { return fmt::format("{:.1f}", v); }
std::string percent(double share) { return fmt::format("{:.1f}%", share * 100.0); }
std::string count(const json& j, const char* key) { return std::to_string(j.value(key, 0)); }
double seconds(const json& j, const char* group, const char* key) {
  return j.value(group, json::object()).value(key, 0.0);
}

void groupTable(std::string& out, const char* title, const char* keyName, const json& groups) {
  line(out, {});
  line(out, {title});
  line(out, {keyName, "名称", "取号", "呼叫", "办结", "过号", "转办", "平均等候(秒)", "等候P90(秒)",
             "平均办理(秒)", "办理P90(秒)", "评价数", "满意率"});
  for (const auto& [key, g] : groups.items()) {
    line(out, {key, g.value("name", std::string()), count(g, "issued"), count(g, "called"), count(g, "completed"),
               count(g, "no_show"), count(g, "transferred"), number(seconds(g, "waiting", "mean_s")),
               number(seconds(g, "waiting", "p90_s")), number(seconds(g, "service", "mean_s")),
               number(seconds(g, "service", "p90_s")), count(g, "rated"), percent(g.value("satisfaction_rate", 0.0))});
  }
}

}  // namespace

std::string figuresCsv(const json& figures) {
  std::string out = kBom;
  line(out, {"统计期间", figures.value("from", std::string()), figures.value("to", std::string())});
  const json tickets = figures.value("tickets", json::object());
  line(out, {"取号", count(tickets, "issued")});
  line(out, {"办结", count(tickets, "completed")});
  line(out, {"平均等候(秒)", number(seconds(figures, "waiting", "mean_s"))});
  line(out, {"等候P90(秒)", number(seconds(figures, "waiting", "p90_s"))});
  line(out, {"平均办理(秒)", number(seconds(figures, "service", "mean_s"))});
  line(out, {"办理P90(秒)", number(seconds(figures, "service", "p90_s"))});
  line(out, {"目标时间内呼叫", percent(figures.value("within_target", json::object()).value("share", 0.0))});
  line(out, {"过号率", percent(figures.value("no_show_rate", 0.0))});
  const json ratings = figures.value("ratings", json::object());
  line(out, {"满意率", percent(ratings.value("satisfaction_rate", 0.0))});
  for (const core::Rating r : core::kRatingScale) {
    line(out, {core::zhName(r), count(ratings.value("by_level", json::object()), core::toString(r))});
  }
  line(out, {});
  std::vector<std::string> hours{"时段"};
  std::vector<std::string> arrivals{"取号人数"};
  const json byHour = figures.value("arrivals_by_hour", json::array());
  for (std::size_t h = 0; h < byHour.size(); ++h) {
    hours.push_back(fmt::format("{:02}时", h));
    arrivals.push_back(std::to_string(byHour[h].get<int>()));
  }
  line(out, hours);
  line(out, arrivals);
  groupTable(out, "按事项", "事项编码", figures.value("by_item", json::object()));
  groupTable(out, "按队列", "队列", figures.value("by_queue", json::object()));
  groupTable(out, "按窗口", "窗口", figures.value("by_window", json::object()));
  groupTable(out, "按工作人员", "工号", figures.value("by_clerk", json::object()));
  return out;
}

std::string appraisalCsv(const json& figures, const std::map<std::string, std::string>& clerkNames) {
  std::string out = kBom;
  line(out, {"考核期间", figures.value("from", std::string()), figures.value("to", std::string())});
  std::vector<std::string> header{"工号", "姓名", "在岗时长(小时)", "暂停时长(小时)", "办结件数", "平均办理(分钟)",
                                  "办理P90(分钟)", "评价数"};
  for (const core::Rating r : core::kRatingScale) header.emplace_back(core::zhName(r));
  header.emplace_back("满意率");
  line(out, header);
  const json clerks = figures.value("by_clerk", json::object());
  for (const auto& [id, c] : clerks.items()) {
    const auto name = clerkNames.find(id);
    const json levels = c.value("ratings", json::object());
    std::vector<std::string> row{id, name == clerkNames.end() ? id : name->second,
                                 fmt::format("{:.2f}", c.value("logged_in_s", 0.0) / 3600.0),
                                 fmt::format("{:.2f}", c.value("paused_s", 0.0) / 3600.0), count(c, "completed"),
                                 fmt::format("{:.1f}", seconds(c, "service", "mean_s") / 60.0),
                                 fmt::format("{:.1f}", seconds(c, "service", "p90_s") / 60.0), count(c, "rated")};
    for (const core::Rating r : core::kRatingScale) row.push_back(count(levels, core::toString(r)));
    row.push_back(percent(c.value("satisfaction_rate", 0.0)));
    line(out, row);
  }
  return out;
}

}  // namespace jiujin::console
