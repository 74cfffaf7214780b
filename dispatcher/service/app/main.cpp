// jiujin-dispatcher --config HALL.toml --db HALL.db [--commands EP] [--events EP]
// Prints "READY commands=<ep> events=<ep>" on stdout once it serves. Exit codes: 0 after
// SIGINT/SIGTERM, 2 for an invalid configuration, 1 when it cannot start.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/config/pin.hpp"
#include "jiujin/service/dispatcher_service.hpp"

namespace {

std::atomic<bool> stopRequested{false};
int wakeWriteFd = -1;

void onSignal(int) {
  stopRequested = true;
  const char byte = 1;
  [[maybe_unused]] const auto n = ::write(wakeWriteFd, &byte, 1);
}

jiujin::service::Role roleOf(jiujin::config::ClientRole role) {
  using jiujin::config::ClientRole;
  using jiujin::service::Role;
  switch (role) {
    case ClientRole::Kiosk: return Role::Kiosk;
    case ClientRole::Console: return Role::Console;
    case ClientRole::Devices: return Role::Devices;
    case ClientRole::Display: return Role::Display;
    case ClientRole::Manager: return Role::Manager;
    case ClientRole::Admin: return Role::Admin;
  }
  return Role::Display;
}

std::string readKey(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string key;
  in >> key;
  return key;
}

jiujin::service::ServiceSettings settingsFrom(const jiujin::config::HallConfig& hall) {
  jiujin::service::ServiceSettings s;
  s.definition = hall.definition;
  s.commandsEndpoint = hall.service.commands;
  s.eventsEndpoint = hall.service.events;
  s.curve = hall.service.curve;
  s.synchronousFull = hall.store.synchronous == jiujin::config::Synchronous::Full;
  for (const auto& c : hall.clients) {
    jiujin::service::ClientEntry entry{c.name, c.publicKey, roleOf(c.role), {}};
    if (c.window) entry.windows.insert(*c.window);
    for (const auto& device : hall.devices) {
      const bool onItsBus = std::find(c.buses.begin(), c.buses.end(), device.bus) != c.buses.end();
      if (onItsBus && device.window) entry.windows.insert(*device.window);
    }
    s.clients.push_back(std::move(entry));
  }
  for (const auto& c : hall.clerks) {
    s.clerks.push_back({c.id, c.pinHash, {c.allowedWindows.begin(), c.allowedWindows.end()}});
  }
  s.verifyPin = [](std::string_view hash, std::string_view pin) { return jiujin::config::verifyPin(hash, pin); };
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"就近 Jiujin dispatcher: the hall's queues and windows, served over ZeroMQ"};
  std::string configFile;
  std::string database;
  std::string commands;
  std::string events;
  std::string serverKeyFile;
  bool curve = false;
  int heartbeatMs = 1000;
  app.add_option("--config", configFile, "hall file (TOML)")->required();
  app.add_option("--db", database, "the hall's SQLite database (created if missing)")->required();
  app.add_option("--commands", commands, "request endpoint, e.g. tcp://127.0.0.1:0 for any free port");
  app.add_option("--events", events, "event endpoint");
  app.add_option("--server-key", serverKeyFile, "the service's CURVE secret key file (Z85)");
  app.add_flag("--curve", curve, "use CURVE even on loopback endpoints");
  app.add_option("--heartbeat-ms", heartbeatMs, "heartbeat interval")->check(CLI::Range(50, 10000));
  CLI11_PARSE(app, argc, argv);

  const auto loaded = jiujin::config::loadHallConfig(configFile);
  if (!loaded.ok()) {
    for (const auto& d : loaded.errors) std::cerr << d << '\n';
    std::cerr << fmt::format("jiujin-dispatcher: {} has {} error(s); not starting\n", configFile, loaded.errors.size());
    return 2;
  }
  auto settings = settingsFrom(*loaded.config);
  settings.database = database;
  if (!commands.empty()) settings.commandsEndpoint = commands;
  if (!events.empty()) settings.eventsEndpoint = events;
  settings.curve = settings.curve || curve;
  settings.heartbeatInterval = std::chrono::milliseconds(heartbeatMs);
  if (settings.curve) {
    std::filesystem::path keyFile =
        serverKeyFile.empty() ? loaded.config->service.secretKeyFile : std::filesystem::path(serverKeyFile);
    if (keyFile.is_relative() && serverKeyFile.empty())
      keyFile = loaded.config->sourceFile.parent_path() / keyFile;
    settings.serverSecretKey = readKey(keyFile);
  }

  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0) {
    std::cerr << "jiujin-dispatcher: cannot create the signal pipe\n";
    return 1;
  }
  wakeWriteFd = pipeFds[1];
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  auto service = jiujin::service::DispatcherService::start(std::move(settings));
  if (!service) {
    std::cerr << fmt::format("jiujin-dispatcher: cannot start: {} ({})\n", service.error().en, service.error().code);
    return 1;
  }
  std::cout << "READY commands=" << service.value()->commandsEndpoint()
            << " events=" << service.value()->eventsEndpoint() << std::endl;
  service.value()->run(stopRequested, pipeFds[0]);
  service.value().reset();
  std::cerr << "jiujin-dispatcher: stopped\n";
  return 0;
}
