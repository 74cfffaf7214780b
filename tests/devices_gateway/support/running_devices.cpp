#include "support/running_devices.hpp"

#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "support/sample_hall.hpp"

namespace jiujin::testing {

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The sample hall at 115200 baud: the simulator does not pace, and the gateway then keeps
/// the hall's 200 ms poll interval (at 9600 it stretches it to leave the line room).
void writeHall(const std::filesystem::path& dir) {
  const auto samples = sourceDir() / "config/samples";
  std::string hall = readFile(samples / "township.toml");
  hall = std::regex_replace(hall, std::regex("baud = 9600"), "baud = 115200");
  std::ofstream(dir / "township.toml") << hall;
  std::filesystem::copy_file(samples / "catalog.csv", dir / "catalog.csv");
  std::filesystem::copy_file(samples / "calendar-2026.toml", dir / "calendar-2026.toml");
}

}  // namespace

RunningDevices::RunningDevices() { start(); }

RunningDevices::~RunningDevices() {
  stream_.reset();
  control_.reset();
  gateway_.reset();  // first: it talks to both others
  bussim_.reset();
  dispatcher_.reset();
}

void RunningDevices::start() {
  writeHall(dir.path());
  const auto hall = (dir.path() / "township.toml").string();
  const auto build = binaryDir();

  dispatcher_ = std::make_unique<ChildProcess>(std::vector<std::string>{
      (build / "dispatcher/service/app/jiujin-dispatcher").string(), "--config", hall, "--db",
      (dir.path() / "hall.db").string(), "--commands", "tcp://127.0.0.1:0", "--events", "tcp://127.0.0.1:0",
      "--hours", "ignore"});
  const auto ready = dispatcher_->waitForLine("READY ", 20s);
  if (!ready) {
    failure_ = "jiujin-dispatcher did not start: " + dispatcher_->output();
    return;
  }
  commands_ = fieldOf(*ready, "commands");
  events_ = fieldOf(*ready, "events");

  bussim_ = std::make_unique<ChildProcess>(std::vector<std::string>{
      (build / "devices/sim/jiujin-bussim").string(), "--config", hall, "--runtime-dir",
      (dir.path() / "buses").string(), "--no-pacing", "--slow-ms", "300", "--control", "tcp://127.0.0.1:*"});
  const auto control = bussim_->waitForLine("control ", 20s);
  if (!control) {
    failure_ = "jiujin-bussim did not start: " + bussim_->output();
    return;
  }
  controlEndpoint_ = control->substr(std::string("control ").size());
  control_ = std::make_unique<zmq::socket_t>(context_, zmq::socket_type::req);
  control_->set(zmq::sockopt::rcvtimeo, 5000);
  control_->set(zmq::sockopt::linger, 0);
  control_->connect(controlEndpoint_);

  client::ConnectionOptions options;
  options.commands = commands_;
  options.events = events_;
  client::StreamHandlers handlers;
  handlers.onEvent = [this](std::uint64_t, const std::string& topic, const json& e) { heard_.push_back({topic, e}); };
  handlers.onNews = [this](const std::string& topic, const json& m) { heard_.push_back({topic, m}); };
  stream_ = std::make_unique<client::EventStream>(context_, options, handlers);
  stream_->poll(0ms);

  gateway_ = std::make_unique<ChildProcess>(std::vector<std::string>{
      (build / "devices/gateway/jiujin-devices").string(), "--config", hall, "--runtime-dir",
      (dir.path() / "buses").string(), "--commands", commands_, "--events", events_, "--name", "devices-test"});
  if (!gateway_->waitForLine("synced ", 20s)) failure_ = "jiujin-devices did not sync: " + gateway_->output();
}

client::Reply RunningDevices::tryRequest(const std::string& role, const std::string& type, const json& body,
                                         int window) {
  client::ConnectionOptions options;
  options.commands = commands_;
  options.events = events_;
  options.identity = client::StatedIdentity{role, window ? std::optional<int>(window) : std::nullopt, "test-" + role};
  client::CommandChannel channel(context_, options);
  return channel.request(type, body);
}

json RunningDevices::request(const std::string& role, const std::string& type, const json& body, int window) {
  const auto reply = tryRequest(role, type, body, window);
  EXPECT_TRUE(reply.ok) << type << " as " << role << ": " << reply.error.code << " " << reply.error.en;
  return reply.result;
}

void RunningDevices::staff(int window, const std::string& clerk) {
  // A window opens only with a clerk logged in.
  request("console", "clerk_login", {{"window", window}, {"clerk", clerk}, {"pin", "1234"}}, window);
  request("manager", "open_window", {{"window", window}});
}

std::string RunningDevices::issueGeneral() {
  const auto result = request("kiosk", "issue_ticket", {{"item", "370199-GG-0001"}});
  return result.value("ticket", json::object()).value("number", std::string());
}

std::string RunningDevices::control(const std::string& command) {
  if (!control_) return "error no simulator";
  control_->send(zmq::buffer(command), zmq::send_flags::none);
  zmq::message_t reply;
  if (!control_->recv(reply)) {
    // A REQ socket that lost its reply cannot send again: start over.
    control_ = std::make_unique<zmq::socket_t>(context_, zmq::socket_type::req);
    control_->set(zmq::sockopt::rcvtimeo, 5000);
    control_->set(zmq::sockopt::linger, 0);
    control_->connect(controlEndpoint_);
    return "error no reply";
  }
  return reply.to_string();
}

std::uint64_t RunningDevices::requestsSeenBy(const std::string& device) {
  std::istringstream lines(control("devices"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(device + " ", 0) != 0) continue;
    const auto value = fieldOf(line, "requests");
    return value.empty() ? 0 : std::stoull(value);
  }
  return 0;
}

bool RunningDevices::waitUntil(const std::function<bool()>& done, std::chrono::milliseconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    stream_->poll(50ms);  // a bounded wait on the hall's events between looks
  }
  return true;
}

bool RunningDevices::waitForMessage(const std::string& topic, const std::function<bool(const json&)>& match,
                                    std::chrono::milliseconds bound) {
  return waitUntil(
      [&] {
        for (const auto& h : heard_)
          if (h.topic == topic && match(h.message)) return true;
        return false;
      },
      bound);
}

int RunningDevices::countMessages(const std::string& topic) const {
  int n = 0;
  for (const auto& h : heard_) n += h.topic == topic;
  return n;
}

}  // namespace jiujin::testing

namespace jiujin::testing {

int RunningDevices::countMessages(const std::string& topic, const std::function<bool(const json&)>& match) const {
  int n = 0;
  for (const auto& h : heard_) n += h.topic == topic && match(h.message);
  return n;
}

}  // namespace jiujin::testing
