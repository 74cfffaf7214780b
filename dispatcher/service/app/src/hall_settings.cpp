#include "jiujin/dispatcher/hall_settings.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/config/opening_hours.hpp"
#include "jiujin/config/pin.hpp"

namespace jiujin::dispatcher {

namespace {

service::ServiceError invalidConfig(const std::string& zh, const std::string& en) {
  return service::ServiceError{"invalid_config", zh, en};
}

std::string readKey(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string key;
  in >> key;
  return key;
}

/// The server's CURVE secret key: the command line's file, else [service] secret_key_file
/// (relative to the hall file). An unreadable file gives an empty key, which the service refuses.
std::string serverSecretKey(const config::HallConfig& hall, const DaemonOptions& options) {
  if (!options.serverKeyFile.empty()) return readKey(options.serverKeyFile);
  std::filesystem::path keyFile = hall.service.secretKeyFile;
  if (keyFile.is_relative()) keyFile = hall.sourceFile.parent_path() / keyFile;
  return readKey(keyFile);
}

}  // namespace

service::Role roleOf(config::ClientRole role) {
  using config::ClientRole;
  using service::Role;
  switch (role) {
    case ClientRole::Kiosk: return Role::Kiosk;
    case ClientRole::Console: return Role::Console;
    case ClientRole::Devices: return Role::Devices;
    case ClientRole::Display: return Role::Display;
    case ClientRole::Manager: return Role::Manager;
    case ClientRole::Admin: return Role::Admin;
    case ClientRole::Web: return Role::Web;
  }
  return Role::Display;
}

std::vector<service::ClientEntry> clientsOf(const config::HallConfig& hall) {
  std::vector<service::ClientEntry> clients;
  for (const auto& c : hall.clients) {
    service::ClientEntry entry{c.name, c.publicKey, roleOf(c.role), {}};
    if (c.window) entry.windows.insert(*c.window);
    for (const auto& device : hall.devices) {
      const bool onItsBus = std::find(c.buses.begin(), c.buses.end(), device.bus) != c.buses.end();
      if (onItsBus && device.window) entry.windows.insert(*device.window);
    }
    clients.push_back(std::move(entry));
  }
  return clients;
}

std::vector<service::ClerkEntry> clerksOf(const config::HallConfig& hall) {
  std::vector<service::ClerkEntry> clerks;
  for (const auto& c : hall.clerks)
    clerks.push_back({c.id, c.pinHash, {c.allowedWindows.begin(), c.allowedWindows.end()}, c.agent, c.manager});
  return clerks;
}

std::vector<service::ConfiguredDevice> devicesOf(const config::HallConfig& hall) {
  std::vector<service::ConfiguredDevice> devices;
  for (const auto& d : hall.devices) devices.push_back({d.id, std::string(config::toString(d.kind)), d.window, d.bus});
  return devices;
}

service::TicketingRule ticketingOf(const config::HallConfig& hall, bool followHours) {
  if (!followHours) return {};
  return [hours = hall.hours](core::TimePoint now) {
    const auto t = config::ticketingAt(hours, now);
    using Kind = config::TicketingNow::Kind;
    using Service = service::Ticketing::Kind;
    const Service kind = t.kind == Kind::Open               ? Service::Open
                         : t.kind == Kind::AppointmentsOnly ? Service::AppointmentsOnly
                                                            : Service::Closed;
    return service::Ticketing{kind, t.zh, t.en};
  };
}

service::Outcome<service::AuditCheckpointSettings> auditCheckpointsOf(const config::HallConfig& hall,
                                                                      const std::filesystem::path& database) {
  service::AuditCheckpointSettings s;
  if (hall.audit.signingKeyFile.empty()) return s;
  if (hall.audit.checkpointEveryRows < 1 || hall.audit.checkpointEveryMinutes < 1)
    return invalidConfig("[audit] 的检查点间隔必须至少为 1",
                         fmt::format("[audit] checkpoint_every_rows ({}) and checkpoint_every_minutes ({}) must "
                                     "be at least 1",
                                     hall.audit.checkpointEveryRows, hall.audit.checkpointEveryMinutes));
  auto key = service::readAuditSecretKeyFile(hall.audit.signingKeyFile);
  if (!key) return key.error();
  s.signingKey = key.value();
  s.file = hall.audit.checkpointFile.empty() ? std::filesystem::path(database.string() + ".checkpoints")
                                             : hall.audit.checkpointFile;
  s.hall = hall.hall.regionCode.empty() ? hall.hall.name : hall.hall.regionCode;
  s.everyRows = hall.audit.checkpointEveryRows;
  s.everyMinutes = std::chrono::minutes(hall.audit.checkpointEveryMinutes);
  return s;
}

service::Outcome<service::ReloadedHall> reloadFrom(const std::filesystem::path& file, bool followHours) {
  const auto loaded = config::loadHallConfig(file);
  if (!loaded.ok()) {
    std::string zh = fmt::format("{} 有 {} 处错误，大厅保持原配置：", file.string(), loaded.errors.size());
    std::string en =
        fmt::format("{} has {} error(s); the hall keeps its configuration:", file.string(), loaded.errors.size());
    for (const auto& d : loaded.errors) {
      std::ostringstream line;
      line << d;
      zh += "\n" + line.str();
      en += "\n" + line.str();
    }
    return invalidConfig(zh, en);
  }
  return service::ReloadedHall{loaded.config->definition, clerksOf(*loaded.config),
                               ticketingOf(*loaded.config, followHours), clientsOf(*loaded.config),
                               devicesOf(*loaded.config), loaded.config->booking};
}

service::Outcome<service::ServiceSettings> settingsFor(const config::HallConfig& hall, const DaemonOptions& options) {
  if (options.heartbeatMs < kMinHeartbeatMs || options.heartbeatMs > kMaxHeartbeatMs)
    return invalidConfig(fmt::format("心跳间隔 {} 毫秒超出范围（{}–{}）", options.heartbeatMs, kMinHeartbeatMs,
                                     kMaxHeartbeatMs),
                         fmt::format("heartbeat interval {} ms is out of range; expected {} to {} ms",
                                     options.heartbeatMs, kMinHeartbeatMs, kMaxHeartbeatMs));
  if (options.diskAlarmMb < service::kMinDiskAlarmMb || options.diskAlarmMb > service::kMaxDiskAlarmMb)
    return invalidConfig(fmt::format("磁盘告警阈值 {} MB 超出范围（{}–{}）", options.diskAlarmMb, service::kMinDiskAlarmMb,
                                     service::kMaxDiskAlarmMb),
                         fmt::format("disk alarm threshold {} MB is out of range; expected {} to {} MB",
                                     options.diskAlarmMb, service::kMinDiskAlarmMb, service::kMaxDiskAlarmMb));
  service::ServiceSettings s;
  s.definition = hall.definition;
  s.diskAlarmBelowBytes = options.diskAlarmMb << 20;
  s.database = options.database;
  s.commandsEndpoint = options.commands.empty() ? hall.service.commands : options.commands;
  s.eventsEndpoint = options.events.empty() ? hall.service.events : options.events;
  s.curve = hall.service.curve || options.curve;
  s.synchronousFull = hall.store.synchronous == config::Synchronous::Full;
  s.caseArchiveDays = hall.store.caseArchiveDays;
  s.clients = clientsOf(hall);
  s.clerks = clerksOf(hall);
  s.devices = devicesOf(hall);
  s.ticketing = ticketingOf(hall, options.followHours);
  s.booking = hall.booking;
  s.verifyPin = [](std::string_view hash, std::string_view pin) { return config::verifyPin(hash, pin); };
  s.reload = [file = options.configFile, followHours = options.followHours] { return reloadFrom(file, followHours); };
  s.heartbeatInterval = std::chrono::milliseconds(options.heartbeatMs);
  s.crashBeforeReplyTo = options.crashBeforeReplyTo;
  auto checkpoints = auditCheckpointsOf(hall, s.database);
  if (!checkpoints) {
    auto refusal = checkpoints.error();
    refusal.en = fmt::format("[audit] signing_key_file: {}", refusal.en);
    return refusal;
  }
  s.auditCheckpoints = std::move(checkpoints).value();
  if (s.curve) s.serverSecretKey = serverSecretKey(hall, options);
  return s;
}

}  // namespace jiujin::dispatcher
