// The service day and the hall as a whole: opening (numbering restarts), closing (waiting
// and called tickets expire), the manager's notice and definition reloads.
#include <fmt/format.h>

#include <set>

#include "decide.hpp"
#include "jiujin/core/validation.hpp"
#include "refusal.hpp"

namespace jiujin::core::detail {

Decision decideCommand(const HallData& h, const cmd::OpenDay& c, TimePoint now) {
  if (h.state.open) {
    return refuse(ErrorCode::DayAlreadyOpen, "今日已开始营业，请先结束营业", "a service day is already open");
  }
  if (!c.date.ok()) return refuse(ErrorCode::InvalidArgument, "日期无效", "invalid date");
  // Yesterday's tickets leave the state at opening; one still being served would be lost.
  for (const auto& [number, w] : h.state.windows) {
    if (w.current) {
      return refuse(ErrorCode::WindowBusy, fmt::format("{} 号窗口还有未办结的号，请先处理", number),
                    fmt::format("window {} still holds a ticket from the previous day", number));
    }
  }
  return events(ev::DayOpened{now, c.date});
}

Decision decideCommand(const HallData& h, const cmd::CloseDay&, TimePoint now) {
  if (!h.state.open) return dayNotOpen();
  ev::DayClosed closed{now, {}};
  for (const auto& [id, t] : h.state.tickets) {
    if (t.state == TicketState::Waiting || t.state == TicketState::Called) closed.expired.push_back(id);
  }
  return events(std::move(closed));
}

Decision decideCommand(const HallData&, const cmd::BroadcastNotice& c, TimePoint now) {
  return events(ev::NoticeBroadcast{now, c.text});
}

Decision decideCommand(const HallData& h, const cmd::UpdateDefinition& c, TimePoint now) {
  if (auto invalid = checkDefinition(c.definition)) return *invalid;
  std::set<QueueId> queues;
  for (const auto& q : c.definition.queues) queues.insert(q.id);
  std::set<WindowNumber> windows;
  for (const auto& w : c.definition.windows) windows.insert(w.number);
  for (const auto& [id, t] : h.state.tickets) {
    if (isFinal(t.state)) continue;
    if (!queues.contains(t.queue)) {
      return refuse(ErrorCode::InvalidArgument, fmt::format("{} 队列还有号（{}），不能删除", t.queue, t.number),
                    fmt::format("queue '{}' still holds ticket {}", t.queue, t.number));
    }
    if (t.targetWindow && !windows.contains(*t.targetWindow)) {
      return refuse(ErrorCode::InvalidArgument,
                    fmt::format("{} 已转办至 {} 号窗口，不能删除该窗口", t.number, *t.targetWindow),
                    fmt::format("ticket {} waits for window {}", t.number, *t.targetWindow));
    }
  }
  for (const auto& [number, w] : h.state.windows) {
    if (!windows.contains(number) && w.state != WindowState::Closed) {
      return refuse(ErrorCode::IllegalTransition, fmt::format("{} 号窗口仍在开放，请先关闭再删除", number),
                    fmt::format("window {} is open: close it before removing it", number));
    }
  }
  return events(ev::DefinitionUpdated{now, c.definition});
}

}  // namespace jiujin::core::detail
