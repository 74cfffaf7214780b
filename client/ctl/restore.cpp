// `jiujinctl restore FILE`: puts a backup in place of the hall's database, the dispatcher
// stopped (store::restoreDatabase takes its lock: a running dispatcher refuses the restore).
// The backup is checked first — SQLite's integrity check, a schema this build knows, and the
// audit chain (电子监察) against the hall's signed checkpoints when the hall file names its
// audit key — and the old database is kept beside it as <db>.before-restore-YYYYMMDD-HHMMSS.
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "audit.hpp"
#include "backup_files.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/service/audit_checkpoint.hpp"
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

int restore(const RestoreOptions& o) {
  std::string problem;
  const auto audit = auditInputs(o, problem);
  if (!audit) return fail(problem);
  if (!audit->note.empty()) std::cout << audit->note << '\n';
  const fs::path keptAs = o.database + ".before-restore-" + stamp(std::time(nullptr));
  const auto acceptChain = [&](const fs::path& staged) -> store::StoreStatus {
    const int verdict = verifyAudit(AuditSource{staged.string(), std::nullopt}, audit->verify);
    // 4: the backup ends before the newest checkpoints — it is older than they are, and the
    // rows after it are what a restore gives up. Everything else wrong refuses the backup.
    if (verdict == 0 || verdict == 4) return store::Done{};
    return store::StoreError{store::StoreErrorCode::BadData,
                             fmt::format("the backup's audit record does not hold (jiujinctl audit verify: exit {})", verdict)};
  };
  auto restored = store::restoreDatabase(o.file, o.database, keptAs, acceptChain);
  if (!restored.ok()) {
    return fail(fmt::format("恢复被拒绝 restore refused, nothing changed: {}", restored.error().message));
  }
  std::cout << fmt::format("恢复完成 restored {} from {}: journal position {}, {} audit rows, schema {}\n"
                           "  the database it replaced is kept as {}\n",
                           o.database, o.file, restored.value().lastSeq, restored.value().auditRows,
                           restored.value().schemaVersion, fs::exists(keptAs) ? keptAs.string() : "(there was none)");
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
