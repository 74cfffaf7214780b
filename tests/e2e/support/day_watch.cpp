#include "day_watch.hpp"

#include <algorithm>
#include <fstream>

#include <fmt/chrono.h>
#include <fmt/format.h>

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
  handlers.onNews = [this](const std::string& topic, const nlohmann::json& message) {
    if (topic.rfind("device.", 0) != 0 || !message.contains("device") || !message.at("device").is_object()) return;
    deviceNews_.emplace_back(topic, message.at("device").value("id", ""));
  };
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
  if (bus_) readHistory();
}

bool DayWatch::readHistory() {
  for (;;) {
    const sim::ControlReply page = bus_->send(fmt::format("history {} 5000", historyCursor_));
    if (!page.ok) return false;
    if (page.field("gap") == "1") ++historyGaps_;
    // One entry a line after the header: entry= time_ms= bus= device= and what it shows.
    std::size_t at = page.text.find('\n');
    while (at != std::string::npos) {
      const auto end = page.text.find('\n', at + 1);
      const std::string line = page.text.substr(at + 1, end == std::string::npos ? end : end - at - 1);
      const auto entry = sim::parseControlReply("ok " + line);
      at = end;
      ++historyEntries_;
      const std::string device = entry.field("device");
      const core::TimePoint when{core::Milliseconds(std::stoll(entry.field("time_ms")))};
      if (device == strip_) {
        std::string lines;
        for (int i = 1; i <= 4; ++i) {
          shown_[device].insert(entry.field("line" + std::to_string(i)));
          lines += (i > 1 ? " | " : "") + entry.field("line" + std::to_string(i));
        }
        sent_[device].emplace_back(when, lines);
      } else if (entry.fields.contains("text")) {  // a window display
        shown_[device].insert(entry.field("text"));
        sent_[device].emplace_back(when, entry.field("text"));
      } else if (entry.fields.contains("number")) {  // a keypad's small display
        shown_[device].insert(entry.field("number"));
        sent_[device].emplace_back(when, entry.field("number") + " waiting=" + entry.field("waiting"));
      } else if (entry.fields.contains("ticket")) {  // a pad's prompt
        shown_[device].insert(entry.field("ticket"));
        sent_[device].emplace_back(when, "prompt " + entry.field("ticket"));
      }
    }
    historyCursor_ = std::stoull(page.field("next"));
    if (page.field("more") != "1") return true;
  }
}

int DayWatch::newsCount(const std::string& topic, const std::string& device) const {
  return static_cast<int>(std::count(deviceNews_.begin(), deviceNews_.end(), std::pair{topic, device}));
}

std::string DayWatch::sentBetween(const std::string& device, core::TimePoint from, core::TimePoint to) const {
  std::string out;
  const auto found = sent_.find(device);
  if (found == sent_.end()) return out;
  for (const auto& [at, text] : found->second) {
    if (at < from || at > to) continue;
    const auto ms = at.time_since_epoch().count();
    out += fmt::format("  {:%H:%M:%S}.{:03} {}\n", fmt::localtime(static_cast<std::time_t>(ms / 1000)), ms % 1000, text);
  }
  return out;
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
