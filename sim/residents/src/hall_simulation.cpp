#include "jiujin/sim/hall_simulation.hpp"

#include <time.h>

#include <deque>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/replies.hpp"
#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/sim/activity_log.hpp"
#include "jiujin/sim/bus_control.hpp"
#include "jiujin/sim/staffing.hpp"
#include "console_line.hpp"
#include "simulation_context.hpp"
#include "window_clerk.hpp"

namespace jiujin::sim {

using namespace std::chrono_literals;

// The longest the clerks may take to log in and open before the simulated day starts anyway.
constexpr auto kMorningBound = 60s;

core::TimePoint hallNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm local{};
  localtime_r(&t, &local);
  return std::chrono::time_point_cast<std::chrono::milliseconds>(now) + std::chrono::seconds(local.tm_gmtoff);
}

std::pair<SimSeconds, SimSeconds> openingHours(const config::HallConfig& hall) {
  const SimSeconds opening = hall.hours.open.start.minutesSinceMidnight * 60.0;
  SimSeconds closing = hall.hours.open.end.minutesSinceMidnight * 60.0;
  const std::chrono::weekday today{std::chrono::floor<std::chrono::days>(hallNow())};
  for (const auto& session : hall.hours.extended) {
    for (const auto day : session.days) {
      if (day == today && session.time.start.minutesSinceMidnight * 60.0 <= closing) {
        closing = std::max(closing, session.time.end.minutesSinceMidnight * 60.0);
      }
    }
  }
  if (closing <= opening) closing = opening + 9 * 3600;
  return {opening, closing};
}

namespace {

/// A resident at the kiosk whose ticket is not acknowledged yet.
struct KioskVisit {
  Resident resident;
  std::string requestKey;  ///< the same for every retry: the dispatcher issues once
  core::cmd::IssueTicket ticket;
};

client::ConnectionOptions connectionAs(const config::HallConfig& hall, const SimulationOptions& o,
                                       const std::string& role, std::optional<int> window, const std::string& name) {
  client::ConnectionOptions c;
  c.commands = o.commands.empty() ? hall.service.commands : o.commands;
  c.events = o.events.empty() ? hall.service.events : o.events;
  c.identity = client::StatedIdentity{role, window, name};
  c.requestTimeout = o.requestTimeout;
  c.attempts = 3;
  return c;
}

std::string deviceAt(const config::HallConfig& hall, config::DeviceKind kind, core::WindowNumber window) {
  for (const auto& d : hall.devices) {
    if (d.kind == kind && d.window == window) return d.id;
  }
  return {};
}

}  // namespace

struct HallSimulation::Impl {
  Impl(const config::HallConfig& h, SimulationOptions o)
      : hall(h),
        options(std::move(o)),
        random(options.seed),
        mirror(context, connectionAs(hall, options, "display", std::nullopt, "sim-watch")),
        log(options.activityLog.empty() ? ActivityLog{} : ActivityLog{options.activityLog}) {
    // A township hall has a few kiosks; each resident's ticket is one request on one of them.
    for (int i = 1; i <= kKiosks; ++i) {
      kiosks.push_back(std::make_unique<ConsoleLine>(
          context, connectionAs(hall, options, "kiosk", std::nullopt, fmt::format("sim-kiosk-{}", i))));
      atKiosk.emplace_back();
    }
    if (options.busControl) bus = std::make_unique<BusControl>(context, *options.busControl);
    // A run's keys differ from every other run's, so a second run never collides with the
    // first; retries within a run reuse theirs.
    runId = fmt::format("sim-{:x}-{:x}", options.seed,
                        std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count());
  }

  const config::HallConfig& hall;
  SimulationOptions options;
  zmq::context_t context;
  Random random;
  client::HallMirror mirror;
  std::unique_ptr<BusControl> bus;
  ActivityLog log;
  static constexpr int kKiosks = 3;
  std::vector<std::unique_ptr<ConsoleLine>> kiosks;
  std::vector<std::optional<KioskVisit>> atKiosk;  ///< the resident each kiosk is serving
  std::uint64_t requestTimeouts = 0;
  std::string runId;
  std::uint64_t visits = 0;
  std::uint64_t ticketsIssued = 0;
  std::deque<KioskVisit> queueAtKiosk;
  std::optional<Resident> nextResident;
  std::vector<std::unique_ptr<WindowClerk>> clerks;

  bool waitForFirstSync(const std::atomic<bool>& stop) {
    const auto deadline = RealClock::now() + options.firstSyncBound;
    while (!stop && RealClock::now() < deadline) {
      mirror.poll(20ms);
      if (mirror.synced()) return true;
    }
    return mirror.synced();
  }

  void seatClerks(SimSeconds start, SimSeconds closing) {
    const auto staffed = staffWindows(hall.definition.windows, hall.clerks);
    for (const auto& w : hall.definition.windows) {
      const auto clerk = staffed.find(w.number);
      if (clerk == staffed.end()) continue;
      WindowSeat seat{w.number, w.kind, clerk->second, {}, deviceAt(hall, config::DeviceKind::Keypad, w.number),
                      deviceAt(hall, config::DeviceKind::EvalPad, w.number)};
      for (const auto& c : hall.clerks) {
        if (c.id == seat.clerk) seat.clerkName = c.name;
      }
      // One break a day, somewhere between mid-morning and mid-afternoon.
      const SimSeconds from = std::max(start, 10.0 * 3600), to = std::max(from, std::min(closing, 16.0 * 3600));
      const SimSeconds breakAt = to > from ? uniform(random, from, to) : closing + 1;
      const SimSeconds length = uniform(random, options.behaviour.breakMin, options.behaviour.breakMax);
      auto console = std::make_unique<ConsoleLine>(
          context, connectionAs(hall, options, "console", w.number, fmt::format("sim-clerk-w{}", w.number)));
      clerks.push_back(std::make_unique<WindowClerk>(std::move(seat), std::move(console), breakAt, length));
    }
  }

  void admit(const Resident& r) {
    KioskVisit visit{r, fmt::format("{}-{}", runId, ++visits), {}};
    visit.ticket.item = r.item;
    visit.ticket.requestKey = visit.requestKey;
    const core::ServiceItem* item = nullptr;
    for (const auto& i : hall.definition.items) {
      if (i.code == r.item) item = &i;
    }
    const Behaviour& b = options.behaviour;
    const auto priority = drawPriority(b, random);
    if (item && item->priorityAllowed && priority != core::PriorityClass::Normal) {
      visit.ticket.priority = priority;
    }
    if (chance(random, b.appointmentShare)) {
      // The slot is in the dispatcher's real time: a few simulated minutes from now.
      const auto slotIn = std::chrono::milliseconds(static_cast<long long>(uniform(random, 0, 600) * 1000 / options.speed));
      visit.ticket.channel = core::Channel::Appointment;
      visit.ticket.appointmentSlot = hallNow() + slotIn;
    }
    queueAtKiosk.push_back(std::move(visit));
  }

  void serveKiosks() {
    for (std::size_t i = 0; i < kiosks.size(); ++i) {
      if (auto reply = kiosks[i]->take()) issued(std::move(*atKiosk[i]), *reply);
      if (kiosks[i]->busy() || queueAtKiosk.empty()) continue;
      atKiosk[i] = std::move(queueAtKiosk.front());
      queueAtKiosk.pop_front();
      kiosks[i]->submit(client::requests::issueTicket(atKiosk[i]->ticket));
    }
  }

  void issued(KioskVisit visit, const client::Reply& reply) {
    if (!reply.ok && reply.error.code == "timeout") {
      ++requestTimeouts;
      queueAtKiosk.push_front(std::move(visit));  // again, with the same key
      return;
    }
    const auto issued = client::readIssuedTicket(reply);
    if (!issued) {
      log.record("issue_refused", {{"key", visit.requestKey}, {"item", visit.resident.item}, {"code", issued.error().code}});
      fmt::print(stderr, "jiujin-sim: kiosk refused {}: {}\n", visit.resident.item, issued.error().en);
      return;
    }
    ++ticketsIssued;
    log.record("issued", {{"key", visit.requestKey},
                          {"ticket", issued->ticket.id},
                          {"number", issued->ticket.number},
                          {"item", visit.resident.item},
                          {"repeated", issued->repeated}});
  }

  /// Every staffed window is open (or its clerk could not log in).
  bool windowsReady() const {
    if (!mirror.synced()) return false;
    const auto& windows = mirror.hall()->state().windows;
    for (const auto& clerk : clerks) {
      const auto w = windows.find(clerk->seat().window);
      if (!clerk->goneHome() && (w == windows.end() || w->second.state == core::WindowState::Closed)) return false;
    }
    return true;
  }

  bool kiosksIdle() const {
    for (const auto& k : kiosks) {
      if (k->busy()) return false;
    }
    return queueAtKiosk.empty();
  }

  HallOutlook outlook(bool arrivalsOver) const {
    HallOutlook o;
    o.afterHours = arrivalsOver && kiosksIdle();
    if (!o.afterHours || !mirror.synced()) return o;
    o.drained = true;
    for (const auto& [id, t] : mirror.hall()->state().tickets) {
      if (!core::isFinal(t.state)) {
        o.drained = false;
        break;
      }
    }
    return o;
  }
};

HallSimulation::HallSimulation(const config::HallConfig& hall, SimulationOptions options)
    : impl_(std::make_unique<Impl>(hall, std::move(options))) {}

HallSimulation::~HallSimulation() = default;

SimulationResult HallSimulation::run(const std::atomic<bool>& stop) {
  Impl& s = *impl_;
  SimulationResult result;
  result.summary.hall = s.hall.hall.name;
  result.summary.speed = s.options.speed;
  if (!s.waitForFirstSync(stop)) {
    result.stoppedBy = stop ? "signal" : "no dispatcher";
    return result;
  }
  result.synced = true;

  const auto [opening, closing] = openingHours(s.hall);
  ArrivalProfile profile;
  profile.open = opening;
  profile.close = closing;
  profile.residentsPerDay = s.options.residentsPerDay;
  const ArrivalModel arrivals(profile, s.hall.definition.items);
  int alreadyIssued = 0;
  for (const auto& [id, t] : s.mirror.hall()->state().tickets) alreadyIssued += t.channel != core::Channel::Transfer;
  const SimSeconds start = s.options.start.value_or(arrivals.timeOfExpected(alreadyIssued));
  const auto realStart = RealClock::now();
  DayClock clock(start, s.options.speed, realStart);
  s.seatClerks(start, closing);
  s.nextResident = arrivals.next(start, s.random);
  result.summary.simulatedFrom = clockText(start);
  fmt::print("jiujin-sim: {} from {} at {}x, {} tickets already issued today, {} windows staffed\n", s.hall.hall.name,
             clockText(start), s.options.speed, alreadyIssued, s.clerks.size());
  std::fflush(stdout);

  SimulationContext ctx{s.hall, s.options.behaviour, clock, s.random, s.mirror, s.bus.get(), s.log,
                        s.options.keypadShare, s.options.pin};
  // Before the doors open the clerks log in and open their windows at the dispatcher's real
  // pace (each PIN check takes a moment); the simulated clock stands still until they are
  // ready, so a compressed day does not lose its first hours to logins.
  const auto morningBound = realStart + kMorningBound;
  while (!stop && !s.windowsReady() && RealClock::now() < morningBound) {
    clock = DayClock(start, s.options.speed, RealClock::now());
    for (auto& clerk : s.clerks) clerk->step(ctx, RealClock::now(), HallOutlook{});
    s.mirror.poll(5ms);
  }
  clock = DayClock(start, s.options.speed, RealClock::now());
  while (true) {
    const auto now = RealClock::now();
    const SimSeconds simNow = clock.at(now);
    if (stop) {
      result.stoppedBy = "signal";
      break;
    }
    if (s.options.runFor && now - realStart >= *s.options.runFor) {
      result.stoppedBy = "for";
      break;
    }
    if (s.options.until && simNow >= *s.options.until) {
      result.stoppedBy = "until";
      break;
    }
    while (s.nextResident && s.nextResident->arrival <= simNow) {
      s.admit(*s.nextResident);
      s.nextResident = arrivals.next(s.nextResident->arrival, s.random);
    }
    s.serveKiosks();
    const HallOutlook outlook = s.outlook(!s.nextResident);
    bool allHome = true;
    for (auto& clerk : s.clerks) {
      clerk->step(ctx, RealClock::now(), outlook);
      allHome = allHome && clerk->goneHome();
    }
    if (allHome && outlook.drained) {
      result.stoppedBy = "day done";
      break;
    }
    s.mirror.poll(5ms);
  }
  // Let the last events reach the mirror before counting.
  s.mirror.poll(100ms);
  result.summary = summarize(s.mirror.hall()->state(), s.options.speed);
  result.summary.hall = s.hall.hall.name;
  result.summary.simulatedFrom = clockText(start);
  result.summary.simulatedTo = clockText(clock.at(RealClock::now()));
  result.ticketsIssued = s.ticketsIssued;
  result.requestTimeouts = s.requestTimeouts + ctx.requestTimeouts;
  return result;
}

}  // namespace jiujin::sim
