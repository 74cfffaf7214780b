#pragma once
// The test's own eyes on the running hall: a HallMirror that records every journaled event
// (as any client would see them), and a look at every LED display and the main strip
// through the bus simulator's control socket, recording each text ever shown.
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

  /// Handles events for up to `wait`, then reads every display once.
  void look(std::chrono::milliseconds wait);
  /// Reads one device now ("text" of a display, lines of the strip joined by '\n').
  std::string showNow(const std::string& device);

  client::HallMirror& mirror() { return *mirror_; }
  client::CommandChannel& manager() { return *manager_; }
  sim::BusControl& bus() { return *bus_; }
  const std::vector<std::pair<std::uint64_t, core::Event>>& events() const { return events_; }
  /// Device id → every text it showed while watched (strip: every line).
  const std::map<std::string, std::set<std::string>>& shown() const { return shown_; }
  std::string displayOf(core::WindowNumber window) const;
  const std::string& strip() const { return strip_; }
  std::uint64_t resets() const { return resets_; }

 private:
  zmq::context_t context_;
  std::unique_ptr<client::HallMirror> mirror_;
  std::unique_ptr<client::CommandChannel> manager_;
  std::unique_ptr<sim::BusControl> bus_;
  std::vector<std::pair<std::uint64_t, core::Event>> events_;
  std::map<std::string, std::set<std::string>> shown_;
  std::map<core::WindowNumber, std::string> displays_;
  std::string strip_;
  std::uint64_t resets_ = 0;
};

/// The simulator's activity log: one JSON object per line.
std::vector<nlohmann::json> readActivity(const std::string& path);

/// "key: value" lines of the simulator's summary.
std::map<std::string, std::string> readSummary(const std::string& path);

}  // namespace jiujin::e2e
