#include "jiujin/store/reply_table.hpp"

#include <fmt/format.h>

namespace jiujin::store {

StoreStatus ReplyTable::record(const std::vector<StoredReply>& replies, core::TimePoint at) {
  if (replies.empty()) return Done{};
  if (insert_.empty()) {
    auto insert = db_->prepare("INSERT OR IGNORE INTO reply (key, at_ms, text) VALUES (?1, ?2, ?3)");
    if (!insert.ok()) return insert.error();
    insert_ = std::move(insert).value();
  }
  for (const StoredReply& r : replies) {
    insert_.bind(1, r.key).bind(2, static_cast<std::int64_t>(at.time_since_epoch().count())).bind(3, r.text);
    if (auto s = insert_.run(); !s.ok()) return s.error();
  }
  return Done{};
}

StoreResult<std::vector<StoredReply>> ReplyTable::recent(std::size_t limit) const {
  auto select = db_->prepare(
      "SELECT key, text FROM (SELECT rowid AS n, key, text FROM reply ORDER BY rowid DESC LIMIT ?1) ORDER BY n");
  if (!select.ok()) return select.error();
  select.value().bind(1, static_cast<std::int64_t>(limit));
  std::vector<StoredReply> replies;
  for (;;) {
    auto row = select.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    replies.push_back(StoredReply{select.value().text(0), select.value().text(1)});
  }
  return replies;
}

StoreStatus ReplyTable::prune() {
  return db_->exec(fmt::format(
      "DELETE FROM reply WHERE rowid <= (SELECT coalesce(max(rowid), 0) FROM reply) - {}", kKeptReplies));
}

}  // namespace jiujin::store
