#pragma once
// 电子监察 on the service's side: the audit record's rows as JSON (exports, `audit_export`),
// and a reader of a hall database's audit record for jiujinctl on the hall's computer. The
// rows themselves, their hash chain and their table are the store's (store/audit_trail.hpp);
// the dispatcher writes them in each batch's transaction. Rows cut off at the end, or a chain
// recomputed from scratch, show only against signed checkpoints (audit_checkpoint.hpp).
#include <cstdint>
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "jiujin/service/wire.hpp"
#include "jiujin/store/audit_trail.hpp"

namespace jiujin::service {

using store::AuditRecord;
using store::AuditRow;
using store::AuditVerification;
using store::auditRowHash;
using store::auditRowText;
using store::kAuditGenesisHash;
using store::verifyAuditRows;

nlohmann::json toJson(const AuditRow& row);
Outcome<AuditRow> auditRowFromJson(const nlohmann::json& json);

/// The audit record of a hall database file, read while the dispatcher may be running.
class AuditLog {
 public:
  /// Opens an existing hall database; refuses a file that is not one.
  static Outcome<std::unique_ptr<AuditLog>> open(const std::filesystem::path& path);

  /// Rows after `afterRow`, oldest first, at most `limit`.
  Outcome<std::vector<AuditRow>> read(std::int64_t afterRow, std::size_t limit) const;
  /// Walks the whole chain.
  Outcome<AuditVerification> verify() const;
  /// The chain head: the last row written (0 when none) and its hash (signed by checkpoints).
  std::int64_t lastRow() const { return trail_.lastRow(); }
  const std::string& lastHash() const { return trail_.lastHash(); }

 private:
  explicit AuditLog(store::Database db) : db_(std::move(db)), trail_(db_) {}
  store::Database db_;
  store::AuditTrail trail_;
};

}  // namespace jiujin::service
