#pragma once
// Deciding: a command checked against the current state becomes events, or an Error.
// Decisions only read HallData; apply() (apply.hpp) is the one writer.
#include <optional>
#include <vector>

#include "hall_data.hpp"
#include "jiujin/core/commands.hpp"
#include "jiujin/core/error.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/window_actions.hpp"

namespace jiujin::core::detail {

using Decision = Result<std::vector<Event>>;

Decision decide(const HallData& hall, const Command& command, TimePoint now);

// One overload per command, grouped by file: day.cpp, lifecycle.cpp, windows.cpp.
Decision decideCommand(const HallData&, const cmd::OpenDay&, TimePoint);
Decision decideCommand(const HallData&, const cmd::CloseDay&, TimePoint);
Decision decideCommand(const HallData&, const cmd::BroadcastNotice&, TimePoint);
Decision decideCommand(const HallData&, const cmd::UpdateDefinition&, TimePoint);
Decision decideCommand(const HallData&, const cmd::IssueTicket&, TimePoint);
Decision decideCommand(const HallData&, const cmd::CallNext&, TimePoint);
Decision decideCommand(const HallData&, const cmd::Recall&, TimePoint);
Decision decideCommand(const HallData&, const cmd::StartService&, TimePoint);
Decision decideCommand(const HallData&, const cmd::Complete&, TimePoint);
Decision decideCommand(const HallData&, const cmd::MarkNoShow&, TimePoint);
Decision decideCommand(const HallData&, const cmd::Reactivate&, TimePoint);
Decision decideCommand(const HallData&, const cmd::Transfer&, TimePoint);
Decision decideCommand(const HallData&, const cmd::Cancel&, TimePoint);
Decision decideCommand(const HallData&, const cmd::RequestEvaluation&, TimePoint);
Decision decideCommand(const HallData&, const cmd::Evaluate&, TimePoint);
Decision decideCommand(const HallData&, const cmd::RateTicket&, TimePoint);
Decision decideCommand(const HallData&, const cmd::PauseWindow&, TimePoint);
Decision decideCommand(const HallData&, const cmd::ResumeWindow&, TimePoint);
Decision decideCommand(const HallData&, const cmd::OpenWindow&, TimePoint);
Decision decideCommand(const HallData&, const cmd::CloseWindow&, TimePoint);
Decision decideCommand(const HallData&, const cmd::ClerkLogin&, TimePoint);
Decision decideCommand(const HallData&, const cmd::ClerkLogout&, TimePoint);
Decision decideCommand(const HallData&, const cmd::SetWorkProfile&, TimePoint);
Decision decideCommand(const HallData&, const cmd::PinTicket&, TimePoint);
// cases.cpp
Decision decideCommand(const HallData&, const cmd::AcceptCase&, TimePoint);
Decision decideCommand(const HallData&, const cmd::MarkCaseMaterials&, TimePoint);
Decision decideCommand(const HallData&, const cmd::RequestCaseCorrection&, TimePoint);
Decision decideCommand(const HallData&, const cmd::SupplyCaseMaterials&, TimePoint);
Decision decideCommand(const HallData&, const cmd::StartCaseProcessing&, TimePoint);
Decision decideCommand(const HallData&, const cmd::DecideCase&, TimePoint);
Decision decideCommand(const HallData&, const cmd::RejectCase&, TimePoint);
Decision decideCommand(const HallData&, const cmd::MarkCaseReady&, TimePoint);
Decision decideCommand(const HallData&, const cmd::CollectCase&, TimePoint);
/// Why a ticket cannot be issued to collect the case numbered so (unknown, or not ready), if not.
std::optional<Error> collectionTicketRefusal(const HallData&, const std::string& caseNumber);
Decision decideCommand(const HallData&, const cmd::FinishCaseOnSpot&, TimePoint);

/// Why CallNext at `window` would be refused now, if it would (routing aside).
std::optional<Error> callRefusal(const HallData& hall, WindowNumber window);

/// Why Transfer at `window` would be refused now whatever its target, if it would.
std::optional<Error> transferRefusal(const HallData& hall, WindowNumber window);

/// Hall::allowed: each keypad action decided as execute() would, nothing applied.
WindowActions allowedActions(const HallData& hall, WindowNumber window, TimePoint now);

/// Timed transitions due at `now`: automatic no-shows, evaluation timeouts, cases due soon
/// or overdue.
std::vector<Event> dueTransitions(const HallData& hall, TimePoint now);

}  // namespace jiujin::core::detail
