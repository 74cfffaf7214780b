#pragma once
// The calls waiting to be spoken, kept short enough that what the hall hears still matches
// the screen. A call is checked when it would start, not when it arrives: by then the ticket
// may be served, gone or called elsewhere, or the call may be too old to help anyone — and
// then it is dropped, never spoken late. A new call or recall of a ticket that is still
// waiting takes the place of the waiting one, so a ticket is never said twice in a row.
// Pure: no Qt, no sound, the clock and the "is it still called?" question are injected.
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "jiujin/voice/announcement_composer.hpp"

namespace jiujin::voice {

using WallClock = std::chrono::system_clock;

/// How late a call may still be spoken: the hall file's announcements.max_delay_seconds.
inline constexpr std::chrono::seconds kDefaultMaxDelay{30};
inline constexpr std::chrono::seconds kShortestMaxDelay{5};
inline constexpr std::chrono::seconds kLongestMaxDelay{120};

/// A call as it waits in the queue.
struct QueuedCall {
  Call call;
  WallClock::time_point calledAt;
};

enum class DropReason {
  NoLongerCalled,  ///< served, no-show, transferred, cancelled, or called to another window
  TooLate,         ///< waited longer than the maximum delay
  Replaced,        ///< the same ticket was called (or recalled) again while this one waited
};
std::string_view toString(DropReason reason);

struct DroppedCall {
  QueuedCall queued;
  DropReason reason;
  WallClock::time_point droppedAt;
};

/// What to say now, and what was dropped on the way to it.
struct NextCall {
  std::optional<QueuedCall> start;
  WallClock::time_point startsAt;
  std::vector<DroppedCall> dropped;
  std::size_t stillWaiting = 0;  ///< calls queued behind the one starting

  /// The call to start, as it is to be said: once (Call::brief) when others wait behind it,
  /// so more of a burst is heard before it is too late. Only when `start` has a value.
  Call toSay() const;
};

class AnnouncementQueue {
 public:
  using Clock = std::function<WallClock::time_point()>;
  /// Whether the ticket is still called to that window (the display's mirror of the hall).
  using StillCalled = std::function<bool(const Call&)>;

  explicit AnnouncementQueue(Clock clock = WallClock::now, StillCalled stillCalled = {},
                             std::chrono::milliseconds maxDelay = kDefaultMaxDelay);

  /// Queues a call made now. Returns the waiting call of the same ticket it replaced, if any;
  /// the new call keeps that one's place in the line.
  std::optional<DroppedCall> push(Call call);
  /// The call to start now: the first one waiting that is still called and not too late.
  NextCall next();

  void setStillCalled(StillCalled stillCalled) { stillCalled_ = std::move(stillCalled); }
  void setMaxDelay(std::chrono::milliseconds maxDelay) { maxDelay_ = maxDelay; }
  std::chrono::milliseconds maxDelay() const { return maxDelay_; }
  std::size_t size() const { return waiting_.size(); }
  bool empty() const { return waiting_.empty(); }
  void clear() { waiting_.clear(); }

 private:
  Clock clock_;
  StillCalled stillCalled_;
  std::chrono::milliseconds maxDelay_;
  std::deque<QueuedCall> waiting_;
};

}  // namespace jiujin::voice
