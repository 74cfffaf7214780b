// devices_bus_bench: the hall's RS-485 buses under load, on the paced bus simulator.
//
// 30 windows (30 window displays, 30 caller keypads, 30 evaluation pads) at 9600 baud 8N1,
// first on one bus, then split over two. The gateway engine (DeviceGateway) drives the
// simulated devices exactly as jiujin-devices does; a core::Hall in this process stands in
// for the dispatcher (its round trip, ~0.1 ms on loopback, is left out of the figures).
// While every keypad and pad is being polled it measures:
//   call → display frame complete (the call's display write acknowledged by the display),
//   keypad press → ticket called (press on the simulated keypad until CallNext executed),
//   bus utilisation (time inside the link / wall time),
// and compares each figure with its physical limit: the call latency with the 16-register
// frame time (goal p99 ≤ 2 frames), the press latency with the wire time of one round of
// one-register "key pending" checks over the bus's keypads plus the FIFO read (goal p99 ≤ 1 s
// on one bus of 30 windows).
//
//   cmake --build build --target devices_bus_bench && build/bench/devices/devices_bus_bench [calls] [presses]
#include <poll.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>

#include <fmt/format.h>

#include "jiujin/devices/gateway/device_gateway.hpp"
#include "jiujin/devices/wire_time.hpp"
#include "jiujin/devices/sim/bus_simulator.hpp"

namespace {

using namespace jiujin;
using namespace jiujin::devices;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kWindows = 30;

/// The thirty-window hall: one queue, every window serving it, a clerk at each.
config::HallConfig benchHall(int buses) {
  config::HallConfig hall;
  hall.definition.name = "基准大厅";
  core::ServiceItem item;
  item.code = "BENCH-0001";
  item.name = "综合事项";
  item.queue = "general";
  hall.definition.items.push_back(item);
  hall.definition.queues.push_back({"general", "A", "综合受理"});
  for (int b = 1; b <= buses; ++b) {
    config::BusConfig bus;
    bus.id = fmt::format("rs485-{}", b);
    bus.port = "unused";  // replaced by the simulator's link
    bus.baud = 9600;
    hall.buses.push_back(bus);
  }
  for (int w = 1; w <= kWindows; ++w) {
    core::WindowDef window;
    window.number = w;
    window.name = fmt::format("综合受理{}", w);
    window.profile.entries.push_back({"general", 1.0, std::nullopt, false});
    hall.definition.windows.push_back(window);
    hall.clerks.push_back({fmt::format("c{:02}", w), fmt::format("工作人员{}", w), "", {}, false});
    const std::string bus = fmt::format("rs485-{}", buses == 1 || w <= kWindows / 2 ? 1 : 2);
    hall.devices.push_back({fmt::format("w{}-display", w), bus, config::DeviceKind::WindowDisplay, w,
                            "jiujin-window-display-v1", w});
    hall.devices.push_back({fmt::format("w{}-keypad", w), bus, config::DeviceKind::Keypad, 100 + w,
                            "jiujin-keypad-v1", w});
    hall.devices.push_back({fmt::format("w{}-pad", w), bus, config::DeviceKind::EvalPad, 200 + w,
                            "jiujin-eval-pad-v1", w});
  }
  return hall;
}

/// Requests the gateway sends, executed on this thread's core hall.
class LocalDispatcher : public gateway::RequestSink {
 public:
  void send(gateway::DispatcherRequest request) override { queued.push_back(std::move(request)); }
  std::deque<gateway::DispatcherRequest> queued;
};

struct Percentiles {
  double p50 = 0, p99 = 0, max = 0;
  std::size_t n = 0;
};

Percentiles percentiles(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
  return {at(0.50), at(0.99), ms.back(), ms.size()};
}

double millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

class Scenario {
 public:
  Scenario(int buses, const std::filesystem::path& runtimeDir) : hallConfig_(benchHall(buses)), hall_(hallConfig_.definition) {
    if (auto error = profiles_.loadDirectory(drivers::builtinProfileDir())) throw std::runtime_error(error->message);
    if (auto error = simProfiles_.loadDirectory(sim::builtinProfileDir())) throw std::runtime_error(error->message);
    std::vector<sim::SimBusConfig> simBuses;
    for (const auto& b : hallConfig_.buses) simBuses.push_back({b.id, b.baud, b.parity, b.dataBits, b.stopBits});
    std::vector<sim::SimDeviceConfig> simDevices;
    for (const auto& d : hallConfig_.devices) simDevices.push_back({d.id, d.bus, d.address, d.profile});
    auto sim = sim::BusSimulator::create(simBuses, simDevices, simProfiles_, {runtimeDir, true, 1000ms});
    if (!sim) throw std::runtime_error(sim.error().message);
    simulator_ = std::move(sim).value();

    gateway::PlanOptions options;
    options.runtimeDir = runtimeDir.string();
    auto plan = gateway::planGateway(hallConfig_, profiles_, options);
    if (!plan) throw std::runtime_error(plan.error().message);
    measureRound(plan.value());
    gateway::GatewayHooks hooks;
    hooks.writeDone = [this](const WriteResult& r) { onWriteDone(r); };
    gateway_ = std::make_unique<gateway::DeviceGateway>(std::move(plan).value(), dispatcher_, gateway::GatewayOptions{}, hooks);

    run(core::cmd::OpenDay{core::dateOf(now())});
    for (int w = 1; w <= kWindows; ++w) {
      run(core::cmd::ClerkLogin{w, fmt::format("c{:02}", w)});
      run(core::cmd::OpenWindow{w});
    }
    for (int i = 0; i < 900; ++i) run(core::cmd::IssueTicket{"BENCH-0001", core::Channel::Kiosk, core::PriorityClass::Normal, {}, {}});
    gateway_->hallReset(hall_);
    pumpFor(3s);  // initial content out, polls running
  }

  void printPlan() const {
    for (const auto& bus : gateway_->plan().buses) {
      fmt::print("  {}: {} devices, keypads every {} ms, pads every {} ms, displays checked every {} ms, planned poll load {:.0f}%\n",
                 bus.id, bus.devices.size(), bus.keypadPollInterval.count(), bus.padPollInterval.count(),
                 bus.displayCheckInterval.count(), 100 * bus.plannedPollLoad);
    }
  }

  /// Calls at random windows, 150–450 ms apart; returns call → display write acknowledged.
  std::vector<double> measureCalls(int calls, std::mt19937& random) {
    std::uniform_int_distribution<int> window(1, kWindows);
    std::uniform_int_distribution<int> gapMs(150, 450);
    const auto statsBefore = gateway_->busStatistics();
    const auto started = Clock::now();
    for (int i = 0; i < calls; ++i) {
      const int w = window(random);
      finishAt(w);
      {
        std::lock_guard lock(mutex_);
        callStarted_[fmt::format("w{}-display", w)] = Clock::now();
      }
      run(core::cmd::CallNext{w});
      pumpFor(std::chrono::milliseconds(gapMs(random)));
    }
    pumpUntil([&] { std::lock_guard lock(mutex_); return callStarted_.empty(); }, 5s);
    utilisation_ = utilisationSince(statsBefore, Clock::now() - started);
    std::lock_guard lock(mutex_);
    return std::exchange(callLatencies_, {});
  }

  /// Presses call_next on random keypads (their windows idle); returns press → ticket called.
  std::vector<double> measurePresses(int presses, std::mt19937& random) {
    std::uniform_int_distribution<int> window(1, kWindows);
    std::vector<double> latencies;
    for (int i = 0; i < presses; ++i) {
      const int w = window(random);
      finishAt(w);
      lastCalled_.clear();
      const auto pressed = Clock::now();
      if (!simulator_->press(fmt::format("w{}-keypad", w), "call_next")) continue;
      bool called = false;
      pumpUntil([&] {
        called = called || calledAt(w);
        return called;
      }, 10s);
      if (called) latencies.push_back(millis(Clock::now() - pressed));
      pumpFor(100ms);
    }
    return latencies;
  }

  const std::map<std::string, double>& utilisation() const { return utilisation_; }
  /// Failed exchanges over the whole run (a loaded host can make a reply late).
  std::string failures() const {
    std::uint64_t requests = 0, timeouts = 0, other = 0;
    for (const auto& h : gateway_->health()) {
      requests += h.counters.requests;
      timeouts += h.counters.timeouts;
      other += h.counters.crcErrors + h.counters.badFrames + h.counters.exceptions + h.counters.portErrors;
    }
    return fmt::format("{} frames, {} timeouts, {} other failures", requests, timeouts, other);
  }
  /// One round of "key pending" checks over the first bus's keypads, timed on the paced line
  /// in this run before the gateway starts: the physical limit of a press's wait.
  double measuredRoundMs() const { return measuredRoundMs_; }

 private:
  core::TimePoint now() const {
    return std::chrono::time_point_cast<core::Milliseconds>(std::chrono::system_clock::now());
  }

  void measureRound(const gateway::GatewayPlan& plan) {
    const auto& bus = plan.buses.front();
    auto link = makeRtuLink(*bus.rtu);
    std::vector<const gateway::PlannedDevice*> keypads;
    for (const auto& id : bus.devices)
      if (plan.devices.at(id).kind == config::DeviceKind::Keypad) keypads.push_back(&plan.devices.at(id));
    (void)link->readHoldingRegisters(keypads.front()->slave, 0, 1);  // opens the line
    const auto started = Clock::now();
    for (const auto* keypad : keypads) {
      const auto& map = std::get<drivers::KeypadMap>(keypad->profile.map);
      if (!link->readHoldingRegisters(keypad->slave, map.fifoCount, 1)) throw std::runtime_error("round: no answer");
    }
    measuredRoundMs_ = millis(Clock::now() - started);
  }

  void run(const core::Command& command) {
    auto events = hall_.execute(command, now());
    if (!events) return;
    for (const auto& e : events.value()) {
      if (const auto* called = std::get_if<core::ev::TicketCalled>(&e)) lastCalled_.push_back(called->window);
      if (gateway_) gateway_->hallEvent(hall_, e);
    }
  }

  /// Ends whatever window `w` is doing so it can call again.
  void finishAt(int w) {
    const auto& status = hall_.state().windows.at(w);
    if (status.state == core::WindowState::Calling) run(core::cmd::StartService{w});
    if (hall_.state().windows.at(w).state == core::WindowState::Serving) run(core::cmd::Complete{w});
  }

  bool calledAt(int w) {
    const bool found = std::find(lastCalled_.begin(), lastCalled_.end(), w) != lastCalled_.end();
    lastCalled_.clear();
    return found;
  }

  void onWriteDone(const WriteResult& r) {  // on a bus worker thread
    if (r.priority != BusPriority::CallDisplay || r.error) return;
    std::lock_guard lock(mutex_);
    const auto started = callStarted_.find(r.deviceId);
    if (started == callStarted_.end()) return;
    callLatencies_.push_back(millis(Clock::now() - started->second));
    callStarted_.erase(started);
  }

  void pumpOnce(std::chrono::milliseconds bound) {
    pollfd fd{gateway_->wakeFd(), POLLIN, 0};
    ::poll(&fd, 1, static_cast<int>(bound.count()));
    gateway_->handleBusNews();
    while (!dispatcher_.queued.empty()) {
      const auto request = std::move(dispatcher_.queued.front());
      dispatcher_.queued.pop_front();
      const int w = request.body.value("window", 0);
      if (request.kind == jiujin::client::RequestKind::CallNext) run(core::cmd::CallNext{w});
    }
  }

  void pumpFor(std::chrono::milliseconds span) {
    const auto until = Clock::now() + span;
    for (auto now = Clock::now(); now < until; now = Clock::now())
      pumpOnce(std::chrono::duration_cast<std::chrono::milliseconds>(until - now) + 1ms);
  }

  void pumpUntil(const std::function<bool()>& done, std::chrono::milliseconds bound) {
    const auto until = Clock::now() + bound;
    while (!done() && Clock::now() < until) pumpOnce(5ms);
  }

  std::map<std::string, double> utilisationSince(const std::map<std::string, BusStatistics>& before,
                                                 Clock::duration wall) const {
    std::map<std::string, double> result;
    for (const auto& [bus, after] : gateway_->busStatistics())
      result[bus] = millis(after.busyTime - before.at(bus).busyTime) / millis(wall);
    return result;
  }

  config::HallConfig hallConfig_;
  drivers::ProfileLibrary profiles_;
  sim::DeviceProfiles simProfiles_;
  core::Hall hall_;
  std::unique_ptr<sim::BusSimulator> simulator_;
  LocalDispatcher dispatcher_;
  std::unique_ptr<gateway::DeviceGateway> gateway_;
  std::vector<int> lastCalled_;
  std::map<std::string, double> utilisation_;
  double measuredRoundMs_ = 0;

  std::mutex mutex_;
  std::map<std::string, Clock::time_point> callStarted_;  // guarded by mutex_
  std::vector<double> callLatencies_;                     // guarded by mutex_
};

}  // namespace

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::atoi(argv[1]) : 100;
  const int presses = argc > 2 ? std::atoi(argv[2]) : 100;
  const SerialSettings serial{9600, 8, Parity::None, 1};
  const double frameMs = millis(writeTime(16, serial));
  fmt::print("RS-485 at 9600 baud 8N1, {} windows (displays, keypads, pads), paced simulator\n", kWindows);
  fmt::print("theoretical 16-register display write + reply: {:.1f} ms (goal: p99 <= {:.1f} ms)\n", frameMs, 2 * frameMs);
  const double pendingMs = millis(readTime(1, serial));
  const double fifoMs = millis(readTime(9, serial));
  fmt::print("key pending check (1 register): {:.1f} ms, keypad FIFO read (9 registers): {:.1f} ms,"
             " pad read (3 registers): {:.1f} ms\n\n",
             pendingMs, fifoMs, millis(readTime(3, serial)));

  std::mt19937 random(7);
  constexpr double kPressGoalMs = 1000;
  for (int buses : {1, 2}) {
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("jiujin-bus-bench-{}", buses);
    std::filesystem::create_directories(dir);
    {
      Scenario scenario(buses, dir);
      fmt::print("{} bus{}:\n", buses, buses == 1 ? "" : "es");
      scenario.printPlan();
      const auto call = percentiles(scenario.measureCalls(calls, random));
      fmt::print("  call -> display frame complete: n={} p50 {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms"
                 " (p99 = {:.2f} x frame time) {}\n",
                 call.n, call.p50, call.p99, call.max, call.p99 / frameMs, call.p99 <= 2 * frameMs ? "OK" : "OVER GOAL");
      for (const auto& [bus, share] : scenario.utilisation())
        fmt::print("  {} utilisation during calls: {:.0f}%\n", bus, 100 * share);
      // The physical limit: a press waits for its keypad's turn in a round of "key pending"
      // checks over the bus's keypads, then for the FIFO read.
      const double roundMs = scenario.measuredRoundMs();
      const auto press = percentiles(scenario.measurePresses(presses, random));
      fmt::print("  keypad press -> ticket called: n={} p50 {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms (goal p99 <= {:.0f} ms) {}\n",
                 press.n, press.p50, press.p99, press.max, kPressGoalMs, press.p99 <= kPressGoalMs ? "OK" : "OVER GOAL");
      fmt::print("  line: {}\n", scenario.failures());
      fmt::print("  physical limit: one round of {} key pending checks, measured on this line {:.0f} ms"
                 " (wire time {:.0f} ms) + FIFO read {:.0f} ms = {:.0f} ms; p99 = {:.2f} x that\n\n",
                 kWindows / buses, roundMs, (kWindows / buses) * pendingMs, fifoMs, roundMs + fifoMs,
                 press.p99 / (roundMs + fifoMs));
    }
    std::filesystem::remove_all(dir);
  }
  return 0;
}
