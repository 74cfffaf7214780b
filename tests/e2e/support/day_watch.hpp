#pragma once
// The test's own eyes on the running hall: a HallMirror that records every journaled event
// (as any client would see them), and the bus simulator's display history — every content
// change each LED display and the main strip received, read with a cursor through its control
// socket — so a call shown only for a moment is seen however busy the machine is.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/config/hall_config.hpp"
#include "jiujin/sim/bus_control.hpp"

namespace jiujin::e2e {

class DayWatch {
 public:
  DayWatch(const config::HallConfig& hall, const std::string& commands, const std::string& events,
           const std::string& busControl);

  /// Handles events for up to `wait`, then reads what the displays were sent since last time.
  void look(std::chrono::milliseconds wait);
  /// Reads the display history up to its newest entry; false if the simulator did not answer.
  bool readHistory();
  /// Reads one device now ("text" of a display, lines of the strip joined by '\n').
  std::string showNow(const std::string& device);

  client::HallMirror& mirror() { return *mirror_; }
  client::CommandChannel& manager() { return *manager_; }
  sim::BusControl& bus() { return *bus_; }
  const std::vector<std::pair<std::uint64_t, core::Event>>& events() const { return events_; }
  /// Device id → every text it was sent to show (strip: every line; keypad: every current
  /// number; pad: every ticket it prompted for), from the history.
  const std::map<std::string, std::set<std::string>>& shown() const { return shown_; }
  /// History entries read, and how often the simulator said some were dropped before the
  /// watch read them (its bound) — 0 when the record is whole.
  std::uint64_t historyEntries() const { return historyEntries_; }
  std::uint64_t historyGaps() const { return historyGaps_; }
  /// What `device` was sent between `from` and `to` (wall clock), one "HH:MM:SS.mmm text"
  /// line each (strip: its lines joined by " | ") — to explain a failure.
  std::string sentBetween(const std::string& device, core::TimePoint from, core::TimePoint to) const;
  std::string displayOf(core::WindowNumber window) const;
  const std::string& strip() const { return strip_; }
  std::uint64_t resets() const { return resets_; }
  /// Device news heard (device.online, device.offline, …): topic and device id, in order.
  const std::vector<std::pair<std::string, std::string>>& deviceNews() const { return deviceNews_; }
  /// How often `topic` was heard for `device`.
  int newsCount(const std::string& topic, const std::string& device) const;

 private:
  zmq::context_t context_;
  std::unique_ptr<client::HallMirror> mirror_;
  std::unique_ptr<client::CommandChannel> manager_;
  std::unique_ptr<sim::BusControl> bus_;
  std::vector<std::pair<std::uint64_t, core::Event>> events_;
  std::map<std::string, std::set<std::string>> shown_;
  std::map<std::string, std::vector<std::pair<core::TimePoint, std::string>>> sent_;
  std::uint64_t historyCursor_ = 0, historyEntries_ = 0, historyGaps_ = 0;
  std::map<core::WindowNumber, std::string> displays_;
  std::string strip_;
  std::uint64_t resets_ = 0;
  std::vector<std::pair<std::string, std::string>> deviceNews_;
};

/// The simulator's activity log: one JSON object per line.
std::vector<nlohmann::json> readActivity(const std::string& path);

/// "key: value" lines of the simulator's summary.
std::map<std::string, std::string> readSummary(const std::string& path);

}  // namespace jiujin::e2e
