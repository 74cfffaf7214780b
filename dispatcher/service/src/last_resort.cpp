// The last resort: nothing a client sends may stop the hall. Every field is read through
// checked readers, so an exception here means a bug; the request that met it is answered
// `internal` under its own id, the failure is logged with that id, and the dispatcher goes
// on serving everyone else.
//
// Undoing a request that failed half-way: Hall::execute applies its events to the state as
// it returns them, and the handler then copies them into the batch and checks alarms. An
// exception anywhere in between can leave the hall ahead of the batch's events (and so ahead
// of what will be journaled). The hall is therefore rebuilt from the journal and the batch's
// earlier events are applied again — the same apply() replay uses, so the state is exactly
// what it would be had the failed request never arrived. Earlier requests of the batch keep
// their results; the failed one leaves no event, no news and no alarm behind, only an audit
// row saying `internal`. Two things are not undone: the in-memory device table and alarm
// conditions may keep what it reported (news, learnt again from the next report), and an
// alarm row it acknowledged or closed before failing stays written in the batch's
// transaction (the store has no savepoint per request; the acknowledgement is true).
#include <fmt/format.h>

#include "jiujin/service/wire.hpp"
#include "jiujin/base/log.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

namespace {

std::vector<zmq::message_t> copyOf(const std::vector<zmq::message_t>& frames) {
  std::vector<zmq::message_t> copy;
  copy.reserve(frames.size());
  for (const auto& f : frames) copy.emplace_back(f.data(), f.size());
  return copy;
}

/// Drops what was added to `items` after it held `size` entries.
template <typename T> void cutBack(std::vector<T>& items, std::size_t size) {
  if (items.size() > size) items.erase(items.begin() + static_cast<std::ptrdiff_t>(size), items.end());
}

/// The request's type, for the log and the audit row, if the frame says it.
std::string typeOf(std::string_view frame) {
  const auto parsed = nlohmann::json::parse(frame.begin(), frame.end(), nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return "(unreadable)";
  const auto type = parsed.find("type");
  if (type == parsed.end() || !type->is_string() || type->get_ref<const std::string&>().size() > 64) return "(unknown)";
  return type->get<std::string>();
}

}  // namespace

void RequestHandler::handle(std::vector<zmq::message_t> envelope, std::string_view frame, std::string_view userId) {
  const BatchMark mark{events_.size(), pending_.size(), auditRecords_.size(), news_.size(), raised_.size()};
  // Routing frames are a few bytes: keeping a copy costs less than losing the way back.
  std::vector<zmq::message_t> replyTo = copyOf(envelope);
  try {
    handleRequest(std::move(envelope), frame, userId);
  } catch (const std::exception& e) {
    failRequest(mark, std::move(replyTo), frame, userId, e.what());
  } catch (...) {
    failRequest(mark, std::move(replyTo), frame, userId, "an exception of unknown type");
  }
}

void RequestHandler::failRequest(const BatchMark& mark, std::vector<zmq::message_t> envelope, std::string_view frame,
                                 std::string_view userId, std::string_view what) {
  const std::string id = requestIdOf(frame);
  const std::string type = typeOf(frame);
  log::error("dispatcher.service", "request \"{}\" ({}) failed inside the dispatcher: {}; answered internal, its changes undone",
             id, type, what);

  dropUnfinishedLogins();
  cutBack(pending_, mark.pending);
  std::erase_if(batchByKey_, [&](const auto& entry) { return entry.second >= mark.pending; });
  cutBack(auditRecords_, mark.audit);
  cutBack(news_, mark.news);
  cutBack(raised_, mark.raised);
  cutBack(events_, mark.events);
  if (auto rolledBack = durable_->rollBack(events_); !rolledBack) {
    // The journal cannot be read back: nothing of this batch can be trusted or committed.
    log::error("dispatcher.service", "cannot rebuild the hall from the journal: {}", rolledBack.error().en);
    events_.clear();
    news_.clear();
    raised_.clear();
    for (Pending& p : pending_) {
      if (!p.ready) p.error = errors::internal();
    }
  }

  AuditRecord audit{now_, settings_.curve ? std::string(userId) : "loopback", "", "", type, nlohmann::json::object(),
                    false, "internal"};
  auditRecords_.push_back(std::move(audit));
  Pending failed;
  failed.envelope = std::move(envelope);
  failed.id = id;
  failed.type = type;
  failed.error = errors::internal();
  pending_.push_back(std::move(failed));
}

void RequestHandler::dropUnfinishedLogins() {
  // A request set aside (a login, a statistics read) is complete once its request is filed
  // with it (with the way back to the client); one the failed request began is dropped, and
  // its job's completion finds nothing to finish.
  for (auto it = setAside_.begin(); it != setAside_.end();) {
    if (it->second.pending.envelope.empty()) {
      setAsideByKey_.erase(it->second.pending.cacheKey);
      it = setAside_.erase(it);
    } else {
      ++it;
    }
  }
}

BatchOutput RequestHandler::abandonBatch(std::string_view what) {
  std::string ids;
  for (const Pending& p : pending_) ids += fmt::format(" \"{}\"", p.id);
  log::error("dispatcher.service", "the turn failed inside the dispatcher: {}; {} request(s) answered internal:{}", what,
             pending_.size(), ids);

  BatchOutput out;
  for (Pending& p : pending_) {
    // commitBatch may have sent this one on its way already.
    if (p.envelope.empty()) continue;
    OutgoingReply reply;
    reply.envelope = std::move(p.envelope);
    // A retry's cached answer is still the answer.
    reply.text = p.ready ? std::move(*p.ready) : encodeError(p.id, errors::internal());
    out.replies.push_back(std::move(reply));
  }
  dropUnfinishedLogins();
  // Whatever the journal holds is what happened: a commit that went through stays, the
  // rest (the batch's open transaction too) is gone. Subscribers see the seq move on in the
  // next heartbeat and take a snapshot.
  durable_->store().abandonBatch();
  if (auto rolledBack = durable_->rollBack({}); !rolledBack)
    log::error("dispatcher.service", "cannot rebuild the hall from the journal: {}", rolledBack.error().en);
  resetBatch();
  return out;
}

}  // namespace jiujin::service::detail
