// A window's own states: closed → (clerk logged in) open-idle ⇄ paused; calling and serving
// come from the ticket lifecycle. A clerk must be logged in to open a window; a window
// holding a ticket may not pause or close; logging out closes an idle window first.
#include <cmath>

#include <fmt/format.h>

#include "decide.hpp"
#include "jiujin/core/names.hpp"
#include "refusal.hpp"

namespace jiujin::core::detail {
namespace {

Error busy(WindowNumber n, const char* actionZh, const char* actionEn) {
  return refuse(ErrorCode::WindowBusy, fmt::format("{} 号窗口还有当前号，不能{}", n, actionZh),
                fmt::format("window {} holds a ticket: cannot {}", n, actionEn));
}

Error wrongState(const WindowStatus& w, const char* actionZh, const char* actionEn) {
  return refuse(ErrorCode::IllegalTransition,
                fmt::format("{} 号窗口当前{}，不能{}", w.number, zhName(w.state), actionZh),
                fmt::format("window {} is {}: cannot {}", w.number, toString(w.state), actionEn));
}

bool holdsTicket(const WindowStatus& w) {
  return w.state == WindowState::Calling || w.state == WindowState::Serving;
}

}  // namespace

Decision decideCommand(const HallData& h, const cmd::PauseWindow& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (holdsTicket(w)) return busy(c.window, "暂停", "pause");
  if (w.state == WindowState::Closed) {
    return refuse(ErrorCode::WindowClosed, fmt::format("{} 号窗口未开放", c.window), fmt::format("window {} is closed", c.window));
  }
  if (w.state == WindowState::Paused) return wrongState(w, "再次暂停", "pause again");
  return events(ev::WindowPaused{now, c.window, c.reason});
}

Decision decideCommand(const HallData& h, const cmd::ResumeWindow& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (w.state != WindowState::Paused) return wrongState(w, "恢复服务", "resume");
  return events(ev::WindowResumed{now, c.window});
}

Decision decideCommand(const HallData& h, const cmd::OpenWindow& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (w.state != WindowState::Closed) return wrongState(w, "开放", "open");
  if (!w.clerk) {
    return refuse(ErrorCode::NotLoggedIn, fmt::format("{} 号窗口没有工作人员登录，不能开放", c.window),
                  fmt::format("no clerk logged in at window {}", c.window));
  }
  return events(ev::WindowOpened{now, c.window});
}

Decision decideCommand(const HallData& h, const cmd::CloseWindow& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (holdsTicket(w)) return busy(c.window, "关闭", "close");
  if (w.state == WindowState::Closed) {
    return refuse(ErrorCode::WindowClosed, fmt::format("{} 号窗口已关闭", c.window),
                  fmt::format("window {} is already closed", c.window));
  }
  return events(ev::WindowClosed{now, c.window});
}

Decision decideCommand(const HallData& h, const cmd::ClerkLogin& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (c.clerk.empty()) return refuse(ErrorCode::InvalidArgument, "工号不能为空", "empty clerk id");
  if (w.clerk) {
    return refuse(ErrorCode::IllegalTransition,
                  fmt::format("{} 号窗口已有工作人员 {} 登录，请先退出", c.window, *w.clerk),
                  fmt::format("clerk {} is already logged in at window {}", *w.clerk, c.window));
  }
  return events(ev::ClerkLoggedIn{now, c.window, c.clerk});
}

Decision decideCommand(const HallData& h, const cmd::ClerkLogout& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (!w.clerk) {
    return refuse(ErrorCode::NotLoggedIn, fmt::format("{} 号窗口没有工作人员登录", c.window),
                  fmt::format("no clerk logged in at window {}", c.window));
  }
  if (holdsTicket(w)) return busy(c.window, "退出登录", "log out");
  // An open window never stands without a clerk: logging out closes it first.
  if (w.state != WindowState::Closed) {
    return events(ev::WindowClosed{now, c.window}, ev::ClerkLoggedOut{now, c.window, *w.clerk});
  }
  return events(ev::ClerkLoggedOut{now, c.window, *w.clerk});
}

Decision decideCommand(const HallData& h, const cmd::SetWorkProfile& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  for (const auto& entry : c.profile.entries) {
    if (!h.queue(entry.queue)) {
      return refuse(ErrorCode::UnknownQueue, fmt::format("没有 {} 队列", entry.queue),
                    fmt::format("unknown queue '{}' in profile", entry.queue));
    }
    if (!std::isfinite(entry.weight) || entry.weight <= 0 ||
        (entry.onlyWhenOldestWaitsAtLeast && entry.onlyWhenOldestWaitsAtLeast->count() < 0)) {
      return refuse(ErrorCode::InvalidArgument, fmt::format("{} 队列的权重或条件无效", entry.queue),
                    fmt::format("profile entry '{}' needs a positive weight and a non-negative wait", entry.queue));
    }
  }
  return events(ev::ProfileChanged{now, c.window, c.profile});
}

Decision decideCommand(const HallData& h, const cmd::PinTicket& c, TimePoint now) {
  if (!h.state.open) return dayNotOpen();
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const Ticket* t = h.ticket(c.ticket);
  if (!t) return unknownTicket(c.ticket);
  if (t->state != TicketState::Waiting) {
    return refuse(ErrorCode::IllegalTransition, fmt::format("{} 当前{}，只能指定等候中的号", t->number, zhName(t->state)),
                  fmt::format("ticket {} is {}: only waiting tickets can be pinned", t->number, toString(t->state)));
  }
  return events(ev::TicketPinned{now, c.window, t->id});
}

}  // namespace jiujin::core::detail
