#include "window_clerk.hpp"

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "async_channel.hpp"
#include "simulation_context.hpp"

namespace jiujin::sim {

namespace {

using namespace std::chrono_literals;

// How long a clerk waits for the mirror to show an accepted command, and for a keypad press
// to travel over the bus and back (poll, dispatcher, event) before using the console.
constexpr auto kCommandEffectBound = 2s;
constexpr auto kKeypadEffectBound = 3s;
constexpr auto kRefusalPause = 200ms;
// A resident who cannot find the prompt on the pad this long after service gives up.
constexpr auto kRatingBound = 8s;
constexpr auto kPadRecheck = 20ms;

}  // namespace

WindowClerk::WindowClerk(WindowSeat seat, std::unique_ptr<AsyncChannel> console, SimSeconds breakAt,
                         SimSeconds breakLength)
    : seat_(std::move(seat)), console_(std::move(console)), breakAt_(breakAt), breakLength_(breakLength) {}

WindowClerk::~WindowClerk() = default;

nlohmann::json WindowClerk::windowBody() const { return {{"window", seat_.window}}; }

void WindowClerk::step(SimulationContext& ctx, RealClock::time_point now, const HallOutlook& outlook) {
  if (goneHome_ || !ctx.mirror.synced()) return;
  const std::string type = console_->pendingType();
  if (auto reply = console_->take()) onReply(ctx, now, type, *reply);
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
  if (!missed.fallback.empty()) command(missed.fallback, missed.fallbackBody);
  return true;
}

void WindowClerk::command(const std::string& type, nlohmann::json body) {
  console_->submit(type, body.is_null() ? windowBody() : std::move(body));
}

void WindowClerk::onReply(SimulationContext& ctx, RealClock::time_point now, const std::string& type,
                          const client::Reply& reply) {
  if (type == "clerk_login") ctx.loginInFlight = false;
  if (type == "evaluate") {
    if (!reply.ok && reply.error.code == "timeout") return;  // the resident tries again
    ctx.log.record("evaluated", {{"window", seat_.window}, {"ticket", rating_ ? rating_->ticket : 0},
                                 {"ok", reply.ok}, {"code", reply.ok ? "" : reply.error.code}});
    rating_.reset();
    return;
  }
  if (reply.ok) {
    awaiting_ = Awaiting{reply.result.value("seq", std::uint64_t{0}), std::nullopt, core::TicketState::Waiting,
                         now + kCommandEffectBound, {}, {}};
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
    awaiting_ = Awaiting{ctx.mirror.seq() + 1, std::nullopt, core::TicketState::Waiting, now + kRefusalPause, {}, {}};
    ctx.log.record("refused", {{"window", seat_.window}, {"type", type}, {"code", code}});
  }
}

bool WindowClerk::useKeypad(SimulationContext& ctx) {
  return ctx.bus != nullptr && !seat_.keypad.empty() && chance(ctx.random, ctx.keypadShare);
}

void WindowClerk::press(SimulationContext& ctx, RealClock::time_point now, const std::string& key,
                        core::TicketId ticket, core::TicketState from, const std::string& type, nlohmann::json body) {
  const ControlReply reply = ctx.bus->press(seat_.keypad, key);
  if (!reply.ok) {
    command(type, std::move(body));  // FIFO full or no bus: the console instead
    return;
  }
  ctx.log.record("key", {{"keypad", seat_.keypad}, {"window", seat_.window}, {"key", key}, {"ticket", ticket},
                         {"seq", reply.field("seq")}});
  awaiting_ = Awaiting{0, ticket, from, now + kKeypadEffectBound, type, std::move(body)};
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
          command("clerk_logout");
        } else {
          goneHome_ = true;
        }
      } else if (!w.clerk) {
        if (ctx.loginInFlight) return;
        ctx.loginInFlight = true;
        command("clerk_login", {{"window", seat_.window}, {"clerk", seat_.clerk}, {"pin", ctx.pin}});
      } else {
        command("open_window");
      }
      return;
    case core::WindowState::Idle:
      if (outlook.drained) {
        if (!rating_) command("close_window");
      } else if (!breakTaken_ && simNow >= breakAt_ && !outlook.afterHours) {
        breakTaken_ = true;
        breakUntil_ = simNow + breakLength_;
        command("pause_window", {{"window", seat_.window}, {"reason", "休息"}});
      } else if (rating_) {
        return;  // the last resident is still rating
      } else if (simNow >= nextCallAt_) {
        // The mirror's own routing says whether calling can find anyone; the dispatcher decides.
        if (hall.peekNext(seat_.window, hallNow())) {
          command("call_next");
        } else {
          nextCallAt_ = simNow + ctx.behaviour.idleRecheck;
        }
      }
      return;
    case core::WindowState::Paused:
      if (!breakUntil_ || simNow >= *breakUntil_ || outlook.afterHours) {
        breakUntil_.reset();
        command("resume_window");
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
      press(ctx, now, "start", t.id, core::TicketState::Called, "start_service", windowBody());
    } else {
      command("start_service");
    }
    return;
  }
  if (simNow < plan_->nextRecallAt) return;
  if (plan_->recalls < ctx.mirror.hall()->definition().rules.recallLimit) {
    ++plan_->recalls;
    plan_->nextRecallAt = simNow + b.recallEvery;
    command("recall");
  } else {
    command("mark_no_show");
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
    nlohmann::json body{{"window", seat_.window}, {"to", {{"kind", "issuing"}}}, {"note", "受理完毕，统一出件"}};
    if (useKeypad(ctx)) {
      press(ctx, now, "transfer", t.id, core::TicketState::Serving, "transfer", body);
    } else {
      command("transfer", body);
    }
    return;
  }
  if (useKeypad(ctx)) {
    press(ctx, now, "complete", t.id, core::TicketState::Serving, "complete", windowBody());
  } else {
    command("complete");
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
  command("evaluate", {{"window", seat_.window}, {"rating", core::toString(*r.rating)}});
}

}  // namespace jiujin::sim
