#pragma once
// The hall: the one place where tickets are issued, routed and closed.
// No I/O, no threads, no clock of its own: the caller passes `now`.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/commands.hpp"
#include "jiujin/core/error.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/core/window_actions.hpp"
#include "jiujin/core/working_calendar.hpp"

namespace jiujin::core {

/// What "call next" at a window would choose now, and why.
struct CallDecision {
  TicketId ticket = 0;
  CallReason reason = CallReason::LongestWeightedWait;
  std::string explanation;  ///< e.g. "绿色通道 ticket B003 goes before normal tickets"
};

/// People ahead and the expected wait for a queue, or for a ticket about to be issued.
struct WaitEstimate {
  int peopleAhead = 0;
  Seconds wait{0};
  int windowsServing = 0;  ///< open windows that serve this queue now
};

class Hall {
 public:
  /// A new hall with no day open and every window closed.
  explicit Hall(HallDefinition definition);
  /// A hall restored from a saved state (recovery snapshot, client snapshot).
  Hall(HallDefinition definition, HallState state);
  ~Hall();
  Hall(Hall&&) noexcept;
  Hall& operator=(Hall&&) noexcept;

  /// Validates `command` against the current state; if legal, applies it and returns the
  /// events it produced (in order), else returns why not and changes nothing.
  Result<std::vector<Event>> execute(const Command& command, TimePoint now);

  /// Timed transitions due at `now` (no-show timeouts, evaluation timeouts), applied.
  std::vector<Event> tick(TimePoint now);

  /// Applies an event produced earlier by a hall in the same state (journal replay,
  /// client mirror). Deterministic: the same events give the same state.
  void apply(const Event& event);

  const HallDefinition& definition() const;
  const HallState& state() const;

  /// Which of `window`'s keypad actions execute() would accept at `now`, and why not the
  /// others, without changing anything (the console asks this instead of its own rules).
  WindowActions allowed(WindowNumber window, TimePoint now) const;
  /// Why execute() would refuse `command` at `now`, without changing anything; nothing when
  /// it would accept it (the console asks this for a ticket's actions, e.g. 过号重排).
  std::optional<Error> refusal(const Command& command, TimePoint now) const;
  /// What CallNext at `window` would choose at `now`, without changing anything.
  std::optional<CallDecision> peekNext(WindowNumber window, TimePoint now) const;
  WaitEstimate estimateForQueue(const QueueId& queue, TimePoint now) const;
  /// For a ticket about to be issued for `item` with `priority`.
  WaitEstimate estimateForItem(const ItemCode& item, PriorityClass priority, TimePoint now) const;
  /// For a ticket waiting now: the people routing calls before it — appointments whose slot
  /// has begun, then 绿色通道, then arrival order (a transferred ticket: those transferred to
  /// the same window or kind before it) — and its expected wait. Right after IssueTicket it
  /// equals what estimateForItem said before. Priority aging, which can later move an old
  /// normal ticket ahead, is not foreseen. Nothing when the ticket is not waiting.
  std::optional<WaitEstimate> estimateForTicket(TicketId ticket, TimePoint now) const;

  /// The ticket issued today under an idempotency key (IssueTicket with a known key
  /// returns no events; the service answers with this ticket).
  std::optional<TicketId> ticketByRequestKey(const std::string& key) const;
  /// A ticket of today, or nullptr.
  const Ticket* findTicket(TicketId id) const;
  /// A case still in the state (open, or closed since the previous service day), or nullptr.
  const Case* findCase(const std::string& number) const;
  /// The hall's working days, as the definition gives them.
  const WorkingCalendar& calendar() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jiujin::core
