#pragma once
// What happened. Every state change of the hall is one of these; applying the same events
// in the same order to the same state always gives the same state (journal replay, client
// mirrors). Each carries the time it happened.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::core {


namespace ev {
struct DayOpened { TimePoint at; Date date; };
struct DayClosed { TimePoint at; std::vector<TicketId> expired; };
struct TicketIssued { TimePoint at; Ticket ticket; };
struct TicketCalled {
  TimePoint at; TicketId ticket; WindowNumber window; CallReason reason; std::string explanation;
};
struct TicketRecalled { TimePoint at; TicketId ticket; WindowNumber window; int recalls; };
struct ServiceStarted { TimePoint at; TicketId ticket; WindowNumber window; };
struct ServiceCompleted { TimePoint at; TicketId ticket; WindowNumber window; };
struct TicketNoShow { TimePoint at; TicketId ticket; WindowNumber window; bool automatic; };
struct TicketReactivated { TimePoint at; TicketId ticket; };
struct TicketTransferred { TimePoint at; TicketId from; WindowNumber window; Ticket child; };
struct TicketCancelled { TimePoint at; TicketId ticket; std::string reason; };
struct EvaluationRequested { TimePoint at; TicketId ticket; WindowNumber window; };
struct TicketEvaluated { TimePoint at; TicketId ticket; WindowNumber window; Rating rating; };
struct EvaluationTimedOut { TimePoint at; TicketId ticket; WindowNumber window; };  ///< "not rated"
struct WindowOpened { TimePoint at; WindowNumber window; };
struct WindowClosed { TimePoint at; WindowNumber window; };
struct WindowPaused { TimePoint at; WindowNumber window; std::string reason; };
struct WindowResumed { TimePoint at; WindowNumber window; };
struct ClerkLoggedIn { TimePoint at; WindowNumber window; ClerkId clerk; };
struct ClerkLoggedOut { TimePoint at; WindowNumber window; ClerkId clerk; };
struct ProfileChanged { TimePoint at; WindowNumber window; WorkProfile profile; };
struct TicketPinned { TimePoint at; WindowNumber window; TicketId ticket; };
struct NoticeBroadcast { TimePoint at; std::string text; };
struct DefinitionUpdated { TimePoint at; HallDefinition definition; };

// Cases. The case is named by `caseId`, never by a field called `ticket` (the store files
// events by their `ticket` and `window`; `window` here is where the clerk acted).
struct CaseRegistered { TimePoint at; Case registered; };  ///< in 补正, or accepted with its due date
struct CaseMaterialsMarked { TimePoint at; CaseId caseId; WindowNumber window; std::vector<CaseMaterial> materials; };
struct CaseCorrectionRequested {
  TimePoint at; CaseId caseId; WindowNumber window; std::vector<std::string> missing; std::string note;
};
struct CaseMaterialsSupplied { TimePoint at; CaseId caseId; WindowNumber window; std::vector<std::string> received; };
/// 补正 ended: accepted for the first time, or back to `resumes`, with the due date now.
struct CaseAccepted {
  TimePoint at; CaseId caseId; WindowNumber window; CaseState resumes; std::optional<Date> dueDate;
};
struct CaseProcessingStarted { TimePoint at; CaseId caseId; WindowNumber window; std::optional<ClerkId> clerk; };
struct CaseDecided {
  TimePoint at; CaseId caseId; WindowNumber window; std::optional<ClerkId> clerk; CaseOutcome outcome;
  std::string reason;
};
struct CaseRejected { TimePoint at; CaseId caseId; WindowNumber window; std::optional<ClerkId> clerk; std::string reason; };
struct CaseReady { TimePoint at; CaseId caseId; WindowNumber window; };
struct CaseCollected {
  TimePoint at; CaseId caseId; WindowNumber window; std::optional<ClerkId> clerk; std::string collectedBy;
  std::optional<TicketId> withTicket;  ///< the ticket served at the window, if any
};
/// Timed: `workingDaysLeft` or fewer working days to the promised date (raised once).
struct CaseDueSoon { TimePoint at; CaseId caseId; Date dueDate; int workingDaysLeft; };
/// Timed: the promised date passed undecided (raised once).
struct CaseOverdue { TimePoint at; CaseId caseId; Date dueDate; };
}  // namespace ev

using Event = std::variant<ev::DayOpened, ev::DayClosed, ev::TicketIssued, ev::TicketCalled,
                           ev::TicketRecalled, ev::ServiceStarted, ev::ServiceCompleted,
                           ev::TicketNoShow, ev::TicketReactivated, ev::TicketTransferred,
                           ev::TicketCancelled, ev::EvaluationRequested, ev::TicketEvaluated,
                           ev::EvaluationTimedOut, ev::WindowOpened, ev::WindowClosed,
                           ev::WindowPaused, ev::WindowResumed, ev::ClerkLoggedIn,
                           ev::ClerkLoggedOut, ev::ProfileChanged, ev::TicketPinned,
                           ev::NoticeBroadcast, ev::DefinitionUpdated, ev::CaseRegistered,
                           ev::CaseMaterialsMarked, ev::CaseCorrectionRequested, ev::CaseMaterialsSupplied,
                           ev::CaseAccepted, ev::CaseProcessingStarted, ev::CaseDecided, ev::CaseRejected,
                           ev::CaseReady, ev::CaseCollected, ev::CaseDueSoon, ev::CaseOverdue>;

/// The time an event happened.
TimePoint timeOf(const Event& e);

}  // namespace jiujin::core
