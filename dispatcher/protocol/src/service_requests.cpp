#include "jiujin/protocol/service_requests.hpp"

#include <array>
#include <utility>

namespace jiujin::protocol {
namespace {

constexpr std::array<std::pair<ServiceRequest, const char*>, 25> kRequestNames{{
    {ServiceRequest::Hello, "hello"},
    {ServiceRequest::Ping, "ping"},
    {ServiceRequest::Snapshot, "snapshot"},
    {ServiceRequest::TicketStatus, "ticket_status"},
    {ServiceRequest::Items, "items"},
    {ServiceRequest::Estimate, "estimate"},
    {ServiceRequest::Statistics, "statistics"},
    {ServiceRequest::DeviceReport, "device_report"},
    {ServiceRequest::PrinterStatus, "printer_status"},
    {ServiceRequest::AuditExport, "audit_export"},
    {ServiceRequest::AcknowledgeAlarm, "acknowledge_alarm"},
    {ServiceRequest::CloseFollowUp, "close_follow_up"},
    {ServiceRequest::ReloadConfig, "reload_config"},
    {ServiceRequest::UnlockClerk, "unlock_clerk"},
    {ServiceRequest::Case, "case"},
    {ServiceRequest::Cases, "case_list"},
    {ServiceRequest::ConfirmClerk, "confirm_clerk"},
    {ServiceRequest::ManagerLogin, "manager_login"},
    {ServiceRequest::ManagerLogout, "manager_logout"},
    {ServiceRequest::BookingSlots, "booking_slots"},
    {ServiceRequest::Book, "book"},
    {ServiceRequest::CancelBooking, "cancel_booking"},
    {ServiceRequest::Booking, "booking"},
    {ServiceRequest::Bookings, "booking_list"},
    {ServiceRequest::CheckIn, "check_in"},
}};

}  // namespace

std::optional<ServiceRequest> serviceRequestFromType(const std::string& type) {
  for (const auto& [r, name] : kRequestNames)
    if (type == name) return r;
  return std::nullopt;
}

const char* toString(ServiceRequest request) {
  for (const auto& [r, name] : kRequestNames)
    if (r == request) return name;
  return "unknown";
}

std::vector<std::string> serviceRequestTypes() {
  std::vector<std::string> names;
  for (const auto& [r, name] : kRequestNames) names.emplace_back(name);
  return names;
}

}  // namespace jiujin::protocol
