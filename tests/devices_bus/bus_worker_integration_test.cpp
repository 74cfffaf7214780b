// The bus engine end to end on real wires: a libmodbus RTU device on a pseudo-terminal
// and a device behind a Modbus TCP gateway on 127.0.0.1.
#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

#include "jiujin/devices/bus_worker.hpp"
#include "modbus_test_server.hpp"
#include "scratch_dir.hpp"

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;
using testing::ModbusTestServer;
using testing::ScratchDir;
using Registers = std::vector<std::uint16_t>;

constexpr auto kBound = 5s;
constexpr int kDisplaySlave = 3;

// What the gateway would do for one window display: keep its current content and send
// it again whenever the display comes back.
class WindowDisplayOwner {
 public:
  void attach(BusWorker* worker) { worker_ = worker; }
  void show(Registers content, BusPriority priority = BusPriority::CallDisplay) {
    {
      std::lock_guard lock(mutex_);
      content_ = content;
    }
    worker_->submitWrite("display-3", 0, std::move(content), priority);
  }
  BusCallbacks callbacks() {
    BusCallbacks c;
    c.healthChanged = [this](const DeviceHealthReport& r) {
      std::lock_guard lock(mutex_);
      (r.online ? backCount_ : offlineCount_)++;
      changed_.notify_all();
    };
    c.deviceBack = [this](const std::string& id) {
      Registers current;
      {
        std::lock_guard lock(mutex_);
        current = content_;
      }
      worker_->submitWrite(id, 0, std::move(current), BusPriority::Background);
    };
    c.pollDone = [this](const PollResult& r) {
      std::lock_guard lock(mutex_);
      if (!r.error) lastPoll_ = r.registers;
      changed_.notify_all();
    };
    return c;
  }
  bool waitOffline(int times) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kBound, [&] { return offlineCount_ >= times; });
  }
  bool waitBack(int times) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kBound, [&] { return backCount_ >= times; });
  }
  bool waitPoll(const Registers& expected) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kBound, [&] { return lastPoll_ == expected; });
  }

 private:
  BusWorker* worker_ = nullptr;
  std::mutex mutex_;
  std::condition_variable changed_;
  Registers content_;
  Registers lastPoll_;
  int offlineCount_ = 0;
  int backCount_ = 0;
};

struct RtuBus {
  explicit RtuBus(WindowDisplayOwner& owner) {
    server = ModbusTestServer::onPty(kDisplaySlave, dir.file("bus1"));
    worker = std::make_unique<BusWorker>(
        makeRtuLink(RtuLinkSettings{server->linkPath(), SerialSettings{}, ModbusTimeouts{50ms, 20ms}}),
        BusWorkerOptions{"bus-1", HealthPolicy{3, 20ms, 80ms}}, owner.callbacks());
    owner.attach(worker.get());
    worker->addDevice({"display-3", kDisplaySlave, 0x0F00, 1});
  }
  ScratchDir dir;
  std::unique_ptr<ModbusTestServer> server;
  std::unique_ptr<BusWorker> worker;
};

TEST(BusEngine, ACallReachesTheWindowDisplayWhileItsKeysArePolled) {
  WindowDisplayOwner owner;
  RtuBus bus(owner);
  // A window display with a built-in caller keypad: its key FIFO holds "call next".
  bus.server->setRegister(0x100, 0x0001);
  bus.worker->addPollJob({"display-3", 0x100, 1, BusPriority::KeypadPoll, 10ms});
  ASSERT_TRUE(owner.waitPoll(Registers{0x0001}));
  owner.show({0x4130, 0x3031});  // "A001"
  EXPECT_TRUE(bus.server->waitForRegisters(0, Registers{0x4130, 0x3031}, kBound));
}

TEST(BusEngine, ASilentDisplayGoesOfflineAndOnReturnShowsItsCurrentContent) {
  WindowDisplayOwner owner;
  RtuBus bus(owner);
  owner.show({0xA001});
  ASSERT_TRUE(bus.server->waitForRegisters(0, Registers{0xA001}, kBound));

  bus.server->setSilent(true);
  owner.show({0xA002});
  ASSERT_TRUE(owner.waitOffline(1));
  EXPECT_FALSE(bus.worker->health("display-3")->online);
  EXPECT_GE(bus.worker->health("display-3")->counters.timeouts, 3u);
  owner.show({0xA003});  // the hall keeps calling while the display is away
  owner.show({0xA004});

  bus.server->setSilent(false);
  ASSERT_TRUE(owner.waitBack(1));
  EXPECT_TRUE(bus.server->waitForRegisters(0, Registers{0xA004}, kBound));
}

TEST(BusEngine, WhenThePortVanishesAndReturnsTheDisplayComesBackWithItsContent) {
  WindowDisplayOwner owner;
  RtuBus bus(owner);
  owner.show({0xB001});
  ASSERT_TRUE(bus.server->waitForRegisters(0, Registers{0xB001}, kBound));

  bus.server->vanish();
  owner.show({0xB002});
  ASSERT_TRUE(owner.waitOffline(1));
  EXPECT_GE(bus.worker->health("display-3")->counters.portErrors, 1u);

  bus.server->comeBack();
  ASSERT_TRUE(owner.waitBack(1));
  EXPECT_TRUE(bus.server->waitForRegisters(0, Registers{0xB002}, kBound));
}

TEST(BusEngine, AnAbsentPadIsChargedWithTheLostReplyNotTheDisplayAfterIt) {
  // A libmodbus device drops the next request after one addressed to another slave.
  WindowDisplayOwner owner;
  RtuBus bus(owner);
  bus.worker->addDevice({"pad-9", 9});  // configured, but not on the line
  bus.worker->addPollJob({"pad-9", 0x200, 1, BusPriority::PadPoll, 10ms});
  for (std::uint16_t n = 1; n <= 5; ++n) {
    owner.show({n});
    ASSERT_TRUE(bus.server->waitForRegisters(0, Registers{n}, kBound))
        << "content " << n << ": " << bus.worker->health("display-3")->counters.lastError;
  }
  ASSERT_TRUE(owner.waitOffline(1));
  const auto display = bus.worker->health("display-3");
  EXPECT_TRUE(display->online);
  EXPECT_EQ(display->counters.timeouts, 0u) << display->counters.lastError;
  const auto pad = bus.worker->health("pad-9");
  EXPECT_FALSE(pad->online);
  EXPECT_GE(pad->counters.timeouts, 3u);
}

TEST(BusEngine, PollsADeviceBehindATcpGateway) {
  WindowDisplayOwner owner;
  auto server = ModbusTestServer::onTcp(21);
  server->setRegister(0x200, 4);  // a pad's rating: 不满意
  BusWorker worker(makeTcpLink(TcpLinkSettings{"127.0.0.1", server->tcpPort(), ModbusTimeouts{200ms, 50ms}}),
                   BusWorkerOptions{"gateway-1", {}}, owner.callbacks());
  owner.attach(&worker);
  worker.addDevice({"pad-1", 21});
  worker.addPollJob({"pad-1", 0x200, 1, BusPriority::PadPoll, 10ms});
  EXPECT_TRUE(owner.waitPoll(Registers{4}));
}

}  // namespace
}  // namespace jiujin::devices
