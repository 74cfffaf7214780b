// `jiujinctl restore FILE`: puts a backup in place of the hall's database, the dispatcher
// stopped (store::restoreDatabase takes its lock: a running dispatcher refuses the restore).
// The backup is checked first — SQLite's integrity check, a schema this build knows, and the
// audit chain (电子监察) against the hall's signed checkpoints when the hall file names its
// audit key — and the old database is kept beside it as <db>.before-restore-YYYYMMDD-HHMMSS.
// With the key, the checkpoint file is then made to match the restored database (its
// checkpoints up to the restored chain's head, and one of that head signed now; the old file
// kept beside it likewise), so that the next start's chain check passes and any later
// tampering with the restored rows is still caught.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "audit.hpp"
#include "backup_files.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/service/audit_checkpoint.hpp"
#include "jiujin/service/audit_log.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "jiujin/store/backup.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

namespace fs = std::filesystem;

struct RestoreOptions {
  std::string file;
  std::string database = kInstalledDatabase;
  std::string hallFile = kInstalledHallFile;
};

/// The audit check's inputs from the hall file: the public half of [audit] signing_key_file
/// and the checkpoint file. Without a key only the chain itself is checked.
struct AuditInputs {
  AuditVerifyOptions verify;
  std::string note;
  std::optional<service::AuditSecretKey> key;  ///< the hall's signing key, when it has one
  fs::path checkpoints;                        ///< the checkpoint file the dispatcher appends to
  std::string hall;                            ///< the name checkpoints carry
};

/// The restored audit chain's head: its last row and that row's hash.
struct ChainHead {
  std::int64_t row = 0;
  std::string hash;
};

std::optional<AuditInputs> auditInputs(const RestoreOptions& o, std::string& problem) {
  AuditInputs inputs;
  if (!fs::exists(o.hallFile)) {
    inputs.note = fmt::format("no hall file {}: the audit chain is checked without checkpoints", o.hallFile);
    return inputs;
  }
  const auto loaded = config::loadHallConfig(o.hallFile);
  if (!loaded.ok()) {
    problem = fmt::format("{} is not a valid hall file (jiujinctl config check {})", o.hallFile, o.hallFile);
    return std::nullopt;
  }
  const auto& audit = loaded.config->audit;
  if (audit.signingKeyFile.empty()) {
    inputs.note = "the hall file has no [audit] signing_key_file: the audit chain is checked without checkpoints";
    return inputs;
  }
  auto secret = service::readAuditSecretKeyFile(audit.signingKeyFile);
  if (!secret) {
    problem = secret.error().en;
    return std::nullopt;
  }
  const fs::path checkpoints = audit.checkpointFile.empty() ? fs::path(o.database + ".checkpoints") : audit.checkpointFile;
  inputs.key = secret.value();
  inputs.checkpoints = checkpoints;
  inputs.hall = loaded.config->hall.regionCode.empty() ? loaded.config->hall.name : loaded.config->hall.regionCode;
  if (!fs::exists(checkpoints)) {
    inputs.note = fmt::format("no checkpoint file {}: the audit chain is checked without checkpoints", checkpoints.string());
    return inputs;
  }
  inputs.verify.checkpoint = checkpoints.string();
  inputs.verify.auditKey = service::toHex(service::publicKeyOf(secret.value()));
  return inputs;
}

std::string stamp(std::time_t at) {
  std::tm local{};
  localtime_r(&at, &local);
  return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                     local.tm_hour, local.tm_min, local.tm_sec);
}

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// Makes the checkpoint file match the restored chain: the checkpoints of rows it holds (the
/// restore's check showed they match it), then the head signed now. The file it replaces is
/// kept as <file><suffix>; the new one is written beside it, synced, owned like the database
/// (the dispatcher appends to it) and renamed into place. Returns what to tell, or the problem.
std::optional<std::string> matchCheckpoints(const AuditInputs& audit, const ChainHead& head, const fs::path& database,
                                            const std::string& suffix, std::string& problem) {
  std::vector<service::AuditCheckpoint> kept;
  std::size_t dropped = 0;
  if (fs::exists(audit.checkpoints)) {
    auto file = service::readCheckpointFile(audit.checkpoints);
    if (!file) {
      problem = file.error().en;
      return std::nullopt;
    }
    for (auto& c : file.value().checkpoints) {
      if (c.row <= head.row) kept.push_back(std::move(c));
      else ++dropped;
    }
  }
  const std::size_t keptBefore = kept.size();
  const bool headSigned = !kept.empty() && kept.back().row == head.row && kept.back().hash == head.hash;
  if (head.row > 0 && !headSigned)
    kept.push_back(service::signCheckpoint(audit.hall, head.row, head.hash, service::localNow(), *audit.key));
  std::string text;
  for (const auto& c : kept) text += service::toJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

  const fs::path staged = audit.checkpoints.string() + ".restoring";
  const int fd = ::open(staged.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  if (fd < 0) {
    problem = fmt::format("cannot write {}: {}", staged.string(), std::strerror(errno));
    return std::nullopt;
  }
  bool ok = writeAll(fd, text) && ::fsync(fd) == 0;
  const int error = errno;
  struct stat owner {};
  if (ok && ::stat(database.c_str(), &owner) == 0 && ::geteuid() == 0)
    ok = ::fchown(fd, owner.st_uid, owner.st_gid) == 0;
  ::close(fd);
  std::error_code failed;
  if (ok && fs::exists(audit.checkpoints)) fs::rename(audit.checkpoints, audit.checkpoints.string() + suffix, failed);
  if (ok && !failed) fs::rename(staged, audit.checkpoints, failed);
  if (!ok || failed) {
    problem = fmt::format("cannot replace {}: {}", audit.checkpoints.string(),
                          failed ? failed.message() : std::string(std::strerror(error)));
    fs::remove(staged, failed);
    return std::nullopt;
  }
  const auto folder = audit.checkpoints.parent_path().empty() ? fs::path(".") : audit.checkpoints.parent_path();
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  const fs::path old = audit.checkpoints.string() + suffix;
  return fmt::format("  checkpoint file {} now matches it: {} checkpoint(s) kept, {} of rows after it set aside, "
                     "head row {} {}{}",
                     audit.checkpoints.string(), keptBefore, dropped, head.row,
                     kept.size() > keptBefore ? "signed now" : "already signed",
                     fs::exists(old) ? fmt::format("; the old file is kept as {}", old.string()) : std::string());
}

int restore(const RestoreOptions& o) {
  std::string problem;
  const auto audit = auditInputs(o, problem);
  if (!audit) return fail(problem);
  if (!audit->note.empty()) std::cout << audit->note << '\n';
  const std::string suffix = ".before-restore-" + stamp(std::time(nullptr));
  const fs::path keptAs = o.database + suffix;
  ChainHead head;
  const auto acceptChain = [&](const fs::path& staged) -> store::StoreStatus {
    const int verdict = verifyAudit(AuditSource{staged.string(), std::nullopt}, audit->verify);
    // 4: the backup ends before the newest checkpoints — it is older than they are, and the
    // rows after it are what a restore gives up. Everything else wrong refuses the backup.
    if (verdict != 0 && verdict != 4)
      return store::StoreError{store::StoreErrorCode::BadData,
                               fmt::format("the backup's audit record does not hold (jiujinctl audit verify: exit {})", verdict)};
    if (audit->key) {
      auto log = service::AuditLog::open(staged);
      if (!log) return store::StoreError{store::StoreErrorCode::BadData, log.error().en};
      head = ChainHead{log.value()->lastRow(), log.value()->lastHash()};
    }
    return store::Done{};
  };
  auto restored = store::restoreDatabase(o.file, o.database, keptAs, acceptChain);
  if (!restored.ok()) {
    return fail(fmt::format("恢复被拒绝 restore refused, nothing changed: {}", restored.error().message));
  }
  std::cout << fmt::format("恢复完成 restored {} from {}: journal position {}, {} audit rows, schema {}\n"
                           "  the database it replaced is kept as {}\n",
                           o.database, o.file, restored.value().lastSeq, restored.value().auditRows,
                           restored.value().schemaVersion, fs::exists(keptAs) ? keptAs.string() : "(there was none)");
  if (!audit->key) return 0;
  std::string checkpointProblem;
  const auto told = matchCheckpoints(*audit, head, o.database, suffix, checkpointProblem);
  if (!told) {
    // The database is restored; only the checkpoints are behind. Say what to do about it.
    return fail(fmt::format("the database is restored, but its checkpoint file is not: {} — the dispatcher will "
                            "report the audit record cut at its next start; fix the file's folder and run the "
                            "restore again",
                            checkpointProblem));
  }
  std::cout << *told << '\n';
  return 0;
}

}  // namespace

void addRestoreCommand(CLI::App& app, Invocation& invocation) {
  auto options = std::make_shared<RestoreOptions>();
  auto* sub = app.add_subcommand("restore", "恢复 replace the hall's database with a checked backup (dispatcher stopped)");
  sub->add_option("file", options->file, "the backup")->required();
  sub->add_option("--db", options->database, "the hall's database")->capture_default_str();
  sub->add_option("--config", options->hallFile, "the hall file ([audit]: key and checkpoints)")->capture_default_str();
  runs(sub, invocation, [options] { return restore(*options); });
}

}  // namespace jiujin::ctl
