// `jiujinctl health`: how the hall's box is doing, for a person and for monitoring scripts.
// Asks the dispatcher (up? its journal position, the devices and printers it was told about)
// and looks at the database's folder (disk space, the last commit, the newest daily backup).
// Exit codes as monitoring plugins use them: 0 ok, 1 warning (a device offline, a printer
// out of paper, the disk getting full, no backup for a day), 2 critical (the dispatcher does
// not answer, the disk about to be full: commits would start failing).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "backup_files.hpp"
#include "jiujin/client/command_channel.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/store/backup.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct HealthOptions {
  std::string database = kInstalledDatabase;
  std::string backups = kInstalledBackups;
  std::int64_t warnFreeMb = 2048;
  std::int64_t criticalFreeMb = 512;
  int backupHours = 26;  ///< a daily backup, with two hours to spare
};

enum class Level { Ok = 0, Warning = 1, Critical = 2 };

struct Finding {
  Level level;
  std::string text;
};

const char* label(Level level) {
  switch (level) {
    case Level::Ok: return "正常 ok      ";
    case Level::Warning: return "注意 WARNING ";
    case Level::Critical: return "严重 CRITICAL";
  }
  return "";
}

void checkDispatcher(const GlobalOptions& g, std::vector<Finding>& out) {
  std::string problem;
  auto options = connectionOptions(g, problem);
  if (!options) {
    out.push_back({Level::Critical, problem});
    return;
  }
  zmq::context_t context;
  client::CommandChannel channel(context, *options);
  const auto ping = channel.request(client::requests::ping());
  if (!ping.ok) {
    out.push_back({Level::Critical, fmt::format("dispatcher at {} does not answer: {}", g.commands, ping.error.en)});
    return;
  }
  out.push_back({Level::Ok, fmt::format("dispatcher up at {}, journal position {}", g.commands,
                                        ping.result.value("seq", std::int64_t{0}))});
  const auto snapshot = channel.request(client::requests::snapshot());
  if (!snapshot.ok) {
    out.push_back({Level::Warning, fmt::format("no snapshot for the devices: {}", snapshot.error.en)});
    return;
  }
  int devices = 0;
  for (const json& d : snapshot.result.value("devices", json::array())) {
    const std::string kind = d.value("kind", "");
    const std::string status = d.value("status", "");
    ++devices;
    if (kind == "printer" && status == "out")
      out.push_back({Level::Warning, fmt::format("printer {} is out of paper", d.value("id", "?"))});
    else if (kind == "printer" && status == "near_end")
      out.push_back({Level::Warning, fmt::format("printer {} is nearly out of paper", d.value("id", "?"))});
    else if (status == "offline" || status == "error")
      out.push_back({Level::Warning, fmt::format("{} {} is {}", kind, d.value("id", "?"), status)});
  }
  out.push_back({Level::Ok, fmt::format("{} devices and printers reported", devices)});
}

void checkDatabase(const HealthOptions& o, std::vector<Finding>& out) {
  const fs::path folder = fs::path(o.database).parent_path().empty() ? fs::path(".") : fs::path(o.database).parent_path();
  std::error_code ec;
  const auto space = fs::space(folder, ec);
  if (ec) {
    out.push_back({Level::Critical, fmt::format("cannot read the free space of {}: {}", folder.string(), ec.message())});
  } else {
    const auto freeMb = static_cast<std::int64_t>(space.available / (1024 * 1024));
    const Level level = freeMb < o.criticalFreeMb ? Level::Critical : freeMb < o.warnFreeMb ? Level::Warning : Level::Ok;
    out.push_back({level, fmt::format("{} MB free for the database in {} (warning below {} MB, critical below {} MB)",
                                      freeMb, folder.string(), o.warnFreeMb, o.criticalFreeMb)});
  }
  if (!fs::exists(o.database)) {
    out.push_back({Level::Warning, fmt::format("no database at {}", o.database)});
  } else if (auto facts = store::readDatabaseFacts(o.database); !facts.ok()) {
    out.push_back({Level::Warning, fmt::format("cannot read {}: {}", o.database, facts.error().message)});
  } else if (facts.value().lastCommitMs > 0) {
    const auto now = service::localNow();
    const auto lastMs = std::chrono::milliseconds(facts.value().lastCommitMs);
    const auto age = std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch() - lastMs);
    out.push_back({Level::Ok, fmt::format("last commit {} minutes ago (journal position {}, {} audit rows)", age.count(),
                                          facts.value().lastSeq, facts.value().auditRows)});
  }
  const auto backups = listBackups(o.backups);
  if (backups.empty()) {
    out.push_back({Level::Warning, fmt::format("no backup in {} (jiujin-backup.timer)", o.backups)});
  } else {
    const auto age = std::chrono::duration_cast<std::chrono::hours>(fs::file_time_type::clock::now() - backups.front().written);
    out.push_back({age.count() >= o.backupHours ? Level::Warning : Level::Ok,
                   fmt::format("newest backup {} is {} hours old", backups.front().path.filename().string(), age.count())});
  }
}

int health(const GlobalOptions& g, const HealthOptions& o) {
  std::vector<Finding> findings;
  checkDispatcher(g, findings);
  checkDatabase(o, findings);
  Level worst = Level::Ok;
  for (const auto& f : findings) worst = std::max(worst, f.level);
  if (g.json) {
    json list = json::array();
    for (const auto& f : findings) list.push_back({{"level", static_cast<int>(f.level)}, {"text", f.text}});
    std::cout << json{{"status", static_cast<int>(worst)}, {"findings", list}}.dump() << '\n';
  } else {
    for (const auto& f : findings) std::cout << label(f.level) << "  " << f.text << '\n';
  }
  return static_cast<int>(worst);
}

}  // namespace

void addHealthCommand(CLI::App& app, Invocation& invocation) {
  auto options = std::make_shared<HealthOptions>();
  auto* sub = app.add_subcommand("health", "健康检查 the dispatcher, disk, devices and backups (exit 0 ok, 1 warning, 2 critical)");
  sub->add_option("--db", options->database, "the hall's database")->capture_default_str();
  sub->add_option("--backups", options->backups, "the daily backups' folder")->capture_default_str();
  sub->add_option("--warn-free-mb", options->warnFreeMb, "free space below which to warn")->capture_default_str();
  sub->add_option("--critical-free-mb", options->criticalFreeMb, "free space below which it is critical")
      ->capture_default_str();
  sub->add_option("--backup-hours", options->backupHours, "a newest backup this old is a warning")->capture_default_str();
  runs(sub, invocation, [&invocation, options] { return health(invocation.options, *options); });
}

}  // namespace jiujin::ctl
