#include "jiujin/store/backup.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "hall_lock.hpp"
#include "jiujin/store/database.hpp"
#include "open_checks.hpp"

namespace jiujin::store {

namespace {

namespace fs = std::filesystem;

StoreError ioError(const std::string& what, const std::error_code& ec) {
  return StoreError{StoreErrorCode::Io, fmt::format("{}: {}", what, ec.message())};
}

/// fsync of a file or folder, so that what was written (or a name just made) is on disk.
bool syncPath(const fs::path& path, bool folder) {
  const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

fs::path folderOf(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

fs::path besides(const fs::path& file, std::string_view suffix) { return fs::path(file.string() + std::string(suffix)); }

StoreResult<DatabaseFacts> factsOf(Database& db) {
  DatabaseFacts facts;
  auto version = db.queryInteger("PRAGMA user_version");
  if (!version.ok()) return version.error();
  facts.schemaVersion = static_cast<int>(version.value());
  auto last = db.prepare("SELECT seq, at_ms FROM journal ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.error();
  auto row = last.value().step();
  if (!row.ok()) return row.error();
  if (row.value()) {
    facts.lastSeq = last.value().integer(0);
    facts.lastCommitMs = last.value().integer(1);
  }
  // The audit record is in the store from schema 3 on.
  if (facts.schemaVersion >= 3) {
    auto audit = db.queryInteger("SELECT coalesce(max(row), 0) FROM audit_log");
    if (!audit.ok()) return audit.error();
    facts.auditRows = audit.value();
  }
  return facts;
}

/// The checks HallStore::open makes, with SQLite's full integrity_check instead of its quick one.
StoreStatus checkWhole(Database& db) {
  StoreOptions options;
  options.checkIntegrityOnOpen = false;
  if (auto s = checkSchema(db, options); !s.ok()) return s.error();
  auto check = db.prepare("PRAGMA integrity_check");
  if (!check.ok()) return check.error();
  auto row = check.value().step();
  if (!row.ok()) return row.error();
  if (!row.value() || check.value().text(0) != "ok") {
    return StoreError{StoreErrorCode::Corrupt,
                      fmt::format("{} is damaged ({})", db.path().string(),
                                  row.value() ? check.value().text(0) : std::string("no result"))};
  }
  return Done{};
}

/// Copies `from` (an open hall database) into the new single file `to`, synced.
StoreStatus copyToNewFile(Database& from, const fs::path& to) {
  std::error_code ec;
  fs::remove(to, ec);
  {
    auto target = Database::open(to, Database::Mode::CreateIfMissing);
    if (!target.ok()) return target.error();
    if (auto s = from.copyInto(target.value()); !s.ok()) return s.error();
    // The copy keeps the source's WAL mode in its header; a backup is one file, whole by itself.
    if (auto s = target.value().exec("PRAGMA journal_mode = DELETE"); !s.ok()) return s.error();
  }
  if (!syncPath(to, false)) return StoreError{StoreErrorCode::Io, fmt::format("cannot sync {}", to.string())};
  return Done{};
}

}  // namespace

StoreResult<DatabaseFacts> backupDatabase(const fs::path& database, const fs::path& copy) {
  std::error_code ec;
  if (fs::exists(copy, ec)) {
    return StoreError{StoreErrorCode::Misuse, fmt::format("{} exists already; a backup never overwrites a file",
                                                          copy.string())};
  }
  if (auto s = checkLooksLikeSqlite(database); !s.ok()) return s.error();
  auto source = Database::open(database, Database::Mode::OpenExisting);
  if (!source.ok()) return source.error();
  // The dispatcher may hold the write lock for a moment while the copy starts.
  if (auto s = source.value().exec("PRAGMA busy_timeout = 10000"); !s.ok()) return s.error();
  StoreOptions options;
  options.checkIntegrityOnOpen = false;
  if (auto s = checkSchema(source.value(), options); !s.ok()) return s.error();

  const auto partial = besides(copy, ".partial");
  if (auto s = copyToNewFile(source.value(), partial); !s.ok()) {
    fs::remove(partial, ec);
    return s.error();
  }
  auto facts = readDatabaseFacts(partial);
  if (!facts.ok()) return facts.error();
  fs::rename(partial, copy, ec);
  if (ec) return ioError(fmt::format("cannot rename {} to {}", partial.string(), copy.string()), ec);
  if (!syncPath(folderOf(copy), true))
    return StoreError{StoreErrorCode::Io, fmt::format("cannot sync the folder of {}", copy.string())};
  facts.value().bytes = static_cast<std::int64_t>(fs::file_size(copy, ec));
  return facts;
}

StoreResult<DatabaseFacts> readDatabaseFacts(const fs::path& database) {
  if (auto s = checkLooksLikeSqlite(database); !s.ok()) return s.error();
  auto db = Database::open(database, Database::Mode::OpenExisting);
  if (!db.ok()) return db.error();
  if (auto s = db.value().exec("PRAGMA busy_timeout = 5000"); !s.ok()) return s.error();
  StoreOptions options;
  options.checkIntegrityOnOpen = false;
  if (auto s = checkSchema(db.value(), options); !s.ok()) return s.error();
  return factsOf(db.value());
}

StoreResult<DatabaseFacts> restoreDatabase(const fs::path& backup, const fs::path& database, const fs::path& keptAs,
                                           const std::function<StoreStatus(const fs::path& staged)>& accept) {
  auto lock = HallLock::acquire(database);
  if (!lock.ok()) return lock.error();
  std::error_code ec;
  if (fs::exists(keptAs, ec)) {
    return StoreError{StoreErrorCode::Misuse, fmt::format("{} exists already; choose another name for the old database",
                                                          keptAs.string())};
  }
  if (auto s = checkLooksLikeSqlite(backup); !s.ok()) return s.error();
  const auto staged = besides(database, ".restoring");
  {
    auto source = Database::open(backup, Database::Mode::OpenExisting);
    if (!source.ok()) return source.error();
    if (auto s = checkWhole(source.value()); !s.ok()) return s.error();
    if (auto s = copyToNewFile(source.value(), staged); !s.ok()) {
      fs::remove(staged, ec);
      return s.error();
    }
  }
  StoreResult<DatabaseFacts> facts = StoreError{StoreErrorCode::Other, "not read"};
  {
    auto copy = Database::open(staged, Database::Mode::OpenExisting);
    if (!copy.ok()) return copy.error();
    if (auto s = checkWhole(copy.value()); !s.ok()) {
      fs::remove(staged, ec);
      return s.error();
    }
    facts = factsOf(copy.value());
  }
  if (!facts.ok()) {
    fs::remove(staged, ec);
    return facts.error();
  }
  if (auto s = accept(staged); !s.ok()) {
    fs::remove(staged, ec);
    return s.error();
  }
  // The restored file belongs to whoever owned the old one (the jiujin user; a restore runs as
  // root), or to the folder's owner for a first restore: the dispatcher must be able to write it.
  struct stat owner {};
  if (::stat(database.c_str(), &owner) == 0 || ::stat(folderOf(database).c_str(), &owner) == 0) {
    if (::chown(staged.c_str(), owner.st_uid, owner.st_gid) != 0 && ::geteuid() == 0) {
      fs::remove(staged, ec);
      return StoreError{StoreErrorCode::Io, fmt::format("cannot give {} to the database's owner", staged.string())};
    }
    ::chmod(staged.c_str(), S_ISDIR(owner.st_mode) ? 0640 : (owner.st_mode & 0666));
  }
  // The old database goes aside whole: the file and its WAL (its newest commits); the -shm
  // index is rebuilt from them by whoever opens it.
  if (fs::exists(database, ec)) {
    fs::rename(database, keptAs, ec);
    if (ec) return ioError(fmt::format("cannot move {} to {}", database.string(), keptAs.string()), ec);
    if (fs::exists(besides(database, "-wal"), ec)) {
      fs::rename(besides(database, "-wal"), besides(keptAs, "-wal"), ec);
      if (ec) return ioError(fmt::format("cannot move {}-wal", database.string()), ec);
    }
    fs::remove(besides(database, "-shm"), ec);
  }
  fs::rename(staged, database, ec);
  if (ec) return ioError(fmt::format("cannot rename {} to {}", staged.string(), database.string()), ec);
  if (!syncPath(folderOf(database), true))
    return StoreError{StoreErrorCode::Io, fmt::format("cannot sync the folder of {}", database.string())};
  return facts;
}

}  // namespace jiujin::store
