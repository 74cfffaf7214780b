#pragma once
// The whole hall brought to life through the client library, with the roles real clients
// use: a kiosk issues tickets for arriving residents (idempotency key per resident, kept
// across retries and dispatcher restarts), a console per window carries its clerk's actions,
// and — with the bus simulator's control socket — keypad presses and pad ratings travel over
// the simulated RS-485 bus through the device gateway.
//
// Time: the dispatcher keeps real time; only the simulator's own waits are compressed by
// `speed`. A run starts at the hall's opening, or — when tickets were already issued today
// — at the time of day the arrival model expects that many, so a second run continues the
// same day.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "jiujin/client/connection.hpp"
#include "jiujin/config/hall_config.hpp"
#include "jiujin/sim/day_clock.hpp"
#include "jiujin/sim/day_summary.hpp"
#include "jiujin/sim/resident_model.hpp"

namespace jiujin::sim {

struct SimulationOptions {
  std::string commands;  ///< the dispatcher's endpoints (default: the hall file's)
  std::string events;
  double speed = 60;                      ///< simulated seconds per real second
  std::optional<SimSeconds> start;        ///< simulated start; default: opening or where the day stands
  std::optional<SimSeconds> until;        ///< stop at this simulated time of day
  std::optional<std::chrono::milliseconds> runFor;  ///< stop after this much real time
  std::uint64_t seed = 1;
  std::optional<std::string> busControl;  ///< jiujin-bussim control endpoint
  std::string activityLog;                ///< JSON lines of what was done (optional)
  double residentsPerDay = 240;
  double keypadShare = 0.5;
  std::string pin = "1234";  ///< the clerks' PIN (the sample halls' demo PIN)
  std::chrono::milliseconds requestTimeout{1500};  ///< per attempt, three attempts
  std::chrono::milliseconds firstSyncBound{15000};
  Behaviour behaviour;
};

struct SimulationResult {
  bool synced = false;     ///< false: the dispatcher never answered
  std::string stoppedBy;   ///< "day done", "until", "for", "signal"
  DaySummary summary;
  std::uint64_t ticketsIssued = 0;  ///< by this run, acknowledged
  std::uint64_t requestTimeouts = 0;
};

class HallSimulation {
 public:
  HallSimulation(const config::HallConfig& hall, SimulationOptions options);
  ~HallSimulation();
  HallSimulation(const HallSimulation&) = delete;
  HallSimulation& operator=(const HallSimulation&) = delete;

  /// Runs until the day is done (after hours, every ticket final, every window closed),
  /// `until`, `runFor`, or `stop`.
  SimulationResult run(const std::atomic<bool>& stop);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The hours arrivals follow: the hall's regular opening on the given weekday (or its first
/// regular span if the hall is closed that day).
std::pair<SimSeconds, SimSeconds> openingHours(const config::HallConfig& hall);

}  // namespace jiujin::sim
