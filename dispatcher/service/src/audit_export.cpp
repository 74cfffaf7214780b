// audit_export: rows of the audit record after a row number, with the hash the first of them
// follows, so that a partial export can be verified on its own; with `verify`, the whole
// chain is checked too.
#include "jiujin/service/audit_log.hpp"
#include "queries.hpp"
#include "request_bodies.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

Outcome<json> serveAuditExport(const json& body, QueryContext& c) {
  const auto read = readAuditExport(body);
  if (!read) return read.error();
  auto& trail = c.store.audit();
  const std::int64_t after = read.value().after;
  auto rows = trail.read(after, read.value().limit);
  if (!rows) return errors::storageFailed(rows.error().message);
  json list = json::array();
  for (const auto& row : rows.value()) list.push_back(toJson(row));
  json result{{"rows", list}};
  auto before = trail.hashOf(after);
  if (!before) return errors::storageFailed(before.error().message);
  result["previous_hash"] = before.value() ? json(*before.value()) : json(nullptr);
  if (read.value().verify) {
    auto verification = trail.verify();
    if (!verification) return errors::storageFailed(verification.error().message);
    result["verification"] = json{{"intact", verification.value().intact()},
                                   {"rows_checked", verification.value().rowsChecked},
                                   {"problem", verification.value().problem}};
    if (verification.value().firstBadRow) result["verification"]["first_bad_row"] = *verification.value().firstBadRow;
  }
  return result;
}

}  // namespace jiujin::service::detail
