#pragma once
// A program of the hall started as a child process, as an operator would start it: its
// stdout and stderr are collected by a reader thread, and the test waits on lines it prints
// (bounded, on a condition variable), never on time.
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace jiujin::e2e {

class ChildProcess {
 public:
  /// Starts `argv` (argv[0] is the program's path); `name` labels its output in failures.
  ChildProcess(std::string name, std::vector<std::string> argv);
  ~ChildProcess();  ///< kills (SIGKILL) if still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// Waits until the output holds a line starting with `prefix`; returns that line.
  std::optional<std::string> waitForLine(const std::string& prefix, std::chrono::milliseconds bound);
  /// Waits until the output holds `text` anywhere.
  bool waitForText(const std::string& text, std::chrono::milliseconds bound);
  /// Waits for the process to exit; its exit status, or nothing (killed, or bound passed).
  std::optional<int> waitForExit(std::chrono::milliseconds bound);
  bool running();
  void kill9();
  /// SIGTERM, then waitForExit(bound); SIGKILL if it did not exit.
  std::optional<int> terminate(std::chrono::milliseconds bound = std::chrono::seconds(10));

  std::string output() const;
  const std::string& name() const { return name_; }
  pid_t pid() const { return pid_; }

 private:
  void readLoop(int fd);

  std::string name_;
  pid_t pid_ = -1;
  bool exited_ = false;
  int status_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;   // guarded by mutex_
  bool eof_ = false;     // guarded by mutex_
  std::thread reader_;
};

/// The build tree: $JIUJIN_BINARY_DIR, else the compile-time default.
std::filesystem::path binaryDir();
std::filesystem::path sourceDir();

}  // namespace jiujin::e2e
