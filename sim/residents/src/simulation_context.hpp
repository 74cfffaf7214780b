#pragma once
// What every actor of the simulation shares: the hall file, the behaviour assumptions, the
// simulated clock, the random generator, the mirror of the hall, the bus control (if any),
// and the activity log.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/config/hall_config.hpp"
#include "jiujin/sim/activity_log.hpp"
#include "jiujin/sim/bus_control.hpp"
#include "jiujin/sim/day_clock.hpp"
#include "jiujin/sim/resident_model.hpp"

namespace jiujin::sim {

/// The hall-local wall clock, as the dispatcher reads it.
core::TimePoint hallNow();

struct SimulationContext {
  const config::HallConfig& hall;
  const Behaviour& behaviour;
  const DayClock& clock;
  Random& random;
  client::HallMirror& mirror;
  BusControl* bus = nullptr;  ///< null: no simulated bus, evaluations by command
  ActivityLog& log;
  double keypadShare = 0.5;  ///< of start/complete/transfer done on the keypad
  std::string pin;
  std::uint64_t requestTimeouts = 0;  ///< requests that got no reply after every attempt
  /// Clerks arrive at work one after another: one login at a time. (The dispatcher checks
  /// each PIN with argon2id on its command thread, ~0.1–1 s; twelve at once would hold up
  /// every other request of the hall.)
  bool loginInFlight = false;
};

}  // namespace jiujin::sim
