// Work off the command thread: jobs run on their lane's thread, their completions come back to
// the caller's thread through the readiness of one file descriptor.
#include "jiujin/service/off_thread_work.hpp"

#include <poll.h>

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace jiujin::service {
namespace {

using namespace std::chrono_literals;

/// Waits (bounded) until the work's descriptor is readable, then runs what is ready.
/// Returns how many completions ran.
int runReady(OffThreadWork& work, std::chrono::milliseconds within = 10s) {
  pollfd p{work.fileDescriptor(), POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(within.count())) <= 0) return 0;
  int ran = 0;
  for (auto& completion : work.takeCompletions()) {
    completion();
    ++ran;
  }
  return ran;
}

TEST(OffThreadWork, AJobRunsOnItsLaneAndItsCompletionOnTheCallersThread) {
  OffThreadWork work({"one"});
  const auto caller = std::this_thread::get_id();
  std::thread::id ranOn;
  std::thread::id completedOn;
  work.submit(
      0,
      [&]() -> OffThreadWork::Completion {
        ranOn = std::this_thread::get_id();
        return [&] { completedOn = std::this_thread::get_id(); };
      },
      {});
  ASSERT_EQ(runReady(work), 1);
  EXPECT_NE(ranOn, caller);
  EXPECT_EQ(completedOn, caller);
  // Nothing more is ready: the descriptor is quiet again.
  pollfd p{work.fileDescriptor(), POLLIN, 0};
  EXPECT_EQ(::poll(&p, 1, 0), 0);
}

TEST(OffThreadWork, ASlowJobOnOneLaneDoesNotHoldUpAnother) {
  OffThreadWork work({"history", "pin check"});
  std::promise<void> release;
  auto released = release.get_future().share();
  bool slowDone = false;
  bool quickDone = false;
  work.submit(
      0,
      [released, &slowDone]() -> OffThreadWork::Completion {
        released.wait();
        return [&slowDone] { slowDone = true; };
      },
      {});
  work.submit(1, [&quickDone]() -> OffThreadWork::Completion { return [&quickDone] { quickDone = true; }; }, {});
  ASSERT_EQ(runReady(work), 1);
  EXPECT_TRUE(quickDone);
  EXPECT_FALSE(slowDone);
  EXPECT_EQ(work.queued(0), 1u);
  release.set_value();
  ASSERT_EQ(runReady(work), 1);
  EXPECT_TRUE(slowDone);
  EXPECT_EQ(work.queued(0), 0u);
}

TEST(OffThreadWork, AJobThatThrowsIsCompletedByItsFallback) {
  OffThreadWork work({"one"});
  std::string outcome;
  work.submit(
      0, []() -> OffThreadWork::Completion { throw std::runtime_error("disk gone"); },
      [&outcome] { outcome = "answered anyway"; });
  ASSERT_EQ(runReady(work), 1);
  EXPECT_EQ(outcome, "answered anyway");
}

TEST(OffThreadWork, JobsOnOneLaneCompleteInTheOrderTheyWereSubmitted) {
  OffThreadWork work({"one"});
  std::vector<int> order;
  for (int i = 0; i < 20; ++i)
    work.submit(0, [i, &order]() -> OffThreadWork::Completion { return [i, &order] { order.push_back(i); }; }, {});
  const auto bound = std::chrono::steady_clock::now() + 10s;
  while (order.size() < 20 && std::chrono::steady_clock::now() < bound) runReady(work, 1s);
  ASSERT_EQ(order.size(), 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i);
}

}  // namespace
}  // namespace jiujin::service
