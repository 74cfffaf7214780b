#include "hall_processes.hpp"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include <fmt/format.h>

namespace jiujin::e2e {

namespace {

using namespace std::chrono_literals;

// Under a loaded machine (several builds on two cores) programs start slowly: generous
// bounds, which only matter when something is really wrong.
constexpr auto kStartBound = 30s;

std::string field(const std::string& line, const std::string& key) {
  const auto at = line.find(key + "=");
  if (at == std::string::npos) return {};
  const auto start = at + key.size() + 1;
  return line.substr(start, line.find(' ', start) - start);
}

}  // namespace

ScratchDir::ScratchDir() {
  std::random_device seed;
  path_ = std::filesystem::temp_directory_path() / fmt::format("jiujin-e2e-{}-{:x}", ::getpid(), seed());
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

HallProcesses::HallProcesses(const std::filesystem::path& dir)
    : dir_(dir),
      hallFile_(dir / "township.toml"),
      database_(dir / "hall.db"),
      runtime_(dir / "run"),
      activity_(dir / "activity.jsonl"),
      summary_(dir / "summary.txt") {
  const auto samples = sourceDir() / "config" / "samples";
  std::filesystem::copy_file(samples / "township.toml", hallFile_);
  std::filesystem::copy_file(samples / "catalog.csv", dir / "catalog.csv");
  std::filesystem::copy_file(samples / "calendar-2026.toml", dir / "calendar-2026.toml");
  std::filesystem::create_directories(runtime_);
}

bool HallProcesses::startDispatcher() {
  dispatcher_ = std::make_unique<ChildProcess>(
      "dispatcher", std::vector<std::string>{(binaryDir() / "dispatcher/service/app/jiujin-dispatcher").string(),
                                             "--config", hallFile_.string(), "--db", database_.string(), "--commands",
                                             commands_, "--events", events_,
                                             // The tests run at any time of day.
                                             "--hours", "ignore"});
  const auto ready = dispatcher_->waitForLine("READY ", kStartBound);
  if (!ready) {
    failure_ = "the dispatcher did not say READY:\n" + dispatcher_->output();
    return false;
  }
  commands_ = field(*ready, "commands");
  events_ = field(*ready, "events");
  return true;
}

bool HallProcesses::crashAndRestartDispatcher() {
  dispatcher_->kill9();
  earlierDispatchers_.push_back(dispatcher_->output());
  return startDispatcher();
}

bool HallProcesses::setDeviceProfile(const std::string& id, const std::string& profile) {
  std::ifstream in(hallFile_);
  std::stringstream text;
  text << in.rdbuf();
  std::string hall = text.str();
  const std::string line = fmt::format("id = \"{}\"\n", id);
  const auto at = hall.find(line);
  if (at == std::string::npos) return false;
  hall.insert(at + line.size(), fmt::format("profile = \"{}\"\n", profile));
  std::ofstream(hallFile_, std::ios::trunc) << hall;
  return true;
}

bool HallProcesses::startBusSimulator() {
  // Unpaced unless asked: a day compressed hundreds of times could not go over a 9600-baud
  // line. The paced day (usePacedBuses) runs slower and shorter.
  std::vector<std::string> argv{(binaryDir() / "devices/sim/jiujin-bussim").string(), "--config", hallFile_.string(),
                                "--runtime-dir", runtime_.string(), "--control", "tcp://127.0.0.1:*"};
  if (!pacedBuses_) argv.push_back("--no-pacing");
  for (const auto& dir : profileDirs_) argv.insert(argv.end(), {"--profiles", dir.string()});
  bussim_ = std::make_unique<ChildProcess>("bussim", argv);
  const auto control = bussim_->waitForLine("control ", kStartBound);
  if (!control) {
    failure_ = "the bus simulator did not print its control endpoint:\n" + bussim_->output();
    return false;
  }
  busControl_ = control->substr(8);
  return true;
}

bool HallProcesses::startGateway() {
  std::vector<std::string> argv{(binaryDir() / "devices/gateway/jiujin-devices").string(), "--config",
                                hallFile_.string(), "--runtime-dir", runtime_.string(), "--commands", commands_,
                                "--events", events_, "--name", "devices-e2e"};
  for (const auto& dir : profileDirs_) argv.insert(argv.end(), {"--profiles", dir.string()});
  gateway_ = std::make_unique<ChildProcess>("gateway", argv);
  if (!gateway_->waitForLine("synced ", kStartBound)) {
    failure_ = "the device gateway did not sync with the dispatcher:\n" + gateway_->output();
    return false;
  }
  return true;
}

bool HallProcesses::startSimulator(std::vector<std::string> extraArgs) {
  std::vector<std::string> argv{(binaryDir() / "sim/residents/jiujin-sim").string(), "--config", hallFile_.string(),
                                "--commands", commands_, "--events", events_, "--activity", activity_.string(),
                                "--summary", summary_.string()};
  if (!busControl_.empty()) {
    argv.push_back("--bussim-control");
    argv.push_back(busControl_);
  }
  argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
  sim_ = std::make_unique<ChildProcess>("sim", argv);
  if (!sim_->waitForLine("jiujin-sim: ", kStartBound)) {
    failure_ = "the simulator did not start its day:\n" + sim_->output();
    return false;
  }
  return true;
}

std::string HallProcesses::outputs() const {
  std::string all;
  const auto tail = [](const std::string& text) {
    return text.size() > 6000 ? "…" + text.substr(text.size() - 6000) : text;
  };
  for (std::size_t i = 0; i < earlierDispatchers_.size(); ++i) {
    all += fmt::format("--- dispatcher (crashed instance {}) ---\n{}\n", i + 1, tail(earlierDispatchers_[i]));
  }
  for (const auto* p : {dispatcher_.get(), bussim_.get(), gateway_.get(), sim_.get()}) {
    if (p) all += fmt::format("--- {} ---\n{}\n", p->name(), tail(p->output()));
  }
  return all;
}

}  // namespace jiujin::e2e
