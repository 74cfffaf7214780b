#pragma once
// The JSON form of the core's types: one codec shared by the journal (store) and the wire
// (service, clients), so a command or event reads the same wherever it is written down.
//
// Conventions: times are integer milliseconds since the epoch (hall-local), dates are
// "YYYY-MM-DD", enums are their stable lower_snake wire names. Encoding never fails.
// Decoding never throws and never crashes: a missing or mistyped field gives
// Error{InvalidArgument} whose text names the field (e.g. "ticket.window: expected integer").
#include <nlohmann/json.hpp>

#include "jiujin/core/commands.hpp"
#include "jiujin/core/error.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::protocol {

/// Commands: {"type": "call_next", "window": 3, …}.
nlohmann::json toJson(const core::Command& command);
core::Result<core::Command> commandFromJson(const nlohmann::json& json);
/// The stable name of a command, e.g. "issue_ticket", "call_next".
const char* commandType(const core::Command& command);

/// Events: {"type": "ticket.called", "at": 1700000000000, …}.
nlohmann::json toJson(const core::Event& event);
core::Result<core::Event> eventFromJson(const nlohmann::json& json);
/// The stable name of an event, e.g. "ticket.issued", "window.paused", "notice.broadcast".
/// The part before the first dot is its topic family: ticket|window|queue|notice|day|hall|case.
const char* eventType(const core::Event& event);

nlohmann::json toJson(const core::HallState& state);
core::Result<core::HallState> hallStateFromJson(const nlohmann::json& json);

nlohmann::json toJson(const core::HallDefinition& definition);
core::Result<core::HallDefinition> hallDefinitionFromJson(const nlohmann::json& json);

nlohmann::json toJson(const core::Ticket& ticket);
core::Result<core::Ticket> ticketFromJson(const nlohmann::json& json);

nlohmann::json toJson(const core::Case& c);
core::Result<core::Case> caseFromJson(const nlohmann::json& json);

nlohmann::json toJson(const core::WorkProfile& profile);
core::Result<core::WorkProfile> workProfileFromJson(const nlohmann::json& json);

/// {"queue": "general"} | {"window": 7} | {"kind": "issuing"}.
nlohmann::json toJson(const core::TransferTarget& target);
core::Result<core::TransferTarget> transferTargetFromJson(const nlohmann::json& json);

/// "2024-03-15" for a valid date; decoding refuses anything else.
std::string dateToString(const core::Date& date);
core::Result<core::Date> dateFromString(const std::string& text);

}  // namespace jiujin::protocol
