// 预约 on the wire (docs/booking.md, docs/protocol.md "Bookings"): an item's slots, book,
// cancel, one booking, a day's list, and the kiosk's check-in, which issues the ticket. The rules
// are core/booking.hpp's; the rows are the store's, written in the batch's transaction.
#include <algorithm>

#include <fmt/format.h>

#include "jiujin/core/case_privacy.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "queries.hpp"
#include "request_bodies.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

long long millis(core::TimePoint t) { return t.time_since_epoch().count(); }

std::string clock(core::TimePoint t) {
  const auto minutes =
      std::chrono::floor<core::Minutes>(t - std::chrono::floor<std::chrono::days>(t)).count();
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

const core::ServiceItem* itemNamed(const core::Hall& hall, const std::string& code) {
  const auto& items = hall.definition().items;
  const auto it = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.code == code; });
  return it == items.end() ? nullptr : &*it;
}

ServiceError noBookings() {
  return ServiceError{"booking_closed", "本大厅暂未开通预约服务，请到大厅现场取号。",
                      "this hall takes no bookings ([booking] has no session); take a ticket in the hall"};
}

json slotJson(const OfferedSlot& s) {
  return json{{"start", millis(s.slot.start)}, {"end", millis(s.slot.end)},
              {"from", clock(s.slot.start)},   {"to", clock(s.slot.end)},
              {"capacity", s.slot.capacity},   {"free", s.free()},
              {"session", s.slot.session}};
}

/// Who may see the masked phone: the manager's list only.
bool seesPhone(const ClientIdentity& who) { return who.role == Role::Manager || who.role == Role::Admin; }

}  // namespace

json bookingJson(const core::Booking& b, const core::Hall& hall, const core::BookingRules& rules, core::TimePoint now,
                 bool withPhone) {
  const core::ServiceItem* item = itemNamed(hall, b.item);
  json j{{"code", b.code},
         {"item", b.item},
         {"item_name", item ? item->name : b.item},
         {"queue", b.queue},
         {"date", protocol::dateToString(core::dateOf(b.start))},
         {"start", millis(b.start)},
         {"end", millis(b.end)},
         {"from", clock(b.start)},
         {"to", clock(b.end)},
         {"state", core::bookingStateName(rules, b, now)},
         {"made_at", millis(b.madeAt)},
         {"check_in_from", millis(b.start - rules.earlyCheckIn)},
         {"late_after", millis(b.start + rules.lateCheckIn)},
         {"ticket", b.ticketNumber.empty() ? json(nullptr) : json(b.ticketNumber)},
         {"late", b.lateCheckIn}};
  if (withPhone) j["phone"] = b.phoneMasked;
  return j;
}

Outcome<json> serveBookingSlots(const json& body, QueryContext& c) {
  const auto read = readBookingSlots(body);
  if (!read) return read.error();
  const core::ServiceItem* item = itemNamed(c.hall, read.value().item);
  if (!item) return errors::notFound(fmt::format("item {}", read.value().item));
  const auto& rules = c.bookings.rules();
  json days = json::array();
  for (const core::Date& day : core::bookableDays(rules, c.now)) {
    if (read.value().date && *read.value().date != day) continue;
    auto offered = c.bookings.slots(c.hall, *item, day, c.now);
    if (!offered) return offered.error();
    if (offered.value().empty()) continue;
    json slots = json::array();
    for (const OfferedSlot& s : offered.value()) slots.push_back(slotJson(s));
    days.push_back(json{{"date", protocol::dateToString(day)}, {"slots", std::move(slots)}});
  }
  return json{{"item", item->code},
              {"item_name", item->name},
              {"open", c.bookings.open()},
              {"per_phone_per_day", rules.perPhonePerDay},
              {"early_minutes", rules.earlyCheckIn.count()},
              {"late_minutes", rules.lateCheckIn.count()},
              {"late", core::toString(rules.late)},
              {"days", std::move(days)}};
}

Outcome<json> serveBook(const json& body, QueryContext& c) {
  const auto read = readBook(body);
  if (!read) return read.error();
  if (!c.bookings.open()) return noBookings();
  const core::ServiceItem* item = itemNamed(c.hall, read.value().item);
  if (!item) return errors::notFound(fmt::format("item {}", read.value().item));
  auto booked = c.bookings.book(c.hall, *item, read.value().start, read.value().phone, c.now);
  if (!booked) return booked.error();
  json published = bookingJson(booked.value(), c.hall, c.bookings.rules(), c.now, false);
  c.news.emplace_back("booking.made", json{{"booking", published}});
  return json{{"booking", bookingJson(booked.value(), c.hall, c.bookings.rules(), c.now, seesPhone(c.who))}};
}

Outcome<json> serveCancelBooking(const json& body, QueryContext& c) {
  const auto code = readBookingCode(body);
  if (!code) return code.error();
  auto cancelled = c.bookings.cancel(code.value(), c.now);
  if (!cancelled) return cancelled.error();
  c.news.emplace_back("booking.cancelled",
                      json{{"booking", bookingJson(cancelled.value(), c.hall, c.bookings.rules(), c.now, false)}});
  return json{{"booking", bookingJson(cancelled.value(), c.hall, c.bookings.rules(), c.now, seesPhone(c.who))}};
}

Outcome<json> serveBooking(const json& body, QueryContext& c) {
  const auto code = readBookingCode(body);
  if (!code) return code.error();
  auto found = c.bookings.find(code.value());
  if (!found) return found.error();
  return json{{"booking", bookingJson(found.value(), c.hall, c.bookings.rules(), c.now, seesPhone(c.who))}};
}

Outcome<json> serveBookings(const json& body, QueryContext& c) {
  const auto read = readBookings(body);
  if (!read) return read.error();
  const core::Date day = read.value().date.value_or(core::dateOf(c.now));
  auto bookings = c.bookings.ofDay(day, read.value().limit);
  if (!bookings) return bookings.error();
  json list = json::array();
  std::map<std::string, int> counts;
  for (const core::Booking& b : bookings.value()) {
    list.push_back(bookingJson(b, c.hall, c.bookings.rules(), c.now, true));
    ++counts[list.back()["state"].get<std::string>()];
  }
  return json{{"date", protocol::dateToString(day)}, {"bookings", std::move(list)}, {"counts", counts}};
}

Outcome<json> RequestHandler::serveCheckIn(Pending& pending, const json& body, const ClientIdentity& who) {
  const auto read = readCheckIn(body);
  if (!read) return read.error();
  auto plan = bookings_->planCheckIn(read.value().code, now_);
  if (!plan) return plan.error();
  const core::Hall& hall = durable_->hall();
  const auto& rules = bookings_->rules();
  if (plan.value().alreadyCheckedIn) {
    // Checked in before (a second scan, a kiosk retrying): the same ticket, nothing new.
    json result{{"booking", bookingJson(plan.value().booking, hall, rules, now_, seesPhone(who))},
                {"repeated", true}, {"events", json::array()}};
    if (const core::Ticket* t = plan.value().booking.ticket ? hall.findTicket(*plan.value().booking.ticket) : nullptr) {
      result["ticket"] = protocol::toJson(*t);
      result["token"] = tokens_.token(t->id, core::dateOf(t->issuedAt));
      const auto e = hall.estimateForTicket(t->id, now_).value_or(core::WaitEstimate{});
      result["people_ahead"] = e.peopleAhead;
      result["wait_s"] = e.wait.count();
    }
    return result;
  }
  // The ticket first, keyed "booking:<code>": should marking the booking fail after it, the
  // resident's next scan finds the same ticket by its key and marks the booking then.
  auto issued = executeCommand(pending, plan.value().issue);
  if (!issued) return issued.error();
  json result = std::move(issued).value();
  const auto id = durable_->hall().ticketByRequestKey(plan.value().issue.requestKey);
  const core::Ticket* ticket = id ? durable_->hall().findTicket(*id) : nullptr;
  if (!ticket) return errors::storageFailed("check_in: the issued ticket is not in the hall");
  auto marked = bookings_->markCheckedIn(plan.value(), *ticket, now_);
  if (!marked) return marked.error();
  result["booking"] = bookingJson(marked.value(), durable_->hall(), rules, now_, seesPhone(who));
  result["late"] = plan.value().late;
  news_.emplace_back("booking.checked_in",
                     json{{"booking", bookingJson(marked.value(), durable_->hall(), rules, now_, false)}});
  return result;
}

}  // namespace jiujin::service::detail
