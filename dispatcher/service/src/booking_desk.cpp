#include "jiujin/service/booking_desk.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <sodium.h>

#include "jiujin/core/case_privacy.hpp"

namespace jiujin::service {

namespace {

ServiceError fromStore(const store::StoreError& e) { return errors::storageFailed(fmt::format("bookings: {}", e.message)); }

ServiceError noBooking(const std::string& code) {
  return ServiceError{"not_found", fmt::format("没有预约码为 {} 的预约，请核对。", code),
                      fmt::format("no booking has the code {}", code)};
}

constexpr int kCodeDraws = 20;  // 10^8 codes: a collision twice in a row is already unheard of

}  // namespace

ServiceError fromBookingRefusal(const core::BookingRefusal& refusal) {
  return ServiceError{refusal.code, refusal.zh, refusal.en};
}

BookingDesk::BookingDesk(store::HallStore& store, core::BookingRules rules, std::string_view key)
    : store_(&store), rules_(std::move(rules)), key_(key) {
  // Idempotent; the ticket tokens have already made the library ready in the dispatcher.
  if (sodium_init() < 0) key_.clear();
}

bool BookingDesk::isMobileNumber(std::string_view phone) {
  return phone.size() == 11 && phone[0] == '1' && phone[1] >= '3' && phone[1] <= '9' &&
         std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string BookingDesk::phoneDigest(std::string_view phone) const {
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  // The ticket key is 32 bytes; any other (tests) is folded into one of the right size.
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(key_.data()), key_.size(), nullptr,
                     0);
  const std::string input = fmt::format("jiujin-phone/1\n{}", phone);
  std::array<unsigned char, 16> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                     key.data(), key.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

Outcome<std::vector<OfferedSlot>> BookingDesk::slots(const core::Hall& hall, const core::ServiceItem& item,
                                                     core::Date day, core::TimePoint now) const {
  std::vector<OfferedSlot> offered;
  const auto counts = store_->bookings().countsOfDay(day);
  if (!counts.ok()) return fromStore(counts.error());
  for (const core::BookingSlot& slot : core::bookingSlots(rules_, hall.definition(), item, day)) {
    if (slot.start <= now) continue;
    const auto sharing = core::itemsSharing(rules_, hall.definition(), slot);
    int booked = 0;
    for (const auto& c : counts.value())
      if (c.start == slot.start && std::find(sharing.begin(), sharing.end(), c.item) != sharing.end()) booked += c.count;
    offered.push_back(OfferedSlot{slot, booked});
  }
  return offered;
}

Outcome<core::Booking> BookingDesk::book(const core::Hall& hall, const core::ServiceItem& item, core::TimePoint start,
                                         const std::string& phone, core::TimePoint now) {
  if (!isMobileNumber(phone)) {
    return ServiceError{"invalid_argument", "请填写 11 位手机号码。",
                        "\"phone\" should be an 11-digit mobile number (1[3-9] and 9 more digits)"};
  }
  const auto slot = core::bookingSlotAt(rules_, hall.definition(), item, start);
  if (!slot) {
    return ServiceError{"slot_unknown", "该时段不可预约，请重新选择。",
                        fmt::format("{} has no booking slot starting at that time", item.code)};
  }
  const std::string digest = phoneDigest(phone);
  const core::Date day = core::dateOf(start);
  core::BookingCounts counts;
  const auto inSlot = store_->bookings().countInSlot(start, core::itemsSharing(rules_, hall.definition(), *slot));
  if (!inSlot.ok()) return fromStore(inSlot.error());
  counts.inSlot = inSlot.value();
  const auto phoneThatDay = store_->bookings().countForPhone(digest, day);
  if (!phoneThatDay.ok()) return fromStore(phoneThatDay.error());
  counts.phoneThatDay = phoneThatDay.value();
  const core::Date today = core::dateOf(now);
  const core::Date since{std::chrono::sys_days{today} - std::chrono::days{rules_.noShowDays}};
  const auto missed = store_->bookings().countMissed(digest, since, today);
  if (!missed.ok()) return fromStore(missed.error());
  counts.phoneMissed = missed.value();
  if (auto refusal = core::refuseBooking(rules_, *slot, counts, now)) return fromBookingRefusal(*refusal);

  core::Booking booking;
  booking.item = item.code;
  booking.queue = item.queue;
  booking.start = slot->start;
  booking.end = slot->end;
  booking.phoneDigest = digest;
  booking.phoneMasked = core::maskPhone(phone);
  booking.madeAt = now;
  for (int draw = 0; draw < kCodeDraws && booking.code.empty(); ++draw) {
    std::string code = fmt::format("{:08}", randombytes_uniform(100'000'000));
    const auto taken = store_->bookings().find(code);
    if (!taken.ok()) return fromStore(taken.error());
    if (!taken.value()) booking.code = std::move(code);
  }
  if (booking.code.empty()) return errors::storageFailed("bookings: no free booking code was drawn");
  if (auto s = store_->beginBatch(); !s.ok()) return fromStore(s.error());
  if (auto s = store_->bookings().insert(booking); !s.ok()) return fromStore(s.error());
  return booking;
}

Outcome<core::Booking> BookingDesk::find(const std::string& code) const {
  const auto found = store_->bookings().find(code);
  if (!found.ok()) return fromStore(found.error());
  if (!found.value()) return noBooking(code);
  return *found.value();
}

Outcome<core::Booking> BookingDesk::cancel(const std::string& code, core::TimePoint now) {
  auto booking = find(code);
  if (!booking) return booking;
  if (auto refusal = core::refuseCancel(booking.value(), now)) return fromBookingRefusal(*refusal);
  if (auto s = store_->beginBatch(); !s.ok()) return fromStore(s.error());
  if (auto s = store_->bookings().cancel(code, now); !s.ok()) return fromStore(s.error());
  return find(code);
}

Outcome<CheckInPlan> BookingDesk::planCheckIn(const std::string& code, core::TimePoint now) const {
  auto booking = find(code);
  if (!booking) return booking.error();
  if (auto refusal = core::refuseCheckIn(rules_, booking.value(), now)) return fromBookingRefusal(*refusal);
  CheckInPlan plan;
  plan.booking = booking.value();
  plan.alreadyCheckedIn = plan.booking.state == core::BookingState::CheckedIn;
  plan.late = !plan.alreadyCheckedIn && core::checkInTiming(rules_, plan.booking, now) == core::CheckInTiming::Late;
  plan.issue.item = plan.booking.item;
  plan.issue.channel = core::Channel::Appointment;
  if (!plan.late) plan.issue.appointmentSlot = plan.booking.start;
  plan.issue.requestKey = "booking:" + plan.booking.code;
  return plan;
}

Outcome<core::Booking> BookingDesk::markCheckedIn(const CheckInPlan& plan, const core::Ticket& ticket,
                                                  core::TimePoint now) {
  if (auto s = store_->beginBatch(); !s.ok()) return fromStore(s.error());
  if (auto s = store_->bookings().checkIn(plan.booking.code, now, ticket.id, ticket.number, plan.late); !s.ok())
    return fromStore(s.error());
  return find(plan.booking.code);
}

Outcome<std::vector<core::Booking>> BookingDesk::ofDay(core::Date day, std::size_t limit) const {
  auto bookings = store_->bookings().ofDay(day, limit);
  if (!bookings.ok()) return fromStore(bookings.error());
  return std::move(bookings).value();
}

}  // namespace jiujin::service
