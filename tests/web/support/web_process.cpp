#include "web_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace jiujin::web::testing {

std::filesystem::path webBinary() {
  const char* dir = std::getenv("JIUJIN_BINARY_DIR");
  return std::filesystem::path(dir ? dir : JIUJIN_BINARY_DIR) / "web/jiujin-web";
}

WebProcess::WebProcess(const std::filesystem::path& hall, const std::string& commands, const std::string& events,
                       std::vector<std::string> extraArgs) {
  std::vector<std::string> argv{webBinary().string(), "--config", hall.string(), "--commands", commands,
                                "--events", events, "--listen", "127.0.0.1", "--port", "0"};
  argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::dup2(fds[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  stdout_ = fds[0];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    for (const std::string scheme : {"http", "https"}) {
      const std::string line = "READY " + scheme + "://127.0.0.1:";
      const auto ready = output_.find(line);
      if (ready != std::string::npos && output_.find('\n', ready) != std::string::npos) {
        port_ = std::atoi(output_.c_str() + ready + line.size());
        tls_ = scheme == "https";
        return;
      }
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    pollfd p{stdout_, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    char buffer[4096];
    const ssize_t n = ::read(stdout_, buffer, sizeof buffer);
    if (n <= 0) break;
    output_.append(buffer, static_cast<std::size_t>(n));
  }
}

int WebProcess::exitCode(std::chrono::milliseconds within) {
  if (pid_ <= 0) return exitCode_;
  const auto deadline = std::chrono::steady_clock::now() + within;
  for (;;) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exitCode_;
    }
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    pollfd none{-1, 0, 0};
    ::poll(&none, 0, 20);
  }
}

WebProcess::~WebProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    // Bounded: SIGKILL if it does not end within 5 s of SIGTERM.
    for (int i = 0; i < 50; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      pollfd none{-1, 0, 0};
      ::poll(&none, 0, 100);
    }
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  if (stdout_ >= 0) ::close(stdout_);
}

}  // namespace jiujin::web::testing
