#pragma once
// One clerk at one window for the day, and the residents who reach that window. The clerk
// reads the window from the hall mirror and acts like a person at a console: log in, open,
// call the next number, wait for the resident to walk up (recall, then 过号 if nobody
// comes), start, serve for a log-normal time, complete (or transfer the result to the
// 统一发证 window), take a break once, and close when the hall has emptied after hours.
// Start, complete and transfer go through the caller keypad part of the time when the bus
// is simulated; the resident then rates on the evaluation pad (or by command without one),
// and the clerk calls the next resident only once the rating is recorded (or the resident
// walked away): a compressed day must not outrun the gateway's pad polling.
//
// The console has one request in flight at a time, on its own thread, so the clerks of a
// hall work side by side. After every action the clerk waits until the mirror shows its
// effect (bounded), so it never acts twice on a stale view; a keypad press whose effect does
// not show within the bound is done again through the console.
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/sim/day_clock.hpp"

namespace jiujin::sim {

struct SimulationContext;
class ConsoleLine;

struct WindowSeat {
  core::WindowNumber window = 0;
  core::WindowKind kind = core::WindowKind::General;
  core::ClerkId clerk;
  std::string clerkName;
  std::string keypad;  ///< device id, empty if none
  std::string pad;     ///< device id, empty if none
};

/// What the hall as a whole looks like to a clerk deciding whether to go home.
struct HallOutlook {
  bool afterHours = false;  ///< no more residents are coming
  bool drained = false;     ///< and no ticket waits, is called or is being served
};

class WindowClerk {
 public:
  WindowClerk(WindowSeat seat, std::unique_ptr<ConsoleLine> console, SimSeconds breakAt, SimSeconds breakLength);
  ~WindowClerk();

  /// One look at the window and at most one action.
  void step(SimulationContext& ctx, RealClock::time_point now, const HallOutlook& outlook);
  /// Closed and logged out after hours, and the last resident has rated.
  bool goneHome() const { return goneHome_; }
  bool ratingPending() const { return rating_.has_value(); }
  const WindowSeat& seat() const { return seat_; }

 private:
  struct Awaiting {
    std::uint64_t seq = 0;                       ///< the mirror must reach this seq
    std::optional<core::TicketId> ticket;        ///< or this ticket must leave `from`
    core::TicketState from = core::TicketState::Waiting;
    RealClock::time_point deadline;
    std::optional<client::Request> fallback;  ///< console command if a keypad press showed no effect
  };
  struct TicketPlan {
    core::TicketId ticket = 0;
    bool comes = true;
    SimSeconds startAt = 0;
    int recalls = 0;
    SimSeconds nextRecallAt = 0;
    std::optional<SimSeconds> finishAt;
    bool transfer = false;
  };
  struct PendingRating {
    core::TicketId ticket = 0;
    std::string number;
    std::optional<core::Rating> rating;
    SimSeconds at = 0;
    RealClock::time_point giveUpAt;
    bool pressed = false;  ///< rated on the pad; waiting for the dispatcher to record it
  };

  bool waiting(SimulationContext& ctx, RealClock::time_point now);
  void act(SimulationContext& ctx, RealClock::time_point now, const HallOutlook& outlook);
  void onCalled(SimulationContext& ctx, const core::Ticket& ticket, SimSeconds simNow, RealClock::time_point now);
  void onServing(SimulationContext& ctx, const core::Ticket& ticket, SimSeconds simNow, RealClock::time_point now);
  void rate(SimulationContext& ctx, RealClock::time_point now);
  /// Sends a console command; its reply comes back through onReply.
  void command(client::Request request);
  void onReply(SimulationContext& ctx, RealClock::time_point now, client::RequestKind kind, const client::Reply& reply);
  /// Presses a keypad key and awaits `ticket` leaving `from`; falls back to `fallback`.
  void press(SimulationContext& ctx, RealClock::time_point now, const std::string& key, core::TicketId ticket,
             core::TicketState from, client::Request fallback);
  bool useKeypad(SimulationContext& ctx);

  WindowSeat seat_;
  std::unique_ptr<ConsoleLine> console_;
  SimSeconds breakAt_;
  SimSeconds breakLength_;
  bool breakTaken_ = false;
  std::optional<SimSeconds> breakUntil_;
  SimSeconds nextCallAt_ = 0;
  std::optional<Awaiting> awaiting_;
  std::optional<TicketPlan> plan_;
  std::optional<PendingRating> rating_;
  std::optional<core::TicketId> lastRated_;
  bool goneHome_ = false;
};

}  // namespace jiujin::sim
