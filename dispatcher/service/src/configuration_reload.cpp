// The hall file read again (reload_config, SIGHUP) and the hall file edited while the
// dispatcher was stopped. A new definition goes through the core like any command, all or
// nothing; clerks, hours and devices take effect at once; clients need a restart.
#include <algorithm>

#include <fmt/format.h>

#include "jiujin/base/log.hpp"
#include "jiujin/core/names.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

Outcome<json> RequestHandler::reloadConfiguration(Pending& pending) {
  if (!settings_.reload)
    return ServiceError{"reload_unavailable", "本调度服务未配置大厅文件，无法重新加载",
                        "this dispatcher was started without a hall file to reload"};
  auto loaded = settings_.reload();
  if (!loaded) return loaded.error();  // the running hall keeps its configuration
  ReloadedHall& next = loaded.value();
  json result{{"definition_changed", false}, {"events", json::array()}};
  if (next.definition != durable_->hall().definition()) {
    // All or nothing: the core checks the new definition against the waiting tickets and
    // open windows; a refusal leaves everything as it was.
    auto executed = executeCommand(pending, core::cmd::UpdateDefinition{next.definition});
    if (!executed) return executed.error();
    result = std::move(executed).value();
    result["definition_changed"] = true;
  }
  clerks_.clear();
  for (auto& c : next.clerks) clerks_.emplace(c.id, std::move(c));
  ticketing_ = std::move(next.ticketing);
  bookings_->setRules(std::move(next.booking));
  configuredDevices_ = std::move(next.devices);
  result["clerks"] = clerks_.size();
  std::vector<ClientEntry> running;
  for (const auto& [name, c] : clients_) running.push_back(c);
  std::sort(next.clients.begin(), next.clients.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  result["restart_needed"] = running == next.clients ? json::array() : json::array({"clients"});
  return result;
}

void RequestHandler::reloadFor(const std::string& who) {
  Pending pending;
  AuditRecord audit{now_, who, "admin", "", "reload_config", json::object(), false, ""};
  auto outcome = reloadConfiguration(pending);
  audit.ok = outcome.ok();
  audit.result = outcome.ok() ? "ok" : outcome.error().code;
  auditRecords_.push_back(std::move(audit));
  if (!outcome) {
    log::warning("dispatcher.config", "reload refused, the hall keeps its configuration: {}", outcome.error().en);
  } else {
    log::notice("dispatcher.config", "reloaded ({}, {} clerks)",
                outcome.value()["definition_changed"].get<bool>() ? "definition changed" : "definition unchanged",
                clerks_.size());
  }
}

void RequestHandler::adoptConfiguredDefinition() {
  if (settings_.definition == durable_->hall().definition()) return;
  auto result = durable_->hall().execute(core::cmd::UpdateDefinition{settings_.definition}, now_);
  AuditRecord audit{now_, "dispatcher", "system", "", "update_definition", json{{"reason", "hall file changed"}},
                    result.ok(), result.ok() ? "ok" : core::toString(result.error().code)};
  auditRecords_.push_back(std::move(audit));
  if (!result) {
    // Starting with the journal's definition keeps every ticket; the manager is told why.
    log::warning("dispatcher.config", "the hall file changed but cannot be applied now, running with the journal's definition: {}", result.error().en);
    Alarm a{.kind = "config_not_applied", .at = now_,
            .zh = fmt::format("大厅配置已修改但暂不能生效：{}", result.error().zh),
            .en = fmt::format("the edited hall file cannot be applied yet: {}", result.error().en)};
    raise(a);
    return;
  }
  log::notice("dispatcher.config", "the hall file changed since the last run; its definition is now in force");
  for (auto& e : result.value()) events_.push_back(std::move(e));
}

}  // namespace jiujin::service::detail
