#include "jiujin/service/off_thread_work.hpp"
#include "jiujin/base/log.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <exception>
#include <iostream>

namespace jiujin::service {

struct OffThreadWork::Lane {
  std::string name;
  std::condition_variable wake;
  std::deque<std::pair<Job, Completion>> jobs;
  bool busy = false;
  std::thread thread;
};

OffThreadWork::OffThreadWork(std::vector<std::string> lanes) : eventFd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  for (auto& name : lanes) {
    lanes_.push_back(std::make_unique<Lane>());
    lanes_.back()->name = std::move(name);
  }
  // Threads start once every lane exists: work() never sees a vector that still grows.
  for (auto& lane : lanes_) lane->thread = std::thread([this, l = lane.get()] { work(*l); });
}

OffThreadWork::~OffThreadWork() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  for (auto& lane : lanes_) lane->wake.notify_all();
  for (auto& lane : lanes_) lane->thread.join();
  if (eventFd_ >= 0) ::close(eventFd_);
}

void OffThreadWork::submit(std::size_t lane, Job job, Completion ifThrown) {
  Lane& l = *lanes_.at(lane);
  {
    std::lock_guard lock(mutex_);
    l.jobs.emplace_back(std::move(job), std::move(ifThrown));
  }
  l.wake.notify_one();
}

std::vector<OffThreadWork::Completion> OffThreadWork::takeCompletions() {
  std::uint64_t count = 0;
  [[maybe_unused]] const auto n = ::read(eventFd_, &count, sizeof count);  // clears readability
  std::lock_guard lock(mutex_);
  std::vector<Completion> ready;
  ready.swap(done_);
  return ready;
}

std::size_t OffThreadWork::queued(std::size_t lane) const {
  std::lock_guard lock(mutex_);
  const Lane& l = *lanes_.at(lane);
  return l.jobs.size() + (l.busy ? 1 : 0);
}

void OffThreadWork::work(Lane& lane) {
  for (;;) {
    std::pair<Job, Completion> next;
    {
      std::unique_lock lock(mutex_);
      lane.wake.wait(lock, [&] { return stopping_ || !lane.jobs.empty(); });
      if (stopping_) return;
      next = std::move(lane.jobs.front());
      lane.jobs.pop_front();
      lane.busy = true;
    }
    Completion completion;
    try {
      completion = next.first();
    } catch (const std::exception& e) {
      log::error("dispatcher.service", "a {} job failed: {}", lane.name, e.what());
      completion = std::move(next.second);
    } catch (...) {
      log::error("dispatcher.service", "a {} job failed", lane.name);
      completion = std::move(next.second);
    }
    {
      std::lock_guard lock(mutex_);
      lane.busy = false;
      if (completion) done_.push_back(std::move(completion));
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(eventFd_, &one, sizeof one);
  }
}

}  // namespace jiujin::service
