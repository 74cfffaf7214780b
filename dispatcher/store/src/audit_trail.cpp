#include "jiujin/store/audit_trail.hpp"

#include <array>

#include <fmt/format.h>
#include <sodium.h>

namespace jiujin::store {

using nlohmann::json;

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

StoreStatus AuditTrail::reload() {
  auto last = db_->prepare("SELECT row, hash FROM audit_log ORDER BY row DESC LIMIT 1");
  if (!last.ok()) return last.error();
  auto row = last.value().step();
  if (!row.ok()) return row.error();
  lastRow_ = row.value() ? last.value().integer(0) : 0;
  lastHash_ = row.value() ? last.value().text(1) : kAuditGenesisHash;
  pendingRow_ = lastRow_;
  pendingHash_ = lastHash_;
  if (insert_.empty()) {
    auto insert = db_->prepare(
        "INSERT INTO audit_log (row, at_ms, client, role, clerk, type, body, ok, result, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!insert.ok()) return insert.error();
    insert_ = std::move(insert).value();
  }
  return Done{};
}

StoreResult<std::int64_t> AuditTrail::append(const std::vector<AuditRecord>& records) {
  if (records.empty()) return lastRow_ + 1;
  if (insert_.empty()) return StoreError{StoreErrorCode::Misuse, "the audit trail was not loaded"};
  Statement& s = insert_;
  std::int64_t row = lastRow_;
  std::string hash = lastHash_;
  for (const AuditRecord& record : records) {
    ++row;
    hash = auditRowHash(hash, row, record);
    s.bind(1, row).bind(2, static_cast<std::int64_t>(record.at.time_since_epoch().count()));
    s.bind(3, record.client).bind(4, record.role).bind(5, record.clerk).bind(6, record.type);
    s.bind(7, record.body.dump(-1, ' ', false, json::error_handler_t::replace));
    s.bind(8, std::int64_t{record.ok ? 1 : 0}).bind(9, record.result).bind(10, hash);
    if (auto r = s.run(); !r.ok()) return r.error();
  }
  pendingRow_ = row;
  pendingHash_ = hash;
  return lastRow_ + 1;
}

void AuditTrail::commitAppended() {
  lastRow_ = pendingRow_;
  lastHash_ = pendingHash_;
}

namespace {

StoreResult<std::vector<AuditRow>> readRows(Database& db, std::int64_t afterRow, std::size_t limit) {
  auto select = db.prepare(
      "SELECT row, at_ms, client, role, clerk, type, body, ok, result, hash FROM audit_log "
      "WHERE row > ?1 ORDER BY row LIMIT ?2");
  if (!select.ok()) return select.error();
  Statement& s = select.value();
  s.bind(1, afterRow).bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
  std::vector<AuditRow> rows;
  for (;;) {
    auto more = s.step();
    if (!more.ok()) return more.error();
    if (!more.value()) break;
    AuditRow row;
    row.row = s.integer(0);
    row.record.at = core::TimePoint(core::Milliseconds(s.integer(1)));
    row.record.client = s.text(2);
    row.record.role = s.text(3);
    row.record.clerk = s.text(4);
    row.record.type = s.text(5);
    // A body that no longer parses was tampered with; keep its text so the hash says so.
    const std::string body = s.text(6);
    row.record.body = json::parse(body, nullptr, false);
    if (row.record.body.is_discarded()) row.record.body = body;
    row.record.ok = s.integer(7) != 0;
    row.record.result = s.text(8);
    row.hash = s.text(9);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

StoreResult<std::vector<AuditRow>> AuditTrail::read(std::int64_t afterRow, std::size_t limit) const {
  return readRows(*db_, afterRow, limit);
}

StoreResult<std::optional<std::string>> AuditTrail::hashOf(std::int64_t row) const {
  if (row == 0) return std::optional<std::string>(kAuditGenesisHash);
  auto select = db_->prepare("SELECT hash FROM audit_log WHERE row = ?1");
  if (!select.ok()) return select.error();
  select.value().bind(1, row);
  auto found = select.value().step();
  if (!found.ok()) return found.error();
  if (!found.value()) return std::optional<std::string>();
  return std::optional<std::string>(select.value().text(0));
}

StoreResult<AuditVerification> AuditTrail::verify() const {
  AuditVerification total;
  std::string previous = kAuditGenesisHash;
  std::int64_t after = 0;
  for (;;) {
    auto rows = readRows(*db_, after, 10000);
    if (!rows.ok()) return rows.error();
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

}  // namespace jiujin::store
