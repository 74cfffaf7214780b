#pragma once
// The service's own queries, one handler each, looked up in one table by request type. A
// handler reads its body through request_bodies.hpp and answers from what QueryContext lends
// it; what it changes besides its answer (device news, an alarm) goes into the batch's news
// and raised alarms, published only once the batch is committed.
//
// statistics and reload_config are not in the table: the first is read off the command thread
// (off_thread_requests.cpp), the second adds events at the request's place in the batch
// (configuration_reload.cpp).
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/hall.hpp"
#include "jiujin/service/alarm_book.hpp"
#include "jiujin/service/alarms.hpp"
#include "jiujin/service/booking_desk.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/service/identity.hpp"
#include "jiujin/service/pin_throttle.hpp"
#include "jiujin/service/policy.hpp"
#include "jiujin/service/ticket_tokens.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::service::detail {

/// What a query may read and where its side effects go. Everything is borrowed for one call.
struct QueryContext {
  const ClientIdentity& who;
  core::TimePoint now;
  const core::Hall& hall;
  std::uint64_t seq;  ///< the seq the hall stands at once the batch so far is committed
  const std::string& epoch;
  store::HallStore& store;  ///< the audit record
  AlarmBook& alarmBook;
  AlarmDesk& alarms;
  DeviceTable& devices;
  const std::vector<ConfiguredDevice>& configuredDevices;  ///< the hall file's, as last (re)loaded
  PinThrottle& pinThrottle;
  const std::map<core::ClerkId, ClerkEntry>& clerks;
  std::vector<std::pair<std::string, nlohmann::json>>& news;  ///< topic, message: published after the commit
  std::vector<Alarm>& raised;                                 ///< recorded and published after the commit
  const TicketTokens& tokens;  ///< residents' QR tokens: ticket_status by token
  BookingDesk& bookings;       ///< 预约
};

using QueryHandler = Outcome<nlohmann::json> (*)(const nlohmann::json& body, QueryContext& context);

/// The handler of `request`; nullptr for statistics and reload_config (see above).
QueryHandler queryHandlerFor(ServiceRequest request);

/// Requests that only read: their success is not worth a row in the audit record, and a
/// retry simply reads again (no reply is cached for them).
bool isQuietRead(ServiceRequest request);

// hall_queries.cpp: reading the hall.
Outcome<nlohmann::json> serveHello(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> servePing(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveSnapshot(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveItems(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveEstimate(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveTicketStatus(const nlohmann::json& body, QueryContext& context);
/// The ticket a resident's QR token names, if it is genuine and of the hall's current day.
const core::Ticket* ticketOfToken(const core::Hall& hall, const TicketTokens& tokens, std::string_view token);
// device_reports.cpp: the devices' health, from the gateway and the kiosks.
Outcome<nlohmann::json> serveDeviceReport(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> servePrinterStatus(const nlohmann::json& body, QueryContext& context);
// alarm_requests.cpp: the manager answers alarms.
Outcome<nlohmann::json> serveAcknowledgeAlarm(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveCloseFollowUp(const nlohmann::json& body, QueryContext& context);
// audit_export.cpp
Outcome<nlohmann::json> serveAuditExport(const nlohmann::json& body, QueryContext& context);
// case_queries.cpp: the case register.
Outcome<nlohmann::json> serveCase(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveCases(const nlohmann::json& body, QueryContext& context);
// booking_requests.cpp: 预约 (check_in is served by the request handler: it issues a ticket).
Outcome<nlohmann::json> serveBookingSlots(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveBook(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveCancelBooking(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveBooking(const nlohmann::json& body, QueryContext& context);
Outcome<nlohmann::json> serveBookings(const nlohmann::json& body, QueryContext& context);
/// A booking as the wire carries it; the masked phone only `withPhone` (the manager's list).
nlohmann::json bookingJson(const core::Booking& booking, const core::Hall& hall, const core::BookingRules& rules,
                           core::TimePoint now, bool withPhone);
// unlock_clerk.cpp
Outcome<nlohmann::json> serveUnlockClerk(const nlohmann::json& body, QueryContext& context);

}  // namespace jiujin::service::detail
