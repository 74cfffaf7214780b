#include "jiujin/core/validation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace jiujin::core {
namespace {

Error invalid(std::string zh, std::string en) { return Error{ErrorCode::InvalidArgument, std::move(zh), std::move(en)}; }

std::optional<Error> checkProfile(const WorkProfile& profile, WindowNumber window, const std::set<QueueId>& queues) {
  for (const auto& entry : profile.entries) {
    if (!queues.contains(entry.queue)) {
      return Error{ErrorCode::UnknownQueue, fmt::format("{} 号窗口的服务队列 {} 不存在", window, entry.queue),
                   fmt::format("window {} serves unknown queue '{}'", window, entry.queue)};
    }
    if (!std::isfinite(entry.weight) || entry.weight <= 0) {
      return invalid(fmt::format("{} 号窗口 {} 队列的权重必须为正数", window, entry.queue),
                     fmt::format("window {} queue '{}': weight must be positive", window, entry.queue));
    }
    if (entry.onlyWhenOldestWaitsAtLeast && entry.onlyWhenOldestWaitsAtLeast->count() < 0) {
      return invalid(fmt::format("{} 号窗口 {} 队列的等候条件不能为负", window, entry.queue),
                     fmt::format("window {} queue '{}': negative wait condition", window, entry.queue));
    }
  }
  return std::nullopt;
}

std::optional<Error> checkRules(const Rules& r) {
  if (r.recallLimit < 0 || r.noShowTimeout.count() < 0 || r.reactivationWindow.count() < 0 ||
      r.priorityAgingLimit.count() < 0 || r.waitingTarget.count() < 0 || r.evaluationTimeout.count() < 0 ||
      r.overflowThreshold < 0) {
    return invalid("服务规则中的次数和时限不能为负", "rules: counts and durations must not be negative");
  }
  if (!(r.serviceTimeSmoothing > 0 && r.serviceTimeSmoothing <= 1)) {
    return invalid("办理时长平滑系数必须在 (0, 1] 之间", "rules: serviceTimeSmoothing must be in (0, 1]");
  }
  return std::nullopt;
}

std::optional<Error> checkCaseRules(const CaseRules& r, const WorkingDays& calendar) {
  const auto& p = r.numberPrefix;
  const bool prefixOk = !p.empty() && p.size() <= 16 && std::all_of(p.begin(), p.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z');
  });
  if (!prefixOk) {
    return invalid("办件编号前缀须为 1 至 16 位大写字母或数字", "cases.numberPrefix: 1 to 16 upper-case letters or digits");
  }
  if (r.dueSoonWorkingDays < 0 || r.dueSoonWorkingDays > 30) {
    return invalid("临近时限提醒须为 0 至 30 个工作日", "cases.dueSoonWorkingDays: 0 to 30 working days");
  }
  if (calendar.weekend.size() > 6 ||
      std::any_of(calendar.weekend.begin(), calendar.weekend.end(), [](unsigned d) { return d < 1 || d > 7; })) {
    return invalid("工作日历的周末无效", "calendar.weekend: ISO weekdays 1 to 7, at most six of them");
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> checkDefinition(const HallDefinition& d) {
  std::set<QueueId> queues;
  std::set<std::string> prefixes;
  for (const auto& q : d.queues) {
    if (q.id.empty() || q.prefix.empty()) return invalid("队列编码和号头不能为空", "queue id and prefix must not be empty");
    if (!queues.insert(q.id).second) {
      return invalid(fmt::format("队列 {} 重复", q.id), fmt::format("duplicate queue '{}'", q.id));
    }
    if (!prefixes.insert(q.prefix).second) {
      return invalid(fmt::format("号头 {} 重复", q.prefix), fmt::format("duplicate prefix '{}'", q.prefix));
    }
  }
  std::set<ItemCode> items;
  for (const auto& i : d.items) {
    if (i.code.empty()) return invalid("事项编码不能为空", "item code must not be empty");
    if (!items.insert(i.code).second) {
      return invalid(fmt::format("事项编码 {} 重复", i.code), fmt::format("duplicate item '{}'", i.code));
    }
    if (!queues.contains(i.queue)) {
      return Error{ErrorCode::UnknownQueue, fmt::format("事项 {} 的队列 {} 不存在", i.code, i.queue),
                   fmt::format("item '{}' goes to unknown queue '{}'", i.code, i.queue)};
    }
    if (i.typicalServiceMinutes <= 0) {
      return invalid(fmt::format("事项 {} 的平均办理时长必须为正", i.code),
                     fmt::format("item '{}': typical service minutes must be positive", i.code));
    }
  }
  std::set<WindowNumber> windows;
  for (const auto& w : d.windows) {
    if (w.number <= 0 || !windows.insert(w.number).second) {
      return invalid(fmt::format("窗口号 {} 无效或重复", w.number), fmt::format("window number {} invalid or duplicate", w.number));
    }
    if (auto bad = checkProfile(w.profile, w.number, queues)) return bad;
  }
  if (auto bad = checkCaseRules(d.cases, d.calendar)) return bad;
  return checkRules(d.rules);
}

}  // namespace jiujin::core
