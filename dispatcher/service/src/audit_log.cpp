#include "jiujin/service/audit_log.hpp"

#include <fmt/format.h>

namespace jiujin::service {

using nlohmann::json;

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

namespace {
ServiceError fromStore(const store::StoreError& e) { return errors::storageFailed(e.message); }
}  // namespace

Outcome<std::unique_ptr<AuditLog>> AuditLog::open(const std::filesystem::path& path) {
  auto db = store::Database::open(path, store::Database::Mode::OpenExisting);
  if (!db.ok()) return fromStore(db.error());
  auto tables = db.value().queryInteger("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'");
  if (!tables.ok()) return fromStore(tables.error());
  if (tables.value() == 0) return errors::notFound(fmt::format("an audit record in {}", path.string()));
  std::unique_ptr<AuditLog> log(new AuditLog(std::move(db).value()));
  if (auto head = log->trail_.reload(); !head.ok()) return fromStore(head.error());
  return log;
}

Outcome<std::vector<AuditRow>> AuditLog::read(std::int64_t afterRow, std::size_t limit) const {
  auto rows = trail_.read(afterRow, limit);
  if (!rows.ok()) return fromStore(rows.error());
  return std::move(rows).value();
}

Outcome<AuditVerification> AuditLog::verify() const {
  auto v = trail_.verify();
  if (!v.ok()) return fromStore(v.error());
  return v.value();
}

}  // namespace jiujin::service
