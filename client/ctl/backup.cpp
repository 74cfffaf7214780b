// `jiujinctl backup FILE` and `jiujinctl backup --into DIR --keep N`: a consistent copy of the
// running hall's database (store::backupDatabase, SQLite's online backup API): the dispatcher
// keeps serving. The second form is the daily timer's (packaging/systemd/jiujin-backup.service):
// it names the copy hall-YYYYMMDD-HHMMSS.db in DIR and deletes all but the newest N of them.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "backup_files.hpp"
#include "jiujin/store/backup.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
  std::string file;
  std::string database = kInstalledDatabase;
  std::string into;
  int keep = 14;
};

int backUp(const BackupOptions& o) {
  if (o.file.empty() == o.into.empty()) return fail("give either FILE or --into DIR");
  const fs::path copy = o.file.empty() ? fs::path(o.into) / backupFileName(std::time(nullptr)) : fs::path(o.file);
  auto facts = store::backupDatabase(o.database, copy);
  if (!facts.ok()) return fail(fmt::format("backup of {} failed: {}", o.database, facts.error().message));
  std::cout << fmt::format("备份完成 backup written: {} — journal position {}, {} audit rows, schema {}, {} bytes\n",
                           copy.string(), facts.value().lastSeq, facts.value().auditRows, facts.value().schemaVersion,
                           facts.value().bytes);
  if (o.into.empty()) return 0;
  auto backups = listBackups(o.into);
  for (std::size_t i = static_cast<std::size_t>(o.keep); i < backups.size(); ++i) {
    std::error_code ec;
    fs::remove(backups[i].path, ec);
    if (ec) return fail(fmt::format("cannot delete the old backup {}: {}", backups[i].path.string(), ec.message()));
    std::cout << fmt::format("旧备份已删除 old backup deleted: {}\n", backups[i].path.string());
  }
  return 0;
}

}  // namespace

void addBackupCommand(CLI::App& app, Invocation& invocation) {
  auto options = std::make_shared<BackupOptions>();
  auto* sub = app.add_subcommand("backup", "备份 copy the running hall's database (the dispatcher keeps serving)");
  sub->add_option("file", options->file, "the new backup file (never overwritten)");
  sub->add_option("--db", options->database, "the hall's database")->capture_default_str();
  sub->add_option("--into", options->into, "write hall-YYYYMMDD-HHMMSS.db into this folder (the daily timer)");
  sub->add_option("--keep", options->keep, "with --into: the newest backups kept there")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  runs(sub, invocation, [options] { return backUp(*options); });
}

}  // namespace jiujin::ctl
