#pragma once
// What each role may ask. One table, read as the rule it is; a refusal names the command.
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/commands.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/service/identity.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service {

/// The service's own requests (everything that is not a core command).
enum class ServiceRequest {
  Hello,          ///< who am I, as the service sees me
  Ping,
  Snapshot,       ///< definition + state + seq (Clone pattern)
  TicketStatus,   ///< one ticket by id or number
  Items,          ///< item list with waiting figures (kiosk)
  Estimate,       ///< people ahead and expected wait for an item
  Statistics,
  DeviceReport,   ///< a device's health, from the gateway
  PrinterStatus,  ///< a ticket printer's paper state, from a kiosk or the gateway
  AuditExport,
  AcknowledgeAlarm,  ///< the manager has seen an alarm
  CloseFollowUp,     ///< 回访 done: close a bad rating's follow-up with a note
  ReloadConfig,      ///< read the hall file again (catalog, queues, windows, clerks, hours)
  UnlockClerk,       ///< a clerk locked after too many wrong PINs may log in again
  Case,              ///< one case by number (ID number and phone whole for clerks and managers)
  Cases,             ///< the case register (台账), filtered and paged
};

std::optional<ServiceRequest> serviceRequestFromType(const std::string& type);
const char* toString(ServiceRequest request);
/// Every service request's type name, in the order of the enum (tests check they cover all).
std::vector<std::string> serviceRequestTypes();

std::optional<ServiceError> authorize(const ClientIdentity& who, ServiceRequest request);

/// Refuses `command` with "forbidden" (or "not_logged_in") when `who` may not give it now.
/// `state` tells whether a clerk is logged in at the window, and where a ticket was served.
std::optional<ServiceError> authorize(const ClientIdentity& who, const core::Command& command,
                                      const core::HallState& state);

}  // namespace jiujin::service
