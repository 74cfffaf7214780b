#include "jiujin/store/group_committer.hpp"

namespace jiujin::store {

GroupCommitter::GroupCommitter(HallStore& store, core::Hall& hall, std::size_t maxBatch)
    : store_(store), hall_(hall), maxBatch_(maxBatch == 0 ? 1 : maxBatch), thread_([this] { run(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::future<GroupCommitter::Outcome> GroupCommitter::submit(core::Command command, core::TimePoint now) {
  Pending pending{std::move(command), now, {}};
  auto answer = pending.answer.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(pending));
  }
  wake_.notify_one();
  return answer;
}

std::uint64_t GroupCommitter::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void GroupCommitter::run() {
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything has been answered
      // Whatever arrived while the previous commit was syncing forms the next group.
      while (!queue_.empty() && batch.size() < maxBatch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commitBatch(batch);
    batch.clear();
  }
}

void GroupCommitter::commitBatch(std::vector<Pending>& batch) {
  if (hallStale_) {
    // A failed batch is still in memory: bring the hall back to what is stored first.
    auto rebuilt = store_.recover(hall_.definition());
    if (!rebuilt.ok()) {
      for (Pending& p : batch) p.answer.set_value(rebuilt.error());
      return;
    }
    hall_ = std::move(rebuilt.value().hall);
    hallStale_ = false;
  }
  std::vector<core::Result<std::vector<core::Event>>> decisions;
  decisions.reserve(batch.size());
  std::vector<core::Event> events;
  for (Pending& p : batch) {
    decisions.push_back(hall_.execute(p.command, p.now));
    if (decisions.back().ok()) {
      const auto& produced = decisions.back().value();
      events.insert(events.end(), produced.begin(), produced.end());
    }
  }

  auto appended = store_.append(events, hall_);
  if (!appended.ok()) {
    // Nothing of the batch is stored: the hall is rebuilt from the store before the
    // next batch executes, so no later command builds on a change that was never stored.
    hallStale_ = true;
    for (Pending& p : batch) p.answer.set_value(appended.error());
    return;
  }
  if (!events.empty()) {
    std::lock_guard lock(mutex_);
    ++commits_;
  }
  for (std::size_t i = 0; i < batch.size(); ++i) batch[i].answer.set_value(std::move(decisions[i]));
}

}  // namespace jiujin::store
