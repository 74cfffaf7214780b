#include "jiujin/store/database.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace jiujin::store {

namespace {
StoreErrorCode codeFor(int rc) {
  switch (rc & 0xff) {
    case SQLITE_FULL: return StoreErrorCode::DiskFull;
    case SQLITE_NOTADB: return StoreErrorCode::NotADatabase;
    case SQLITE_CORRUPT: return StoreErrorCode::Corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreErrorCode::Busy;
    case SQLITE_READONLY: return StoreErrorCode::ReadOnly;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: return StoreErrorCode::Io;
    case SQLITE_MISUSE:
    case SQLITE_RANGE: return StoreErrorCode::Misuse;
    default: return StoreErrorCode::Other;
  }
}
}  // namespace

const char* toString(StoreErrorCode code) {
  switch (code) {
    case StoreErrorCode::NotADatabase: return "not_a_database";
    case StoreErrorCode::Corrupt: return "corrupt";
    case StoreErrorCode::NewerSchema: return "newer_schema";
    case StoreErrorCode::InUse: return "in_use";
    case StoreErrorCode::ReadOnly: return "read_only";
    case StoreErrorCode::DiskFull: return "disk_full";
    case StoreErrorCode::Busy: return "busy";
    case StoreErrorCode::Io: return "io";
    case StoreErrorCode::BadData: return "bad_data";
    case StoreErrorCode::Misuse: return "misuse";
    case StoreErrorCode::Other: return "other";
  }
  return "other";
}

// --- Statement ----------------------------------------------------------------------

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)), database_(other.database_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    statement_ = std::exchange(other.statement_, nullptr);
    database_ = other.database_;
  }
  return *this;
}

// Binding can only fail for an index beyond the statement's parameters or out of
// memory; both surface as the statement's error at step(), so the codes are not kept.
Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}
Statement& Statement::bindNull(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

StoreResult<bool> Statement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  StoreError error = database_->errorFor(rc, "running a statement");
  sqlite3_reset(statement_);
  return error;
}

StoreStatus Statement::run() {
  for (;;) {
    auto more = step();
    if (!more.ok()) return more.error();
    if (!more.value()) break;
  }
  reset();
  return Done{};
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(statement_, column);
  const int n = sqlite3_column_bytes(statement_, column);
  return p == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

bool Statement::isNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

// --- Database -----------------------------------------------------------------------

StoreResult<Database> Database::open(const std::filesystem::path& path, Mode mode) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::CreateIfMissing) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    StoreError error{codeFor(rc), fmt::format("cannot open {}: {}", path.string(),
                                              db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc))};
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return Database{db, path};
}

Database::~Database() { sqlite3_close(db_); }

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

StoreStatus Database::exec(std::string_view sql) {
  const std::string text{sql};
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return errorFor(rc, "executing SQL");
  return Done{};
}

StoreResult<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &statement, nullptr);
  if (rc != SQLITE_OK) return errorFor(rc, fmt::format("preparing \"{}\"", sql));
  return Statement{statement, this};
}

StoreResult<std::int64_t> Database::queryInteger(std::string_view sql) {
  auto statement = prepare(sql);
  if (!statement.ok()) return statement.error();
  auto row = statement.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return StoreError{StoreErrorCode::Misuse, fmt::format("\"{}\" returned no row", sql)};
  return statement.value().integer(0);
}

bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

bool Database::isReadOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

StoreStatus Database::copyInto(Database& target) {
  sqlite3_backup* backup = sqlite3_backup_init(target.db_, "main", db_, "main");
  if (backup == nullptr) return target.errorFor(sqlite3_errcode(target.db_), "starting a backup");
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE) return errorFor(stepped, fmt::format("copying into {}", target.path().string()));
  if (finished != SQLITE_OK) return target.errorFor(finished, "finishing a backup");
  return Done{};
}

StoreError Database::errorFor(int rc, std::string_view doing) const {
  return StoreError{codeFor(rc), fmt::format("{} on {}: {} ({})", doing, path_.filename().string(),
                                             sqlite3_errmsg(db_), sqlite3_errstr(rc))};
}

// --- Transaction --------------------------------------------------------------------

StoreResult<Transaction> Transaction::begin(Database& db) {
  // IMMEDIATE takes the write lock now, so a conflict shows here and not at COMMIT.
  if (auto s = db.exec("BEGIN IMMEDIATE"); !s.ok()) return s.error();
  return Transaction{&db};
}

Transaction::~Transaction() {
  if (db_ != nullptr && db_->inTransaction()) (void)db_->exec("ROLLBACK");
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

StoreStatus Transaction::commit() {
  auto s = db_->exec("COMMIT");
  // After a failed COMMIT (e.g. SQLITE_FULL) SQLite may keep the transaction open:
  // the destructor rolls it back so nothing of it remains.
  if (s.ok()) db_ = nullptr;
  return s;
}

}  // namespace jiujin::store
