#pragma once
// The real jiujin-web, started as a child process the way scripts/demo starts it.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace jiujin::web::testing {

std::filesystem::path webBinary();

class WebProcess {
 public:
  /// Starts `jiujin-web --config hall --commands … --events … --port 0` plus `extraArgs` and
  /// waits (bounded) for its READY line (http:// or https://), or for it to end.
  WebProcess(const std::filesystem::path& hall, const std::string& commands, const std::string& events,
             std::vector<std::string> extraArgs = {});
  ~WebProcess();
  WebProcess(const WebProcess&) = delete;
  WebProcess& operator=(const WebProcess&) = delete;

  bool ready() const { return port_ > 0; }
  /// Whether it said READY https://.
  bool tls() const { return tls_; }
  /// Its exit code once it ended (128 + the signal if one ended it), waiting at most `within`;
  /// -1 while it still runs.
  int exitCode(std::chrono::milliseconds within);
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int stdout_ = -1;
  int port_ = 0;
  bool tls_ = false;
  int exitCode_ = -1;
  std::string output_;
};

}  // namespace jiujin::web::testing
