#include "window_clerk.hpp"

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "console_line.hpp"
#include "simulation_context.hpp"

namespace jiujin::sim {

namespace {

using namespace std::chrono_literals;
namespace requests = client::requests;

// Keypad keys by their register-map profile names (docs/devices.md), as jiujin-bussim's
// control socket takes them; some are spelt like the requests they cause.
namespace keypad {
constexpr const char* kComplete = "complete";
constexpr const char* kTransfer = "transfer";
}  // namespace keypad

// How long a clerk waits for the mirror to show an accepted command, and for a keypad press
// to travel over the bus and back (poll, dispatcher, event) before using the console.
constexpr auto kCommandEffectBound = 2s;
constexpr auto kKeypadEffectBound = 3s;
constexpr auto kRefusalPause = 200ms;
// A resident who cannot find the prompt on the pad this long after service gives up.
constexpr auto kRatingBound = 8s;
constexpr auto kPadRecheck = 20ms;

}  // namespace

WindowClerk::WindowClerk(WindowSeat seat, std::unique_ptr<ConsoleLine> console, SimSeconds breakAt,
                         SimSeconds breakLength)
    : seat_(std::move(seat)), console_(std::move(console)), breakAt_(breakAt), breakLength_(breakLength) {}

WindowClerk::~WindowClerk() = default;

void WindowClerk::step(SimulationContext& ctx, RealClock::time_point now, const HallOutlook& outlook) {
  if (goneHome_ || !ctx.mirror.synced()) return;
  const auto kind = console_->pending();
  if (auto reply = console_->take()) onReply(ctx, now, *kind, *reply);
  if (console_->busy()) return;
  if (rating_) rate(ctx, now);
  if (console_->busy() || waiting(ctx, now)) return;
  act(ctx, now, outlook);
}

bool WindowClerk::waiting(SimulationContext& ctx, RealClock::time_point now) {
  if (!awaiting_) return false;
  bool seen = false;
  if (awaiting_->ticket) {
    const core::Ticket* t = ctx.mirror.hall()->findTicket(*awaiting_->ticket);
    seen = t == nullptr || t->state != awaiting_->from;
  } else {
    seen = ctx.mirror.seq() >= awaiting_->seq;
  }
  if (seen) {
    awaiting_.reset();
    return false;
  }
  if (now < awaiting_->deadline) return true;
  const Awaiting missed = *awaiting_;
  awaiting_.reset();
  if (missed.fallback) command(*missed.fallback);
  return true;
}

void WindowClerk::command(client::Request request) { console_->submit(std::move(request)); }

void WindowClerk::onReply(SimulationContext& ctx, RealClock::time_point now, client::RequestKind kind,
                          const client::Reply& reply) {
  if (kind == client::RequestKind::ClerkLogin) ctx.loginInFlight = false;
  if (kind == client::RequestKind::Evaluate) {
    if (!reply.ok && reply.error.code == "timeout") return;  // the resident tries again
    ctx.log.record("evaluated", {{"window", seat_.window}, {"ticket", rating_ ? rating_->ticket : 0},
                                 {"ok", reply.ok}, {"code", reply.ok ? "" : reply.error.code}});
    rating_.reset();
    return;
  }
  if (reply.ok) {
    awaiting_ = Awaiting{reply.result.value("seq", std::uint64_t{0}), std::nullopt, core::TicketState::Waiting,
                         now + kCommandEffectBound, {}};
    return;
  }
  const std::string& code = reply.error.code;
  if (code == "timeout") {
    ++ctx.requestTimeouts;  // the next look decides again
  } else if (code == "no_ticket_waiting") {
    nextCallAt_ = ctx.clock.at(now) + ctx.behaviour.idleRecheck;
  } else if (code == "wrong_pin" || code == "clerk_not_allowed") {
    fmt::print(stderr, "jiujin-sim: clerk {} cannot log in at window {}: {}\n", seat_.clerk, seat_.window, code);
    goneHome_ = true;
  } else {
    // Most refusals mean the mirror is a step behind: look again after the next event.
    awaiting_ = Awaiting{ctx.mirror.seq() + 1, std::nullopt, core::TicketState::Waiting, now + kRefusalPause, {}};
    ctx.log.record("refused", {{"window", seat_.window}, {"type", client::wireName(kind)}, {"code", code}});
  }
}

bool WindowClerk::useKeypad(SimulationContext& ctx) {
  return ctx.bus != nullptr && !seat_.keypad.empty() && chance(ctx.random, ctx.keypadShare);
}

void WindowClerk::press(SimulationContext& ctx, RealClock::time_point now, const std::string& key,
                        core::TicketId ticket, core::TicketState from, client::Request fallback) {
  const ControlReply reply = ctx.bus->press(seat_.keypad, key);
  if (!reply.ok) {
    command(std::move(fallback));  // FIFO full or no bus: the console instead
    return;
  }
  ctx.log.record("key", {{"keypad", seat_.keypad}, {"window", seat_.window}, {"key", key}, {"ticket", ticket},
                         {"seq", reply.field("seq")}});
  awaiting_ = Awaiting{0, ticket, from, now + kKeypadEffectBound, std::move(fallback)};
}

void WindowClerk::act(SimulationContext& ctx, RealClock::time_point now, const HallOutlook& outlook) {
  const core::Hall& hall = *ctx.mirror.hall();
  const auto found = hall.state().windows.find(seat_.window);
  if (found == hall.state().windows.end()) return;
  const core::WindowStatus& w = found->second;
  const SimSeconds simNow = ctx.clock.at(now);

  switch (w.state) {
    case core::WindowState::Closed:
      if (outlook.drained) {
        if (w.clerk) {
          command(requests::clerkLogout(seat_.window));
        } else {
          goneHome_ = true;
        }
      } else if (!w.clerk) {
        if (ctx.loginInFlight) return;
        ctx.loginInFlight = true;
        command(requests::clerkLogin(seat_.window, seat_.clerk, ctx.pin));
      } else {
        command(requests::openWindow(seat_.window));
      }
      return;
    case core::WindowState::Idle:
      if (outlook.drained) {
        if (!rating_) command(requests::closeWindow(seat_.window));
      } else if (!breakTaken_ && simNow >= breakAt_ && !outlook.afterHours) {
        breakTaken_ = true;
        breakUntil_ = simNow + breakLength_;
        command(requests::pauseWindow(seat_.window, "休息"));
      } else if (rating_) {
        return;  // the last resident is still rating
      } else if (simNow >= nextCallAt_) {
        // The mirror's own routing says whether calling can find anyone; the dispatcher decides.
        if (hall.peekNext(seat_.window, hallNow())) {
          command(requests::callNext(seat_.window));
        } else {
          nextCallAt_ = simNow + ctx.behaviour.idleRecheck;
        }
      }
      return;
    case core::WindowState::Paused:
      if (!breakUntil_ || simNow >= *breakUntil_ || outlook.afterHours) {
        breakUntil_.reset();
        command(requests::resumeWindow(seat_.window));
      }
      return;
    case core::WindowState::Calling:
    case core::WindowState::Serving: {
      const core::Ticket* t = w.current ? hall.findTicket(*w.current) : nullptr;
      if (t && t->state == core::TicketState::Called) onCalled(ctx, *t, simNow, now);
      if (t && t->state == core::TicketState::Serving) onServing(ctx, *t, simNow, now);
      return;
    }
  }
}

void WindowClerk::onCalled(SimulationContext& ctx, const core::Ticket& t, SimSeconds simNow, RealClock::time_point now) {
  const Behaviour& b = ctx.behaviour;
  if (!plan_ || plan_->ticket != t.id) {
    plan_ = TicketPlan{};
    plan_->ticket = t.id;
    plan_->comes = !chance(ctx.random, b.absentShare);
    plan_->startAt = simNow + uniform(ctx.random, b.walkMin, b.walkMax);
    plan_->nextRecallAt = simNow + b.recallEvery;
  }
  if (plan_->comes) {
    if (simNow < plan_->startAt) return;
    if (useKeypad(ctx)) {
      press(ctx, now, "start", t.id, core::TicketState::Called, requests::startService(seat_.window));
    } else {
      command(requests::startService(seat_.window));
    }
    return;
  }
  if (simNow < plan_->nextRecallAt) return;
  if (plan_->recalls < ctx.mirror.hall()->definition().rules.recallLimit) {
    ++plan_->recalls;
    plan_->nextRecallAt = simNow + b.recallEvery;
    command(requests::recall(seat_.window));
  } else {
    command(requests::markNoShow(seat_.window));
  }
}

void WindowClerk::onServing(SimulationContext& ctx, const core::Ticket& t, SimSeconds simNow,
                            RealClock::time_point now) {
  const core::HallDefinition& def = ctx.mirror.hall()->definition();
  if (!plan_ || plan_->ticket != t.id) {
    plan_ = TicketPlan{};
    plan_->ticket = t.id;
  }
  if (!plan_->finishAt) {
    int typical = 10;
    bool promised = false;
    for (const auto& item : def.items) {
      if (item.code == t.item) {
        typical = item.typicalServiceMinutes;
        promised = item.kind == core::ItemKind::Promised;
      }
    }
    bool issuingWindow = false;
    for (const auto& win : def.windows) issuingWindow = issuingWindow || win.kind == core::WindowKind::Issuing;
    plan_->finishAt = simNow + drawServiceSeconds(typical, ctx.behaviour, ctx.random);
    plan_->transfer = promised && issuingWindow && seat_.kind != core::WindowKind::Issuing &&
                      t.channel != core::Channel::Transfer && chance(ctx.random, ctx.behaviour.transferShare);
  }
  if (simNow < *plan_->finishAt) return;
  if (plan_->transfer) {
    client::Request transfer = requests::transfer(seat_.window, core::WindowKind::Issuing, "受理完毕，统一出件");
    if (useKeypad(ctx)) {
      press(ctx, now, keypad::kTransfer, t.id, core::TicketState::Serving, std::move(transfer));
    } else {
      command(std::move(transfer));
    }
    return;
  }
  if (useKeypad(ctx)) {
    press(ctx, now, keypad::kComplete, t.id, core::TicketState::Serving, requests::complete(seat_.window));
  } else {
    command(requests::complete(seat_.window));
  }
  if (lastRated_ != t.id) {
    lastRated_ = t.id;
    rating_ = PendingRating{t.id, t.number, drawRating(ctx.behaviour, ctx.random),
                            simNow + uniform(ctx.random, 5, 20), now + kRatingBound};
  }
}

void WindowClerk::rate(SimulationContext& ctx, RealClock::time_point now) {
  PendingRating& r = *rating_;
  if (ctx.clock.at(now) < r.at) return;
  const core::Ticket* t = ctx.mirror.hall()->findTicket(r.ticket);
  if (now > r.giveUpAt) {
    ctx.log.record("rating_abandoned", {{"window", seat_.window}, {"ticket", r.ticket}, {"number", r.number}});
    rating_.reset();
    return;
  }
  if (!t || t->state != core::TicketState::Completed) return;  // the completion is on its way
  if (!r.rating || t->evaluation != core::EvaluationStatus::Requested) {
    rating_.reset();  // recorded, walked away (the pad times out by itself), or settled
    return;
  }
  if (r.pressed) return;  // the gateway has yet to read the pad
  const int key = static_cast<int>(*r.rating);
  if (ctx.bus != nullptr && !seat_.pad.empty()) {
    const ControlReply shown = ctx.bus->show(seat_.pad);
    if (!shown.ok || shown.field("state") != "prompting" || shown.field("ticket") != r.number) {
      r.at = ctx.clock.at(now + kPadRecheck);
      return;
    }
    const ControlReply pressed = ctx.bus->rate(seat_.pad, key);
    if (!pressed.ok) {
      r.at = ctx.clock.at(now + kPadRecheck);
      return;
    }
    ctx.log.record("pad_rating", {{"pad", seat_.pad},
                                  {"window", seat_.window},
                                  {"ticket", r.ticket},
                                  {"number", r.number},
                                  {"clerk", t->clerk.value_or("")},
                                  {"clerk_name_shown", shown.field("clerk_name")},
                                  {"rating", core::toString(*r.rating)},
                                  {"rating_seq", pressed.field("rating_seq")}});
    r.pressed = true;
    return;
  }
  command(requests::evaluate(seat_.window, *r.rating));
}

}  // namespace jiujin::sim
