#pragma once
// Every request a client may send, as a typed value: `requests::callNext(3)` instead of a
// type string and a hand-built JSON body. Commands are written by the protocol codec (the
// body is the command as the journal writes it), service requests by the functions below;
// docs/protocol.md lists every field and range, docs/client-api.md this API. Outside
// client/lib and dispatcher/ no code names a request type string (a test checks it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/case.hpp"
#include "jiujin/core/commands.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::client {

/// What a request asks for: one of the dispatcher's commands or service requests.
enum class RequestKind {
  // Commands (they change the hall).
  OpenDay, CloseDay, IssueTicket, CallNext, Recall, StartService, Complete, MarkNoShow,
  Reactivate, Transfer, Cancel, PauseWindow, ResumeWindow, OpenWindow, CloseWindow,
  ClerkLogin, ClerkLogout, RequestEvaluation, Evaluate, SetWorkProfile, PinTicket,
  BroadcastNotice, UpdateDefinition,
  // The case register's commands (docs/cases.md).
  AcceptCase, MarkCaseMaterials, RequestCaseCorrection, SupplyCaseMaterials, StartCaseProcessing,
  DecideCase, RejectCase, MarkCaseReady, CollectCase, FinishCaseOnSpot,
  // The resident's rating on the phone (评价二维码), by the ticket's QR token.
  RateTicket,
  // Service requests (questions, reports, administration).
  Hello, Ping, Snapshot, TicketStatus, Items, Estimate, Statistics, DeviceReport,
  PrinterStatus, AuditExport, AcknowledgeAlarm, CloseFollowUp, UnlockClerk, ReloadConfig,
  Case, Cases, ConfirmClerk, ManagerLogin, ManagerLogout,
  // 预约 (docs/booking.md).
  BookingSlots, Book, CancelBooking, Booking, Bookings, CheckIn,
};

/// The type string of the envelope, e.g. "call_next" (docs/protocol.md).
const char* wireName(RequestKind kind);
/// The kind a type string names, if any.
std::optional<RequestKind> requestKindNamed(const std::string& type);
/// Every kind, commands first, in the order of the enum.
const std::vector<RequestKind>& allRequestKinds();
/// Whether the kind is a core command (its reply carries events and a seq).
bool isCommand(RequestKind kind);

/// One request ready for a channel: the kind and the envelope's body.
struct Request {
  RequestKind kind;
  nlohmann::json body = nlohmann::json::object();

  std::string type() const { return wireName(kind); }
};

/// A statistics period: both days included; none means today, `to` defaults to `from`.
struct Period {
  std::optional<core::Date> from;
  std::optional<core::Date> to;
};

/// A device's health as the gateway reports it (`device_report`).
struct DeviceHealth {
  std::string device;  ///< the hall file's [[device]] id
  std::string kind;    ///< window_display main_strip keypad eval_pad
  std::string status;  ///< online offline error
  std::optional<core::WindowNumber> window;
  std::string bus;     ///< "" for none
  std::string detail;  ///< "" for none
};

/// A kiosk printer's state (`printer_status`).
struct PrinterHealth {
  std::string device;  ///< "<kiosk>/printer"
  std::string status;  ///< ok near_end out offline
  std::optional<core::WindowNumber> window;
  std::string detail;  ///< "" for none
};

/// The case register's filters and page (`case_list`): every filter given must hold.
struct CaseQuery {
  std::optional<core::CaseState> state;
  std::optional<core::ItemCode> item;
  std::optional<core::ClerkId> clerk;   ///< who accepted
  std::optional<core::WindowNumber> window;  ///< where accepted
  std::optional<core::Date> dueBefore;  ///< promised date before this day
  core::CaseId after = 0;               ///< the page starts after this case id
  std::optional<int> limit;             ///< 1–500, default 100
};

namespace requests {

/// Any core command, its body written by the protocol codec.
Request command(const core::Command& command);

// Commands.
Request openDay(const core::Date& date);
Request closeDay();
Request issueTicket(const core::ItemCode& item, core::PriorityClass priority = core::PriorityClass::Normal,
                    std::string requestKey = {});
/// The general form: channel and appointment slot too.
Request issueTicket(const core::cmd::IssueTicket& ticket);
Request callNext(core::WindowNumber window);
Request recall(core::WindowNumber window);
Request startService(core::WindowNumber window);
Request complete(core::WindowNumber window);
Request markNoShow(core::WindowNumber window);
Request reactivate(core::TicketId ticket);
Request transfer(core::WindowNumber window, const core::TransferTarget& to, std::string note = {});
Request cancel(core::TicketId ticket, std::string reason = {});
Request pauseWindow(core::WindowNumber window, std::string reason = {});
Request resumeWindow(core::WindowNumber window);
Request openWindow(core::WindowNumber window);
Request closeWindow(core::WindowNumber window);
/// The PIN travels with the command and is checked at the dispatcher's edge.
Request clerkLogin(core::WindowNumber window, const core::ClerkId& clerk, const std::string& pin);
Request clerkLogout(core::WindowNumber window);
Request requestEvaluation(core::WindowNumber window);
Request evaluate(core::WindowNumber window, core::Rating rating);
/// The phone's rating of the ticket its QR token names (role `web`): the dispatcher resolves the
/// token to the ticket; the core accepts it only while the window's pad may still be answered.
Request rateTicket(const std::string& token, core::Rating rating);
Request setWorkProfile(core::WindowNumber window, const core::WorkProfile& profile);
Request pinTicket(core::WindowNumber window, core::TicketId ticket);
Request broadcastNotice(std::string text);
Request updateDefinition(const core::HallDefinition& definition);
// Cases: named by their number, as printed on the receipt; `window` is where the clerk acts.
Request acceptCase(const core::cmd::AcceptCase& acceptance);
Request markCaseMaterials(core::WindowNumber window, const std::string& number,
                          std::vector<core::CaseMaterial> materials);
/// 补正 after acceptance: every missing material at once (一次性告知).
Request requestCaseCorrection(core::WindowNumber window, const std::string& number,
                              std::vector<std::string> missing, std::string note = {});
Request supplyCaseMaterials(core::WindowNumber window, const std::string& number, std::vector<std::string> received);
Request startCaseProcessing(core::WindowNumber window, const std::string& number);
/// `reason` is required when refused.
Request decideCase(core::WindowNumber window, const std::string& number, core::CaseOutcome outcome,
                   std::string reason = {});
/// 不予受理, with its written reason.
Request rejectCase(core::WindowNumber window, const std::string& number, std::string reason);
Request markCaseReady(core::WindowNumber window, const std::string& number);
Request collectCase(core::WindowNumber window, const std::string& number, std::string collectedBy);
/// 即办件: approved and handed to the applicant on the spot.
Request finishCaseOnSpot(core::WindowNumber window, const std::string& number);

// Service requests.
Request hello();
Request ping();
Request snapshot();
Request ticketStatus(core::TicketId ticket);
/// Today's ticket by its number, e.g. "A001".
Request ticketStatus(const std::string& number);
/// Today's ticket by the token of its QR code (docs/web.md): `not_found` for any other day's.
Request ticketStatusByToken(const std::string& token);
Request items();
Request estimate(const core::ItemCode& item, std::optional<core::PriorityClass> priority = std::nullopt);
Request statistics(const Period& period = {});
Request deviceReport(const DeviceHealth& health);
Request printerStatus(const PrinterHealth& health);
/// `limit` rows after row `after`; `verify` checks the hash chain of what is returned.
Request auditExport(std::int64_t after = 0, std::optional<std::int64_t> limit = std::nullopt, bool verify = false);
Request acknowledgeAlarm(std::int64_t alarm);
Request closeFollowUp(std::int64_t alarm, std::string note);
Request unlockClerk(const core::ClerkId& clerk);
/// A console started where `clerk` is already logged in: that clerk's PIN before it acts.
Request confirmClerk(core::WindowNumber window, const core::ClerkId& clerk, const std::string& pin);
Request reloadConfig();
/// A manager logs in at the monitor: what it does from then on is recorded as theirs.
Request managerLogin(const core::ClerkId& manager, const std::string& pin);
Request managerLogout();
/// One case by its number (as scanned from the receipt's QR code).
Request caseByNumber(const std::string& number);
/// The case register (台账), filtered and paged.
Request cases(const CaseQuery& query = {});
// 预约 (docs/booking.md).
/// An item's slots with what is left of them: on `date`, or every day that may be booked.
Request bookingSlots(const core::ItemCode& item, std::optional<core::Date> date = std::nullopt);
/// Books the slot of `item` starting at `start` for a mobile number (role web or manager).
Request book(const core::ItemCode& item, core::TimePoint start, const std::string& phone);
Request cancelBooking(const std::string& code);
Request booking(const std::string& code);
/// A day's bookings (today when no date), the manager's list.
Request bookings(std::optional<core::Date> date = std::nullopt);
/// 预约签到 at the kiosk: a ticket for the booking with this code.
Request checkIn(const std::string& code);

}  // namespace requests
}  // namespace jiujin::client
