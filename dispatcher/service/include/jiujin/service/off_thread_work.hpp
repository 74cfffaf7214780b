#pragma once
// Work the dispatcher's command thread must not wait for: a clerk's PIN check (argon2id,
// ~0.1–0.2 s and 64 MiB each) or a manager's statistics over months of history (a scan of
// the journal). Either would stall every kiosk, console and heartbeat of the hall.
//
// The command thread submits a job to a lane; the lane's own thread runs it, and the job
// hands back a completion — the part that touches the hall, run later on the command thread
// when it calls takeCompletions() (fileDescriptor() becomes readable then: poll it beside the
// sockets). Each lane is one thread working in order, so a year of statistics never delays a
// login on another lane. Lanes run at the command thread's CPU priority on purpose: a lane
// at a lower one (nice +10 was tried) may be preempted while it holds a lock the command
// thread shares with it (the allocator's, the kernel's for the process's memory map), and
// the command thread then waits for it; a benchmark run on a busy box with nice +10 showed
// call_next stalls of seconds (docs/performance.md).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace jiujin::service {

class OffThreadWork {
 public:
  /// Runs on the command thread.
  using Completion = std::function<void()>;
  /// Runs on a lane's thread; what it returns runs on the command thread.
  using Job = std::function<Completion()>;

  /// One thread per lane name (the name is for the log).
  explicit OffThreadWork(std::vector<std::string> lanes);
  /// Stops every lane after its current job; jobs still queued and completions not yet
  /// taken are dropped.
  ~OffThreadWork();
  OffThreadWork(const OffThreadWork&) = delete;
  OffThreadWork& operator=(const OffThreadWork&) = delete;

  /// Queues `job` on `lane`. Should the job throw, `ifThrown` is completed instead, so the
  /// request waiting for it is still answered.
  void submit(std::size_t lane, Job job, Completion ifThrown);
  /// The completions ready now (never waits), in the order their jobs finished.
  std::vector<Completion> takeCompletions();
  /// Readable while completions are waiting (an eventfd).
  int fileDescriptor() const { return eventFd_; }
  /// Jobs queued or running on `lane`.
  std::size_t queued(std::size_t lane) const;

 private:
  struct Lane;
  void work(Lane& lane);

  int eventFd_ = -1;
  mutable std::mutex mutex_;
  std::vector<Completion> done_;
  bool stopping_ = false;
  std::vector<std::unique_ptr<Lane>> lanes_;
};

}  // namespace jiujin::service
