#pragma once
// 预约 at the service: the hall file's booking rules (core/booking.hpp) over the bookings the
// store keeps (store/booking_table.hpp). Every write goes into the batch's transaction, like the
// alarm book's, so a booking is durable exactly when the reply that reports it is, and a retried
// `book` after a crash gets that reply rather than a second booking.
//
// The resident's phone number is never kept: a keyed digest (BLAKE2b under the hall's ticket
// key, "jiujin-phone/1" domain) counts the per-phone limits, and a masked form is shown to the
// manager. The booking code is 8 random digits (randombytes_uniform), redrawn on a collision.
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/core/booking.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/service/wire.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::service {

/// One slot offered to a resident, with what is left of it.
struct OfferedSlot {
  core::BookingSlot slot;
  int booked = 0;
  int free() const { return slot.capacity > booked ? slot.capacity - booked : 0; }
};

/// What a check-in does: issue a ticket (with the slot when on time), then mark the booking.
struct CheckInPlan {
  core::Booking booking;
  bool alreadyCheckedIn = false;  ///< answered with its ticket, nothing issued
  bool late = false;              ///< an ordinary ticket: the slot's priority is lost
  core::cmd::IssueTicket issue;   ///< keyed "booking:<code>": a retry never issues twice
};

class BookingDesk {
 public:
  /// `key`: the hall's secret (the ticket key, 32 raw bytes); the phone digest is keyed by it.
  BookingDesk(store::HallStore& store, core::BookingRules rules, std::string_view key);

  const core::BookingRules& rules() const { return rules_; }
  void setRules(core::BookingRules rules) { rules_ = std::move(rules); }
  bool open() const { return !rules_.sessions.empty(); }

  /// The slots of `item` on `day` that have not begun at `now`, with their bookings counted.
  Outcome<std::vector<OfferedSlot>> slots(const core::Hall& hall, const core::ServiceItem& item, core::Date day,
                                          core::TimePoint now) const;
  /// Books the slot of `item` starting at `start` for `phone` (validated here).
  Outcome<core::Booking> book(const core::Hall& hall, const core::ServiceItem& item, core::TimePoint start,
                              const std::string& phone, core::TimePoint now);
  Outcome<core::Booking> cancel(const std::string& code, core::TimePoint now);
  Outcome<core::Booking> find(const std::string& code) const;
  /// What checking `code` in at `now` would do, or why it is refused.
  Outcome<CheckInPlan> planCheckIn(const std::string& code, core::TimePoint now) const;
  /// Records the check-in with the ticket it issued.
  Outcome<core::Booking> markCheckedIn(const CheckInPlan& plan, const core::Ticket& ticket, core::TimePoint now);
  /// A day's bookings, in slot order.
  Outcome<std::vector<core::Booking>> ofDay(core::Date day, std::size_t limit) const;

  /// The keyed digest of a phone number (hex).
  std::string phoneDigest(std::string_view phone) const;
  /// Whether `phone` is a mainland mobile number: 11 digits, 1[3-9]…
  static bool isMobileNumber(std::string_view phone);

 private:
  store::HallStore* store_;
  core::BookingRules rules_;
  std::string key_;
};

/// The refusal as the wire carries it.
ServiceError fromBookingRefusal(const core::BookingRefusal& refusal);

}  // namespace jiujin::service
