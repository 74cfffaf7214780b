// The end of a turn: the batch's events, audit rows, raised alarms and command replies are made
// durable in one transaction (group commit), and only then published and answered. A failed
// commit puts the hall back to the journal's state and tells every request of the batch so.
#include "jiujin/base/log.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

using nlohmann::json;

std::uint64_t RequestHandler::seqAfterBatch() const { return durable_->lastSeq() + events_.size(); }

std::string RequestHandler::replyText(Pending& p, std::uint64_t firstSeq) const {
  if (p.ready) return *p.ready;
  if (p.error) return encodeError(p.id, *p.error);
  if (p.eventCount > 0) {
    p.result["seq"] = firstSeq + p.firstEvent + p.eventCount - 1;
    json& events = p.result["events"];
    for (std::size_t i = 0; i < events.size(); ++i) events[i]["seq"] = firstSeq + p.firstEvent + i;
  }
  return encodeResult(p.id, p.result);
}

BatchOutput RequestHandler::commitBatch() {
  BatchOutput out;
  // The seq numbers this batch's events will get: the replies that carry them are written
  // in the same transaction as the events, the audit rows and the raised alarms, so that
  // a change, its audit row and its reply are durable together or not at all.
  const std::uint64_t firstSeq = durable_->lastSeq() + 1;
  bool alarmsRecorded = true;
  if (!raised_.empty()) {
    if (auto recorded = alarmBook_->record(raised_); !recorded) {
      alarmsRecorded = false;
      log::error("dispatcher.alarms", "{}", recorded.error().en);
    }
  }
  std::vector<std::string> texts;
  store::BatchRecords records;
  records.at = now_;
  records.audit = auditRecords_;
  for (Pending& p : pending_) {
    if (p.sameAs && *p.sameAs < texts.size()) {
      texts.push_back(texts[*p.sameAs]);  // byte for byte the first copy's answer
      continue;
    }
    texts.push_back(replyText(p, firstSeq));
    if (!p.ready && !p.cacheKey.empty()) records.replies.push_back(store::StoredReply{p.cacheKey, texts.back()});
  }
  auto committed = alarmsRecorded ? durable_->commit(events_, records)
                                  : Outcome<std::uint64_t>(errors::storageFailed("the batch's alarms were not saved"));
  if (!committed) {
    // Nothing of this batch happened: the hall is back to the journal's state, and every
    // request in the batch is told so (a query's answer may have seen the lost changes).
    durable_->store().abandonBatch();
    log::error("dispatcher.store", "commit failed: {}", committed.error().en);
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      if (!pending_[i].ready) texts[i] = encodeError(pending_[i].id, committed.error());
    }
    // The attempts are still recorded, as failed, in a transaction of their own.
    for (AuditRecord& r : auditRecords_) {
      if (r.ok) r.result = committed.error().code;
      r.ok = false;
    }
    store::BatchRecords failed;
    failed.at = now_;
    failed.audit = auditRecords_;
    if (auto recorded = durable_->commit({}, failed); !recorded)
      log::error("dispatcher.audit", "the failed batch's audit rows were not saved either: {}", recorded.error().en);
    // A rating that was not saved raises no alarm; the others still tell the manager.
    std::erase_if(raised_, [](const Alarm& a) { return a.kind == "bad_rating"; });
    for (Alarm& a : raised_) a.id = 0;
  } else {
    // Signs the chain head when a checkpoint is due (docs/protocol.md, "Audit checkpoints").
    const auto& trail = durable_->store().audit();
    auto checkpoint = auditCheckpointer_.afterAppend(trail.lastRow(), trail.lastHash(), now_);
    for (const auto& problem : checkpoint.problems) log::error("dispatcher.audit", "{}", problem);
    if (checkpoint.taken) news_.emplace_back("audit.checkpoint", json{{"checkpoint", toJson(*checkpoint.taken)}});
    // The disk alarm's id, so that it can be cleared when space returns (disk_alarm.cpp).
    for (const Alarm& a : raised_)
      if (a.kind == "disk_space_low" && a.id != 0) diskAlarm_ = a.id;
    for (std::size_t i = 0; i < events_.size(); ++i) {
      out.publications.emplace_back(protocol::eventType(events_[i]),
                                    json{{"v", kProtocolVersion},
                                         {"seq", firstSeq + i},
                                         {"epoch", epoch_},
                                         // every subscriber gets it: personal data masked
                                         {"event", protocol::toJson(core::withoutPersonalData(events_[i]))}});
    }
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      replyCache_.remember(pending_[i].cacheKey, texts[i]);
      if (!settings_.crashBeforeReplyTo.empty() && pending_[i].type == settings_.crashBeforeReplyTo)
        out.crashBeforeReply = true;
    }
  }
  for (const Alarm& a : raised_) news_.emplace_back("alarm." + a.kind, json{{"alarm", toJson(a)}});
  const std::uint64_t lastSeq = durable_->lastSeq();
  for (auto& [topic, body] : news_) {
    body["v"] = kProtocolVersion;
    body["seq"] = lastSeq;
    body["epoch"] = epoch_;
    out.publications.emplace_back(topic, std::move(body));
  }
  for (std::size_t i = 0; i < pending_.size(); ++i)
    out.replies.push_back(OutgoingReply{std::move(pending_[i].envelope), std::move(texts[i])});
  resetBatch();
  return out;
}

void RequestHandler::resetBatch() {
  events_.clear();
  pending_.clear();
  batchByKey_.clear();
  auditRecords_.clear();
  news_.clear();
  raised_.clear();
}

std::optional<std::pair<std::string, json>> RequestHandler::signAuditHead() {
  const auto& trail = durable_->store().audit();
  auto checkpoint = auditCheckpointer_.signHead(trail.lastRow(), trail.lastHash(), settings_.clock());
  for (const auto& problem : checkpoint.problems) log::error("dispatcher.audit", "{}", problem);
  if (!checkpoint.taken) return std::nullopt;
  return std::pair{std::string("audit.checkpoint"), json{{"v", kProtocolVersion}, {"seq", durable_->lastSeq()},
                                                         {"epoch", epoch_}, {"checkpoint", toJson(*checkpoint.taken)}}};
}

}  // namespace jiujin::service::detail
