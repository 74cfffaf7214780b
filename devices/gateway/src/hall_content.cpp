#include "jiujin/devices/gateway/hall_content.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>

namespace jiujin::devices::gateway {

namespace {

const core::WindowStatus* windowOf(const core::Hall& hall, core::WindowNumber window) {
  const auto& windows = hall.state().windows;
  const auto it = windows.find(window);
  return it == windows.end() ? nullptr : &it->second;
}

const core::Ticket* currentTicket(const core::Hall& hall, const core::WindowStatus& w) {
  return w.current ? hall.findTicket(*w.current) : nullptr;
}

std::string windowName(const core::Hall& hall, core::WindowNumber window) {
  for (const auto& w : hall.definition().windows)
    if (w.number == window) return w.name;
  return fmt::format("{}号窗口", window);
}

/// When the ticket was last called (a recall counts as a new call).
core::TimePoint lastCalledAt(const core::Ticket& t) {
  core::TimePoint at = t.calledAt.value_or(t.issuedAt);
  for (const auto& step : t.history)
    if (step.state == core::TicketState::Called) at = std::max(at, step.at);
  return at;
}

std::string callLine(const core::Ticket& t) {
  return drivers::callingContent(t.number, t.window.value_or(0)).text;
}

}  // namespace

drivers::WindowContent windowDisplayContent(const core::Hall& hall, core::WindowNumber window) {
  const core::WindowStatus* w = windowOf(hall, window);
  if (!w || w->state == core::WindowState::Closed || !hall.state().open)
    return drivers::WindowContent{"未开放", drivers::Colour::Red, false, {}};
  if (w->state == core::WindowState::Paused) return drivers::pausedContent();
  if (const core::Ticket* t = currentTicket(hall, *w)) {
    auto content = drivers::callingContent(t->number, window);
    content.blink = w->state == core::WindowState::Calling;  // steady once service started
    return content;
  }
  return drivers::WindowContent{windowName(hall, window), drivers::Colour::Green, false, {}};
}

drivers::StripContent stripContent(const core::Hall& hall, std::size_t lines) {
  std::vector<const core::Ticket*> active;
  for (const auto& [id, t] : hall.state().tickets)
    if ((t.state == core::TicketState::Called || t.state == core::TicketState::Serving) && t.window)
      active.push_back(&t);
  std::stable_sort(active.begin(), active.end(),
                   [](const core::Ticket* a, const core::Ticket* b) { return lastCalledAt(*a) > lastCalledAt(*b); });
  drivers::StripContent content;
  for (std::size_t i = 0; i < active.size() && i < lines; ++i) content.lines.push_back(callLine(*active[i]));
  content.notice = hall.state().notice;
  content.scroll = content.notice.empty() ? drivers::ScrollMode::Still : drivers::ScrollMode::Scrolling;
  return content;
}

drivers::KeypadDisplay keypadDisplayContent(const core::Hall& hall, core::WindowNumber window) {
  drivers::KeypadDisplay display;
  const core::WindowStatus* w = windowOf(hall, window);
  if (!w) return display;
  if (const core::Ticket* t = currentTicket(hall, *w)) display.currentNumber = t->number;
  std::set<core::QueueId> queues;
  for (const auto& entry : w->profile.entries) queues.insert(entry.queue);
  for (const auto& [id, t] : hall.state().tickets) {
    if (t.state != core::TicketState::Waiting) continue;
    if (t.targetWindow ? *t.targetWindow == window : queues.contains(t.queue)) ++display.waitingCount;
  }
  return display;
}

std::optional<drivers::PadPrompt> padPromptContent(const core::Hall& hall, core::WindowNumber window,
                                                   const std::map<std::string, std::string>& clerkNames) {
  const core::WindowStatus* w = windowOf(hall, window);
  if (!w || !w->awaitingEvaluation) return std::nullopt;
  const core::Ticket* t = hall.findTicket(*w->awaitingEvaluation);
  if (!t || t->evaluation != core::EvaluationStatus::Requested) return std::nullopt;
  drivers::PadPrompt prompt;
  prompt.ticket = t->number;
  if (t->clerk) {
    prompt.clerkNumber = *t->clerk;
    if (const auto name = clerkNames.find(*t->clerk); name != clerkNames.end()) prompt.clerkName = name->second;
  }
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(hall.definition().rules.evaluationTimeout);
  prompt.timeoutSeconds = static_cast<int>(std::clamp<long long>(seconds.count(), 1, 3600));
  return prompt;
}

}  // namespace jiujin::devices::gateway
