#include "request_bodies.hpp"

#include <vector>

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/field_reader.hpp"
#include "jiujin/protocol/limits.hpp"

namespace jiujin::service::detail {

using nlohmann::json;
using protocol::FieldReader;
using protocol::Presence;
namespace limits = protocol::limits;

namespace {
// The wire names of core::PriorityClass (core/names.hpp), in the order of the enum.
const std::vector<std::string_view> kPriorities{"normal", "elderly", "disabled", "pregnant", "serviceman"};
}  // namespace

std::optional<ServiceError> refuseAnyField(const json& body, const char* type) {
  FieldReader reader(body, {});
  if (!reader.error()) return std::nullopt;
  return errors::invalidArgument(fmt::format("{} takes no fields ({})", type, reader.error()->en));
}

Outcome<AuditExportBody> readAuditExport(const json& body) {
  FieldReader reader(body, {"after", "limit", "verify"});
  AuditExportBody read;
  read.after = reader.integer("after", limits::kAuditAfter).value_or(read.after);
  read.limit = static_cast<std::size_t>(
      reader.integer("limit", limits::kAuditLimit).value_or(static_cast<std::int64_t>(read.limit)));
  read.verify = reader.flag("verify").value_or(read.verify);
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<EstimateBody> readEstimate(const json& body) {
  FieldReader reader(body, {"item", "priority"});
  EstimateBody read;
  read.item = reader.text("item", limits::kCode, Presence::Required).value_or("");
  const auto priority = reader.choice("priority", kPriorities);
  if (reader.error()) return fromCoreError(*reader.error());
  if (priority) read.priority = core::parsePriorityClass(*priority).value_or(core::PriorityClass::Normal);
  return read;
}

Outcome<std::string> readCaseNumber(const json& body) {
  FieldReader reader(body, {"number"});
  auto number = reader.text("number", limits::kCaseNumber, Presence::Required);
  if (reader.error()) return fromCoreError(*reader.error());
  return *number;
}

Outcome<CasesBody> readCases(const json& body) {
  // The wire names of core::CaseState (core/names.hpp).
  static const std::vector<std::string_view> kStates{"correction", "accepted", "processing", "decided",
                                                     "ready",      "collected", "rejected"};
  FieldReader reader(body, {"state", "item", "clerk", "window", "due_before", "after", "limit"});
  CasesBody read;
  const auto state = reader.choice("state", kStates, Presence::OptionalOrNull);
  read.item = reader.text("item", limits::kCode, Presence::OptionalOrNull);
  read.clerk = reader.text("clerk", limits::kCode, Presence::OptionalOrNull);
  if (const auto w = reader.integer("window", limits::kWindow, Presence::OptionalOrNull))
    read.window = static_cast<core::WindowNumber>(*w);
  read.dueBefore = reader.date("due_before", Presence::OptionalOrNull);
  read.after = static_cast<core::CaseId>(reader.integer("after", limits::kCaseAfter).value_or(0));
  read.limit = static_cast<int>(reader.integer("limit", limits::kCaseListLimit).value_or(read.limit));
  if (reader.error()) return fromCoreError(*reader.error());
  if (state) read.state = core::parseCaseState(*state);
  return read;
}

Outcome<TicketStatusBody> readTicketStatus(const json& body) {
  FieldReader reader(body, {"ticket", "number", "token"});
  TicketStatusBody read;
  if (const auto id = reader.integer("ticket", limits::kTicketId)) read.ticket = static_cast<core::TicketId>(*id);
  read.number = reader.text("number", limits::kTicketNumber);
  read.token = reader.text("token", limits::kTicketToken);
  const int given = int(reader.has("ticket")) + int(reader.has("number")) + int(reader.has("token"));
  if (given != 1)
    reader.refuse("ticket", "give \"ticket\" (an id), \"number\" (e.g. \"A001\") or \"token\", one of them",
                  "请给出 ticket（编号）、number（如 A001）或 token 之一");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<RateTicketBody> readRateTicket(const json& body) {
  static const std::vector<std::string_view> kLevels{"very_satisfied", "satisfied", "basically_satisfied",
                                                     "dissatisfied", "very_dissatisfied"};
  FieldReader reader(body, {"token", "rating"});
  RateTicketBody read;
  read.token = reader.text("token", limits::kTicketToken, Presence::Required).value_or("");
  read.rating = reader.choice("rating", kLevels, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<std::int64_t> readAlarmAcknowledgement(const json& body) {
  FieldReader reader(body, {"alarm"});
  const auto alarm = reader.integer("alarm", limits::kAlarmId, Presence::Required);
  if (reader.error()) return fromCoreError(*reader.error());
  return *alarm;
}

Outcome<FollowUpBody> readFollowUp(const json& body) {
  FieldReader reader(body, {"alarm", "note"});
  FollowUpBody read;
  read.alarm = reader.integer("alarm", limits::kAlarmId, Presence::Required).value_or(0);
  read.note = reader.text("note", limits::kFollowUpNote, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<ConfirmClerkBody> readConfirmClerk(const json& body) {
  FieldReader reader(body, {"window", "clerk", "pin"});
  ConfirmClerkBody read;
  read.window = static_cast<core::WindowNumber>(reader.integer("window", limits::kWindow, Presence::Required).value_or(0));
  read.clerk = reader.text("clerk", limits::kCode, Presence::Required).value_or("");
  read.pin = reader.text("pin", limits::kPin, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<ManagerLoginBody> readManagerLogin(const json& body) {
  FieldReader reader(body, {"manager", "pin"});
  ManagerLoginBody read;
  read.manager = reader.text("manager", limits::kCode, Presence::Required).value_or("");
  read.pin = reader.text("pin", limits::kPin, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<std::string> readPin(const json& body) {
  const json pin = body.is_object() && body.contains("pin") ? json{{"pin", body["pin"]}} : json::object();
  FieldReader reader(pin, {"pin"});
  auto read = reader.text("pin", limits::kPin, Presence::Required);
  if (reader.error()) return fromCoreError(*reader.error());
  return std::move(*read);
}

Outcome<BookingSlotsBody> readBookingSlots(const json& body) {
  FieldReader reader(body, {"item", "date"});
  BookingSlotsBody read;
  read.item = reader.text("item", limits::kCode, Presence::Required).value_or("");
  read.date = reader.date("date");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<BookBody> readBook(const json& body) {
  FieldReader reader(body, {"item", "start", "phone"});
  BookBody read;
  read.item = reader.text("item", limits::kCode, Presence::Required).value_or("");
  read.start = core::TimePoint(core::Milliseconds(reader.integer("start", limits::kAppointmentSlot, Presence::Required).value_or(0)));
  read.phone = reader.text("phone", limits::kMobilePhone, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<std::string> readBookingCode(const json& body) {
  FieldReader reader(body, {"code"});
  auto code = reader.text("code", limits::kBookingCode, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return code;
}

Outcome<CheckInBody> readCheckIn(const json& body) {
  FieldReader reader(body, {"code"});
  CheckInBody read;
  read.code = reader.text("code", limits::kBookingCode, Presence::Required).value_or("");
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

Outcome<BookingsBody> readBookings(const json& body) {
  FieldReader reader(body, {"date", "limit"});
  BookingsBody read;
  read.date = reader.date("date");
  read.limit = static_cast<std::size_t>(reader.integer("limit", limits::kBookingListLimit).value_or(2000));
  if (reader.error()) return fromCoreError(*reader.error());
  return read;
}

}  // namespace jiujin::service::detail
