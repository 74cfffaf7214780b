#pragma once
// The wire names of the requests the dispatcher answers itself (everything that is not a
// core command, whose names are the codec's commandType). The service authorises by them and
// the client library names its typed requests by them: one table for both ends.
#include <optional>
#include <string>
#include <vector>

namespace jiujin::protocol {

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
  ConfirmClerk,      ///< a console that starts where a clerk is logged in asks for that clerk's PIN
  ManagerLogin,      ///< a manager logs in at a monitor with id and PIN: acts are recorded as theirs
  ManagerLogout,     ///< the manager leaves the monitor
  BookingSlots,      ///< 预约: an item's slots with what is left of them (docs/booking.md)
  Book,              ///< book a slot with a phone number: the booking code
  CancelBooking,     ///< cancel a booking by its code
  Booking,           ///< one booking by its code
  Bookings,          ///< a day's bookings (the manager's list)
  CheckIn,           ///< 预约签到 at the kiosk: a ticket for the booking
};

/// The request named `type` on the wire, if it is one of the service's own.
std::optional<ServiceRequest> serviceRequestFromType(const std::string& type);
/// The wire name of `request`.
const char* toString(ServiceRequest request);
/// Every service request's type name, in the order of the enum (tests check they cover all).
std::vector<std::string> serviceRequestTypes();

}  // namespace jiujin::protocol
