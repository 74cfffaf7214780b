#pragma once
// The replies to recent requests, by (client, request id), kept in the same transaction as
// the events and audit rows they answer. A client that retries because a reply was lost —
// also across a dispatcher crash or restart — gets the original reply, and the request is not
// executed twice. The newest kKeptReplies are kept; older ones are pruned as days open.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "jiujin/core/time.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::store {

struct StoredReply {
  std::string key;   ///< client name, newline, request id
  std::string text;  ///< the reply frame exactly as sent
};

class ReplyTable {
 public:
  /// How many replies outlive a restart. A client retries within seconds; this is hours of a
  /// busy hall's commands.
  static constexpr std::size_t kKeptReplies = 20000;

  explicit ReplyTable(Database& db) : db_(&db) {}

  /// Inserts replies inside the open transaction; a key already stored keeps its first reply.
  StoreStatus record(const std::vector<StoredReply>& replies, core::TimePoint at);
  /// The newest `limit` replies, oldest first.
  StoreResult<std::vector<StoredReply>> recent(std::size_t limit) const;
  /// Deletes all but the newest kKeptReplies, inside the open transaction.
  StoreStatus prune();

 private:
  Database* db_;
  Statement insert_;
};

}  // namespace jiujin::store
