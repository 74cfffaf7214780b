#pragma once
// One simulated RS-485 bus: a pseudo-terminal whose far end the gateway opens through a
// stable symlink, and every emulated device on it. A worker thread reads request frames
// (ended by the 3.5-character silence), lets the addressed device answer with its own RTU
// framing and CRC, and paces the reply at the bus's baud rate.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "jiujin/devices/sim/display_history.hpp"
#include "jiujin/devices/sim/emulated_device.hpp"
#include "jiujin/devices/sim/fault.hpp"
#include "jiujin/devices/sim/sim_config.hpp"

namespace jiujin::devices::sim {

class SimBus {
 public:
  /// A device on the bus with its faults and counters.
  struct Slot {
    std::unique_ptr<EmulatedDevice> device;
    std::set<Fault> faults;
    std::uint64_t requests = 0;  ///< frames addressed to it with a good CRC
    std::uint64_t answered = 0;  ///< replies it sent (bad or not)
    std::mt19937 garbage;        ///< seeded by address: the same garbage every run
    std::string lastShown;       ///< describeShown() when last recorded
    std::optional<SimClock::time_point> lastReplyAt;  ///< when its last reply ended on the line
  };

  /// Opens the pseudo-terminal and publishes `link` → /dev/pts/N. The worker starts at once.
  /// Every content change of a device is recorded in `history` (which must outlive the bus;
  /// none when null).
  static SimResult<std::unique_ptr<SimBus>> open(SimBusConfig config, std::filesystem::path link,
                                                 SimulatorOptions options,
                                                 std::vector<std::unique_ptr<EmulatedDevice>> devices,
                                                 DisplayHistory* history = nullptr);
  ~SimBus();
  SimBus(const SimBus&) = delete;
  SimBus& operator=(const SimBus&) = delete;

  const SimBusConfig& config() const { return config_; }
  const std::filesystem::path& link() const { return link_; }
  /// The pseudo-terminal the link points to now; empty while the port has vanished.
  std::string ptyName() const;

  /// Runs `fn(Slot&)` on the device `id` with the bus locked; false if it is not on this bus.
  template <typename F>
  bool withDevice(std::string_view id, F&& fn) {
    std::lock_guard lock(mutex_);
    for (auto& [address, slot] : slots_) {
      if (slot.device->id() == id) {
        fn(slot);
        return true;
      }
    }
    return false;
  }
  /// Runs `fn(const Slot&)` on every device, in address order, with the bus locked.
  template <typename F>
  void forEachDevice(F&& fn) const {
    std::lock_guard lock(mutex_);
    for (const auto& [address, slot] : slots_) fn(slot);
  }

  /// Records what the device in `slot` shows if it changed since last recorded. Call with the
  /// bus locked (inside withDevice) after changing a device from outside the bus.
  void recordShown(Slot& slot);

  /// Closes the pseudo-terminal and removes the link, as when a USB adapter is pulled. It
  /// returns (a new pty behind the same link) after `returnAfter`, or on restorePort().
  std::optional<SimError> vanishPort(std::optional<std::chrono::milliseconds> returnAfter);
  std::optional<SimError> restorePort();
  bool portPresent() const;

 private:
  SimBus(SimBusConfig config, std::filesystem::path link, SimulatorOptions options);
  enum class PortRequest { None, Vanish, Restore };

  std::optional<SimError> openPort();
  void closePort();
  void run();
  void serveFrame(const std::vector<std::uint8_t>& frame);
  void send(const std::vector<std::uint8_t>& bytes);
  void sendDueReplies();
  void wake();
  std::optional<SimError> requestPort(PortRequest request, bool wantPresent);

  SimBusConfig config_;
  std::filesystem::path link_;
  SimulatorOptions options_;
  DisplayHistory* history_ = nullptr;
  std::chrono::nanoseconds characterTime_;
  std::chrono::microseconds frameGap_;

  mutable std::mutex mutex_;  // guards slots_, the port state and the request fields below
  std::condition_variable portChanged_;
  std::map<std::uint8_t, Slot> slots_;
  int master_ = -1;  // owned by the worker once it runs
  int slave_ = -1;   // held open so the master never sees a hang-up between gateway sessions
  std::string ptyName_;
  PortRequest portRequest_ = PortRequest::None;
  std::optional<SimClock::time_point> returnAt_;
  bool stopping_ = false;
  int wakeFd_ = -1;
  std::vector<std::uint8_t> lateReply_;  // worker only: a late_reply device's held answer
  /// Worker only: replies of slow devices, each sent when due. The line keeps serving the
  /// other devices meanwhile, as a real bus does while one device thinks.
  struct DelayedReply {
    SimClock::time_point due;
    std::vector<std::uint8_t> bytes;
  };
  std::vector<DelayedReply> delayed_;
  std::thread worker_;
};

}  // namespace jiujin::devices::sim
