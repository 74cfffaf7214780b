// Transitions that happen because time passed: a called resident who never came, a pad
// that got no answer — found per window (a handful), never by scanning tickets — and cases
// whose promised date comes near or passes (case_deadlines.cpp).
#include "case_deadlines.hpp"
#include "decide.hpp"

namespace jiujin::core::detail {

std::vector<Event> dueTransitions(const HallData& h, TimePoint now) {
  std::vector<Event> due;
  const Rules& rules = h.definition.rules;
  for (const auto& [number, w] : h.state.windows) {
    if (w.current) {
      const Ticket* t = h.ticket(*w.current);
      if (t && t->state == TicketState::Called && t->calledAt && now - *t->calledAt >= rules.noShowTimeout) {
        due.emplace_back(ev::TicketNoShow{now, t->id, number, true});
      }
    }
    if (w.awaitingEvaluation) {
      const Ticket* t = h.ticket(*w.awaitingEvaluation);
      // The pad waits evaluationTimeout after its last prompt (completion or a re-request).
      if (t && !t->history.empty() && now - t->history.back().at >= rules.evaluationTimeout) {
        due.emplace_back(ev::EvaluationTimedOut{now, t->id, number});
      }
    }
  }
  for (auto& e : caseDeadlines(h, now)) due.push_back(std::move(e));
  return due;
}

}  // namespace jiujin::core::detail
