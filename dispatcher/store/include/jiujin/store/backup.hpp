#pragma once
// Copies of a hall's database (docs/installation.md, "Backups and restore"). A backup is taken
// while the dispatcher serves; a restore replaces the database only with the dispatcher
// stopped and only with a copy that passed every check, and keeps the database it replaces.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "jiujin/store/store_error.hpp"

namespace jiujin::store {

/// What a hall database holds, as a backup's report and health read it.
struct DatabaseFacts {
  int schemaVersion = 0;
  std::int64_t lastSeq = 0;      ///< the last journal row: the hall's journal position
  std::int64_t auditRows = 0;    ///< the last audit row
  std::int64_t lastCommitMs = 0; ///< hall-local ms of the last journal row (0: none)
  std::int64_t bytes = 0;        ///< the copy's size (backups only)
};

/// Copies the hall database `database` into the new file `copy` (refused if it exists) while
/// the dispatcher keeps committing: SQLite's online backup API in one step, which on a WAL
/// database reads one consistent moment (the last commit before it started) and never blocks
/// the dispatcher's writer. Written as "<copy>.partial", synced, then renamed: a backup cut
/// short never looks like a whole one. The copy is a single file (rollback journal mode).
StoreResult<DatabaseFacts> backupDatabase(const std::filesystem::path& database, const std::filesystem::path& copy);

/// Reads a hall database without writing to it: schema version, journal position, audit rows.
/// Refuses a file that is not a hall database of a schema this build knows.
StoreResult<DatabaseFacts> readDatabaseFacts(const std::filesystem::path& database);

/// Replaces the hall database `database` with `backup`, the dispatcher stopped (its lock is
/// taken; a running dispatcher refuses it as in_use). The backup is copied beside the
/// database as "<database>.restoring" and checked there: SQLite's full integrity_check, a
/// schema this build knows with all of its tables (the checks every open makes), then
/// `accept` (the audit chain against the hall's checkpoints, in jiujinctl). Only then is the
/// old database (with its -wal) moved to `keptAs` and the copy renamed into place.
/// The user's backup file is never written. On any refusal nothing changes.
StoreResult<DatabaseFacts> restoreDatabase(const std::filesystem::path& backup, const std::filesystem::path& database,
                                           const std::filesystem::path& keptAs,
                                           const std::function<StoreStatus(const std::filesystem::path& staged)>& accept);

}  // namespace jiujin::store
