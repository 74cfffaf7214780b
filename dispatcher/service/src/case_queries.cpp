// The case register's queries: one case by number, and the register (台账) filtered and
// paged. Personal data: only clerks and managers — who handle cases — see a case's ID number
// and phone whole, and only in `case`; a list and every other role get them masked.
#include <fmt/format.h>

#include "jiujin/core/case_privacy.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "queries.hpp"
#include "request_bodies.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {

bool handlesCases(Role role) { return role == Role::Console || role == Role::Manager || role == Role::Admin; }

json caseJson(core::Case c, bool whole) {
  if (!whole) {
    c.applicant = core::masked(c.applicant);
    c.collectedBy = core::maskName(c.collectedBy);
  }
  return protocol::toJson(c);
}

ServiceError storeFailed(const store::StoreError& e) { return errors::storageFailed(e.message); }

}  // namespace

Outcome<json> serveCase(const json& body, QueryContext& c) {
  const auto number = readCaseNumber(body);
  if (!number) return number.error();
  std::optional<core::Case> found;
  if (const core::Case* live = c.hall.findCase(number.value())) {
    found = *live;  // the hall's own, this batch's changes included
  } else {
    auto stored = c.store.findCase(number.value());
    if (!stored.ok()) return storeFailed(stored.error());
    found = std::move(stored).value();
  }
  if (!found) return errors::notFound(fmt::format("case {}", number.value()));
  return json{{"case", caseJson(std::move(*found), handlesCases(c.who.role))}};
}

Outcome<json> serveCases(const json& body, QueryContext& c) {
  const auto read = readCases(body);
  if (!read) return read.error();
  const CasesBody& b = read.value();
  store::CaseFilter filter{b.state, b.item, b.clerk, b.window, b.dueBefore, b.after, b.limit};
  auto page = c.store.listCases(filter);
  if (!page.ok()) return storeFailed(page.error());
  json cases = json::array();
  for (auto& k : page.value().cases) cases.push_back(caseJson(std::move(k), false));
  json result{{"cases", std::move(cases)}, {"total", page.value().total}};
  const auto& list = page.value().cases;
  result["next_after"] = static_cast<int>(list.size()) == b.limit && !list.empty() ? json(list.back().id) : json();
  return result;
}

}  // namespace jiujin::service::detail
