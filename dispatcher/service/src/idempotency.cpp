// Exactly once for commands: a client that retries because a reply was lost gets the reply it
// missed and nothing runs twice. Replies are kept by (client, request id) in memory and, with
// the batch that made them, in the store, so that this holds across a restart too. A retry of
// a request still set aside (a login whose PIN is being checked) is answered with it.
// Quiet reads are not kept: a retry simply reads again.
#include "jiujin/base/log.hpp"
#include "queries.hpp"
#include "request_handler.hpp"

namespace jiujin::service::detail {

void RequestHandler::recallRecentReplies() {
  if (auto recent = durable_->store().replies().recent(store::ReplyTable::kKeptReplies); recent.ok()) {
    for (auto& r : recent.value()) replyCache_.remember(r.key, std::move(r.text));
  } else {
    log::error("dispatcher.store", "recent replies cannot be read, retries from before the restart may run again: {}",
               recent.error().message);
  }
}

bool RequestHandler::answeredBefore(Pending& pending, const ClientIdentity& who,
                                    std::optional<ServiceRequest> query) {
  const bool isCommand = !query || !isQuietRead(*query);
  if (!isCommand || pending.id.empty()) return false;
  pending.cacheKey = replyKey(who.name, pending.id);
  if (const auto checking = setAsideByKey_.find(pending.cacheKey); checking != setAsideByKey_.end()) {
    pending.retryOf = checking->second;  // answered with the first when its work is done
    return true;
  }
  if (const auto first = batchByKey_.find(pending.cacheKey); first != batchByKey_.end()) {
    pending.sameAs = first->second;  // a copy in the same turn: not executed again, answered with the first
    return true;
  }
  if (const std::string* cached = replyCache_.find(pending.cacheKey)) {
    pending.ready = *cached;  // a retry: the same answer, nothing executed again
    return true;
  }
  return false;
}

}  // namespace jiujin::service::detail
