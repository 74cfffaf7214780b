#pragma once
// Building the reasons a command is refused: one code, a sentence for the clerk (中文) and
// one for the log (English).
#include <fmt/format.h>

#include <string>
#include <vector>

#include "hall_data.hpp"
#include "jiujin/core/error.hpp"
#include "jiujin/core/events.hpp"

namespace jiujin::core::detail {

inline Error refuse(ErrorCode code, std::string zh, std::string en) {
  return Error{code, std::move(zh), std::move(en)};
}

inline Error dayNotOpen() {
  return refuse(ErrorCode::DayNotOpen, "今日尚未开始营业", "no service day is open");
}

inline Error unknownWindow(WindowNumber n) {
  return refuse(ErrorCode::UnknownWindow, fmt::format("没有 {} 号窗口", n), fmt::format("no window {}", n));
}

inline Error unknownTicket(TicketId id) {
  return refuse(ErrorCode::UnknownTicket, fmt::format("今日没有编号为 {} 的号票", id),
                fmt::format("no ticket {} today", id));
}

/// A status of the window, or why it cannot be named.
inline Result<const WindowStatus*> windowNamed(const HallData& hall, WindowNumber n) {
  const WindowStatus* w = hall.window(n);
  if (!w) return unknownWindow(n);
  return w;
}

/// The window's active (called or serving) ticket, or why there is none.
inline Result<const Ticket*> activeTicketAt(const HallData& hall, WindowNumber n) {
  const WindowStatus* w = hall.window(n);
  if (!w) return unknownWindow(n);
  const Ticket* t = w->current ? hall.ticket(*w->current) : nullptr;
  if (!t) {
    return refuse(ErrorCode::NoActiveTicket, fmt::format("{} 号窗口当前没有呼叫或办理中的号", n),
                  fmt::format("window {} has no active ticket", n));
  }
  return t;
}


/// Events as a decision, one or more.
template <typename... E>
std::vector<Event> events(E&&... e) {
  std::vector<Event> out;
  out.reserve(sizeof...(E));
  (out.emplace_back(std::forward<E>(e)), ...);
  return out;
}

}  // namespace jiujin::core::detail
