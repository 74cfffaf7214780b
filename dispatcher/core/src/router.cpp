#include "router.hpp"

#include <fmt/format.h>

#include <chrono>
#include <tuple>
#include <vector>

#include "jiujin/core/names.hpp"

namespace jiujin::core::detail {
namespace {

/// A queue the window may take from now, with the entry that allowed it.
struct EligibleQueue {
  const ProfileEntry* entry;
  const QueueWaiting* waiting;
};

long minutesBetween(TimePoint from, TimePoint to) {
  return static_cast<long>(std::chrono::duration_cast<Minutes>(to - from).count());
}

std::string clockText(TimePoint t) {
  const auto sinceMidnight = t - std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss<Milliseconds> hms{sinceMidnight};
  return fmt::format("{:02}:{:02}", hms.hours().count(), hms.minutes().count());
}

/// The earlier of two optional set fronts.
const WaitingKey* earlier(const WaitingKey* a, const WaitingKey* b) {
  if (!a) return b;
  if (!b) return a;
  return *b < *a ? b : a;
}

const WaitingKey* frontOf(const WaitingSet& set) { return set.empty() ? nullptr : &*set.begin(); }

std::string conditionText(const ProfileEntry& entry) {
  if (entry.onlyWhenNoDedicatedWindowOpen) return "（本队列暂无专门窗口开放，由本窗口兼办）";
  if (entry.onlyWhenOldestWaitsAtLeast) {
    return fmt::format("（本队列最早的号已等候满 {} 分钟，由本窗口兼办）",
                       entry.onlyWhenOldestWaitsAtLeast->count());
  }
  return {};
}

}  // namespace

std::optional<CallDecision> Router::next(WindowNumber number, TimePoint now) const {
  const WindowStatus* window = hall_.window(number);
  if (!window) return std::nullopt;
  auto decide = [&](TicketId id, CallReason reason, std::string why) {
    return std::optional<CallDecision>{CallDecision{id, reason, std::move(why)}};
  };
  auto numberOf = [&](TicketId id) -> const std::string& { return hall_.ticket(id)->number; };

  // 0. Pinned by a manager: calling out of order, recorded as such.
  if (window->pinned) {
    const Ticket* pinned = hall_.ticket(*window->pinned);
    if (pinned && pinned->state == TicketState::Waiting) {
      return decide(pinned->id, CallReason::Pinned,
                    fmt::format("{} 由管理员指定在本窗口呼叫（不按排队顺序）", pinned->number));
    }
  }

  // The queues this window may take from right now.
  // Reused between calls: no allocation per decision once warm (the hall is single-threaded,
  // thread_local keeps separate halls on separate threads apart).
  thread_local std::vector<EligibleQueue> eligible;
  eligible.clear();
  for (const auto& entry : window->profile.entries) {
    const QueueWaiting* waiting = hall_.waiting.queue(entry.queue);
    if (!waiting || waiting->size() == 0) continue;
    if (entry.onlyWhenOldestWaitsAtLeast) {
      const WaitingKey* oldest = earlier(frontOf(waiting->normal), frontOf(waiting->priority));
      if (now - oldest->at < *entry.onlyWhenOldestWaitsAtLeast) continue;
    }
    if (entry.onlyWhenNoDedicatedWindowOpen && hall_.dedicatedOpenOtherThan(entry.queue, number) > 0) {
      continue;
    }
    eligible.push_back({&entry, waiting});
  }

  // 1. Appointments whose slot has begun.
  const WaitingKey* appointment = nullptr;
  for (const auto& q : eligible) appointment = earlier(appointment, frontOf(q.waiting->appointments));
  if (appointment && appointment->at <= now) {
    return decide(appointment->id, CallReason::Appointment,
                  fmt::format("{} 为预约号，预约时段 {} 已到，优先呼叫", numberOf(appointment->id),
                              clockText(appointment->at)));
  }

  // 2. 绿色通道, with aging so that normal tickets are never starved.
  const WaitingKey* oldestPriority = nullptr;
  const WaitingKey* oldestNormal = nullptr;
  for (const auto& q : eligible) {
    oldestPriority = earlier(oldestPriority, frontOf(q.waiting->priority));
    oldestNormal = earlier(oldestNormal, frontOf(q.waiting->normal));
  }
  if (oldestPriority) {
    const Minutes agingLimit = hall_.definition.rules.priorityAgingLimit;
    if (oldestNormal && oldestPriority->at - oldestNormal->at >= agingLimit) {
      return decide(oldestNormal->id, CallReason::AgedNormal,
                    fmt::format("普通号 {} 已等候 {} 分钟，比最早的绿色通道号 {} 多等 {} 分钟"
                                "（达到 {} 分钟上限），先于绿色通道呼叫",
                                numberOf(oldestNormal->id), minutesBetween(oldestNormal->at, now),
                                numberOf(oldestPriority->id),
                                minutesBetween(oldestNormal->at, oldestPriority->at), agingLimit.count()));
    }
    const Ticket& t = *hall_.ticket(oldestPriority->id);
    return decide(t.id, CallReason::Priority,
                  fmt::format("{} 为绿色通道（{}）号，优先于普通号", t.number, zhName(t.priority)));
  }

  // 3. Transferred here: to this window, then to any window of its kind.
  if (const WaitingSet* toWindow = hall_.waiting.transferredToWindow(number)) {
    const TicketId id = toWindow->begin()->id;
    return decide(id, CallReason::TransferredToWindow,
                  fmt::format("{} 已转办至本窗口，优先于排队的号", numberOf(id)));
  }
  if (const WindowDef* def = hall_.windowDef(number)) {
    if (const WaitingSet* toKind = hall_.waiting.transferredToKind(def->kind)) {
      const TicketId id = toKind->begin()->id;
      return decide(id, CallReason::TransferredToKind,
                    fmt::format("{} 已转办至{}窗口，由本窗口接办", numberOf(id), zhName(def->kind)));
    }
  }

  // 4. The longest weighted wait. Only normal tickets are left in eligible queues here.
  const EligibleQueue* best = nullptr;
  double bestScore = 0;
  for (const auto& q : eligible) {
    const WaitingKey* front = frontOf(q.waiting->normal);
    if (!front) continue;
    const double waited = std::chrono::duration<double>(now - front->at).count();
    const double score = waited * q.entry->weight;
    if (!best || score > bestScore ||
        (score == bestScore &&
         std::tie(front->at, front->id) < std::tie(best->waiting->normal.begin()->at,
                                                  best->waiting->normal.begin()->id))) {
      best = &q;
      bestScore = score;
    }
  }
  if (!best) return std::nullopt;
  const WaitingKey& chosen = *best->waiting->normal.begin();
  const QueueDef* queueDef = hall_.queue(best->entry->queue);
  std::string weightText =
      best->entry->weight == 1.0 ? std::string{} : fmt::format("（权重 {:g}）", best->entry->weight);
  return decide(chosen.id, CallReason::LongestWeightedWait,
                fmt::format("{} 在{}队列已等候 {} 分钟{}，是本窗口所服务队列中加权等候最久的号{}",
                            numberOf(chosen.id), queueDef ? queueDef->name : best->entry->queue,
                            minutesBetween(chosen.at, now), weightText, conditionText(*best->entry)));
}

}  // namespace jiujin::core::detail
