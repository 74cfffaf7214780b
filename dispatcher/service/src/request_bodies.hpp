#pragma once
// The bodies of the service's own requests, read through protocol::FieldReader: every field
// checked for its type and its limit (docs/protocol.md), unknown fields refused, and the
// error naming the field. The request handler acts only on what these return.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service::detail {

/// hello, ping, snapshot, items, reload_config: no fields at all.
std::optional<ServiceError> refuseAnyField(const nlohmann::json& body, const char* type);

struct AuditExportBody {
  std::int64_t after = 0;   ///< rows after this row number
  std::size_t limit = 1000;
  bool verify = false;
};
Outcome<AuditExportBody> readAuditExport(const nlohmann::json& body);

struct EstimateBody {
  core::ItemCode item;
  core::PriorityClass priority = core::PriorityClass::Normal;
};
Outcome<EstimateBody> readEstimate(const nlohmann::json& body);

/// One ticket, by id or by today's number (exactly one of them).
struct TicketStatusBody {
  std::optional<core::TicketId> ticket;
  std::optional<std::string> number;
  std::optional<std::string> token;  ///< a resident's QR token (ticket_tokens.hpp)
};
Outcome<TicketStatusBody> readTicketStatus(const nlohmann::json& body);

/// rate_ticket (the phone's 评价): the ticket's QR token and one of the five levels.
struct RateTicketBody {
  std::string token;
  std::string rating;  ///< a wire name, e.g. "satisfied" (core::toString(Rating))
};
Outcome<RateTicketBody> readRateTicket(const nlohmann::json& body);

/// acknowledge_alarm: the alarm's id.
Outcome<std::int64_t> readAlarmAcknowledgement(const nlohmann::json& body);

struct FollowUpBody {
  std::int64_t alarm = 0;
  std::string note;
};
Outcome<FollowUpBody> readFollowUp(const nlohmann::json& body);

/// confirm_clerk: the window, the clerk logged in there, and that clerk's PIN.
struct ConfirmClerkBody {
  core::WindowNumber window = 0;
  std::string clerk;
  std::string pin;
};
Outcome<ConfirmClerkBody> readConfirmClerk(const nlohmann::json& body);

/// manager_login: the manager's id and PIN.
struct ManagerLoginBody {
  std::string manager;
  std::string pin;
};
Outcome<ManagerLoginBody> readManagerLogin(const nlohmann::json& body);

/// case: one case by its number.
Outcome<std::string> readCaseNumber(const nlohmann::json& body);

/// case_list: the case register's filters and page (store::CaseFilter's fields).
struct CasesBody {
  std::optional<core::CaseState> state;
  std::optional<core::ItemCode> item;
  std::optional<core::ClerkId> clerk;
  std::optional<core::WindowNumber> window;
  std::optional<core::Date> dueBefore;
  core::CaseId after = 0;
  int limit = 100;
};
Outcome<CasesBody> readCases(const nlohmann::json& body);

/// clerk_login's PIN (the rest of its body is the command's).
Outcome<std::string> readPin(const nlohmann::json& body);

// 预约 (docs/booking.md).
struct BookingSlotsBody {
  core::ItemCode item;
  std::optional<core::Date> date;  ///< none: every day that may be booked
};
Outcome<BookingSlotsBody> readBookingSlots(const nlohmann::json& body);
struct BookBody {
  core::ItemCode item;
  core::TimePoint start;  ///< the slot's start (ms, hall-local), as booking_slots gives it
  std::string phone;
};
Outcome<BookBody> readBook(const nlohmann::json& body);
/// cancel_booking, booking: the code only.
Outcome<std::string> readBookingCode(const nlohmann::json& body);
struct CheckInBody {
  std::string code;
};
Outcome<CheckInBody> readCheckIn(const nlohmann::json& body);
/// booking_list: a day (default today) and at most `limit` bookings.
struct BookingsBody {
  std::optional<core::Date> date;
  std::size_t limit = 2000;
};
Outcome<BookingsBody> readBookings(const nlohmann::json& body);

}  // namespace jiujin::service::detail
