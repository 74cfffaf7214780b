// Requests answered off the command thread. A request whose work would stall the hall is set
// aside (SetAside) with a job on one of the OffThreadWork lanes; when the job is done, its
// completion runs on the command thread in a later batch and finishes the request here: the
// audit row, the reply, and the replies to retries that arrived meanwhile.
//
// Statistics: the period's figures are read from the history on the history lane (a read-only
// connection kept open); the live figures of the hall are computed when the reply is
// assembled, on the command thread, so they match the events published before the reply.
#include <fmt/format.h>

#include "jiujin/service/statistics.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

namespace {
/// Statistics requests queued or running at once; more are refused (`busy`) rather than
/// queued without end behind a slow year.
constexpr std::size_t kMaxHistoryRequests = 8;
}  // namespace

void RequestHandler::finishOffThreadWork() {
  for (auto& completion : offThread_.takeCompletions()) completion();
}

void RequestHandler::finishSetAside(std::uint64_t id, Outcome<json> outcome) {
  const auto found = setAside_.find(id);
  if (found == setAside_.end()) return;
  SetAside item = std::move(found->second);
  setAside_.erase(found);
  setAsideByKey_.erase(item.pending.cacheKey);
  if (item.auditWhenOk || !outcome.ok()) {
    item.audit.at = now_;
    item.audit.ok = outcome.ok();
    item.audit.result = outcome.ok() ? "ok" : outcome.error().code;
    auditRecords_.push_back(std::move(item.audit));
  }
  Pending& first = item.pending;
  if (outcome) first.result = std::move(outcome).value();
  else first.error = outcome.error();
  for (auto& envelope : item.retries) {
    Pending retry;
    retry.envelope = std::move(envelope);
    retry.id = first.id;
    retry.error = first.error;
    retry.result = first.result;
    retry.firstEvent = first.firstEvent;
    retry.eventCount = first.eventCount;
    pending_.push_back(std::move(retry));
  }
  pending_.push_back(std::move(first));
}

Outcome<json> RequestHandler::serveStatistics(Pending& pending, const json& body) {
  auto period = figurePeriodFromJson(body, core::dateOf(now_));
  if (!period) return period.error();
  if (offThread_.queued(kHistoryLane) >= kMaxHistoryRequests) {
    return ServiceError{"busy", "统计查询较多，请稍后再试",
                        fmt::format("{} statistics requests are being read already: try again shortly",
                                    kMaxHistoryRequests)};
  }
  const std::uint64_t id = nextSetAside_++;
  setAside_[id].auditWhenOk = false;
  pending.setAside = id;
  offThread_.submit(
      kHistoryLane,
      [this, id, period = period.value(), definition = durable_->hall().definition(),
       now = now_]() -> OffThreadWork::Completion {
        auto figures = history_.figures(period, definition, now);
        return [this, id, figures = std::move(figures)]() mutable { finishStatistics(id, std::move(figures)); };
      },
      [this, id] { finishStatistics(id, errors::storageFailed("reading the history failed")); });
  return json::object();
}

void RequestHandler::finishStatistics(std::uint64_t id, Outcome<json> figures) {
  if (!figures) {
    finishSetAside(id, figures.error());
    return;
  }
  json result = statistics(durable_->hall(), now_);
  result["figures"] = std::move(figures).value();
  finishSetAside(id, std::move(result));
}

}  // namespace jiujin::service::detail
