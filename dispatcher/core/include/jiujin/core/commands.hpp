#pragma once
// What anyone can ask of the hall. Each command is validated against the current state;
// a legal one yields events, an illegal one an Error and no change.
#include <optional>
#include <string>
#include <variant>

#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::core {

/// Where a transferred ticket goes: a queue, one window, or any window of a kind
/// (e.g. the 统一发证 issuing window).
using TransferTarget = std::variant<QueueId, WindowNumber, WindowKind>;

namespace cmd {
struct OpenDay { Date date; };
struct CloseDay {};  ///< waiting tickets expire (kept in history)
struct IssueTicket {
  ItemCode item;
  Channel channel = Channel::Kiosk;
  PriorityClass priority = PriorityClass::Normal;
  std::optional<TimePoint> appointmentSlot;
  /// Idempotency key: issuing again with a key already used today returns the same ticket
  /// and changes nothing (a kiosk retrying after a timeout never gets two tickets).
  std::string requestKey;
  /// 统一出件: the ticket is for collecting this case's result; refused unless it is ready.
  std::optional<std::string> caseNumber;
};
struct CallNext { WindowNumber window; };
struct Recall { WindowNumber window; };
struct StartService { WindowNumber window; };
struct Complete { WindowNumber window; };
struct MarkNoShow { WindowNumber window; };
struct Reactivate { TicketId ticket; };  ///< a late resident is back: the ticket waits again
struct Transfer { WindowNumber window; TransferTarget to; std::string note; };
struct Cancel { TicketId ticket; std::string reason; };
struct PauseWindow { WindowNumber window; std::string reason; };
struct ResumeWindow { WindowNumber window; };
struct OpenWindow { WindowNumber window; };
struct CloseWindow { WindowNumber window; };
struct ClerkLogin { WindowNumber window; ClerkId clerk; };  ///< PIN checks happen at the service edge
struct ClerkLogout { WindowNumber window; };
struct RequestEvaluation { WindowNumber window; };  ///< prompt the pad for the last completed ticket
struct Evaluate { WindowNumber window; Rating rating; };  ///< the pad's answer for the awaited ticket
/// The resident's answer on the phone (评价二维码) for this ticket: the same one rating per
/// service as the pad's, accepted only while the pad is still prompting for it.
struct RateTicket { TicketId ticket; Rating rating; };
struct SetWorkProfile { WindowNumber window; WorkProfile profile; };
struct PinTicket { WindowNumber window; TicketId ticket; };  ///< call this one next, out of order
struct BroadcastNotice { std::string text; };
/// Replace items, queues, window definitions and rules (catalog or profile reload).
struct UpdateDefinition { HallDefinition definition; };

// The case register (办件, docs/cases.md). Every case command names the window it is given
// at: the clerk logged in there is recorded as the one who did it. Cases are named by their
// number, as printed on the receipt and scanned.
/// 受理: registers a case. Every material of the item is ticked; any missing one puts the
/// case in 补正 (not yet accepted), otherwise it is accepted and its promised date set.
struct AcceptCase {
  WindowNumber window;
  ItemCode item;
  Applicant applicant;
  CaseChannel channel = CaseChannel::Window;  ///< Agent: a 代办员 for a resident not present
  std::vector<CaseMaterial> materials;
  std::string request;            ///< what the resident asked for (代办登记表)
  std::vector<TicketId> tickets;  ///< none: the ticket being served at the window, if any
};
/// Re-ticks materials (a slip at acceptance); missing ones are handled by correction.
struct MarkCaseMaterials { WindowNumber window; std::string caseNumber; std::vector<CaseMaterial> materials; };
/// 补正 after acceptance: these materials are missing (一次性告知: all of them at once).
struct RequestCaseCorrection {
  WindowNumber window; std::string caseNumber; std::vector<std::string> missing; std::string note;
};
/// The resident brought these materials; when none is missing any more the case is
/// accepted (or resumes where it was).
struct SupplyCaseMaterials { WindowNumber window; std::string caseNumber; std::vector<std::string> received; };
struct StartCaseProcessing { WindowNumber window; std::string caseNumber; };  ///< 办理中
/// 办结: approved, or refused with a written reason.
struct DecideCase { WindowNumber window; std::string caseNumber; CaseOutcome outcome; std::string reason; };
/// 不予受理 at the counter, with a written reason; only before processing began.
struct RejectCase { WindowNumber window; std::string caseNumber; std::string reason; };
/// The result waits at this (issuing) window (待领取).
struct MarkCaseReady { WindowNumber window; std::string caseNumber; };
/// 已领取: handed over to `collectedBy` (the applicant or someone they sent).
struct CollectCase { WindowNumber window; std::string caseNumber; std::string collectedBy; };
/// 即办件: approved and handed to the applicant on the spot.
struct FinishCaseOnSpot { WindowNumber window; std::string caseNumber; };
}  // namespace cmd

using Command = std::variant<cmd::OpenDay, cmd::CloseDay, cmd::IssueTicket, cmd::CallNext,
                             cmd::Recall, cmd::StartService, cmd::Complete, cmd::MarkNoShow,
                             cmd::Reactivate, cmd::Transfer, cmd::Cancel, cmd::PauseWindow,
                             cmd::ResumeWindow, cmd::OpenWindow, cmd::CloseWindow, cmd::ClerkLogin,
                             cmd::ClerkLogout, cmd::RequestEvaluation, cmd::Evaluate,
                             cmd::SetWorkProfile, cmd::PinTicket, cmd::BroadcastNotice,
                             cmd::UpdateDefinition, cmd::AcceptCase, cmd::MarkCaseMaterials,
                             cmd::RequestCaseCorrection, cmd::SupplyCaseMaterials, cmd::StartCaseProcessing,
                             cmd::DecideCase, cmd::RejectCase, cmd::MarkCaseReady, cmd::CollectCase,
                             cmd::FinishCaseOnSpot, cmd::RateTicket>;

}  // namespace jiujin::core
