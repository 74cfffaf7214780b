// Which handler answers which query, and which queries only read: one table, read as a list.
#include <array>

#include "queries.hpp"

namespace jiujin::service::detail {

namespace {

struct QueryEntry {
  ServiceRequest request;
  QueryHandler serve;  ///< nullptr: served by the request handler itself (see queries.hpp)
  bool quietRead;
};

constexpr std::array<QueryEntry, 25> kQueries{{
    {ServiceRequest::Hello, serveHello, true},
    {ServiceRequest::Ping, servePing, true},
    {ServiceRequest::Snapshot, serveSnapshot, true},
    {ServiceRequest::TicketStatus, serveTicketStatus, true},
    {ServiceRequest::Items, serveItems, true},
    {ServiceRequest::Estimate, serveEstimate, true},
    {ServiceRequest::Statistics, nullptr, true},
    {ServiceRequest::DeviceReport, serveDeviceReport, false},
    {ServiceRequest::PrinterStatus, servePrinterStatus, false},
    {ServiceRequest::AuditExport, serveAuditExport, false},
    {ServiceRequest::AcknowledgeAlarm, serveAcknowledgeAlarm, false},
    {ServiceRequest::CloseFollowUp, serveCloseFollowUp, false},
    {ServiceRequest::ReloadConfig, nullptr, false},
    {ServiceRequest::UnlockClerk, serveUnlockClerk, false},
    {ServiceRequest::Case, serveCase, true},
    {ServiceRequest::Cases, serveCases, true},
    {ServiceRequest::ConfirmClerk, nullptr, false},
    {ServiceRequest::ManagerLogin, nullptr, false},
    {ServiceRequest::ManagerLogout, nullptr, false},
    {ServiceRequest::BookingSlots, serveBookingSlots, true},
    {ServiceRequest::Book, serveBook, false},
    {ServiceRequest::CancelBooking, serveCancelBooking, false},
    {ServiceRequest::Booking, serveBooking, true},
    {ServiceRequest::Bookings, serveBookings, true},
    {ServiceRequest::CheckIn, nullptr, false},
}};

const QueryEntry* entryOf(ServiceRequest request) {
  for (const QueryEntry& e : kQueries)
    if (e.request == request) return &e;
  return nullptr;
}

}  // namespace

QueryHandler queryHandlerFor(ServiceRequest request) {
  const QueryEntry* entry = entryOf(request);
  return entry ? entry->serve : nullptr;
}

bool isQuietRead(ServiceRequest request) {
  const QueryEntry* entry = entryOf(request);
  return entry && entry->quietRead;
}

}  // namespace jiujin::service::detail
