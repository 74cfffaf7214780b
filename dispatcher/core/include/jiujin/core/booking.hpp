#pragma once
// 预约: the rules of booking a slot ahead and checking in for it (docs/booking.md). Pure: the
// service keeps the bookings in the store, counts what these rules need and passes `now`.
//
// A slot is [start, end) of one session of the hall file's [booking], for the items of one
// queue (or a list of items); its capacity is the number of bookings it takes. Booking never
// touches walk-ins: issue_ticket does not look at bookings, and routing only lets an
// appointment whose slot has begun go first (不得以预约服务、排号已满等理由拒绝受理).
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::core {

/// One bookable session ([[booking.session]]).
struct BookingSession {
  QueueId queue;                   ///< the items of this queue may be booked …
  std::vector<ItemCode> items;     ///< … or, when not empty, only these items
  bool workingDays = false;        ///< on the calendar's working days (调休上班 included)
  std::vector<unsigned> weekdays;  ///< and on these ISO weekdays (1 Monday … 7 Sunday) unless a holiday
  Minutes from{540};               ///< the first slot starts (minutes after midnight)
  Minutes to{690};                 ///< the last slot ends by then
  Minutes slotLength{30};          ///< 5–240
  int capacity = 4;                ///< bookings per slot, 1–1000
  std::string name;                ///< shown with the slot, e.g. "周六预约服务"; may be empty
  bool operator==(const BookingSession&) const = default;
};

/// What a resident who checks in after the late limit gets.
enum class LateCheckIn {
  WalkIn,  ///< an ordinary ticket, in arrival order (the slot's priority is lost)
  Refuse,  ///< nothing: the booking is missed (the resident may still take an ordinary ticket)
};

struct BookingRules {
  std::vector<BookingSession> sessions;  ///< none: the hall takes no bookings
  int advanceDays = 7;       ///< slots from tomorrow up to this many days ahead, 1–60 (today too, see below)
  bool sameDay = true;       ///< today's slots may be booked while they have not begun
  int perPhonePerDay = 2;    ///< bookings one phone holds for one day, 1–10
  Minutes earlyCheckIn{30};  ///< check-in opens this long before the slot, 0–240
  Minutes lateCheckIn{15};   ///< after the slot's start this long a check-in is late, 0–240
  LateCheckIn late = LateCheckIn::WalkIn;
  int noShowLimit = 3;  ///< missed bookings in the last noShowDays that stop new ones, 0 (off)–100
  int noShowDays = 30;  ///< 1–365
  bool operator==(const BookingRules&) const = default;
};

struct BookingSlot {
  TimePoint start;
  TimePoint end;
  int capacity = 0;
  std::string session;  ///< the session's name
  std::size_t sessionIndex = 0;  ///< which of rules.sessions gives it (its capacity is shared by its items)
  bool operator==(const BookingSlot&) const = default;
};

enum class BookingState { Booked, Cancelled, CheckedIn };  // 已预约 已取消 已签到

/// One booking as the store keeps it. The phone number itself is never kept: a keyed digest
/// (the per-phone limits) and the masked form ("138****5678", for the manager) only.
struct Booking {
  std::string code;  ///< 8 digits, drawn at random by the service; the resident's key
  ItemCode item;
  QueueId queue;
  TimePoint start;
  TimePoint end;
  std::string phoneDigest;
  std::string phoneMasked;
  TimePoint madeAt;
  BookingState state = BookingState::Booked;
  std::optional<TimePoint> cancelledAt;
  std::optional<TimePoint> checkedInAt;
  std::optional<TicketId> ticket;  ///< the ticket its check-in issued
  std::string ticketNumber;
  bool lateCheckIn = false;  ///< checked in after the late limit: an ordinary ticket
  bool operator==(const Booking&) const = default;
};

/// Why a booking, a cancellation or a check-in is refused: a stable wire code and a reason in
/// both languages.
struct BookingRefusal {
  std::string code;  ///< booking_closed slot_unknown slot_full booking_limit no_show_limit too_early late
                     ///< other_day cancelled already_checked_in not_cancellable
  std::string zh;
  std::string en;
  bool operator==(const BookingRefusal&) const = default;
};

/// The slots `item` may be booked in on `day` (whatever is already booked), in time order.
std::vector<BookingSlot> bookingSlots(const BookingRules& rules, const HallDefinition& hall, const ServiceItem& item,
                                      Date day);
/// Whether any session takes bookings for `item`.
bool takesBookings(const BookingRules& rules, const ServiceItem& item);
/// The slot of `item` that starts at `start`, if there is one.
std::optional<BookingSlot> bookingSlotAt(const BookingRules& rules, const HallDefinition& hall,
                                         const ServiceItem& item, TimePoint start);
/// The items whose bookings share the capacity of `slot` (the items its session takes).
std::vector<ItemCode> itemsSharing(const BookingRules& rules, const HallDefinition& hall, const BookingSlot& slot);
/// The days a resident may book at `now`: today (if sameDay) and the next advanceDays days.
std::vector<Date> bookableDays(const BookingRules& rules, TimePoint now);

/// What the store counts for a new booking's decision.
struct BookingCounts {
  int inSlot = 0;          ///< bookings of the slot not cancelled
  int phoneThatDay = 0;    ///< the phone's bookings that day not cancelled
  int phoneMissed = 0;     ///< the phone's missed bookings in the last noShowDays
};
/// Why booking `slot` at `now` is refused; nothing when it may be booked.
std::optional<BookingRefusal> refuseBooking(const BookingRules& rules, const BookingSlot& slot,
                                            const BookingCounts& counts, TimePoint now);
/// Why `booking` may not be cancelled at `now` (only a booked one, before its slot ends).
std::optional<BookingRefusal> refuseCancel(const Booking& booking, TimePoint now);

enum class CheckInTiming {
  TooEarly,  ///< before start - earlyCheckIn
  OnTime,    ///< up to start + lateCheckIn: a ticket with the slot
  Late,      ///< later the same day: the late rule applies
  OtherDay,  ///< not the booking's day
};
CheckInTiming checkInTiming(const BookingRules& rules, const Booking& booking, TimePoint now);
/// Why checking `booking` in at `now` is refused; nothing when a ticket is issued (with the
/// slot when on time, an ordinary one when late under LateCheckIn::WalkIn). A booking already
/// checked in is not refused: the service answers with its ticket.
std::optional<BookingRefusal> refuseCheckIn(const BookingRules& rules, const Booking& booking, TimePoint now);

/// Booked and never checked in although its check-in time is over (爽约).
bool isMissed(const BookingRules& rules, const Booking& booking, TimePoint now);
/// booked cancelled checked_in, and "missed" for isMissed.
const char* bookingStateName(const BookingRules& rules, const Booking& booking, TimePoint now);
const char* toString(BookingState state);
std::optional<BookingState> parseBookingState(std::string_view text);
const char* toString(LateCheckIn rule);  // walk_in refuse
std::optional<LateCheckIn> parseLateCheckIn(std::string_view text);

}  // namespace jiujin::core
