#pragma once
// The dispatcher as the hall's programs meet it: a ROUTER for requests and a PUB for events
// (docs/protocol.md). One thread — the one calling run() — owns the sockets, the core and
// the store: it drains every request waiting, executes them on the core, commits all their
// events in one transaction, and only then publishes and replies.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/core/booking.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/service/device_table.hpp"
#include "jiujin/service/audit_checkpointer.hpp"
#include "jiujin/service/disk_watch.hpp"
#include "jiujin/service/identity.hpp"
#include "jiujin/service/wire.hpp"

namespace jiujin::service {

struct ClientEntry {
  std::string name;
  std::string publicKey;  ///< Z85
  Role role = Role::Display;
  std::set<core::WindowNumber> windows;  ///< see ClientIdentity::windows
  bool operator==(const ClientEntry&) const = default;
};

struct ClerkEntry {
  core::ClerkId id;
  std::string pinHash;
  std::set<core::WindowNumber> allowedWindows;  ///< empty: any window
  bool agent = false;  ///< 代办员: may register cases for residents who are not present
  bool manager = false;  ///< 大厅管理员: may log in at a monitor (manager_login)
  bool operator==(const ClerkEntry&) const = default;
};

/// Whether residents may take a ticket at a moment (the hall's opening hours).
struct Ticketing {
  enum class Kind { Open, AppointmentsOnly, Closed };
  Kind kind = Kind::Open;
  std::string zh;  ///< the hours in words, told to a resident who is refused
  std::string en;
};
using TicketingRule = std::function<Ticketing(core::TimePoint)>;

/// What a configuration reload gives the running service: everything that can change
/// without a restart. Endpoints, keys, clients and the database need a restart.
struct ReloadedHall {
  core::HallDefinition definition;
  std::vector<ClerkEntry> clerks;
  TicketingRule ticketing;
  std::vector<ClientEntry> clients;  ///< compared only, to say that a restart is needed
  std::vector<ConfiguredDevice> devices;
  core::BookingRules booking;
};

struct ServiceSettings {
  core::HallDefinition definition;
  std::filesystem::path database;
  bool synchronousFull = true;
  /// Days after a case closed until its applicant's ID number and phone are blanked in the
  /// case register (the hall file's [cases] archive_days); 0 keeps them.
  int caseArchiveDays = 0;
  /// "tcp://127.0.0.1:0" (or ":*") binds an ephemeral port; endpoints() tells which.
  std::string commandsEndpoint = "tcp://127.0.0.1:5570";
  std::string eventsEndpoint = "tcp://127.0.0.1:5571";
  /// CURVE on both endpoints. Required when an endpoint is not loopback-only.
  bool curve = false;
  std::string serverSecretKey;  ///< Z85, when curve
  std::vector<ClientEntry> clients;
  std::vector<ClerkEntry> clerks;
  /// The hall file's devices: device reports must name one of them.
  std::vector<ConfiguredDevice> devices;
  std::function<bool(std::string_view hash, std::string_view pin)> verifyPin;
  /// Hall-local wall time; tests inject their own.
  std::function<core::TimePoint()> clock;
  /// Opening hours for ticketing; unset: tickets at any time (tests, a demo at night).
  TicketingRule ticketing;
  /// Reads the hall file again (reload_config, SIGHUP); a refusal carries every diagnostic.
  /// Unset: reloading is refused.
  std::function<Outcome<ReloadedHall>()> reload;
  std::chrono::milliseconds heartbeatInterval{1000};
  std::chrono::milliseconds tickInterval{1000};
  /// A named fault for crash tests: after committing a batch that answers a request of this
  /// type, the process kills itself (SIGKILL) before any reply or event leaves. Empty: never.
  std::string crashBeforeReplyTo;
  /// Signed checkpoints of the audit chain ([audit] in the hall file); no key: none.
  AuditCheckpointSettings auditCheckpoints;
  /// Free space on the database's filesystem, read every tick; unset: statvfs of the
  /// database's folder (start() sets it; a handler built without start() watches nothing).
  FreeSpaceProbe freeSpace;
  /// Below this many bytes free the `disk_space_low` alarm is raised (jiujin-dispatcher
  /// --disk-alarm-mb, kMinDiskAlarmMb–kMaxDiskAlarmMb, default kDefaultDiskAlarmMb).
  std::uint64_t diskAlarmBelowBytes = kDefaultDiskAlarmMb << 20;
  /// Called at the end of every turn of run()'s loop, which turns at least every
  /// tickInterval: the daemon feeds systemd's watchdog from it, so a stalled loop is
  /// restarted. Unset: nothing.
  std::function<void()> turned;
  /// The key of the residents' ticket tokens (32 raw bytes, ticket_tokens.hpp). Empty: create()
  /// reads or makes "<database>.ticket-key".
  std::string ticketTokenKey;
  /// 预约 (the hall file's [booking]); no session: bookings are refused (docs/booking.md).
  core::BookingRules booking;
};

/// Whether an endpoint can only be reached from this machine (tcp://127.*, localhost,
/// [::1], ipc://, inproc://).
bool isLoopbackEndpoint(std::string_view endpoint);

/// The system clock as hall-local wall time (the machine's time zone).
core::TimePoint localNow();

class DispatcherService {
 public:
  /// Opens the database, recovers the hall, binds both endpoints. Nothing runs yet.
  static Outcome<std::unique_ptr<DispatcherService>> start(ServiceSettings settings);
  ~DispatcherService();
  DispatcherService(const DispatcherService&) = delete;
  DispatcherService& operator=(const DispatcherService&) = delete;

  /// The endpoints actually bound (ephemeral ports resolved).
  const std::string& commandsEndpoint() const;
  const std::string& eventsEndpoint() const;

  /// Serves until `stop` is set. `wakeFd`, if ≥ 0, is polled too: a signal handler writes
  /// to it so that a stop request is seen at once. When `reload` is set (SIGHUP), the service
  /// clears it and reloads the configuration as a reload_config command would.
  void run(const std::atomic<bool>& stop, int wakeFd = -1, std::atomic<bool>* reload = nullptr);

 private:
  struct Impl;
  explicit DispatcherService(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jiujin::service
