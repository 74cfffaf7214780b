// BusWorker alone, with a scripted link (the real wire is in the integration tests).
#include "jiujin/devices/bus_worker.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "fake_modbus_link.hpp"

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;
using testing::FakeModbusLink;

constexpr auto kBound = 5s;  // generous upper bound for anything awaited

// Collects callbacks from the worker thread; tests wait on it with a bound.
class Observer {
 public:
  BusCallbacks callbacks() {
    BusCallbacks c;
    c.healthChanged = [this](const DeviceHealthReport& r) { add([&] { healthChanges.push_back(r); }); };
    c.deviceBack = [this](const std::string& id) { add([&] { devicesBack.push_back(id); }); };
    c.pollDone = [this](const PollResult& r) { add([&] { polls.push_back(r); }); };
    return c;
  }
  template <typename Predicate>
  bool waitFor(Predicate done) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, kBound, done);
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<DeviceHealthReport> healthChanges;
  std::vector<std::string> devicesBack;
  std::vector<PollResult> polls;

 private:
  template <typename F>
  void add(F f) {
    std::lock_guard lock(mutex);
    f();
    changed.notify_all();
  }
};

struct Bus {
  explicit Bus(HealthPolicy policy = {}, BusCallbacks callbacks = {}) {
    auto owned = std::make_unique<FakeModbusLink>();
    link = owned.get();
    worker = std::make_unique<BusWorker>(std::move(owned), BusWorkerOptions{"bus-1", policy}, std::move(callbacks));
  }
  FakeModbusLink* link;
  std::unique_ptr<BusWorker> worker;
};

TEST(BusWorker, ACallWriteSubmittedWhilePollsAreQueuedGoesNextOnTheWire) {
  Bus bus;
  for (int w = 1; w <= 5; ++w) {
    bus.worker->addDevice({fmt::format("keypad-{}", w), 30 + w});
    bus.worker->addDevice({fmt::format("display-{}", w), w});
  }
  bus.link->holdNextFrame();
  for (int w = 1; w <= 5; ++w)
    bus.worker->addPollJob({fmt::format("keypad-{}", w), 0x100, 4, BusPriority::KeypadPoll, 50ms});
  ASSERT_TRUE(bus.link->waitUntilHeld(kBound));  // one keypad poll is on the wire
  bus.worker->submitWrite("display-3", 0, {0x4130, 0x3031}, BusPriority::CallDisplay);
  bus.link->release();
  ASSERT_TRUE(bus.link->waitForFrames(2, kBound));
  const auto sent = bus.link->sent();
  EXPECT_EQ(sent[0].function, 'R');
  EXPECT_EQ(sent[1].function, 'W');
  EXPECT_EQ(sent[1].slave, 3);
}

TEST(BusWorker, NeverPutsTwoFramesOnTheWireEvenWithManySubmitters) {
  Bus bus;
  for (int d = 1; d <= 8; ++d) bus.worker->addDevice({fmt::format("display-{}", d), d});
  std::vector<std::thread> submitters;
  for (int t = 0; t < 4; ++t)
    submitters.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i)
        bus.worker->submitWrite(fmt::format("display-{}", 1 + (i + t) % 8), i % 16, {static_cast<std::uint16_t>(i)},
                                i % 3 ? BusPriority::Background : BusPriority::CallDisplay);
    });
  for (auto& s : submitters) s.join();
  ASSERT_TRUE(bus.link->waitForFrames(1, kBound));
  bus.worker->stop();
  EXPECT_EQ(bus.link->mostFramesInFlight(), 1);
}

TEST(BusWorker, ASilentDeviceGoesOfflineAndOnReturnTheOwnerIsAskedToResendItsContent) {
  Observer seen;
  Bus bus(HealthPolicy{3, 20ms, 40ms}, seen.callbacks());
  bus.link->setSilent(5, true);
  bus.worker->addDevice({"display-5", 5});
  bus.worker->submitWrite("display-5", 0, {0xA001}, BusPriority::CallDisplay);
  ASSERT_TRUE(seen.waitFor([&] { return !seen.healthChanges.empty(); }));
  EXPECT_FALSE(seen.healthChanges.front().online);
  EXPECT_EQ(seen.healthChanges.front().counters.timeouts, 3u);

  bus.link->setSilent(5, false);
  ASSERT_TRUE(seen.waitFor([&] { return !seen.devicesBack.empty(); }));
  EXPECT_EQ(seen.devicesBack.front(), "display-5");
  EXPECT_TRUE(bus.worker->health("display-5")->online);
  // The held write went out after the successful probe.
  ASSERT_TRUE(bus.link->waitForFrames(5, kBound));
  const auto sent = bus.link->sent();
  EXPECT_TRUE(std::any_of(sent.begin() + 3, sent.end(), [](const auto& f) {
    return f.function == 'W' && f.values == std::vector<std::uint16_t>{0xA001};
  }));
}

TEST(BusWorker, AReplyLostAfterAnAbsentSlaveIsChargedToTheAbsentSlave) {
  Observer seen;
  Bus bus(HealthPolicy{1, 10s, 10s}, seen.callbacks());
  bus.link->setSilent(9, true);
  bus.link->swallowAfterSilentSlave();
  bus.worker->addDevice({"pad-9", 9});
  bus.worker->addDevice({"keypad-1", 1});
  bus.worker->submitWrite("pad-9", 0, {1}, BusPriority::CallDisplay);
  ASSERT_TRUE(bus.link->waitForFrames(1, kBound));
  bus.worker->addPollJob({"keypad-1", 0x100, 1, BusPriority::KeypadPoll, 1h});
  ASSERT_TRUE(seen.waitFor([&] { return !seen.polls.empty(); }));
  EXPECT_FALSE(seen.polls.front().error) << seen.polls.front().error->message;
  const auto keypad = bus.worker->health("keypad-1");
  EXPECT_TRUE(keypad->online);
  EXPECT_EQ(keypad->counters.timeouts, 0u);
  EXPECT_FALSE(bus.worker->health("pad-9")->online);
  EXPECT_EQ(bus.worker->statistics().absentSlaveRetries, 1u);
}

TEST(BusWorker, ALateReplyAfterAnotherSlavesTimeoutIsChargedToThatSlave) {
  // given pad 9 answers only after its master gave up: its reply lands in the next exchange
  Observer seen;
  Bus bus(HealthPolicy{1, 10s, 10s}, seen.callbacks());
  bus.link->setSilent(9, true);
  bus.link->swallowAfterSilentSlave(ModbusErrorKind::BadFrame);
  bus.worker->addDevice({"pad-9", 9});
  bus.worker->addDevice({"keypad-1", 1});
  bus.worker->submitWrite("pad-9", 0, {1}, BusPriority::CallDisplay);
  ASSERT_TRUE(bus.link->waitForFrames(1, kBound));
  bus.worker->addPollJob({"keypad-1", 0x100, 1, BusPriority::KeypadPoll, 1h});
  // then the keypad, whose exchange saw pad 9's reply, is asked again and stays healthy
  ASSERT_TRUE(seen.waitFor([&] { return !seen.polls.empty(); }));
  EXPECT_FALSE(seen.polls.front().error) << seen.polls.front().error->message;
  const auto keypad = bus.worker->health("keypad-1");
  EXPECT_TRUE(keypad->online);
  EXPECT_EQ(keypad->counters.badFrames, 0u);
  EXPECT_FALSE(bus.worker->health("pad-9")->online);
  EXPECT_EQ(bus.worker->statistics().absentSlaveRetries, 1u);
}

TEST(BusWorker, AVendorsDeviceGetsItsFunctionItsTurnaroundAndItsSilence) {
  // given a display whose profile says: 0x06 only, 300 ms to answer, 60 ms of silence after
  Bus bus;
  BusDevice vendor{"display-5", 5, 0, 1, 300ms, 60ms};
  bus.worker->addDevice(vendor);
  bus.worker->addDevice({"keypad-1", 1});
  bus.worker->submitWrites("display-5", {{0, {0x3041}, 0x06}, {1, {0x3130}, 0x06}}, BusPriority::CallDisplay);
  bus.worker->submitWrite("keypad-1", 9, {7}, BusPriority::Background);
  ASSERT_TRUE(bus.link->waitForFrames(3, kBound));
  const auto sent = bus.link->sent();
  // then its writes go as 0x06, asked with its turnaround, and the line keeps quiet after each
  EXPECT_EQ(sent[0].function, '1');
  EXPECT_EQ(sent[1].function, '1');
  EXPECT_EQ(sent[0].turnaround, 300ms);
  EXPECT_EQ(sent[2].slave, 1);
  EXPECT_EQ(sent[2].turnaround, 0ms) << "other devices keep the link's own";
  EXPECT_GE(sent[1].at - sent[0].at, 60ms);
  EXPECT_GE(sent[2].at - sent[1].at, 60ms);
}

TEST(BusWorker, PollResultsComeBackThroughTheCallback) {
  Observer seen;
  Bus bus({}, seen.callbacks());
  bus.worker->addDevice({"keypad-2", 32});
  bus.worker->addPollJob({"keypad-2", 0x100, 3, BusPriority::KeypadPoll, 1h});
  ASSERT_TRUE(seen.waitFor([&] { return !seen.polls.empty(); }));
  EXPECT_EQ(seen.polls.front().deviceId, "keypad-2");
  EXPECT_EQ(seen.polls.front().registers, (std::vector<std::uint16_t>{32, 32, 32}));
}

TEST(BusWorker, StopReturnsWhileNothingIsDueForAnHour) {
  Bus bus;
  bus.worker->addDevice({"keypad-1", 1});
  bus.worker->addPollJob({"keypad-1", 0x100, 1, BusPriority::KeypadPoll, 1h});
  ASSERT_TRUE(bus.link->waitForFrames(1, kBound));
  bus.worker->stop();  // must not wait for the next poll
  bus.worker->stop();  // and is idempotent
  EXPECT_EQ(bus.link->sent().size(), 1u);
}

}  // namespace
}  // namespace jiujin::devices
