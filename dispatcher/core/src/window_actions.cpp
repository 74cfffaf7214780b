// Hall::allowed: every keypad action put to the same decisions execute() makes. Deciding
// reads the hall and never writes it, so asking is free of effects; a refusal here is the
// refusal the clerk would get.
#include "decide.hpp"

namespace jiujin::core::detail {
namespace {

void note(WindowActions& actions, WindowAction action, const Decision& decision) {
  if (!decision) actions.refuse(action, decision.error());
}

}  // namespace

WindowActions allowedActions(const HallData& h, WindowNumber n, TimePoint now) {
  WindowActions actions;
  note(actions, WindowAction::CallNext, decide(h, cmd::CallNext{n}, now));
  note(actions, WindowAction::Recall, decide(h, cmd::Recall{n}, now));
  note(actions, WindowAction::StartService, decide(h, cmd::StartService{n}, now));
  note(actions, WindowAction::Complete, decide(h, cmd::Complete{n}, now));
  note(actions, WindowAction::MarkNoShow, decide(h, cmd::MarkNoShow{n}, now));
  if (auto refusal = transferRefusal(h, n)) actions.refuse(WindowAction::Transfer, *refusal);
  note(actions, WindowAction::Pause, decide(h, cmd::PauseWindow{n, ""}, now));
  note(actions, WindowAction::Resume, decide(h, cmd::ResumeWindow{n}, now));
  note(actions, WindowAction::RequestEvaluation, decide(h, cmd::RequestEvaluation{n}, now));
  return actions;
}

}  // namespace jiujin::core::detail
