#pragma once
// Replies to recent commands by (client, request id): a client that retries because a
// reply was lost gets the same answer, and the command is not executed twice.
#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>

namespace jiujin::service::detail {

/// The key a command's reply is kept under: the client's name and its request id.
inline std::string replyKey(const std::string& client, const std::string& requestId) {
  return client + '\n' + requestId;
}

/// The most recent `capacity` replies; the first reply kept under a key stays its answer.
class ReplyCache {
 public:
  explicit ReplyCache(std::size_t capacity) : capacity_(capacity) {}

  const std::string* find(const std::string& key) const {
    const auto it = replies_.find(key);
    return it == replies_.end() ? nullptr : &it->second;
  }

  void remember(const std::string& key, std::string reply) {
    if (key.empty() || replies_.contains(key)) return;
    replies_.emplace(key, std::move(reply));
    order_.push_back(key);
    while (order_.size() > capacity_) {
      replies_.erase(order_.front());
      order_.pop_front();
    }
  }

 private:
  std::size_t capacity_;
  std::unordered_map<std::string, std::string> replies_;
  std::deque<std::string> order_;
};

}  // namespace jiujin::service::detail
