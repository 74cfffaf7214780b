#include "day_watch.hpp"

#include <fstream>

namespace jiujin::e2e {

DayWatch::DayWatch(const config::HallConfig& hall, const std::string& commands, const std::string& events,
                   const std::string& busControl) {
  client::ConnectionOptions watch;
  watch.commands = commands;
  watch.events = events;
  watch.identity = client::StatedIdentity{"display", std::nullopt, "e2e-watch"};
  client::MirrorHandlers handlers;
  handlers.onEvent = [this](std::uint64_t seq, const core::Event& e) { events_.emplace_back(seq, e); };
  handlers.onReset = [this] { ++resets_; };
  mirror_ = std::make_unique<client::HallMirror>(context_, watch, handlers);
  client::ConnectionOptions manager = watch;
  manager.identity = client::StatedIdentity{"manager", std::nullopt, "e2e-manager"};
  manager_ = std::make_unique<client::CommandChannel>(context_, manager);
  if (!busControl.empty()) bus_ = std::make_unique<sim::BusControl>(context_, busControl);
  for (const auto& d : hall.devices) {
    if (d.kind == config::DeviceKind::WindowDisplay && d.window) displays_[*d.window] = d.id;
    if (d.kind == config::DeviceKind::MainStrip) strip_ = d.id;
  }
}

std::string DayWatch::displayOf(core::WindowNumber window) const {
  const auto found = displays_.find(window);
  return found == displays_.end() ? std::string{} : found->second;
}

std::string DayWatch::showNow(const std::string& device) {
  const sim::ControlReply reply = bus_->show(device);
  if (!reply.ok) return {};
  if (device != strip_) return reply.field("text");
  std::string lines;
  for (int i = 1; i <= 4; ++i) lines += reply.field("line" + std::to_string(i)) + "\n";
  return lines;
}

void DayWatch::look(std::chrono::milliseconds wait) {
  mirror_->poll(wait);
  if (!bus_) return;
  for (const auto& [window, device] : displays_) {
    const sim::ControlReply reply = bus_->show(device);
    if (reply.ok) shown_[device].insert(reply.field("text"));
  }
  if (!strip_.empty()) {
    const sim::ControlReply reply = bus_->show(strip_);
    for (int i = 1; reply.ok && i <= 4; ++i) shown_[strip_].insert(reply.field("line" + std::to_string(i)));
  }
}

std::vector<nlohmann::json> readActivity(const std::string& path) {
  std::vector<nlohmann::json> entries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) entries.push_back(nlohmann::json::parse(line, nullptr, false));
  }
  return entries;
}

std::map<std::string, std::string> readSummary(const std::string& path) {
  std::map<std::string, std::string> summary;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 2);
    value = value.substr(0, value.find("  #"));
    summary[line.substr(0, colon)] = value;
  }
  return summary;
}

}  // namespace jiujin::e2e
