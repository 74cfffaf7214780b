#pragma once
// 电子监察: the record of every request that changed or tried to change the hall — who, from
// which client, when, what, and what came of it. Kept in the hall's database (table
// `audit_log`) and written in the same transaction as the journal events the requests caused,
// so a change is never durable without its audit row, nor an audit row without its change.
//
// Append-only and tamper-evident: each row's hash is SHA-256 of the previous row's hash
// followed by the row's canonical text (auditRowText), so changing, inserting or removing a
// row breaks the chain from there on. Triggers refuse UPDATE and DELETE.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/time.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::store {

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

/// Checks a run of consecutive rows, the first of which follows `previousHash`.
AuditVerification verifyAuditRows(const std::vector<AuditRow>& rows,
                                  const std::string& previousHash = kAuditGenesisHash);

/// The audit table of one open database. Appends go into the caller's transaction (the
/// store's batch); the chain head moves only when that transaction commits (commitAppended)
/// and goes back to the stored head when it does not (reload).
class AuditTrail {
 public:
  explicit AuditTrail(Database& db) : db_(&db) {}

  /// Reads the chain head (last row and hash) from the table.
  StoreStatus reload();
  /// Inserts the records after the head, inside the open transaction; returns the first row.
  StoreResult<std::int64_t> append(const std::vector<AuditRecord>& records);
  /// The transaction holding the last append() committed: its rows are the new head.
  void commitAppended();

  /// Rows after `afterRow`, oldest first, at most `limit`.
  StoreResult<std::vector<AuditRow>> read(std::int64_t afterRow, std::size_t limit) const;
  /// The stored hash of `row` (the genesis hash for row 0), if the row exists.
  StoreResult<std::optional<std::string>> hashOf(std::int64_t row) const;
  /// Walks the whole chain.
  StoreResult<AuditVerification> verify() const;

  std::int64_t lastRow() const { return lastRow_; }
  const std::string& lastHash() const { return lastHash_; }

 private:
  Database* db_;
  Statement insert_;  ///< prepared once by reload(): appends are on every batch's path
  std::int64_t lastRow_ = 0;
  std::string lastHash_ = kAuditGenesisHash;
  std::int64_t pendingRow_ = 0;
  std::string pendingHash_;
};

}  // namespace jiujin::store
