#include "jiujin/store/booking_table.hpp"

#include <fmt/format.h>

namespace jiujin::store {

namespace {

constexpr const char* kColumns =
    "code, item, queue, start_ms, end_ms, phone_digest, phone_masked, made_ms, state, cancelled_ms, checked_in_ms, "
    "ticket, ticket_number, late";

std::int64_t millis(core::TimePoint t) { return t.time_since_epoch().count(); }
core::TimePoint timeAt(const Statement& s, int column) { return core::TimePoint(core::Milliseconds(s.integer(column))); }

std::string dayText(core::Date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

StoreResult<core::Booking> readRow(const Statement& s) {
  core::Booking b;
  b.code = s.text(0);
  b.item = s.text(1);
  b.queue = s.text(2);
  b.start = timeAt(s, 3);
  b.end = timeAt(s, 4);
  b.phoneDigest = s.text(5);
  b.phoneMasked = s.text(6);
  b.madeAt = timeAt(s, 7);
  const auto state = core::parseBookingState(s.text(8));
  if (!state) return StoreError{StoreErrorCode::BadData, fmt::format("booking {} has state \"{}\"", b.code, s.text(8))};
  b.state = *state;
  if (!s.isNull(9)) b.cancelledAt = timeAt(s, 9);
  if (!s.isNull(10)) b.checkedInAt = timeAt(s, 10);
  if (!s.isNull(11)) b.ticket = static_cast<core::TicketId>(s.integer(11));
  b.ticketNumber = s.text(12);
  b.lateCheckIn = s.integer(13) != 0;
  return b;
}

StoreResult<int> countOf(Statement& s) {
  auto row = s.step();
  if (!row.ok()) return row.error();
  return row.value() ? static_cast<int>(s.integer(0)) : 0;
}

}  // namespace

StoreStatus BookingTable::insert(const core::Booking& b) {
  auto insert = db_->prepare(
      "INSERT INTO bookings (code, day, item, queue, start_ms, end_ms, phone_digest, phone_masked, made_ms, state) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!insert.ok()) return insert.error();
  return insert.value()
      .bind(1, b.code)
      .bind(2, dayText(core::dateOf(b.start)))
      .bind(3, b.item)
      .bind(4, b.queue)
      .bind(5, millis(b.start))
      .bind(6, millis(b.end))
      .bind(7, b.phoneDigest)
      .bind(8, b.phoneMasked)
      .bind(9, millis(b.madeAt))
      .bind(10, std::string_view(core::toString(b.state)))
      .run();
}

StoreResult<std::optional<core::Booking>> BookingTable::find(const std::string& code) const {
  auto select = db_->prepare(fmt::format("SELECT {} FROM bookings WHERE code = ?1", kColumns));
  if (!select.ok()) return select.error();
  select.value().bind(1, code);
  auto row = select.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return std::optional<core::Booking>();
  auto booking = readRow(select.value());
  if (!booking.ok()) return booking.error();
  return std::optional<core::Booking>(std::move(booking).value());
}

StoreStatus BookingTable::cancel(const std::string& code, core::TimePoint at) {
  auto update = db_->prepare("UPDATE bookings SET state = 'cancelled', cancelled_ms = ?1 WHERE code = ?2 AND state = 'booked'");
  if (!update.ok()) return update.error();
  return update.value().bind(1, millis(at)).bind(2, code).run();
}

StoreStatus BookingTable::checkIn(const std::string& code, core::TimePoint at, core::TicketId ticket,
                                  const std::string& number, bool late) {
  auto update = db_->prepare(
      "UPDATE bookings SET state = 'checked_in', checked_in_ms = ?1, ticket = ?2, ticket_number = ?3, late = ?4 "
      "WHERE code = ?5 AND state = 'booked'");
  if (!update.ok()) return update.error();
  return update.value()
      .bind(1, millis(at))
      .bind(2, static_cast<std::int64_t>(ticket))
      .bind(3, number)
      .bind(4, std::int64_t{late ? 1 : 0})
      .bind(5, code)
      .run();
}

StoreResult<int> BookingTable::countInSlot(core::TimePoint start, const std::vector<core::ItemCode>& items) const {
  if (items.empty()) return 0;
  // The items are bound, never spliced: one placeholder each.
  std::string placeholders;
  for (std::size_t i = 0; i < items.size(); ++i) placeholders += fmt::format("{}?{}", i ? ", " : "", i + 2);
  auto select = db_->prepare(fmt::format(
      "SELECT count(*) FROM bookings WHERE start_ms = ?1 AND state != 'cancelled' AND item IN ({})", placeholders));
  if (!select.ok()) return select.error();
  select.value().bind(1, millis(start));
  for (std::size_t i = 0; i < items.size(); ++i) select.value().bind(static_cast<int>(i + 2), items[i]);
  return countOf(select.value());
}

StoreResult<int> BookingTable::countForPhone(const std::string& digest, core::Date day) const {
  auto select = db_->prepare(
      "SELECT count(*) FROM bookings WHERE phone_digest = ?1 AND day = ?2 AND state != 'cancelled'");
  if (!select.ok()) return select.error();
  select.value().bind(1, digest).bind(2, dayText(day));
  return countOf(select.value());
}

StoreResult<int> BookingTable::countMissed(const std::string& digest, core::Date from, core::Date before) const {
  auto select = db_->prepare(
      "SELECT count(*) FROM bookings WHERE phone_digest = ?1 AND day >= ?2 AND day < ?3 AND state = 'booked'");
  if (!select.ok()) return select.error();
  select.value().bind(1, digest).bind(2, dayText(from)).bind(3, dayText(before));
  return countOf(select.value());
}

StoreResult<std::vector<BookedCount>> BookingTable::countsOfDay(core::Date day) const {
  auto select = db_->prepare(
      "SELECT start_ms, item, count(*) FROM bookings WHERE day = ?1 AND state != 'cancelled' GROUP BY start_ms, item");
  if (!select.ok()) return select.error();
  Statement& s = select.value();
  s.bind(1, dayText(day));
  std::vector<BookedCount> counts;
  for (;;) {
    auto row = s.step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    counts.push_back(BookedCount{timeAt(s, 0), s.text(1), static_cast<int>(s.integer(2))});
  }
  return counts;
}

StoreResult<std::vector<core::Booking>> BookingTable::ofDay(core::Date day, std::size_t limit) const {
  auto select = db_->prepare(
      fmt::format("SELECT {} FROM bookings WHERE day = ?1 ORDER BY start_ms, made_ms LIMIT ?2", kColumns));
  if (!select.ok()) return select.error();
  Statement& s = select.value();
  s.bind(1, dayText(day)).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::Booking> bookings;
  for (;;) {
    auto row = s.step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    auto booking = readRow(s);
    if (!booking.ok()) return booking.error();
    bookings.push_back(std::move(booking).value());
  }
  return bookings;
}

StoreStatus BookingTable::pruneBefore(core::Date day) {
  auto del = db_->prepare("DELETE FROM bookings WHERE day < ?1");
  if (!del.ok()) return del.error();
  return del.value().bind(1, dayText(day)).run();
}

}  // namespace jiujin::store
