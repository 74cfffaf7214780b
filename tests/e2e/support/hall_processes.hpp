#pragma once
// The sample township centre running for real in a temporary folder: a copy of
// config/samples/township.toml and its catalog, a fresh SQLite file, the dispatcher on
// ephemeral loopback ports (restarted on the same ones), the bus simulator on pseudo-
// terminals, the device gateway on those, and the resident simulator.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace jiujin::e2e {

/// A temporary folder removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class HallProcesses {
 public:
  /// Copies the sample hall into `dir`; starts nothing yet.
  explicit HallProcesses(const std::filesystem::path& dir);

  /// Before startBusSimulator: bytes leave at each bus's baud rate, as on real RS-485 (by
  /// default the simulator answers at once, for days compressed hundreds of times).
  void usePacedBuses() { pacedBuses_ = true; }
  /// Before starting the simulator and the gateway: both read the profiles in `dir` too.
  void addProfileDir(const std::filesystem::path& dir) { profileDirs_.push_back(dir); }
  /// Names `profile` as the register map of the hall file's device `id` (which names none
  /// yet); false if there is no such device.
  bool setDeviceProfile(const std::string& id, const std::string& profile);

  /// Each start waits (bounded) for the program's ready line; false with the reason in
  /// failure() if it did not come.
  bool startDispatcher();
  bool startBusSimulator();
  bool startGateway();
  /// jiujin-sim with the endpoints, bus control, activity log and summary of this hall.
  bool startSimulator(std::vector<std::string> extraArgs);
  /// kill -9 and start again on the same endpoints and database.
  bool crashAndRestartDispatcher();

  const std::filesystem::path& hallFile() const { return hallFile_; }
  const std::filesystem::path& database() const { return database_; }
  const std::filesystem::path& activityLog() const { return activity_; }
  const std::filesystem::path& summaryFile() const { return summary_; }
  const std::string& commands() const { return commands_; }
  const std::string& events() const { return events_; }
  const std::string& busControl() const { return busControl_; }
  ChildProcess* dispatcher() { return dispatcher_.get(); }
  ChildProcess* busSimulator() { return bussim_.get(); }
  ChildProcess* gateway() { return gateway_.get(); }
  ChildProcess* simulator() { return sim_.get(); }
  const std::string& failure() const { return failure_; }
  /// Every process's output, for a failing test's message.
  std::string outputs() const;

 private:
  std::filesystem::path dir_, hallFile_, database_, runtime_, activity_, summary_;
  std::string commands_ = "tcp://127.0.0.1:0", events_ = "tcp://127.0.0.1:0", busControl_;
  std::unique_ptr<ChildProcess> dispatcher_, bussim_, gateway_, sim_;
  std::vector<std::string> earlierDispatchers_;  ///< output of crashed instances
  bool pacedBuses_ = false;
  std::vector<std::filesystem::path> profileDirs_;
  std::string failure_;
};

}  // namespace jiujin::e2e
