#pragma once
// A program of the hall started as a child process the way an operator starts it, with its
// stdout and stderr read line by line (bounded waits, never sleeps).
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace jiujin::testing {

class ChildProcess {
 public:
  explicit ChildProcess(std::vector<std::string> argv);
  /// SIGTERM, then SIGKILL if it has not ended within two seconds.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// The first line (since the start) that begins with `prefix`, waiting at most `bound`.
  std::optional<std::string> waitForLine(const std::string& prefix, std::chrono::milliseconds bound);
  /// Everything it wrote so far (for failure messages).
  const std::string& output();

 private:
  bool readSome(std::chrono::milliseconds bound);

  pid_t pid_ = -1;
  int out_ = -1;
  std::string output_;
};

/// "key=value" out of a line such as "READY commands=tcp://… events=tcp://…".
std::string fieldOf(const std::string& line, const std::string& key);

}  // namespace jiujin::testing
