// jiujin-devices: the device gateway. A client of the dispatcher (role devices) that drives
// the hall's RS-485 displays, keypads and pads. Thin: read the hall, plan the buses, follow
// the hall with a mirror, and pass everything to DeviceGateway on this one thread.
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <csignal>

#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "jiujin/base/service_manager.hpp"
#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/devices/gateway/device_gateway.hpp"
#include "jiujin/devices/serial_port.hpp"

namespace {

using namespace jiujin;

int signalPipe[2] = {-1, -1};
std::atomic<bool> stopRequested{false};

void onSignal(int) {
  stopRequested = true;
  const char byte = 1;
  [[maybe_unused]] const auto n = ::write(signalPipe[1], &byte, 1);
}

int listPorts() {
  const auto ports = devices::listSerialPorts();
  if (ports.empty()) fmt::print("no serial ports found\n");
  for (const auto& p : ports) fmt::print("{}\t{}\t{}\n", p.name, p.description.empty() ? "-" : p.description, p.transport);
  return 0;
}

void logOutcome(const devices::gateway::RequestOutcome& outcome) {
  if (outcome.ok && outcome.request.kind == client::RequestKind::DeviceReport) return;
  const std::string type = outcome.request.type();
  const std::string what = outcome.request.cause.empty() ? type : fmt::format("{} ({})", type, outcome.request.cause);
  if (outcome.ok) {
    fmt::print("sent {}\n", what);
  } else {
    fmt::print("refused {}: {}\n", what, outcome.error);
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"jiujin-devices: the hall's LED displays, caller keypads and evaluation pads"};
  std::string hallFile;
  std::string runtimeDir;
  std::string commands;
  std::string events;
  std::string name = "devices";
  std::vector<std::string> profileDirs;
  bool listOnly = false;
  app.add_option("--config", hallFile, "hall file (TOML)");
  app.add_option("--runtime-dir", runtimeDir, "open <DIR>/<bus id> instead of the buses' ports (jiujin-bussim)");
  app.add_option("--commands", commands, "the dispatcher's command endpoint (default: the hall file's)");
  app.add_option("--events", events, "the dispatcher's event endpoint (default: the hall file's)");
  app.add_option("--name", name, "this gateway's name in the audit record");
  app.add_option("--profiles", profileDirs, "more register-map profile directories");
  app.add_flag("--list-ports", listOnly, "list this machine's serial ports and exit");
  CLI11_PARSE(app, argc, argv);
  if (listOnly) return listPorts();
  if (hallFile.empty()) {
    log::error("devices", "--config is required");
    return 2;
  }

  const auto loaded = config::loadHallConfig(hallFile);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) log::error("devices", "{}", config::toString(e));
    return 2;
  }
  const config::HallConfig& hall = *loaded.config;
  devices::drivers::ProfileLibrary profiles;
  profileDirs.insert(profileDirs.begin(), devices::drivers::builtinProfileDir().string());
  for (const auto& dir : profileDirs) {
    if (auto error = profiles.loadDirectory(dir)) {
      log::error("devices", "{}", error->message);
      return 2;
    }
  }
  // A broken profile file stops the gateway only when a device names it (planGateway says
  // which, with the file's line); otherwise it is set aside with a warning.
  for (const auto& problem : profiles.problems()) {
    const bool used = std::any_of(hall.devices.begin(), hall.devices.end(), [&](const config::DeviceConfig& d) {
      return (d.profile.empty() ? std::string(config::defaultProfile(d.kind)) : d.profile) == problem.name;
    });
    if (!used) log::warning("devices", "set aside, no device uses it: {}", problem.message);
  }
  devices::gateway::PlanOptions planOptions;
  if (!runtimeDir.empty()) planOptions.runtimeDir = runtimeDir;
  auto plan = devices::gateway::planGateway(hall, profiles, planOptions);
  if (!plan) {
    log::error("devices", "{}", plan.error().message);
    return 2;
  }

  client::ConnectionOptions connection;
  connection.commands = commands.empty() ? hall.service.commands : commands;
  connection.events = events.empty() ? hall.service.events : events;
  connection.identity = client::StatedIdentity{"devices", std::nullopt, name};
  connection.requestTimeout = std::chrono::milliseconds(1000);

  if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    log::error("devices", "cannot create the signal pipe");
    return 1;
  }
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  zmq::context_t context;
  devices::gateway::DispatcherCommandThread requests(context, connection, logOutcome);
  devices::gateway::DeviceGateway gateway(std::move(plan).value(), requests);
  for (const auto& bus : gateway.plan().buses) {
    fmt::print("bus {} {} devices, keypads every {} ms, pads every {} ms, planned poll load {:.0f}%\n", bus.id,
               bus.devices.size(), bus.keypadPollInterval.count(), bus.padPollInterval.count(),
               100 * bus.plannedPollLoad);
  }

  client::HallMirror* mirrorOf = nullptr;
  client::MirrorHandlers handlers;
  handlers.onReset = [&] {
    if (!mirrorOf || !mirrorOf->hall()) return;
    gateway.hallReset(*mirrorOf->hall());
    fmt::print("synced seq={}\n", mirrorOf->seq());
    std::fflush(stdout);
  };
  handlers.onEvent = [&](std::uint64_t, const core::Event& event) {
    if (mirrorOf && mirrorOf->hall()) gateway.hallEvent(*mirrorOf->hall(), event);
  };
  handlers.onDisconnected = [] {
    fmt::print("dispatcher silent; displays keep their content\n");
    std::fflush(stdout);
  };
  client::HallMirror mirror(context, connection, handlers);
  mirrorOf = &mirror;
  fmt::print("READY buses={} devices={}\n", gateway.plan().buses.size(), gateway.plan().devices.size());
  service_manager::notifyReady();  // Type=notify (packaging/systemd/jiujin-devices.service)
  std::fflush(stdout);

  service_manager::WatchdogFeeder watchdog;  // the loop turns at least every 100 ms
  while (!stopRequested) {
    watchdog.turned();
    // The SUB socket's fd is edge-triggered: after each wake everything queued is drained.
    pollfd fds[3] = {{mirror.stream().fileDescriptor(), POLLIN, 0}, {gateway.wakeFd(), POLLIN, 0},
                     {signalPipe[0], POLLIN, 0}};
    ::poll(fds, 3, 100);
    mirror.poll(std::chrono::milliseconds(0));
    gateway.handleBusNews();
    gateway.tick(std::chrono::steady_clock::now());
  }
  fmt::print("jiujin-devices: stopping\n");
  return 0;
}
