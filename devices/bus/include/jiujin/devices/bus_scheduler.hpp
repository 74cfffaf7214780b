#pragma once
// Which frame goes on a bus next. Pure: no threads, no I/O, time passed in — the bus
// worker asks it for one frame at a time and reports each outcome back.
//
// Order: the lowest priority class first; within a class, whatever has waited longest
// (a write since it was submitted, a poll or probe since it fell due). Devices off the line
// get only probes; their writes are held, coalesced to the latest values per register
// block, and go out when the device answers again. A device that is off the line because
// it refuses (exception replies) is probed with what it refused — its oldest held write, or
// the read it refused — so it is back only once it takes that.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jiujin/devices/device_health.hpp"

namespace jiujin::devices {

/// Priority classes, most urgent first.
enum class BusPriority {
  CallDisplay = 0,  ///< a display write caused by a call or recall
  KeyRead = 1,      ///< reading a pressed key's details and acknowledging it: a clerk waits
  CallStrip = 2,    ///< the main strip's write caused by a call or recall
  KeypadPoll = 3,   ///< each keypad's one-register "key pending" check, every round
  PadPoll = 4,      ///< reading an evaluation pad while a rating is awaited
  Background = 5,   ///< refresh writes and health probes
  Check = 6,        ///< verifying idle devices (content sequence, presence): only when nothing else is due
};

const char* toString(BusPriority priority);

/// A device on the bus, known by its id in the hall's configuration.
struct BusDevice {
  std::string id;
  int slave = 1;
  /// A register block read to ask "are you there?" while the device is offline.
  int probeAddress = 0;
  int probeCount = 1;
  /// How long it may take to answer; 0: the link's default. (Its profile's turnaround_ms.)
  std::chrono::milliseconds turnaround{0};
  /// Silence the line keeps after each exchange with it. (Its profile's inter_frame_delay_ms.)
  std::chrono::milliseconds interFrameDelay{0};
};

/// A read the bus worker queues itself when a poll's first register is not 0 — a keypad's FIFO
/// after its "key pending" check — so it goes next without a round trip through the owner.
struct FollowUpRead {
  int address = 0;
  int count = 1;
  BusPriority priority = BusPriority::KeyRead;
};

/// A read repeated every `interval` while the device is online.
struct PollJob {
  std::string deviceId;
  int address = 0;
  int count = 1;
  BusPriority priority = BusPriority::KeypadPoll;
  std::chrono::milliseconds interval{200};
  std::optional<FollowUpRead> whenNonZero;
};

/// Registers written in one frame.
struct WriteBlock {
  int address = 0;
  std::vector<std::uint16_t> values;
  std::uint8_t function = 0x10;  ///< 0x06 for a device that takes one register per write
  bool operator==(const WriteBlock&) const = default;
};

/// One request/reply exchange on the wire.
struct Frame {
  enum class Kind { Write, Poll, Probe };
  Kind kind = Kind::Write;
  std::string deviceId;
  int slave = 0;
  int address = 0;
  int count = 0;
  std::vector<std::uint16_t> values;  ///< for writes
  BusPriority priority = BusPriority::Background;
  std::uint8_t function = 0x10;       ///< for writes: 0x10, or 0x06 with one value
  std::chrono::milliseconds turnaround{0};       ///< the device's (BusDevice)
  std::chrono::milliseconds interFrameDelay{0};  ///< the device's (BusDevice)
  std::optional<FollowUpRead> whenNonZero;       ///< for polls: PollJob::whenNonZero
};

/// How a frame ended, and what that did to its device.
struct FrameOutcome {
  HealthChange change = HealthChange::None;
  DeviceHealthReport health;
};

class BusScheduler {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit BusScheduler(HealthPolicy policy = {}) : policy_(policy) {}

  /// False when the id is already on this bus or the slave address is not 0..247.
  bool addDevice(const BusDevice& device);
  /// False for an unknown device. The first poll falls due at `now`.
  bool addPollJob(const PollJob& job, TimePoint now);
  /// Queues (or, for the same device and start address, replaces) a register write.
  /// A replaced write keeps its place and takes the more urgent class. False for an
  /// unknown device or an empty write.
  bool submitWrite(const std::string& deviceId, int address, std::vector<std::uint16_t> values,
                   BusPriority priority, TimePoint now);
  /// Queues frames that belong together and go in this order — a display's text, then the
  /// frame holding its commit register — as one write, known by its first frame's address.
  /// If a frame fails the write starts again from its first frame, so a commit never goes out
  /// before the text it commits: a retried text frame is followed by the commit again. Newer
  /// content for the same device and first address replaces what has not gone out yet and
  /// starts from the first frame.
  bool submitWrites(const std::string& deviceId, std::vector<WriteBlock> blocks, BusPriority priority,
                    TimePoint now);
  /// Queues one read (a Poll frame, delivered like a poll's): a keypad's FIFO once its "key
  /// pending" check said a key waits. A read of the same device and address already queued
  /// keeps its place and takes the more urgent class. It waits while the device is off the
  /// line. False for an unknown device or a count below 1.
  bool submitRead(const std::string& deviceId, int address, int count, BusPriority priority, TimePoint now);
  /// Changes the class and interval of the device's poll at `address` — a pad is read often
  /// only while a rating is awaited. It next falls due `interval` after `now`. False when
  /// there is no such poll.
  bool retunePoll(const std::string& deviceId, int address, BusPriority priority, std::chrono::milliseconds interval,
                  TimePoint now);

  /// The frame to send now, or nothing. At most one frame is in flight: until
  /// complete() is called this returns nothing.
  std::optional<Frame> next(TimePoint now);
  /// Reports the in-flight frame's outcome (nullopt: answered).
  FrameOutcome complete(const Frame& frame, const std::optional<ModbusError>& error, TimePoint now);

  /// The earliest time a poll or probe falls due, if any; pending writes and reads are due at once.
  std::optional<TimePoint> nextDueAt() const;
  bool frameInFlight() const { return inFlight_; }

  std::optional<DeviceHealthReport> health(const std::string& deviceId) const;
  std::vector<DeviceHealthReport> healthReports() const;
  /// Writes waiting (including those held for offline devices).
  std::size_t pendingWrites() const { return writes_.size(); }

 private:
  struct DeviceState {
    BusDevice device;
    DeviceHealth health;
    /// The block of the last read it refused with an exception: its probe while refusing.
    std::optional<std::pair<int, int>> refusedRead;
  };
  struct PendingWrite {
    std::vector<WriteBlock> blocks;  ///< in order; the frame holding a commit comes last
    std::size_t next = 0;            ///< the block that goes next
    BusPriority priority;
    TimePoint submittedAt;
  };
  struct Poll {
    PollJob job;
    TimePoint dueAt;
  };
  struct PendingRead {
    int count = 1;
    BusPriority priority;
    TimePoint submittedAt;
  };
  using WriteKey = std::pair<std::string, int>;  // device id, start address

  DeviceHealthReport reportFor(const DeviceState& state) const;
  std::map<WriteKey, PendingWrite>::iterator oldestHeldWrite(const std::string& deviceId);
  static Frame writeFrame(const DeviceState& state, const PendingWrite& write);

  HealthPolicy policy_;
  std::map<std::string, DeviceState> devices_;
  std::map<WriteKey, PendingWrite> writes_;
  std::map<WriteKey, PendingRead> reads_;  // device id, start address
  std::vector<Poll> polls_;
  bool inFlight_ = false;
  /// The write whose frame is on the wire: it continues, starts over or is dropped when the
  /// frame completes.
  std::optional<std::pair<WriteKey, PendingWrite>> inFlightWrite_;
};

}  // namespace jiujin::devices
