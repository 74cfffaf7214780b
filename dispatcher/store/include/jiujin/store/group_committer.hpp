#pragma once
// Group commit for callers on many threads. submit() queues a command; one committer
// thread takes everything queued, executes it on the hall in arrival order, appends all
// the events in ONE transaction, and only then answers each caller. Under load many
// commands share one fsync; alone, a command costs one commit, as before.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "jiujin/core/hall.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::store {

class GroupCommitter {
 public:
  /// The store's error if the batch could not be made durable (the hall is then rebuilt
  /// from the store, so it is as if none of the batch happened), else the core's answer.
  using Outcome = StoreResult<core::Result<std::vector<core::Event>>>;

  /// `store` and `hall` must outlive the committer and be used by nobody else meanwhile.
  GroupCommitter(HallStore& store, core::Hall& hall, std::size_t maxBatch = 512);
  /// Answers everything still queued, then stops.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  std::future<Outcome> submit(core::Command command, core::TimePoint now);

  /// Transactions committed so far (commands per commit = submitted / this).
  std::uint64_t commits() const;

 private:
  struct Pending {
    core::Command command;
    core::TimePoint now;
    std::promise<Outcome> answer;
  };
  void run();
  void commitBatch(std::vector<Pending>& batch);

  HallStore& store_;
  core::Hall& hall_;
  const std::size_t maxBatch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::uint64_t commits_ = 0;
  bool hallStale_ = false;  // committer thread only
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace jiujin::store
