// jiujin-bussim: emulates a hall's RS-485 devices on pseudo-terminals.
// Thin: read the hall file, start the simulator and its control socket, wait for a signal.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/devices/sim/bus_simulator.hpp"
#include "jiujin/devices/sim/control_server.hpp"

namespace {

using namespace jiujin;
using namespace jiujin::devices::sim;

std::filesystem::path defaultRuntimeDir() {
  if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "jiujin-bussim";
  }
  return fmt::format("/tmp/jiujin-bussim-{}", ::getuid());
}

// Every bus of the hall is simulated, whatever port it names: the gateway is pointed at the
// symlinks instead.
std::pair<std::vector<SimBusConfig>, std::vector<SimDeviceConfig>> fromHall(
    const config::HallConfig& hall) {
  std::vector<SimBusConfig> buses;
  for (const auto& b : hall.buses) buses.push_back({b.id, b.baud, b.parity, b.dataBits, b.stopBits});
  std::vector<SimDeviceConfig> devices;
  for (const auto& d : hall.devices) devices.push_back({d.id, d.bus, d.address, d.profile});
  return {buses, devices};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"jiujin-bussim: simulated RS-485 buses of LED displays, keypads and pads"};
  std::filesystem::path hallFile;
  std::filesystem::path runtimeDir = defaultRuntimeDir();
  std::string control = "tcp://127.0.0.1:*";
  std::vector<std::filesystem::path> profileDirs;
  bool noPacing = false;
  int slowMs = 1000;
  app.add_option("--config", hallFile, "hall file (TOML)")->required()->check(CLI::ExistingFile);
  app.add_option("--runtime-dir", runtimeDir, "where the <bus id> symlinks to the ptys are made");
  app.add_option("--control", control, "ZeroMQ endpoint of the control socket");
  app.add_option("--profiles", profileDirs, "more register-map profile directories");
  app.add_flag("--no-pacing", noPacing, "answer at once instead of at the baud rate");
  app.add_option("--slow-ms", slowMs, "how late a device with the slow fault answers")
      ->check(CLI::Range(1, 60000));
  CLI11_PARSE(app, argc, argv);

  const auto hall = config::loadHallConfig(hallFile);
  if (!hall.ok()) {
    for (const auto& e : hall.errors) fmt::print(stderr, "{}\n", config::toString(e));
    return 2;
  }
  DeviceProfiles profiles;
  profileDirs.insert(profileDirs.begin(), builtinProfileDir());
  for (const auto& dir : profileDirs) {
    if (auto error = profiles.loadDirectory(dir)) {
      fmt::print(stderr, "jiujin-bussim: {}\n", error->message);
      return 2;
    }
  }
  // A broken profile file stops the simulator only when a device of this hall needs it.
  for (const auto& broken : profiles.broken()) {
    if (profiles.find(broken.name)) continue;  // a later directory supplies it
    const bool needed = std::any_of(hall.config->devices.begin(), hall.config->devices.end(),
                                    [&](const auto& d) { return d.profile == broken.name; });
    if (needed) {
      fmt::print(stderr, "jiujin-bussim: profile {} cannot be used: {}\n", broken.name, broken.message);
      return 2;
    }
    fmt::print(stderr, "jiujin-bussim: warning: no device of this hall names profile {}; set aside: {}\n",
               broken.name, broken.message);
  }

  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  auto [buses, devices] = fromHall(*hall.config);
  SimulatorOptions options{runtimeDir, !noPacing, std::chrono::milliseconds(slowMs)};
  auto sim = BusSimulator::create(std::move(buses), std::move(devices), profiles, options);
  if (!sim) {
    fmt::print(stderr, "jiujin-bussim: {}\n", sim.error().message);
    return 1;
  }
  auto server = ControlServer::bind(*sim.value(), control);
  if (!server) {
    fmt::print(stderr, "jiujin-bussim: {}\n", server.error().message);
    return 1;
  }
  for (const auto& b : sim.value()->buses()) {
    fmt::print("bus {} {} -> {}\n", b.id, b.link.string(), b.pty);
  }
  fmt::print("control {}\n", server.value()->endpoint());
  std::fflush(stdout);

  int signal = 0;
  sigwait(&stopSignals, &signal);
  fmt::print("jiujin-bussim: stopping on signal {}\n", signal);
  return 0;  // the server, then the buses, close in reverse order of creation
}
