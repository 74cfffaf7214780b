// HallLink's start and stop, over and over, with requests queued and in flight: stop() must
// always return (no lost wake-up of the command thread) and every request must be answered
// exactly once.
#include <QCoreApplication>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "jiujin/clientqt/hall_link.hpp"

namespace jiujin::clientqt {
namespace {

using namespace std::chrono_literals;

/// Ends the process if the test body has not finished within `bound`: a hung join() in
/// stop() cannot be interrupted, and the failure should say what hung rather than wait
/// for ctest's timeout.
class Watchdog {
 public:
  Watchdog(std::chrono::seconds bound, const char* what)
      : thread_([this, bound, what] {
          std::unique_lock lock(mutex_);
          if (!done_changed_.wait_for(lock, bound, [this] { return done_; })) {
            std::fprintf(stderr, "FAILED: %s did not finish within %llds\n", what,
                         static_cast<long long>(bound.count()));
            std::fflush(stderr);
            std::_Exit(1);
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    done_changed_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_changed_;
  bool done_ = false;
  std::thread thread_;
};

client::ConnectionOptions nobodyListening() {
  client::ConnectionOptions o;
  // Port 1 on loopback: connections are refused, so requests stay in flight until stopped.
  o.commands = "tcp://127.0.0.1:1";
  o.events = "tcp://127.0.0.1:1";
  o.identity = client::StatedIdentity{"display", std::nullopt, "hall-link-test"};
  o.requestTimeout = 10s;
  o.attempts = 1;
  return o;
}

TEST(HallLinkLifecycle, StartAndStopInALoopAlwaysReturnsAndAnswersEveryRequestOnce) {
  constexpr int kRounds = 100;  // about 0.2 s on an idle machine, 10 s under a heavy build
  const Watchdog watchdog(50s, "100 HallLink start/stop rounds");
  HallLink link(nobodyListening());
  int sent = 0;
  int answered = 0;
  int stopped = 0;
  for (int round = 0; round < kRounds; ++round) {
    link.start();
    // Rounds without requests stop a command thread that is (about to start) waiting on an
    // empty queue — the moment a wake-up could be lost; the others stop it mid-request.
    for (int i = 0; i < round % 3; ++i) {
      ++sent;
      link.request(client::requests::ping(), [&](const client::Reply& reply) {
        ++answered;
        if (!reply.ok && reply.error.code == "stopped") ++stopped;
      });
    }
    link.stop();
    QCoreApplication::processEvents();  // replies posted by the command thread before it ended
  }
  EXPECT_EQ(answered, sent);
  EXPECT_EQ(stopped, sent) << "nobody answers on port 1: every request ends stopped";
}

TEST(HallLinkLifecycle, StopWithoutStartAndStopTwiceAreHarmless) {
  const Watchdog watchdog(20s, "stop without start");
  HallLink link(nobodyListening());
  link.stop();
  link.start();
  link.stop();
  link.stop();
  bool answered = false;
  link.request(client::requests::ping(), [&](const client::Reply&) { answered = true; });
  link.start();
  link.stop();
  QCoreApplication::processEvents();
  EXPECT_TRUE(answered) << "a request queued while stopped is answered by the next stop";
}

}  // namespace
}  // namespace jiujin::clientqt

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
