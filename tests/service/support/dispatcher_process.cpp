#include "dispatcher_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace jiujin::testing {

namespace {

std::filesystem::path binaryDir() {
  if (const char* dir = std::getenv("JIUJIN_BINARY_DIR")) return dir;
  return JIUJIN_SERVICE_TEST_BINARY_DIR;
}

pid_t spawn(const std::vector<std::string>& argv, int& readEnd) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::dup2(fds[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  readEnd = fds[0];
  return pid;
}

/// Reads what is available within `left`; false at end of file or timeout.
bool readSome(int fd, std::string& into, std::chrono::milliseconds left) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buffer[4096];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n <= 0) return false;
  into.append(buffer, static_cast<std::size_t>(n));
  return true;
}

std::string field(const std::string& line, const std::string& key) {
  const auto at = line.find(key + "=");
  if (at == std::string::npos) return {};
  const auto start = at + key.size() + 1;
  const auto end = line.find_first_of(" \n", start);
  return line.substr(start, end - start);
}

}  // namespace

void DispatcherProcess::signal(int signal) {
  if (pid_ > 0) ::kill(pid_, signal);
}

std::filesystem::path dispatcherBinary() { return binaryDir() / "dispatcher/service/app/jiujin-dispatcher"; }
std::filesystem::path jiujinctlBinary() { return binaryDir() / "client/ctl/jiujinctl"; }

DispatcherProcess::DispatcherProcess(const std::filesystem::path& hall, const std::filesystem::path& db,
                                     std::vector<std::string> extraArgs, std::string commands, std::string events) {
  std::vector<std::string> argv{dispatcherBinary().string(), "--config", hall.string(), "--db", db.string(),
                                "--commands", commands, "--events", events};
  argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
  pid_ = spawn(argv, stdout_);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    const auto ready = output_.find("READY ");
    if (ready != std::string::npos && output_.find('\n', ready) != std::string::npos) {
      const std::string line = output_.substr(ready, output_.find('\n', ready) - ready);
      commands_ = field(line, "commands");
      events_ = field(line, "events");
      break;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!readSome(stdout_, output_, left)) break;
  }
  startDraining();
}

void DispatcherProcess::startDraining() {
  drain_ = std::thread([this] {
    std::string chunk;
    for (;;) {
      pollfd p{stdout_, POLLIN, 0};
      const int ready = ::poll(&p, 1, 100);
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0) return;
      if (ready == 0) {
        if (stopDraining_) return;
        continue;
      }
      char buffer[4096];
      const ssize_t n = ::read(stdout_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // end of file: the process ended
      const std::lock_guard lock(outputMutex_);
      output_.append(buffer, static_cast<std::size_t>(n));
    }
  });
}

void DispatcherProcess::joinDrain() {
  if (drain_.joinable()) drain_.join();
}

std::string DispatcherProcess::output() const {
  const std::lock_guard lock(outputMutex_);
  return output_;
}

DispatcherProcess::~DispatcherProcess() {
  if (pid_ > 0) kill9();
  stopDraining_ = true;  // a process that outlived us (it cannot: kill9 above) must not hang the join
  joinDrain();
  if (stdout_ >= 0) ::close(stdout_);
}

void DispatcherProcess::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::optional<int> DispatcherProcess::waitForExit(std::chrono::milliseconds within) {
  if (pid_ <= 0) return std::nullopt;
  // A pidfd becomes readable when the process ends: wait on that, not on a clock.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd < 0) return std::nullopt;
  pollfd ended{pidfd, POLLIN, 0};
  const int ready = ::poll(&ended, 1, static_cast<int>(within.count()));
  ::close(pidfd);
  if (ready <= 0) return std::nullopt;
  int status = 0;
  if (::waitpid(pid_, &status, 0) != pid_) return std::nullopt;
  pid_ = -1;
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

std::optional<int> DispatcherProcess::terminate(std::chrono::milliseconds within) {
  if (pid_ <= 0) return std::nullopt;
  ::kill(pid_, SIGTERM);
  // Wait (bounded) for it to end; then everything it wrote is read once the pipe closes.
  const auto status = waitForExit(within);
  if (!status) {
    kill9();
    return std::nullopt;
  }
  joinDrain();
  return *status < 128 ? status : std::nullopt;  // 128 + N: killed by signal N
}

int runProgram(const std::vector<std::string>& argv, std::string& output, std::chrono::milliseconds within) {
  int fd = -1;
  const pid_t pid = spawn(argv, fd);
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!readSome(fd, output, left)) break;
  }
  ::close(fd);
  int status = 0;
  const bool exited = std::chrono::steady_clock::now() < deadline;
  if (!exited || ::waitpid(pid, &status, 0) != pid) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace jiujin::testing
