#pragma once
// A scriptable ModbusLink for the BusWorker unit tests only: records every frame, can
// hold a frame "on the wire" until released, and makes chosen slaves silent.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices::testing {

struct SentFrame {
  char function;  // 'R' read, 'W' write (0x10), '1' write one register (0x06)
  int slave;
  int address;
  std::vector<std::uint16_t> values;
  std::chrono::steady_clock::time_point at{};  ///< when it went on the wire
  std::chrono::milliseconds turnaround{0};     ///< the link's device turnaround then
};

class FakeModbusLink final : public ModbusLink {
 public:
  const std::string& name() const override { return name_; }

  ModbusResult<std::vector<std::uint16_t>> readHoldingRegisters(int slave, int address, int count) override {
    if (auto error = onWire({'R', slave, address, {}})) return *error;
    return std::vector<std::uint16_t>(static_cast<std::size_t>(count), static_cast<std::uint16_t>(slave));
  }
  ModbusResult<void> writeRegisters(int slave, int address, std::span<const std::uint16_t> values) override {
    if (auto error = onWire({'W', slave, address, {values.begin(), values.end()}})) return *error;
    return {};
  }
  ModbusResult<void> writeRegister(int slave, int address, std::uint16_t value) override {
    if (auto error = onWire({'1', slave, address, {value}})) return *error;
    return {};
  }

  /// The next frame stays on the wire until release().
  void holdNextFrame() {
    std::lock_guard lock(mutex_);
    holdNext_ = true;
  }
  bool waitUntilHeld(std::chrono::milliseconds bound) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, bound, [&] { return holding_; });
  }
  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }
  void setSilent(int slave, bool silent) {
    std::lock_guard lock(mutex_);
    if (silent) silent_.insert(slave); else silent_.erase(slave);
  }
  /// Like a libmodbus RTU server: after a request to a silent slave, the next request
  /// to anyone is swallowed once (Timeout) — or answered first by the silent slave's late
  /// reply (BadFrame).
  void swallowAfterSilentSlave(ModbusErrorKind outcome = ModbusErrorKind::Timeout) {
    std::lock_guard lock(mutex_);
    swallowAfterSilent_ = true;
    swallowOutcome_ = outcome;
  }
  bool waitForFrames(std::size_t count, std::chrono::milliseconds bound) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, bound, [&] { return sent_.size() >= count; });
  }
  std::vector<SentFrame> sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
  }
  int mostFramesInFlight() const { return mostInFlight_; }

 private:
  std::optional<ModbusError> onWire(SentFrame frame) {
    const int inFlight = ++inFlight_;
    int most = mostInFlight_;
    while (inFlight > most && !mostInFlight_.compare_exchange_weak(most, inFlight)) {
    }
    std::unique_lock lock(mutex_);
    if (holdNext_) {
      holdNext_ = false;
      holding_ = true;
      changed_.notify_all();
      changed_.wait(lock, [&] { return released_; });
      holding_ = false;
      released_ = false;
    }
    const int slave = frame.slave;
    frame.at = std::chrono::steady_clock::now();
    frame.turnaround = deviceTurnaround_;
    sent_.push_back(std::move(frame));
    changed_.notify_all();
    --inFlight_;
    const bool silent = silent_.contains(slave);
    const bool swallowed = swallowNext_ && !silent;
    swallowNext_ = swallowAfterSilent_ && silent;
    if (silent) return ModbusError{ModbusErrorKind::Timeout, 0, "fake: no reply"};
    if (swallowed) return ModbusError{swallowOutcome_, 0, "fake: the line's next reply was not this one"};
    return std::nullopt;
  }

  std::string name_ = "fake";
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<SentFrame> sent_;
  std::set<int> silent_;
  bool holdNext_ = false, holding_ = false, released_ = false;
  bool swallowAfterSilent_ = false, swallowNext_ = false;
  ModbusErrorKind swallowOutcome_ = ModbusErrorKind::Timeout;
  std::atomic<int> inFlight_{0};
  std::atomic<int> mostInFlight_{0};
};

}  // namespace jiujin::devices::testing
