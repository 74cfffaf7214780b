// How the gateway uses a slow line (docs/devices.md, "Polling plan"): each keypad is asked
// one register — "key pending?" — every round and its FIFO is read only when a key waits; a
// pad is read only while a rating is awaited for its window; a waiting count that moved is a
// refresh, not part of the keypad round. DeviceGateway on a scripted line that answers from
// registers the test sets; the assertions are on the frames sent, never on their timing.
#include <poll.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/gateway/device_gateway.hpp"
#include "support/sample_hall.hpp"

namespace jiujin::devices::gateway {
namespace {

using namespace std::chrono_literals;

struct LineFrame {
  bool read = false;
  int slave = 0;
  int address = 0;
  int count = 0;
  std::vector<std::uint16_t> values;
};

/// A line every slave answers at once: reads from a register image (zero where unset), writes
/// taken into it. Shared by the gateway's workers and the test.
class ScriptedLine {
 public:
  void set(int slave, int address, std::vector<std::uint16_t> values) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < values.size(); ++i) registers_[{slave, address + static_cast<int>(i)}] = values[i];
  }
  std::vector<std::uint16_t> read(int slave, int address, int count) {
    std::lock_guard lock(mutex_);
    std::vector<std::uint16_t> values;
    for (int a = address; a < address + count; ++a) {
      const auto found = registers_.find({slave, a});
      values.push_back(found == registers_.end() ? 0 : found->second);
    }
    frames_.push_back({true, slave, address, count, {}});
    changed_.notify_all();
    return values;
  }
  void write(int slave, int address, std::vector<std::uint16_t> values) {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < values.size(); ++i) registers_[{slave, address + static_cast<int>(i)}] = values[i];
    frames_.push_back({false, slave, address, static_cast<int>(values.size()), std::move(values)});
    changed_.notify_all();
  }
  std::vector<LineFrame> frames() const {
    std::lock_guard lock(mutex_);
    return frames_;
  }
  /// Reads of `slave` at `address` of `count` registers sent so far.
  int reads(int slave, int address, int count) const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(std::count_if(frames_.begin(), frames_.end(), [&](const LineFrame& f) {
      return f.read && f.slave == slave && f.address == address && f.count == count;
    }));
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::pair<int, int>, std::uint16_t> registers_;
  std::vector<LineFrame> frames_;
};

class ScriptedLink final : public ModbusLink {
 public:
  explicit ScriptedLink(ScriptedLine& line) : line_(line) {}
  const std::string& name() const override { return name_; }
  ModbusResult<std::vector<std::uint16_t>> readHoldingRegisters(int slave, int address, int count) override {
    return line_.read(slave, address, count);
  }
  ModbusResult<void> writeRegisters(int slave, int address, std::span<const std::uint16_t> values) override {
    line_.write(slave, address, {values.begin(), values.end()});
    return {};
  }
  ModbusResult<void> writeRegister(int slave, int address, std::uint16_t value) override {
    line_.write(slave, address, {value});
    return {};
  }

 private:
  ScriptedLine& line_;
  std::string name_ = "scripted";
};

class RecordedRequests : public RequestSink {
 public:
  void send(DispatcherRequest request) override { sent.push_back(std::move(request)); }
  int count(const std::string& type) const {
    return static_cast<int>(std::count_if(sent.begin(), sent.end(), [&](const auto& r) { return r.type() == type; }));
  }
  std::vector<DispatcherRequest> sent;
};

class GatewayPollScheduling : public ::testing::Test {
 protected:
  void SetUp() override {
    auto hallConfig = testing::townshipHall();
    for (auto& bus : hallConfig.buses) bus.baud = 115200;  // the hall's intervals are kept
    ASSERT_FALSE(profiles.loadDirectory(testing::sourceDir() / "devices/profiles"));
    PlanOptions options;
    options.displayCheckInterval = std::chrono::hours(1);  // no idle check falls due in a test
    auto planned = planGateway(hallConfig, profiles, options);
    ASSERT_TRUE(planned) << planned.error().message;
    plan = planned.value();
    GatewayOptions gatewayOptions;
    gatewayOptions.makeLink = [this](const PlannedBus&) { return std::make_unique<ScriptedLink>(line); };
    GatewayHooks hooks;
    hooks.writeDone = [this](const WriteResult& r) {
      std::lock_guard lock(writesMutex);
      writes.push_back(r);
    };
    gateway = std::make_unique<DeviceGateway>(plan, requests, gatewayOptions, hooks);
  }

  /// Handles bus news until `done` holds or `bound` passes (waiting on the gateway's fd).
  bool pumpUntil(const std::function<bool()>& done, std::chrono::milliseconds bound = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + bound;
    while (!done()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) return false;
      pollfd fd{gateway->wakeFd(), POLLIN, 0};
      ::poll(&fd, 1, static_cast<int>(std::min(left, 50ms).count()));
      gateway->handleBusNews();
    }
    return true;
  }
  void feed(const std::vector<core::Event>& events) {
    for (const auto& e : events) gateway->hallEvent(hall.hall(), e);
  }

  const PlannedDevice& device(const std::string& id) const { return plan.devices.at(id); }
  const drivers::KeypadMap& keypadMap(const std::string& id) const {
    return std::get<drivers::KeypadMap>(device(id).profile.map);
  }
  int pendingChecks(const std::string& keypad) const {
    return line.reads(device(keypad).slave, keypadMap(keypad).fifoCount, 1);
  }
  int fifoReads(const std::string& keypad) const {
    const auto read = drivers::keypadPollRead(keypadMap(keypad));
    return line.reads(device(keypad).slave, read.address, read.count);
  }
  int padReads(const std::string& pad) const {
    const auto read = drivers::padPollRead(std::get<drivers::EvalPadMap>(device(pad).profile.map));
    return line.reads(device(pad).slave, read.address, read.count);
  }
  std::vector<WriteResult> writesTo(const std::string& id) {
    std::lock_guard lock(writesMutex);
    std::vector<WriteResult> found;
    for (const auto& w : writes)
      if (w.deviceId == id) found.push_back(w);
    return found;
  }

  ScriptedLine line;
  drivers::ProfileLibrary profiles;
  GatewayPlan plan;
  RecordedRequests requests;
  testing::SampleHall hall;
  std::mutex writesMutex;
  std::vector<WriteResult> writes;  // guarded by writesMutex
  std::unique_ptr<DeviceGateway> gateway;
};

TEST_F(GatewayPollScheduling, EachKeypadIsAskedOneRegisterARoundAndItsFifoIsNotReadWhileNoKeyWaits) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  // when every keypad has been asked "key pending?" a few rounds and none has a key waiting
  ASSERT_TRUE(pumpUntil([&] { return pendingChecks("w1-keypad") >= 3 && pendingChecks("w6-keypad") >= 3; }));
  // then no keypad's FIFO was read
  for (const auto* keypad : {"w1-keypad", "w2-keypad", "w3-keypad", "w4-keypad", "w5-keypad", "w6-keypad"})
    EXPECT_EQ(fifoReads(keypad), 0) << keypad;
  EXPECT_EQ(requests.count("call_next"), 0);
}

TEST_F(GatewayPollScheduling, AKeyPendingIsReadFromTheFifoOnceSentAndAcknowledged) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  const auto& map = keypadMap("w3-keypad");
  const int slave = device("w3-keypad").slave;
  // given w3-keypad holds one press of 呼叫下一位, sequence 5
  line.set(slave, map.fifoFirstEntry, {5, *drivers::keyCode(drivers::Key::CallNext, map)});
  line.set(slave, map.fifoCount, {1});
  // then its FIFO is read and the press becomes one call_next for window 3
  ASSERT_TRUE(pumpUntil([&] { return requests.count("call_next") == 1; }));
  EXPECT_GE(fifoReads("w3-keypad"), 1);
  EXPECT_EQ(requests.sent.back().body, (nlohmann::json{{"window", 3}}));
  // and the press is acknowledged, as a pressed key's traffic (before the round goes on)
  ASSERT_TRUE(pumpUntil([&] {
    for (const auto& w : writesTo("w3-keypad"))
      if (w.address == map.ack && w.values == std::vector<std::uint16_t>{5}) return true;
    return false;
  }));
  for (const auto& w : writesTo("w3-keypad"))
    if (w.address == map.ack) {
      EXPECT_EQ(w.priority, BusPriority::KeyRead);
    }
  // and the keypads with nothing pending were never read beyond their one register
  EXPECT_EQ(fifoReads("w4-keypad"), 0);
}

TEST_F(GatewayPollScheduling, APadIsReadOnlyWhileARatingIsAwaitedForItsWindow) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  // given no ticket completed at window 3: after its first read (the rating sequence's
  // baseline) the pad is not read while the keypads go round
  ASSERT_TRUE(pumpUntil([&] { return padReads("w3-pad") >= 1; }));
  const int baseline = padReads("w3-pad");
  const int rounds = pendingChecks("w3-keypad");
  ASSERT_TRUE(pumpUntil([&] { return pendingChecks("w3-keypad") >= rounds + 5; }));
  EXPECT_EQ(padReads("w3-pad"), baseline);
  // when a ticket is completed there, the pad prompts and is read for its rating
  hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));
  feed(hall.run(core::cmd::StartService{3}));
  feed(hall.run(core::cmd::Complete{3}));
  ASSERT_TRUE(pumpUntil([&] { return padReads("w3-pad") >= baseline + 2; })) << padReads("w3-pad");
  // and a pad of a window where nothing awaits a rating is still not read after its baseline
  const int w4Reads = padReads("w4-pad");
  EXPECT_LE(w4Reads, 1);
}

TEST_F(GatewayPollScheduling, AKeypadsOwnNumberGoesWithTheRoundAndAMovedWaitingCountIsARefresh) {
  hall.staff(3, "c01");
  hall.staff(4, "c02");
  gateway->hallReset(hall.hall());
  ASSERT_TRUE(pumpUntil([&] { return !writesTo("w3-keypad").empty() && !writesTo("w4-keypad").empty(); }));
  {
    std::lock_guard lock(writesMutex);
    writes.clear();
  }
  // when window 3 calls, window 3's keypad shows the number; window 4's only a new waiting count
  hall.issueGeneral();
  hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));
  ASSERT_TRUE(pumpUntil([&] { return !writesTo("w3-keypad").empty() && !writesTo("w4-keypad").empty(); }));
  EXPECT_EQ(writesTo("w3-keypad").back().priority, BusPriority::KeypadPoll);
  EXPECT_EQ(writesTo("w4-keypad").back().priority, BusPriority::Background);
}

}  // namespace
}  // namespace jiujin::devices::gateway
