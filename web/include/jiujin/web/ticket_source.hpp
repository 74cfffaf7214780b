#pragma once
// What the web server needs from the hall: a token's ticket, a ticket's view now, and where to
// say which tickets pages follow. DispatcherFeed (hall_feed.hpp) is the real one; unit tests
// give their own. Every call is made on the server's thread.
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/web/pages.hpp"
#include "jiujin/web/ticket_view.hpp"

namespace jiujin::web {

enum class TokenAnswer {
  Found,        ///< the dispatcher vouches for it: today's ticket
  Unknown,      ///< malformed, forged, or another day's
  Unavailable,  ///< the dispatcher did not answer
};

struct Resolution {
  TokenAnswer answer = TokenAnswer::Unknown;
  core::TicketId ticket = 0;
};

/// What the dispatcher said to a phone's rating (rate_ticket).
enum class RatingAnswer {
  Accepted,     ///< recorded: the pad stops prompting
  Refused,      ///< already rated (pad or phone), not completed, or the rating period is over
  Unknown,      ///< the token names no ticket of today
  Unavailable,  ///< the dispatcher did not answer
};

/// What the dispatcher said to a booking request (预约, docs/booking.md).
struct BookingAnswer {
  enum class Kind { Ok, Refused, Unavailable };
  Kind kind = Kind::Unavailable;
  nlohmann::json result;  ///< Ok: the reply's result (booking_slots' days, or {"booking": …})
  std::string code;       ///< Refused: the dispatcher's code (slot_full, booking_limit, not_found …)
  std::string zh;         ///< Refused: its reason, in both languages
  std::string en;
};
using BookingDone = std::function<void(BookingAnswer)>;

class TicketSource {
 public:
  virtual ~TicketSource() = default;
  /// Asks whose token it is; `done` runs later on the server's thread (or at once).
  virtual void resolve(const std::string& token, std::function<void(Resolution)> done) = 0;
  /// The ticket's view now; nothing until the hall is known.
  virtual std::optional<TicketView> view(core::TicketId ticket) = 0;
  /// Whether the figures are live (the dispatcher heard from recently).
  virtual bool live() = 0;
  /// A page started or stopped following `ticket`: only followed tickets are pushed.
  virtual void follow(core::TicketId ticket) = 0;
  virtual void unfollow(core::TicketId ticket) = 0;
  /// Today's waiting figures per item (the guide); empty while the hall is not known.
  virtual ItemFigures itemFigures() = 0;
  /// The hall's name for the pages' top bar.
  virtual std::string hallName() = 0;
  /// Rates the ticket `token` names (one of the five levels); `done` runs later on the server's
  /// thread (or at once). Only the dispatcher decides; a source that cannot ask says Unavailable.
  virtual void rate(const std::string& token, core::Rating rating, std::function<void(RatingAnswer)> done) {
    (void)token;
    (void)rating;
    done(RatingAnswer::Unavailable);
  }
  // 预约: each asks the dispatcher; `done` runs later on the server's thread (or at once).
  // A source that cannot ask says Unavailable.
  virtual void bookingSlots(const core::ItemCode& item, BookingDone done) {
    (void)item;
    done({});
  }
  virtual void book(const core::ItemCode& item, core::TimePoint start, const std::string& phone, BookingDone done) {
    (void)item;
    (void)start;
    (void)phone;
    done({});
  }
  virtual void booking(const std::string& code, BookingDone done) {
    (void)code;
    done({});
  }
  virtual void cancelBooking(const std::string& code, BookingDone done) {
    (void)code;
    done({});
  }
};

}  // namespace jiujin::web
