#pragma once
// The device gateway's engine: one BusWorker per bus, every device's content derived from
// the hall's state, keypad presses and pad ratings turned into dispatcher requests, and
// device health reported. Owned by one thread (the one that follows the hall); the bus
// workers only post what they saw into its inbox and wake it through wakeFd().
//
// Priorities on a bus: a window display write caused by a call or recall is CallDisplay; a
// pressed key's FIFO read and its acknowledgement are KeyRead; the strip after a call is
// CallStrip; each keypad's one-register "key pending" check and a keypad's own current number
// go in the keypad round (KeypadPoll); pads are read (PadPoll) only while a rating is awaited,
// with their prompts; refreshes (waiting counts, idle texts, content after a resync or a
// device's return) are Background; idle displays and pads are only checked (Check).
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "jiujin/core/hall.hpp"
#include "jiujin/devices/bus_worker.hpp"
#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/window_display.hpp"
#include "jiujin/devices/gateway/dispatcher_requests.hpp"
#include "jiujin/devices/gateway/gateway_plan.hpp"

namespace jiujin::devices::gateway {

struct GatewayOptions {
  HealthPolicy health;
  /// Devices whose error counters moved are reported this often (the status stays; the
  /// dispatcher keeps the newest detail for the monitor).
  std::chrono::milliseconds countersReportInterval{10000};
  /// Makes the line of a bus; the default opens makeRtuLink / makeTcpLink.
  std::function<std::unique_ptr<ModbusLink>(const PlannedBus&)> makeLink;
};

/// Observation points for tests and the benchmark.
struct GatewayHooks {
  /// After every write frame, on that bus's worker thread: must return at once.
  std::function<void(const WriteResult&)> writeDone;
};

class DeviceGateway {
 public:
  /// Starts one worker per bus with its devices and polls.
  DeviceGateway(GatewayPlan plan, RequestSink& requests, GatewayOptions options = {}, GatewayHooks hooks = {});
  ~DeviceGateway();
  DeviceGateway(const DeviceGateway&) = delete;
  DeviceGateway& operator=(const DeviceGateway&) = delete;

  /// The hall was (re)built from a snapshot: every device gets its content again and the
  /// dispatcher gets every device's health (it may have restarted).
  void hallReset(const core::Hall& hall);
  /// One event, already applied to `hall`: content that changed is written; a call or
  /// recall rewrites its window display at the first priority (a recall blinks again).
  void hallEvent(const core::Hall& hall, const core::Event& event);
  /// Handles what the bus workers reported: polls, health changes, returning devices.
  void handleBusNews();
  /// Periodic work: reports error counters that moved.
  void tick(std::chrono::steady_clock::time_point now);

  /// Readable (eventfd) while bus news waits for handleBusNews().
  int wakeFd() const { return wakeFd_; }

  const GatewayPlan& plan() const { return plan_; }
  std::vector<DeviceHealthReport> health() const;
  std::map<std::string, BusStatistics> busStatistics() const;

 private:
  struct DeviceBack {
    std::string deviceId;
  };
  using BusNews = std::variant<PollResult, WriteResult, DeviceHealthReport, DeviceBack>;
  using Content = std::variant<std::monostate, drivers::WindowContent, drivers::StripContent,
                               drivers::KeypadDisplay, std::optional<drivers::PadPrompt>>;
  struct Slot {
    const PlannedDevice* device = nullptr;
    const PlannedBus* bus = nullptr;
    BusWorker* worker = nullptr;
    Content wanted;               ///< what it should show now; monostate before the first hall
    std::uint16_t contentSeq = 0;  ///< last content sequence written (displays, strip)
    drivers::KeyEventDeduper keys;
    std::optional<std::uint16_t> ratingSeqSeen;
    std::string ratedTicket;  ///< the ticket this pad's rating was sent for
    bool padAwaiting = false;  ///< this pad is read often (a rating is awaited), not only checked
    std::optional<DeviceHealthReport> reported;
    /// What of its content could not be shown as meant (text cut to fit): reported with its
    /// health as "error" until content that fits replaces it.
    std::string contentProblem;
  };

  void post(BusNews news);
  void update(const core::Hall& hall, const std::set<core::WindowNumber>& called, bool everything);
  void write(Slot& slot, BusPriority priority);
  void submit(Slot& slot, const std::vector<drivers::RegisterWrite>& writes, BusPriority priority);
  void onPoll(const PollResult& poll);
  void onKeypadPoll(Slot& slot, const drivers::KeypadMap& map, const PollResult& poll);
  void onPadPoll(Slot& slot, const drivers::EvalPadMap& map, const PollResult& poll);
  void onContentCheck(Slot& slot, const PollResult& poll);
  /// Reads a pad often while a rating is awaited for its window, and only checks it otherwise.
  void tunePadPoll(Slot& slot);
  void onWrite(const WriteResult& write);
  void report(Slot& slot, const DeviceHealthReport& health);
  void setContentProblem(Slot& slot, std::string problem);
  void warnOnce(const std::string& key, const std::string& message);

  const GatewayPlan plan_;
  RequestSink& requests_;
  const GatewayOptions options_;
  const GatewayHooks hooks_;
  int wakeFd_ = -1;

  std::mutex inboxMutex_;
  std::vector<BusNews> inbox_;  // guarded by inboxMutex_

  // Owner thread only.
  std::map<std::string, Slot> slots_;
  std::map<core::WindowNumber, core::WindowState> windowStates_;
  std::set<std::string> warned_;
  std::chrono::steady_clock::time_point nextCountersReport_{};

  std::vector<std::unique_ptr<BusWorker>> workers_;  // last: stopped first
};

}  // namespace jiujin::devices::gateway
