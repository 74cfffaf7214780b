#pragma once
// 电子监察: the record of every command — who, from which client, when, what, and what came
// of it. Append-only and tamper-evident: each row's hash is SHA-256 of the previous row's
// hash followed by the row itself, so changing, inserting or removing a row breaks the chain
// from there on. Kept in the hall's SQLite file, table `audit_log`. Rows cut off at the end, or
// a chain recomputed from scratch, show only against signed checkpoints (audit_checkpoint.hpp).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/time.hpp"
#include "jiujin/service/wire.hpp"

struct sqlite3;

namespace jiujin::service {

struct AuditRecord {
  core::TimePoint at;
  std::string client;  ///< configured client name, or "loopback:<name>"
  std::string role;
  std::string clerk;   ///< the clerk logged in at the window acted on, if any
  std::string type;    ///< request type, e.g. "call_next"
  nlohmann::json body;  ///< the request body, PINs removed
  bool ok = false;
  std::string result;  ///< "ok" or the error code
};

struct AuditRow {
  std::int64_t row = 0;
  AuditRecord record;
  std::string hash;  ///< hex SHA-256 of the previous hash and this row
};

struct AuditVerification {
  std::int64_t rowsChecked = 0;
  std::optional<std::int64_t> firstBadRow;  ///< where the chain breaks, if it does
  std::string problem;
  bool intact() const { return !firstBadRow.has_value(); }
};

/// The hash of the (absent) row before the first one.
inline const std::string kAuditGenesisHash(64, '0');

/// The text that is hashed for a row: canonical JSON, keys sorted.
std::string auditRowText(std::int64_t row, const AuditRecord& record);
std::string auditRowHash(const std::string& previousHash, std::int64_t row, const AuditRecord& record);
nlohmann::json toJson(const AuditRow& row);
Outcome<AuditRow> auditRowFromJson(const nlohmann::json& json);

/// Checks a run of consecutive rows, the first of which follows `previousHash`.
AuditVerification verifyAuditRows(const std::vector<AuditRow>& rows,
                                  const std::string& previousHash = kAuditGenesisHash);

class AuditLog {
 public:
  /// Opens (and creates if needed) the audit table in the SQLite file at `path`.
  static Outcome<std::unique_ptr<AuditLog>> open(const std::filesystem::path& path);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  /// Appends all records in one transaction; returns the row number of the first.
  Outcome<std::int64_t> append(const std::vector<AuditRecord>& records);
  /// Rows after `afterRow`, oldest first, at most `limit`.
  Outcome<std::vector<AuditRow>> read(std::int64_t afterRow, std::size_t limit) const;
  /// Walks the whole chain.
  Outcome<AuditVerification> verify() const;
  /// The chain head: the last row written (0 when none) and its hash (signed by checkpoints).
  std::int64_t lastRow() const { return lastRow_; }
  const std::string& lastHash() const { return lastHash_; }

 private:
  explicit AuditLog(sqlite3* db);
  sqlite3* db_;
  std::int64_t lastRow_ = 0;
  std::string lastHash_ = kAuditGenesisHash;
};

}  // namespace jiujin::service
