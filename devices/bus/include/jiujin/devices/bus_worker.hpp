#pragma once
// One RS-485 bus (or TCP gateway) driven by one thread that owns its ModbusLink — a
// libmodbus context is not thread-safe. Everyone else reaches the bus only through this
// class's queue (QGroundControl's link pattern): submitting never waits for the wire.
//
// The worker sends one frame at a time, chosen by BusScheduler, so a call's display
// write waits at most for the frame already on the wire. Callbacks run on the worker
// thread and must return quickly (post into the owner's own queue or event loop).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "jiujin/devices/bus_scheduler.hpp"
#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices {

/// A poll's registers, or why there are none.
struct PollResult {
  std::string deviceId;
  int address = 0;
  std::vector<std::uint16_t> registers;
  std::optional<ModbusError> error;
};

/// A write's outcome (a failed write is retried, or held while the device is offline).
struct WriteResult {
  std::string deviceId;
  int address = 0;
  BusPriority priority = BusPriority::Background;
  std::vector<std::uint16_t> values;  ///< what was written (after coalescing)
  std::optional<ModbusError> error;
};

struct BusCallbacks {
  std::function<void(const PollResult&)> pollDone;
  std::function<void(const WriteResult&)> writeDone;
  /// A device went offline or came back; carries its counters (published as an event).
  std::function<void(const DeviceHealthReport&)> healthChanged;
  /// A device answers again: send it its CURRENT content (displays are driven from
  /// state; held writes are only what was last asked while it was away).
  std::function<void(const std::string& deviceId)> deviceBack;
};

struct BusWorkerOptions {
  std::string busId;
  HealthPolicy health;
};

/// Figures for the monitor and the benchmark.
struct BusStatistics {
  std::uint64_t frames = 0;                 ///< exchanges attempted on the wire
  std::chrono::nanoseconds busyTime{0};     ///< time spent inside the link
  std::uint64_t absentSlaveRetries = 0;     ///< see BusWorker::execute
};

class BusWorker {
 public:
  /// Starts the thread at once; register devices and polls right after.
  BusWorker(std::unique_ptr<ModbusLink> link, BusWorkerOptions options, BusCallbacks callbacks);
  /// Stops and joins (see stop()).
  ~BusWorker();
  BusWorker(const BusWorker&) = delete;
  BusWorker& operator=(const BusWorker&) = delete;

  const std::string& busId() const { return options_.busId; }

  bool addDevice(const BusDevice& device);
  bool addPollJob(const PollJob& job);
  /// Queues a write; coalesces with a not-yet-sent write to the same registers.
  bool submitWrite(const std::string& deviceId, int address, std::vector<std::uint16_t> values,
                   BusPriority priority);
  /// Queues frames that go in this order and start over together after a failure (a
  /// display's text, then its commit): BusScheduler::submitWrites.
  bool submitWrites(const std::string& deviceId, std::vector<WriteBlock> blocks, BusPriority priority);
  /// Queues one read, delivered through pollDone: BusScheduler::submitRead.
  bool submitRead(const std::string& deviceId, int address, int count, BusPriority priority);
  /// Changes a poll's class and interval: BusScheduler::retunePoll.
  bool retunePoll(const std::string& deviceId, int address, BusPriority priority, std::chrono::milliseconds interval);

  std::vector<DeviceHealthReport> health() const;
  std::optional<DeviceHealthReport> health(const std::string& deviceId) const;
  BusStatistics statistics() const;

  /// Ends the thread after the frame on the wire, which is bounded by the link's
  /// response and byte timeouts. Idempotent. Queued writes are dropped.
  void stop();

 private:
  void run();
  std::optional<ModbusError> execute(const Frame& frame, std::vector<std::uint16_t>& registers);
  std::optional<ModbusError> exchange(const Frame& frame, std::vector<std::uint16_t>& registers);
  void deliver(const Frame& frame, const FrameOutcome& outcome, std::vector<std::uint16_t>&& registers,
               const std::optional<ModbusError>& error);

  std::unique_ptr<ModbusLink> link_;  // touched only by the worker thread
  const BusWorkerOptions options_;
  const BusCallbacks callbacks_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  BusScheduler scheduler_;     // guarded by mutex_
  BusStatistics statistics_;   // guarded by mutex_
  bool stopping_ = false;      // guarded by mutex_

  // Worker thread only: the last frame that timed out, for the absent-slave rule.
  struct RecentTimeout {
    int slave = 0;
    std::chrono::steady_clock::time_point at;
    bool lastExchange = false;  ///< it was the exchange just before
  };
  std::optional<RecentTimeout> lastTimeout_;
  // Worker thread only: the end of the silence the last device asked for after its exchange.
  std::chrono::steady_clock::time_point lineQuietUntil_{};

  std::thread thread_;  // last: starts after everything above exists
};

}  // namespace jiujin::devices
