#pragma once
// What the simulator emulates: plain lists of buses and devices, so it does not depend on how
// a hall's configuration is written (jiujin-bussim adapts the hall TOML to these).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "jiujin/devices/sim/sim_result.hpp"

namespace jiujin::devices::sim {

struct SimBusConfig {
  std::string id;  ///< also the name of the pseudo-terminal's symlink in the runtime dir
  int baud = 9600;
  char parity = 'N';  ///< 'N', 'E' or 'O'
  int dataBits = 8;
  int stopBits = 1;
};

struct SimDeviceConfig {
  std::string id;
  std::string bus;
  int address = 1;      ///< Modbus unit address 1..247
  std::string profile;  ///< register-map profile name, e.g. "jiujin-keypad-v1"
};

struct SimulatorOptions {
  std::filesystem::path runtimeDir;  ///< where the <bus id> symlinks are made
  /// Emulate wire time: a request is taken as received after its bytes' wire time, and reply
  /// bytes leave at the baud rate. Off in fast tests.
  bool pacing = true;
  /// How late a device with the `slow` fault answers (longer than a usual response timeout).
  std::chrono::milliseconds slowDelay{1000};
  /// How many content changes each bus keeps in the display history (the oldest go first).
  std::size_t historyPerBus = 100'000;
};

}  // namespace jiujin::devices::sim
