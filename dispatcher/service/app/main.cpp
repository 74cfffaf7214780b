// jiujin-dispatcher --config HALL.toml --db HALL.db [--commands EP] [--events EP] [--hours follow|ignore]
// Prints "READY commands=<ep> events=<ep>" on stdout once it serves. Exit codes: 0 after
// SIGINT/SIGTERM, 2 for an invalid configuration, 1 when it cannot start. SIGHUP reloads the
// hall file (like the reload_config command): an invalid file leaves the hall as it was.
// With [audit] signing_key_file it signs audit checkpoints into <db>.checkpoints (or
// [audit] checkpoint_file) and publishes them as `audit.checkpoint`.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "jiujin/config/loader.hpp"

#include "jiujin/base/log.hpp"
#include "jiujin/config/opening_hours.hpp"
#include "jiujin/config/pin.hpp"
#include "jiujin/service/dispatcher_service.hpp"

namespace {

std::atomic<bool> stopRequested{false};
std::atomic<bool> reloadRequested{false};
int wakeWriteFd = -1;

void wake() {
  const char byte = 1;
  [[maybe_unused]] const auto n = ::write(wakeWriteFd, &byte, 1);
}

void onSignal(int) {
  stopRequested = true;
  wake();
}

void onHangUp(int) {
  reloadRequested = true;
  wake();
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

std::vector<jiujin::service::ClientEntry> clientsOf(const jiujin::config::HallConfig& hall) {
  std::vector<jiujin::service::ClientEntry> clients;
  for (const auto& c : hall.clients) {
    jiujin::service::ClientEntry entry{c.name, c.publicKey, roleOf(c.role), {}};
    if (c.window) entry.windows.insert(*c.window);
    for (const auto& device : hall.devices) {
      const bool onItsBus = std::find(c.buses.begin(), c.buses.end(), device.bus) != c.buses.end();
      if (onItsBus && device.window) entry.windows.insert(*device.window);
    }
    clients.push_back(std::move(entry));
  }
  return clients;
}

std::vector<jiujin::service::ClerkEntry> clerksOf(const jiujin::config::HallConfig& hall) {
  std::vector<jiujin::service::ClerkEntry> clerks;
  for (const auto& c : hall.clerks)
    clerks.push_back({c.id, c.pinHash, {c.allowedWindows.begin(), c.allowedWindows.end()}});
  return clerks;
}

std::vector<jiujin::service::ConfiguredDevice> devicesOf(const jiujin::config::HallConfig& hall) {
  std::vector<jiujin::service::ConfiguredDevice> devices;
  for (const auto& d : hall.devices)
    devices.push_back({d.id, std::string(jiujin::config::toString(d.kind)), d.window, d.bus});
  return devices;
}

/// The opening hours as the service asks them; nothing when the hours are ignored.
jiujin::service::TicketingRule ticketingOf(const jiujin::config::HallConfig& hall, bool followHours) {
  if (!followHours) return {};
  return [hours = hall.hours](jiujin::core::TimePoint now) {
    const auto t = jiujin::config::ticketingAt(hours, now);
    using Kind = jiujin::config::TicketingNow::Kind;
    using Service = jiujin::service::Ticketing::Kind;
    const Service kind = t.kind == Kind::Open ? Service::Open
                         : t.kind == Kind::AppointmentsOnly ? Service::AppointmentsOnly
                                                            : Service::Closed;
    return jiujin::service::Ticketing{kind, t.zh, t.en};
  };
}

/// Reads the hall file again for reload_config / SIGHUP; every diagnostic goes in the refusal.
jiujin::service::Outcome<jiujin::service::ReloadedHall> reloadFrom(const std::string& file, bool followHours) {
  const auto loaded = jiujin::config::loadHallConfig(file);
  if (!loaded.ok()) {
    std::string zh = fmt::format("{} 有 {} 处错误，大厅保持原配置：", file, loaded.errors.size());
    std::string en = fmt::format("{} has {} error(s); the hall keeps its configuration:", file, loaded.errors.size());
    for (const auto& d : loaded.errors) {
      std::ostringstream line;
      line << d;
      zh += "\n" + line.str();
      en += "\n" + line.str();
    }
    return jiujin::service::ServiceError{"invalid_config", zh, en};
  }
  return jiujin::service::ReloadedHall{loaded.config->definition, clerksOf(*loaded.config),
                                       ticketingOf(*loaded.config, followHours), clientsOf(*loaded.config),
                                       devicesOf(*loaded.config)};
}

jiujin::service::ServiceSettings settingsFrom(const jiujin::config::HallConfig& hall, bool followHours) {
  jiujin::service::ServiceSettings s;
  s.definition = hall.definition;
  s.commandsEndpoint = hall.service.commands;
  s.eventsEndpoint = hall.service.events;
  s.curve = hall.service.curve;
  s.synchronousFull = hall.store.synchronous == jiujin::config::Synchronous::Full;
  s.clients = clientsOf(hall);
  s.clerks = clerksOf(hall);
  s.devices = devicesOf(hall);
  s.ticketing = ticketingOf(hall, followHours);
  s.verifyPin = [](std::string_view hash, std::string_view pin) { return jiujin::config::verifyPin(hash, pin); };
  return s;
}

/// [audit]: the signing key is read here, so that a bad key stops the start (exit 2).
jiujin::service::Outcome<jiujin::service::AuditCheckpointSettings> auditCheckpointsFrom(
    const jiujin::config::HallConfig& hall, const std::filesystem::path& database) {
  jiujin::service::AuditCheckpointSettings s;
  if (hall.audit.signingKeyFile.empty()) return s;
  auto key = jiujin::service::readAuditSecretKeyFile(hall.audit.signingKeyFile);
  if (!key) return key.error();
  s.signingKey = key.value();
  s.file = hall.audit.checkpointFile.empty() ? std::filesystem::path(database.string() + ".checkpoints")
                                             : hall.audit.checkpointFile;
  s.hall = hall.hall.regionCode.empty() ? hall.hall.name : hall.hall.regionCode;
  s.everyRows = hall.audit.checkpointEveryRows;
  s.everyMinutes = std::chrono::minutes(hall.audit.checkpointEveryMinutes);
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
  std::string hours = "follow";
  app.add_option("--config", configFile, "hall file (TOML)")->required();
  app.add_option("--db", database, "the hall's SQLite database (created if missing)")->required();
  app.add_option("--commands", commands, "request endpoint, e.g. tcp://127.0.0.1:0 for any free port");
  app.add_option("--events", events, "event endpoint");
  app.add_option("--server-key", serverKeyFile, "the service's CURVE secret key file (Z85)");
  app.add_flag("--curve", curve, "use CURVE even on loopback endpoints");
  app.add_option("--heartbeat-ms", heartbeatMs, "heartbeat interval")->check(CLI::Range(50, 10000));
  app.add_option("--hours", hours,
                 "follow: residents take tickets only in the opening hours of the hall file; "
                 "ignore: at any time (tests, a demo at night)")
      ->check(CLI::IsMember({"follow", "ignore"}));
  std::string crashBeforeReplyTo;
  app.add_option("--fault-crash-before-reply", crashBeforeReplyTo,
                 "crash tests only: die (SIGKILL) after committing a request of this type, before replying")
      ->group("Testing");
  CLI11_PARSE(app, argc, argv);

  const auto loaded = jiujin::config::loadHallConfig(configFile);
  if (!loaded.ok()) {
    for (const auto& d : loaded.errors) std::cerr << d << '\n';
    jiujin::log::error("dispatcher", "{} has {} error(s); not starting", configFile, loaded.errors.size());
    return 2;
  }
  const bool followHours = hours == "follow";
  auto settings = settingsFrom(*loaded.config, followHours);
  settings.reload = [file = configFile, followHours] { return reloadFrom(file, followHours); };
  settings.database = database;
  if (!commands.empty()) settings.commandsEndpoint = commands;
  if (!events.empty()) settings.eventsEndpoint = events;
  settings.curve = settings.curve || curve;
  settings.heartbeatInterval = std::chrono::milliseconds(heartbeatMs);
  settings.crashBeforeReplyTo = crashBeforeReplyTo;
  auto checkpoints = auditCheckpointsFrom(*loaded.config, settings.database);
  if (!checkpoints) {
    jiujin::log::error("dispatcher", "[audit] signing_key_file: {}; not starting", checkpoints.error().en);
    return 2;
  }
  settings.auditCheckpoints = std::move(checkpoints).value();
  if (!settings.auditCheckpoints.signingKey)
    jiujin::log::warning("dispatcher", "no [audit] signing_key_file: the audit record is not checkpointed, so "
                                       "cutting or recomputing it would go unnoticed (docs/configuration.md, [audit])");
  if (settings.curve) {
    std::filesystem::path keyFile =
        serverKeyFile.empty() ? loaded.config->service.secretKeyFile : std::filesystem::path(serverKeyFile);
    if (keyFile.is_relative() && serverKeyFile.empty())
      keyFile = loaded.config->sourceFile.parent_path() / keyFile;
    settings.serverSecretKey = readKey(keyFile);
  }

  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0) {
    jiujin::log::error("dispatcher", "cannot create the signal pipe");
    return 1;
  }
  wakeWriteFd = pipeFds[1];
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  struct sigaction hangUp {};
  hangUp.sa_handler = onHangUp;
  sigemptyset(&hangUp.sa_mask);
  sigaction(SIGHUP, &hangUp, nullptr);

  auto service = jiujin::service::DispatcherService::start(std::move(settings));
  if (!service) {
    jiujin::log::error("dispatcher", "cannot start: {} ({})", service.error().en, service.error().code);
    return 1;
  }
  std::cout << "READY commands=" << service.value()->commandsEndpoint()
            << " events=" << service.value()->eventsEndpoint() << std::endl;
  service.value()->run(stopRequested, pipeFds[0], &reloadRequested);
  service.value().reset();
  jiujin::log::notice("dispatcher", "stopped");
  return 0;
}
