#include "apply.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "case_apply.hpp"
#include "jiujin/core/names.hpp"

namespace jiujin::core::detail {
namespace {

class Applier {
 public:
  explicit Applier(HallData& hall) : h_(hall) {}

  void operator()(const ev::DayOpened& e) {
    forgetClosedCases(h_, h_.state.day);
    h_.state.day = e.date;
    h_.state.open = true;
    h_.state.tickets.clear();
    h_.state.lastSequence.clear();
    for (auto& [number, w] : h_.state.windows) {
      w.current.reset();
      w.pinned.reset();
      w.awaitingEvaluation.reset();
      if (w.state == WindowState::Calling || w.state == WindowState::Serving) enter(w, WindowState::Idle, e.at);
    }
    h_.reindexState();
  }

  /// Every case event (case_apply.cpp).
  template <typename CaseEvent>
    requires requires(HallData& h, const CaseEvent& e) { applyCaseEvent(h, e); }
  void operator()(const CaseEvent& e) {
    applyCaseEvent(h_, e);
  }

  void operator()(const ev::DayClosed& e) {
    h_.state.open = false;
    for (TicketId id : e.expired) {
      Ticket* t = h_.ticket(id);
      if (!t || (t->state != TicketState::Waiting && t->state != TicketState::Called)) continue;
      leave(*t, e.at);
      end(*t, TicketState::Expired, e.at, t->window, "营业结束，号票过期", StepKind::Expired);
    }
  }

  void operator()(const ev::TicketIssued& e) {
    if (h_.state.tickets.contains(e.ticket.id)) return;
    const Ticket& t = h_.state.tickets.emplace(e.ticket.id, e.ticket).first->second;
    h_.state.nextTicketId = std::max(h_.state.nextTicketId, t.id + 1);
    int& last = h_.state.lastSequence[t.queue];
    last = std::max(last, t.sequence);
    if (t.state == TicketState::Waiting) h_.waiting.add(t);
    if (!t.requestKey.empty()) h_.byRequestKey.emplace(t.requestKey, t.id);
  }

  void operator()(const ev::TicketCalled& e) {
    Ticket* t = h_.ticket(e.ticket);
    WindowStatus* w = h_.window(e.window);
    if (!t || !w) return;
    leave(*t, e.at);
    t->state = TicketState::Called;
    t->window = e.window;
    t->calledAt = e.at;
    t->recalls = 0;
    t->history.push_back({e.at, TicketState::Called, e.window, e.explanation, StepKind::Called, e.reason, {}});
    w->current = t->id;
    enter(*w, WindowState::Calling, e.at);
  }

  void operator()(const ev::TicketRecalled& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    t->recalls = e.recalls;
    t->calledAt = e.at;
    t->history.push_back(
        {e.at, TicketState::Called, e.window, fmt::format("第 {} 次重呼", e.recalls), StepKind::Recalled, {}, {}});
  }

  void operator()(const ev::ServiceStarted& e) {
    Ticket* t = h_.ticket(e.ticket);
    WindowStatus* w = h_.window(e.window);
    if (!t || !w) return;
    t->state = TicketState::Serving;
    t->startedAt = e.at;
    t->clerk = w->clerk;
    t->history.push_back({e.at, TicketState::Serving, e.window, "开始办理", StepKind::Started, {}, {}});
    enter(*w, WindowState::Serving, e.at);
  }

  void operator()(const ev::ServiceCompleted& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    if (t->startedAt) learnServiceTime(t->item, e.at - *t->startedAt);
    release(*t, e.at);
    end(*t, TicketState::Completed, e.at, e.window, "办结", StepKind::Completed);
    t->evaluation = EvaluationStatus::Requested;
    h_.lastCompleted[e.window] = t->id;
    if (WindowStatus* w = h_.window(e.window)) w->awaitingEvaluation = t->id;
  }

  void operator()(const ev::TicketNoShow& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    release(*t, e.at);
    end(*t, TicketState::NoShow, e.at, e.window, e.automatic ? "过号（呼叫后超时未到）" : "过号",
        e.automatic ? StepKind::NoShowTimedOut : StepKind::NoShow);
  }

  void operator()(const ev::TicketReactivated& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t || t->state != TicketState::NoShow) return;
    t->state = TicketState::Waiting;
    t->endedAt.reset();
    t->calledAt.reset();
    t->recalls = 0;
    t->history.push_back({e.at, TicketState::Waiting, std::nullopt, "过号后恢复等候", StepKind::Reactivated, {}, {}});
    h_.waiting.add(*t);
  }

  void operator()(const ev::TicketTransferred& e) {
    Ticket* parent = h_.ticket(e.from);
    if (!parent || h_.state.tickets.contains(e.child.id)) return;
    leave(*parent, e.at);
    parent->transferredTo = e.child.id;
    end(*parent, TicketState::Transferred, e.at, e.window,
        e.child.history.empty() ? std::string{"转办"} : e.child.history.front().note, StepKind::Transferred,
        e.child.note);
    const Ticket& child = h_.state.tickets.emplace(e.child.id, e.child).first->second;
    h_.state.nextTicketId = std::max(h_.state.nextTicketId, child.id + 1);
    if (child.state == TicketState::Waiting) h_.waiting.add(child);
  }

  void operator()(const ev::TicketCancelled& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    leave(*t, e.at);
    end(*t, TicketState::Cancelled, e.at, t->window, e.reason.empty() ? "取消" : "取消：" + e.reason,
        StepKind::Cancelled, e.reason);
  }

  void operator()(const ev::EvaluationRequested& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    t->evaluation = EvaluationStatus::Requested;
    t->history.push_back({e.at, t->state, e.window, "请求评价", StepKind::EvaluationRequested, {}, {}});
    if (WindowStatus* w = h_.window(e.window)) w->awaitingEvaluation = t->id;
  }

  void operator()(const ev::TicketEvaluated& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    t->evaluation = EvaluationStatus::Rated;
    t->rating = e.rating;
    t->history.push_back(
        {e.at, t->state, e.window, fmt::format("评价：{}", zhName(e.rating)), StepKind::Rated, {}, {}});
    stopPrompting(e.window, t->id);
  }

  void operator()(const ev::EvaluationTimedOut& e) {
    Ticket* t = h_.ticket(e.ticket);
    if (!t) return;
    t->evaluation = EvaluationStatus::NotRated;
    t->history.push_back({e.at, t->state, e.window, "未评价", StepKind::NotRated, {}, {}});
    stopPrompting(e.window, t->id);
  }

  void operator()(const ev::WindowOpened& e) { windowTo(e.window, WindowState::Idle, e.at); }

  void operator()(const ev::WindowClosed& e) {
    if (WindowStatus* w = h_.window(e.window)) unpinWindow(*w);
    windowTo(e.window, WindowState::Closed, e.at);
  }

  void operator()(const ev::WindowPaused& e) {
    windowTo(e.window, WindowState::Paused, e.at);
    if (WindowStatus* w = h_.window(e.window)) w->pauseReason = e.reason;
  }

  void operator()(const ev::WindowResumed& e) { windowTo(e.window, WindowState::Idle, e.at); }

  void operator()(const ev::ClerkLoggedIn& e) {
    if (WindowStatus* w = h_.window(e.window)) w->clerk = e.clerk;
  }

  void operator()(const ev::ClerkLoggedOut& e) {
    if (WindowStatus* w = h_.window(e.window)) w->clerk.reset();
  }

  void operator()(const ev::ProfileChanged& e) {
    if (WindowStatus* w = h_.window(e.window)) w->profile = e.profile;
    h_.recountDedicated();
  }

  void operator()(const ev::TicketPinned& e) {
    WindowStatus* w = h_.window(e.window);
    if (!w) return;
    unpinTicket(e.ticket);
    unpinWindow(*w);
    w->pinned = e.ticket;
    h_.pinnedAt[e.ticket] = e.window;
  }

  void operator()(const ev::NoticeBroadcast& e) { h_.state.notice = e.text; }

  void operator()(const ev::DefinitionUpdated& e) {
    const HallDefinition previous = std::move(h_.definition);
    h_.definition = e.definition;
    h_.reindexDefinition();
    auto& windows = h_.state.windows;
    std::erase_if(windows, [&](const auto& entry) { return !h_.windowDefs.contains(entry.first); });
    for (const auto& def : h_.definition.windows) {
      auto [it, added] = windows.try_emplace(def.number);
      WindowStatus& w = it->second;
      if (added) {
        w.number = def.number;
        w.profile = def.profile;
        w.since = e.at;
        continue;
      }
      // A reloaded profile replaces the running one; an unchanged one keeps managers' edits.
      auto old = std::find_if(previous.windows.begin(), previous.windows.end(),
                              [&](const WindowDef& o) { return o.number == def.number; });
      if (old == previous.windows.end() || old->profile != def.profile) w.profile = def.profile;
    }
    h_.reindexState();
  }

 private:
  void enter(WindowStatus& w, WindowState state, TimePoint at) {
    w.state = state;
    w.since = at;
    if (state != WindowState::Paused) w.pauseReason.clear();
  }

  void windowTo(WindowNumber number, WindowState state, TimePoint at) {
    WindowStatus* w = h_.window(number);
    if (!w) return;
    const bool openChanges = isOpen(w->state) != isOpen(state);
    enter(*w, state, at);
    if (openChanges) h_.recountDedicated();
  }

  /// The ticket stops waiting or stops being active at its window.
  void leave(Ticket& t, TimePoint at) {
    if (t.state == TicketState::Waiting) {
      h_.waiting.remove(t);
      unpinTicket(t.id);
    } else if (t.state == TicketState::Called || t.state == TicketState::Serving) {
      release(t, at);
    }
  }

  /// Frees the window the ticket is active at.
  void release(const Ticket& t, TimePoint at) {
    if (!t.window) return;
    WindowStatus* w = h_.window(*t.window);
    if (!w || w->current != t.id) return;
    w->current.reset();
    enter(*w, WindowState::Idle, at);
  }

  void end(Ticket& t, TicketState state, TimePoint at, std::optional<WindowNumber> window, std::string note,
           StepKind kind, std::string remark = {}) {
    t.state = state;
    t.endedAt = at;
    t.history.push_back({at, state, window, std::move(note), kind, std::nullopt, std::move(remark)});
  }

  void unpinTicket(TicketId id) {
    auto it = h_.pinnedAt.find(id);
    if (it == h_.pinnedAt.end()) return;
    if (WindowStatus* w = h_.window(it->second); w && w->pinned == id) w->pinned.reset();
    h_.pinnedAt.erase(it);
  }

  void unpinWindow(WindowStatus& w) {
    if (!w.pinned) return;
    h_.pinnedAt.erase(*w.pinned);
    w.pinned.reset();
  }

  void stopPrompting(WindowNumber number, TicketId id) {
    WindowStatus* w = h_.window(number);
    if (w && w->awaitingEvaluation == id) w->awaitingEvaluation.reset();
  }

  /// Recent service times per item, exponentially weighted, seeded by the item's prior.
  void learnServiceTime(const ItemCode& item, Milliseconds took) {
    const double seconds = std::chrono::duration<double>(took).count();
    const double previous = h_.expectedServiceSeconds(item);
    const double alpha = h_.definition.rules.serviceTimeSmoothing;
    h_.state.serviceSecondsEwma[item] = previous + alpha * (seconds - previous);
  }

  HallData& h_;
};

}  // namespace

void applyEvent(HallData& hall, const Event& event) { std::visit(Applier{hall}, event); }

}  // namespace jiujin::core::detail
