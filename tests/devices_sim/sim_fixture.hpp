#pragma once
// A simulated bus with a real libmodbus RTU master on its pseudo-terminal. The tests write
// what the drivers would write (the drivers' codecs, test-side only) and read what the
// simulator decoded with its own code.
#include <gtest/gtest.h>
#include <modbus.h>
#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"
#include "jiujin/devices/sim/bus_simulator.hpp"

namespace jiujin::devices::sim::test_support {

/// A libmodbus RTU master on one port; errors come back as errno values.
class RtuMaster {
 public:
  RtuMaster(const std::string& path, int baud, std::chrono::milliseconds timeout)
      : ctx_(modbus_new_rtu(path.c_str(), baud, 'N', 8, 1)) {
    if (!ctx_) return;
    setTimeout(timeout);
    connected_ = modbus_connect(ctx_) == 0;
  }
  ~RtuMaster() {
    if (ctx_) {
      modbus_close(ctx_);
      modbus_free(ctx_);
    }
  }
  RtuMaster(const RtuMaster&) = delete;
  RtuMaster& operator=(const RtuMaster&) = delete;

  bool connected() const { return connected_; }
  /// Reopens the port and discards whatever a faulty device left unread on the line.
  bool reconnect() {
    modbus_close(ctx_);
    connected_ = modbus_connect(ctx_) == 0;
    if (connected_) modbus_flush(ctx_);
    return connected_;
  }
  void setTimeout(std::chrono::milliseconds timeout) {
    modbus_set_response_timeout(ctx_, static_cast<std::uint32_t>(timeout.count() / 1000),
                                static_cast<std::uint32_t>((timeout.count() % 1000) * 1000));
  }

  struct Read {
    std::vector<std::uint16_t> values;
    int error = 0;  ///< errno when the read failed
  };
  Read read(int unit, drivers::RegisterRead what) {
    modbus_set_slave(ctx_, unit);
    Read r;
    r.values.resize(what.count);
    if (modbus_read_registers(ctx_, what.address, what.count, r.values.data()) < 0) {
      r.error = errno;
      r.values.clear();
    }
    return r;
  }
  /// 0 or the errno of the failed write.
  int write(int unit, const drivers::RegisterWrite& w) {
    modbus_set_slave(ctx_, unit);
    const int rc = w.values.size() == 1
                       ? modbus_write_register(ctx_, w.address, w.values.front())
                       : modbus_write_registers(ctx_, w.address, static_cast<int>(w.values.size()),
                                                w.values.data());
    return rc < 0 ? errno : 0;
  }
  /// 0x04, a function the hall's devices do not have: 0 or the errno.
  int readInputRegisters(int unit, drivers::RegisterRead what) {
    modbus_set_slave(ctx_, unit);
    std::vector<std::uint16_t> values(what.count);
    return modbus_read_input_registers(ctx_, what.address, what.count, values.data()) < 0 ? errno : 0;
  }
  /// Sends `request` (unit address, then the PDU; libmodbus adds the CRC) as it is, and returns
  /// the reply frame without its CRC, or nothing when none came.
  std::vector<std::uint8_t> raw(std::vector<std::uint8_t> request) {
    std::vector<std::uint8_t> reply(MODBUS_RTU_MAX_ADU_LENGTH);
    modbus_set_slave(ctx_, request.front());  // libmodbus drops replies from other units
    if (modbus_send_raw_request(ctx_, request.data(), static_cast<int>(request.size())) < 0) return {};
    const int length = modbus_receive_confirmation(ctx_, reply.data());
    if (length < 2) return {};
    reply.resize(static_cast<std::size_t>(length) - 2);
    return reply;
  }
  int write(int unit, const std::vector<drivers::RegisterWrite>& writes) {
    for (const auto& w : writes) {
      if (const int e = write(unit, w)) return e;
    }
    return 0;
  }

 private:
  modbus_t* ctx_;
  bool connected_ = false;
};

inline std::filesystem::path makeRuntimeDir() {
  char pattern[] = "/tmp/jiujin-bussim-test-XXXXXX";
  const char* dir = mkdtemp(pattern);
  return dir ? dir : "";
}

/// One bus "line-1" at 115200 baud without pacing, holding two window displays (1, 2), a
/// main strip (100), a keypad (11) and an evaluation pad (21).
class SimBusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtimeDir_ = makeRuntimeDir();
    ASSERT_FALSE(runtimeDir_.empty());
    ASSERT_FALSE(profiles_.loadDirectory(builtinProfileDir()));
    ASSERT_FALSE(driverProfiles_.loadDirectory(drivers::builtinProfileDir()));
    auto sim = BusSimulator::create(
        {{"line-1", 115200, 'N', 8, 1}},
        {{"display-1", "line-1", 1, "jiujin-window-display-v1"},
         {"display-2", "line-1", 2, "jiujin-window-display-v1"},
         {"strip", "line-1", 100, "jiujin-main-strip-v1"},
         {"keypad-1", "line-1", 11, "jiujin-keypad-v1"},
         {"pad-1", "line-1", 21, "jiujin-eval-pad-v1"}},
        profiles_, SimulatorOptions{runtimeDir_, false, slowDelay()});
    ASSERT_TRUE(sim.ok()) << sim.error().message;
    sim_ = std::move(sim).value();
    // 300 ms: a loaded test machine can hold the simulator's thread past 150 ms (seen as a
    // plain timeout on a healthy device); the slow fault (1 s) stays well beyond it.
    master_ = std::make_unique<RtuMaster>(link().string(), 115200, std::chrono::milliseconds(300));
    ASSERT_TRUE(master_->connected());
  }
  void TearDown() override {
    master_.reset();
    sim_.reset();
    std::error_code ec;
    std::filesystem::remove_all(runtimeDir_, ec);
  }
  virtual std::chrono::milliseconds slowDelay() const { return std::chrono::milliseconds(1000); }
  std::filesystem::path link() const { return runtimeDir_ / "line-1"; }
  /// The drivers' reading of a profile, to encode what the gateway would send.
  const drivers::Profile& profile(const char* name) const { return *driverProfiles_.find(name); }

  std::filesystem::path runtimeDir_;
  DeviceProfiles profiles_;
  drivers::ProfileLibrary driverProfiles_;
  std::unique_ptr<BusSimulator> sim_;
  std::unique_ptr<RtuMaster> master_;
};

}  // namespace jiujin::devices::sim::test_support
