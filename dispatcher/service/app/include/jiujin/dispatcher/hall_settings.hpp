#pragma once
// From the hall file (and the daemon's command line) to the service's settings: which
// endpoints, which clients with which roles and windows, clerks, devices, opening hours, the
// audit checkpoints, and how to read the hall file again on reload_config or SIGHUP. What
// jiujin-dispatcher's main() does before it starts the service, here so that a test reaches it.
#include <filesystem>
#include <string>
#include <vector>

#include "jiujin/config/hall_config.hpp"
#include "jiujin/service/dispatcher_service.hpp"

namespace jiujin::dispatcher {

/// What the command line adds to the hall file. Empty strings: the hall file's value.
struct DaemonOptions {
  std::filesystem::path configFile;  ///< the hall file, read again on reload
  std::filesystem::path database;
  std::string commands;                 ///< overrides [service] commands
  std::string events;                   ///< overrides [service] events
  std::filesystem::path serverKeyFile;  ///< overrides [service] secret_key_file
  bool curve = false;                   ///< CURVE even when [service] curve is false
  int heartbeatMs = 1000;
  bool followHours = true;  ///< false: tickets at any time (tests, a demo at night)
  std::string crashBeforeReplyTo;  ///< crash tests only (ServiceSettings::crashBeforeReplyTo)
  /// Below this many MB free on the database's filesystem: the disk_space_low alarm
  /// (service::kMinDiskAlarmMb–kMaxDiskAlarmMb).
  std::uint64_t diskAlarmMb = service::kDefaultDiskAlarmMb;
};

/// Heartbeats further apart than this let a display believe a dead dispatcher for too long;
/// closer than that, they are traffic for nothing.
inline constexpr int kMinHeartbeatMs = 50;
inline constexpr int kMaxHeartbeatMs = 10000;

/// The service's settings for `hall` started with `options`. Refused (`invalid_config`, the
/// message naming the setting and its range) when a value is out of range or the audit
/// signing key cannot be read: the daemon does not start then.
service::Outcome<service::ServiceSettings> settingsFor(const config::HallConfig& hall, const DaemonOptions& options);

/// Reads `file` again for reload_config / SIGHUP; every diagnostic of the file goes into the
/// refusal, and the running hall keeps its configuration.
service::Outcome<service::ReloadedHall> reloadFrom(const std::filesystem::path& file, bool followHours);

// The parts, for the tests.
service::Role roleOf(config::ClientRole role);
/// Each client with its windows: a console's own, and for a devices client the windows of the
/// devices on its buses.
std::vector<service::ClientEntry> clientsOf(const config::HallConfig& hall);
std::vector<service::ClerkEntry> clerksOf(const config::HallConfig& hall);
std::vector<service::ConfiguredDevice> devicesOf(const config::HallConfig& hall);
/// The opening hours as the service asks them; unset when the hours are not followed.
service::TicketingRule ticketingOf(const config::HallConfig& hall, bool followHours);
/// [audit]: the signing key is read here, so that a bad key stops the start.
service::Outcome<service::AuditCheckpointSettings> auditCheckpointsOf(const config::HallConfig& hall,
                                                                      const std::filesystem::path& database);

}  // namespace jiujin::dispatcher
