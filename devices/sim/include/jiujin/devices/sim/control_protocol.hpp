#pragma once
// The simulator's control language: one command per line, one reply per command whose first
// line starts with "ok" or "error <reason>". Commands are listed in docs/devices.md and by
// `help`. Pure over BusSimulator, so it is tested without sockets.
#include <string>
#include <string_view>

#include "jiujin/devices/sim/bus_simulator.hpp"

namespace jiujin::devices::sim {

std::string handleControlCommand(BusSimulator& sim, std::string_view line);

}  // namespace jiujin::devices::sim
