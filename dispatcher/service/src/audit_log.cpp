#include "jiujin/service/audit_log.hpp"

#include <array>

#include <fmt/format.h>
#include <sodium.h>
#include <sqlite3.h>

namespace jiujin::service {

using nlohmann::json;

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS audit_log (
  row    INTEGER PRIMARY KEY,
  at_ms  INTEGER NOT NULL,
  client TEXT NOT NULL,
  role   TEXT NOT NULL,
  clerk  TEXT NOT NULL,
  type   TEXT NOT NULL,
  body   TEXT NOT NULL,
  ok     INTEGER NOT NULL,
  result TEXT NOT NULL,
  hash   TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

ServiceError sqliteError(sqlite3* db, std::string_view doing) {
  return errors::storageFailed(fmt::format("audit log: {}: {}", doing, db ? sqlite3_errmsg(db) : "out of memory"));
}

/// A prepared statement that finalizes itself.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  explicit operator bool() const { return stmt_ != nullptr; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string columnText(sqlite3_stmt* stmt, int column) {
  const auto* text = sqlite3_column_text(stmt, column);
  return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
}

void bindText(sqlite3_stmt* stmt, int index, const std::string& text) {
  sqlite3_bind_text(stmt, index, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

Outcome<std::vector<AuditRow>> readRows(sqlite3* db, std::int64_t afterRow, std::size_t limit) {
  Statement select(db,
                   "SELECT row, at_ms, client, role, clerk, type, body, ok, result, hash FROM audit_log "
                   "WHERE row > ? ORDER BY row LIMIT ?");
  if (!select) return sqliteError(db, "read");
  sqlite3_bind_int64(select.get(), 1, afterRow);
  sqlite3_bind_int64(select.get(), 2, static_cast<sqlite3_int64>(std::min<std::size_t>(limit, INT64_MAX)));
  std::vector<AuditRow> rows;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(select.get())) == SQLITE_ROW) {
    AuditRow row;
    row.row = sqlite3_column_int64(select.get(), 0);
    row.record.at = core::TimePoint(core::Milliseconds(sqlite3_column_int64(select.get(), 1)));
    row.record.client = columnText(select.get(), 2);
    row.record.role = columnText(select.get(), 3);
    row.record.clerk = columnText(select.get(), 4);
    row.record.type = columnText(select.get(), 5);
    // A body that no longer parses was tampered with; keep its text so the hash says so.
    const std::string body = columnText(select.get(), 6);
    row.record.body = json::parse(body, nullptr, false);
    if (row.record.body.is_discarded()) row.record.body = body;
    row.record.ok = sqlite3_column_int(select.get(), 7) != 0;
    row.record.result = columnText(select.get(), 8);
    row.hash = columnText(select.get(), 9);
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return sqliteError(db, "read");
  return rows;
}

}  // namespace

std::string auditRowText(std::int64_t row, const AuditRecord& record) {
  const json text{{"row", row},
                  {"at", record.at.time_since_epoch().count()},
                  {"client", record.client},
                  {"role", record.role},
                  {"clerk", record.clerk},
                  {"type", record.type},
                  {"body", record.body},
                  {"ok", record.ok},
                  {"result", record.result}};
  return text.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string auditRowHash(const std::string& previousHash, std::int64_t row, const AuditRecord& record) {
  const std::string text = previousHash + auditRowText(row, record);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

json toJson(const AuditRow& row) {
  return json{{"row", row.row},
              {"at", row.record.at.time_since_epoch().count()},
              {"client", row.record.client},
              {"role", row.record.role},
              {"clerk", row.record.clerk},
              {"type", row.record.type},
              {"body", row.record.body},
              {"ok", row.record.ok},
              {"result", row.record.result},
              {"hash", row.hash}};
}

Outcome<AuditRow> auditRowFromJson(const json& j) {
  if (!j.is_object()) return errors::invalidArgument("audit row: expected an object");
  AuditRow row;
  try {
    row.row = j.at("row").get<std::int64_t>();
    row.record.at = core::TimePoint(core::Milliseconds(j.at("at").get<std::int64_t>()));
    row.record.client = j.at("client").get<std::string>();
    row.record.role = j.at("role").get<std::string>();
    row.record.clerk = j.at("clerk").get<std::string>();
    row.record.type = j.at("type").get<std::string>();
    row.record.body = j.at("body");
    row.record.ok = j.at("ok").get<bool>();
    row.record.result = j.at("result").get<std::string>();
    row.hash = j.at("hash").get<std::string>();
  } catch (const json::exception& e) {
    return errors::invalidArgument(fmt::format("audit row: {}", e.what()));
  }
  return row;
}

AuditVerification verifyAuditRows(const std::vector<AuditRow>& rows, const std::string& previousHash) {
  AuditVerification result;
  std::string previous = previousHash;
  std::optional<std::int64_t> expectedRow;
  for (const AuditRow& row : rows) {
    if (expectedRow && row.row != *expectedRow) {
      result.firstBadRow = row.row;
      result.problem = fmt::format("row {} follows row {}: rows are missing", row.row, *expectedRow - 1);
      return result;
    }
    if (auditRowHash(previous, row.row, row.record) != row.hash) {
      result.firstBadRow = row.row;
      result.problem = fmt::format("row {} does not match its hash: it was changed, or a row before it was", row.row);
      return result;
    }
    previous = row.hash;
    expectedRow = row.row + 1;
    ++result.rowsChecked;
  }
  return result;
}

Outcome<std::unique_ptr<AuditLog>> AuditLog::open(const std::filesystem::path& path) {
  if (sodium_init() < 0) return errors::storageFailed("libsodium could not start");
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    auto error = sqliteError(db, fmt::format("open {}", path.string()));
    sqlite3_close(db);
    return error;
  }
  sqlite3_busy_timeout(db, 5000);
  // The store's durable commit that precedes each audit commit syncs the shared WAL;
  // this connection need not sync again (docs/protocol.md, "Audit").
  char* message = nullptr;
  if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, &message) !=
          SQLITE_OK ||
      sqlite3_exec(db, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
    auto error = errors::storageFailed(fmt::format("audit log: {}", message ? message : "schema"));
    sqlite3_free(message);
    sqlite3_close(db);
    return error;
  }
  std::unique_ptr<AuditLog> log(new AuditLog(db));
  Statement last(db, "SELECT row, hash FROM audit_log ORDER BY row DESC LIMIT 1");
  if (!last) return sqliteError(db, "read last row");
  if (sqlite3_step(last.get()) == SQLITE_ROW) {
    log->lastRow_ = sqlite3_column_int64(last.get(), 0);
    log->lastHash_ = columnText(last.get(), 1);
  }
  return log;
}

AuditLog::AuditLog(sqlite3* db) : db_(db) {}

AuditLog::~AuditLog() { sqlite3_close(db_); }

Outcome<std::int64_t> AuditLog::append(const std::vector<AuditRecord>& records) {
  if (records.empty()) return lastRow_ + 1;
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return sqliteError(db_, "begin");
  Statement insert(db_,
                   "INSERT INTO audit_log (row, at_ms, client, role, clerk, type, body, ok, result, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::int64_t row = lastRow_;
  std::string hash = lastHash_;
  bool failed = !insert;
  for (const AuditRecord& record : records) {
    if (failed) break;
    ++row;
    hash = auditRowHash(hash, row, record);
    sqlite3_stmt* s = insert.get();
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, row);
    sqlite3_bind_int64(s, 2, record.at.time_since_epoch().count());
    bindText(s, 3, record.client);
    bindText(s, 4, record.role);
    bindText(s, 5, record.clerk);
    bindText(s, 6, record.type);
    bindText(s, 7, record.body.dump(-1, ' ', false, json::error_handler_t::replace));
    sqlite3_bind_int(s, 8, record.ok ? 1 : 0);
    bindText(s, 9, record.result);
    bindText(s, 10, hash);
    failed = sqlite3_step(s) != SQLITE_DONE;
  }
  if (failed || sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    auto error = sqliteError(db_, "append");
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return error;
  }
  const std::int64_t first = lastRow_ + 1;
  lastRow_ = row;
  lastHash_ = hash;
  return first;
}

Outcome<std::vector<AuditRow>> AuditLog::read(std::int64_t afterRow, std::size_t limit) const {
  return readRows(db_, afterRow, limit);
}

Outcome<AuditVerification> AuditLog::verify() const {
  AuditVerification total;
  std::string previous = kAuditGenesisHash;
  std::int64_t after = 0;
  for (;;) {
    auto rows = readRows(db_, after, 10000);
    if (!rows) return rows.error();
    if (rows.value().empty()) return total;
    if (rows.value().front().row != after + 1) {
      total.firstBadRow = rows.value().front().row;
      total.problem = fmt::format("row {} follows row {}: rows are missing", rows.value().front().row, after);
      return total;
    }
    AuditVerification part = verifyAuditRows(rows.value(), previous);
    total.rowsChecked += part.rowsChecked;
    if (!part.intact()) {
      total.firstBadRow = part.firstBadRow;
      total.problem = part.problem;
      return total;
    }
    previous = rows.value().back().hash;
    after = rows.value().back().row;
  }
}

}  // namespace jiujin::service
