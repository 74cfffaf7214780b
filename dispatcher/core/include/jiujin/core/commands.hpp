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
struct SetWorkProfile { WindowNumber window; WorkProfile profile; };
struct PinTicket { WindowNumber window; TicketId ticket; };  ///< call this one next, out of order
struct BroadcastNotice { std::string text; };
/// Replace items, queues, window definitions and rules (catalog or profile reload).
struct UpdateDefinition { HallDefinition definition; };
}  // namespace cmd

using Command = std::variant<cmd::OpenDay, cmd::CloseDay, cmd::IssueTicket, cmd::CallNext,
                             cmd::Recall, cmd::StartService, cmd::Complete, cmd::MarkNoShow,
                             cmd::Reactivate, cmd::Transfer, cmd::Cancel, cmd::PauseWindow,
                             cmd::ResumeWindow, cmd::OpenWindow, cmd::CloseWindow, cmd::ClerkLogin,
                             cmd::ClerkLogout, cmd::RequestEvaluation, cmd::Evaluate,
                             cmd::SetWorkProfile, cmd::PinTicket, cmd::BroadcastNotice,
                             cmd::UpdateDefinition>;

}  // namespace jiujin::core
