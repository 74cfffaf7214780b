#pragma once
// The real jiujin-dispatcher, started as a child process the way an operator starts it.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace jiujin::testing {

std::filesystem::path dispatcherBinary();
std::filesystem::path jiujinctlBinary();

class DispatcherProcess {
 public:
  /// Starts the dispatcher with `--config hall --db db` plus `extraArgs`, and waits (bounded)
  /// for its READY line. Endpoints default to ephemeral loopback ports.
  DispatcherProcess(const std::filesystem::path& hall, const std::filesystem::path& db,
                    std::vector<std::string> extraArgs = {},
                    std::string commands = "tcp://127.0.0.1:0", std::string events = "tcp://127.0.0.1:0");
  ~DispatcherProcess();
  DispatcherProcess(const DispatcherProcess&) = delete;
  DispatcherProcess& operator=(const DispatcherProcess&) = delete;

  bool ready() const { return !commands_.empty(); }
  const std::string& commands() const { return commands_; }
  const std::string& events() const { return events_; }
  /// Everything the process wrote on stdout and stderr so far (its READY line, its log
  /// lines). After READY a thread keeps reading the pipe, so a chatty dispatcher never
  /// blocks on a full pipe while the test is busy elsewhere.
  std::string output() const;

  void kill9();
  /// Waits (bounded) for the process to end by itself; its exit status, or nothing if it
  /// is still running. A signal death is reported as 128 + the signal number.
  std::optional<int> waitForExit(std::chrono::milliseconds within);
  /// Sends `signal` (e.g. SIGHUP) to the process.
  void signal(int signal);
  /// SIGTERM and wait (bounded); returns the exit status, or nothing if it had to be killed.
  std::optional<int> terminate(std::chrono::milliseconds within = std::chrono::seconds(10));

 private:
  void startDraining();
  /// Waits for the draining thread, which ends at the pipe's end of file (the process ended).
  void joinDrain();

  pid_t pid_ = -1;
  int stdout_ = -1;
  std::string commands_;
  std::string events_;
  mutable std::mutex outputMutex_;
  std::string output_;  ///< under outputMutex_ once the drain runs
  std::atomic<bool> stopDraining_{false};
  std::thread drain_;
};

/// Runs a program to completion (bounded), capturing stdout+stderr; returns exit status.
int runProgram(const std::vector<std::string>& argv, std::string& output,
               std::chrono::milliseconds within = std::chrono::seconds(30));

}  // namespace jiujin::testing
