#pragma once
// The hall's bookings (预约) in its database (table `bookings`, docs/storage.md): one row per
// booking, kept with its state (booked, cancelled, checked in) and the ticket its check-in
// issued. Only the SQL and the counts the rules need live here; when a booking may be made,
// cancelled or checked in is core/booking.hpp's rule. Writes go into the caller's transaction
// (the store's batch), so a booking is durable exactly when the reply that reports it is.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/booking.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::store {

/// Bookings of one start time for one item, not cancelled (a day's slot figures).
struct BookedCount {
  core::TimePoint start;
  core::ItemCode item;
  int count = 0;
  bool operator==(const BookedCount&) const = default;
};

class BookingTable {
 public:
  explicit BookingTable(Database& db) : db_(&db) {}

  /// Adds a new booking; its code must not be in the table (find() first).
  StoreStatus insert(const core::Booking& booking);
  StoreResult<std::optional<core::Booking>> find(const std::string& code) const;
  StoreStatus cancel(const std::string& code, core::TimePoint at);
  StoreStatus checkIn(const std::string& code, core::TimePoint at, core::TicketId ticket, const std::string& number,
                      bool late);

  /// Bookings not cancelled that start at `start` for any of `items` (one slot's bookings).
  StoreResult<int> countInSlot(core::TimePoint start, const std::vector<core::ItemCode>& items) const;
  /// Bookings not cancelled held by the phone with `digest` on `day`.
  StoreResult<int> countForPhone(const std::string& digest, core::Date day) const;
  /// Bookings of the phone with `digest` never checked in nor cancelled, on days from `from`
  /// up to the day before `before` (missed ones, once their day is over).
  StoreResult<int> countMissed(const std::string& digest, core::Date from, core::Date before) const;
  /// A day's bookings not cancelled, per start time and item.
  StoreResult<std::vector<BookedCount>> countsOfDay(core::Date day) const;
  /// Every booking of a day, in slot order (the manager's list), at most `limit`.
  StoreResult<std::vector<core::Booking>> ofDay(core::Date day, std::size_t limit = 5000) const;
  /// Deletes bookings of days before `day` (the journal's retention).
  StoreStatus pruneBefore(core::Date day);

 private:
  Database* db_;
};

}  // namespace jiujin::store
