#include "open_checks.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "schema.hpp"

namespace jiujin::store {

namespace {

constexpr std::array<char, 16> kSqliteMagic{'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                            'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

std::filesystem::path folderOf(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

StoreResult<std::vector<std::string>> column(Database& db, const char* sql, const std::string& argument = {}) {
  auto statement = db.prepare(sql);
  if (!statement.ok()) return statement.error();
  if (!argument.empty()) statement.value().bind(1, argument);
  std::vector<std::string> values;
  for (;;) {
    auto row = statement.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    values.push_back(statement.value().text(0));
  }
  return values;
}

/// What the file lacks of the layout schema `version` has ("journal", "ticket.request_key"),
/// built by running the migrations up to `version` on an empty in-memory database.
StoreResult<std::vector<std::string>> missingFromLayout(Database& db, std::int64_t version) {
  auto expected = Database::open(":memory:", Database::Mode::CreateIfMissing);
  if (!expected.ok()) return expected.error();
  if (auto s = migrate(expected.value(), static_cast<int>(version)); !s.ok()) return s.error();
  const char* tablesSql = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  const char* columnsSql = "SELECT name FROM pragma_table_info(?1)";
  auto tables = column(expected.value(), tablesSql);
  if (!tables.ok()) return tables.error();
  auto present = column(db, tablesSql);
  if (!present.ok()) return present.error();
  const std::set<std::string> presentTables(present.value().begin(), present.value().end());
  std::vector<std::string> missing;
  for (const auto& table : tables.value()) {
    if (!presentTables.contains(table)) {
      missing.push_back(table);
      continue;
    }
    auto wanted = column(expected.value(), columnsSql, table);
    if (!wanted.ok()) return wanted.error();
    auto have = column(db, columnsSql, table);
    if (!have.ok()) return have.error();
    const std::set<std::string> haveColumns(have.value().begin(), have.value().end());
    for (const auto& name : wanted.value()) {
      if (!haveColumns.contains(name)) missing.push_back(table + "." + name);
    }
  }
  // Tables the layout does not name are tolerated: the service keeps its own beside them.
  return missing;
}

}  // namespace

std::optional<StoreError> readOnlyError(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && ::access(path.c_str(), W_OK) != 0) {
    return StoreError{StoreErrorCode::ReadOnly,
                      fmt::format("{} is read-only: the hall cannot save anything; check its owner and permissions",
                                  path.string())};
  }
  const auto folder = folderOf(path);
  if (::access(folder.c_str(), W_OK) != 0) {
    return StoreError{
        StoreErrorCode::ReadOnly,
        fmt::format("the folder {} is read-only: the hall keeps {} and its -wal, -shm and .lock files there "
                    "and cannot save anything; check the folder's owner and permissions",
                    folder.string(), path.filename().string())};
  }
  return std::nullopt;
}

StoreStatus checkLooksLikeSqlite(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return StoreError{StoreErrorCode::Io, fmt::format("cannot read {}: {}", path.string(), ec.message())};
  if (size == 0) {
    // SQLite would take an empty file for an empty database, and the hall would start from
    // nothing; but an existing file is never a new hall (it may be a failed copy of one).
    return StoreError{StoreErrorCode::NotADatabase,
                      fmt::format("{} is an empty file (0 bytes), not a hall database; it was left untouched. "
                                  "If the hall's data should be in it, restore it from a backup; to start a "
                                  "new hall, delete it (a new hall is created only where no file exists)",
                                  path.string())};
  }
  std::array<char, 16> head{};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return StoreError{StoreErrorCode::Io, fmt::format("cannot read {}: {}; check its owner and permissions",
                                                      path.string(), std::strerror(errno))};
  }
  in.read(head.data(), head.size());
  if (in.gcount() != static_cast<std::streamsize>(head.size()) || head != kSqliteMagic) {
    return StoreError{StoreErrorCode::NotADatabase,
                      fmt::format("{} is not an SQLite database; it was left untouched", path.string())};
  }
  return Done{};
}

StoreStatus checkWritable(Database& db) {
  const auto& path = db.path();
  if (db.isReadOnly()) {
    return readOnlyError(path).value_or(StoreError{
        StoreErrorCode::ReadOnly,
        fmt::format("{} is read-only: the hall cannot save anything; check its owner and permissions", path.string())});
  }
  // SQLite opens a file it may not write without a word and fails only at the first write,
  // and in WAL mode the -wal and -shm files beside it must be writable too. Taking the write
  // lock finds all of these now, and writes nothing.
  auto begin = db.exec("BEGIN IMMEDIATE");
  if (begin.ok()) {
    (void)db.exec("ROLLBACK");
    return Done{};
  }
  if (auto readOnly = readOnlyError(path)) return *readOnly;
  if (begin.error().code == StoreErrorCode::ReadOnly) {
    const auto name = path.filename().string();
    return StoreError{StoreErrorCode::ReadOnly,
                      fmt::format("{}-wal or {}-shm beside {} cannot be written ({}): the hall cannot save anything; "
                                  "check their owner and permissions",
                                  name, name, path.string(), begin.error().message)};
  }
  auto e = begin.error();
  e.message = fmt::format("{} cannot be opened for writing, left untouched: {}", path.string(), e.message);
  return e;
}

StoreStatus checkSchema(Database& db, const StoreOptions& options) {
  const auto& path = db.path();
  auto version = db.queryInteger("PRAGMA user_version");
  if (!version.ok()) {
    auto e = version.error();
    e.message = fmt::format("{} cannot be read as a hall database, left untouched: {}", path.string(), e.message);
    return e;
  }
  if (version.value() < 0) {
    return StoreError{StoreErrorCode::NotADatabase,
                      fmt::format("{} has schema version {}, which no Jiujin ever wrote: it is not a hall database "
                                  "or it is damaged; it was left untouched",
                                  path.string(), version.value())};
  }
  if (version.value() > knownSchemaVersion()) {
    return StoreError{StoreErrorCode::NewerSchema,
                      fmt::format("{} was written by a newer Jiujin (schema {}), this build knows up to {}",
                                  path.filename().string(), version.value(), knownSchemaVersion())};
  }
  if (version.value() == 0) {
    auto tables = db.queryInteger("SELECT count(*) FROM sqlite_schema");
    if (!tables.ok()) return tables.error();
    if (tables.value() > 0) {
      return StoreError{StoreErrorCode::NotADatabase,
                        fmt::format("{} is an SQLite database of another program; it was left untouched",
                                    path.string())};
    }
    // Jiujin never leaves such a file (a new hall appears whole, see new_hall_file.hpp).
    return StoreError{StoreErrorCode::NotADatabase,
                      fmt::format("{} is an empty SQLite database, not a hall database; it was left untouched. "
                                  "To start a new hall, delete it (a new hall is created only where no file exists)",
                                  path.string())};
  }
  if (options.checkIntegrityOnOpen) {
    auto check = db.prepare("PRAGMA quick_check");
    if (!check.ok()) return check.error();
    auto row = check.value().step();
    if (!row.ok()) return row.error();
    if (!row.value() || check.value().text(0) != "ok") {
      return StoreError{StoreErrorCode::Corrupt,
                        fmt::format("{} is damaged ({}); it was left untouched", path.string(),
                                    row.value() ? check.value().text(0) : std::string("no result"))};
    }
  }
  auto missing = missingFromLayout(db, version.value());
  if (!missing.ok()) return missing.error();
  if (!missing.value().empty()) {
    return StoreError{StoreErrorCode::NotADatabase,
                      fmt::format("{} has schema version {} but lacks {} of that version's layout: it is another "
                                  "program's database or a damaged hall database; it was left untouched",
                                  path.string(), version.value(), fmt::join(missing.value(), ", "))};
  }
  return Done{};
}

}  // namespace jiujin::store
