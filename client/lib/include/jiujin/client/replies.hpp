#pragma once
// Replies read into values: what a command did, the ticket a kiosk issued, a clerk's
// figures. Each reader returns the value or the request's failure (the protocol's error
// code, its texts in both languages and the refused field), never a half-read reply.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/base/result.hpp"
#include "jiujin/client/command_channel.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::client {

/// A reply's value, or why there is none.
template <typename T>
using Answer = base::Result<T, Failure>;

/// What a command did (docs/protocol.md, "Command results").
struct CommandOutcome {
  std::vector<core::Event> events;
  std::optional<core::Ticket> ticket;  ///< the ticket the first event is about, as it is now
  std::uint64_t seq = 0;               ///< the last journal sequence number it produced
  /// A case command's case as it is now, whole (only clerks and managers give them).
  std::optional<core::Case> caseNow;
};

/// A page of the case register (`case_list`): applicants masked.
struct CasePage {
  std::vector<core::Case> cases;
  std::int64_t total = 0;                ///< matching cases, every page together
  std::optional<core::CaseId> nextAfter;  ///< the `after` of the next page; none on the last
};

/// The reply to issue_ticket.
struct IssuedTicket {
  core::Ticket ticket;
  std::int64_t peopleAhead = 0;
  std::int64_t waitSeconds = 0;
  bool repeated = false;  ///< the request key was used before: the same ticket, nothing changed
  /// The resident's QR token (docs/web.md, "Tokens"); empty from a dispatcher without tokens.
  std::string token;
};

/// The booking a check_in reply names (预约签到, docs/booking.md).
struct CheckedInBooking {
  std::string code;      ///< the 8 digits
  std::string itemName;  ///< item_name
  std::string from;      ///< the slot as the dispatcher writes it, "09:00"
  std::string to;        ///< "09:30"
  /// Checked in after the late limit: an ordinary ticket, the slot's place lost.
  bool late = false;
};

/// The reply to check_in: the ticket as issue_ticket's (`repeated` when the booking was checked
/// in before: the same ticket), and the booking.
struct CheckIn {
  IssuedTicket issued;
  CheckedInBooking booking;
};

/// The reply to ticket_status.
struct TicketStatus {
  core::Ticket ticket;
  std::int64_t peopleAhead = 0;
  std::int64_t waitSeconds = 0;
};

/// One clerk's figures of a statistics period (figures.by_clerk).
struct ClerkFigures {
  std::int64_t completed = 0;
  double meanServiceSeconds = 0;
  double satisfactionRate = 0;
  /// Ratings by level name ("very_satisfied" …), only the levels the reply lists.
  std::map<std::string, std::int64_t> ratings;
};

/// The reply to statistics: the period's figures as the dispatcher computed them.
struct Statistics {
  nlohmann::json figures = nlohmann::json::object();  ///< docs/protocol.md, "statistics"
  nlohmann::json live = nlohmann::json::object();     ///< tickets, queues, windows, ratings now
  /// A clerk's figures; zeros for a clerk who served nobody in the period.
  ClerkFigures clerk(const std::string& id) const;
  /// Tickets issued per item code in the period (figures.by_item.*.issued); items without
  /// tickets are not listed.
  std::map<std::string, std::int64_t> issuedByItem() const;
};

/// The result object of any reply (an empty object if the dispatcher sent none).
Answer<nlohmann::json> readResult(const Reply& reply);
Answer<CommandOutcome> readCommandOutcome(const Reply& reply);
Answer<IssuedTicket> readIssuedTicket(const Reply& reply);
/// A booking already checked in whose ticket is no longer in the hall's day is answered without
/// a ticket: that is `already_checked_in` (asking again would answer the same), not bad_reply.
Answer<CheckIn> readCheckIn(const Reply& reply);
Answer<TicketStatus> readTicketStatus(const Reply& reply);
Answer<Statistics> readStatistics(const Reply& reply);
/// The case of a `case` reply (whole for clerks and managers, masked for other roles).
Answer<core::Case> readCase(const Reply& reply);
Answer<CasePage> readCasePage(const Reply& reply);
/// The alarms of a snapshot reply, or the one alarm of acknowledge_alarm/close_follow_up.
Answer<std::vector<nlohmann::json>> readAlarms(const Reply& reply);

/// The failure for a reply whose shape this client does not understand.
Failure badReply(const std::string& what);

}  // namespace jiujin::client
