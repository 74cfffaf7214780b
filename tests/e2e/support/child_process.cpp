#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace jiujin::e2e {

std::filesystem::path binaryDir() {
  if (const char* dir = std::getenv("JIUJIN_BINARY_DIR"); dir != nullptr && *dir != '\0') return dir;
  return JIUJIN_BINARY_DIR;
}

std::filesystem::path sourceDir() {
  if (const char* dir = std::getenv("JIUJIN_SOURCE_DIR"); dir != nullptr && *dir != '\0') return dir;
  return JIUJIN_SOURCE_DIR;
}

ChildProcess::ChildProcess(std::string name, std::vector<std::string> argv) : name_(std::move(name)) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::dup2(fds[1], STDERR_FILENO);
    ::setpgid(0, 0);  // its own group: a terminal's Ctrl-C reaches the test only
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  reader_ = std::thread([this, fd = fds[0]] { readLoop(fd); });
}

ChildProcess::~ChildProcess() {
  if (running()) kill9();
  if (reader_.joinable()) reader_.join();
}

void ChildProcess::readLoop(int fd) {
  char buffer[4096];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    std::lock_guard lock(mutex_);
    output_.append(buffer, static_cast<std::size_t>(n));
    changed_.notify_all();
  }
  ::close(fd);
  std::lock_guard lock(mutex_);
  eof_ = true;
  changed_.notify_all();
}

std::optional<std::string> ChildProcess::waitForLine(const std::string& prefix, std::chrono::milliseconds bound) {
  std::unique_lock lock(mutex_);
  std::optional<std::string> found;
  changed_.wait_for(lock, bound, [&] {
    std::size_t at = 0;
    while (at < output_.size()) {
      const auto end = output_.find('\n', at);
      if (end == std::string::npos) break;  // only whole lines
      if (output_.compare(at, prefix.size(), prefix) == 0) {
        found = output_.substr(at, end - at);
        return true;
      }
      at = end + 1;
    }
    return eof_;
  });
  return found;
}

bool ChildProcess::waitForText(const std::string& text, std::chrono::milliseconds bound) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, bound, [&] { return output_.find(text) != std::string::npos || eof_; }) &&
         output_.find(text) != std::string::npos;
}

std::optional<int> ChildProcess::waitForExit(std::chrono::milliseconds bound) {
  if (!exited_) {
    // The output pipe closes when the process (and any child holding it) exits.
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, bound, [&] { return eof_; });
    if (!eof_) return std::nullopt;
  }
  if (!exited_) {
    if (::waitpid(pid_, &status_, 0) != pid_) return std::nullopt;
    exited_ = true;
  }
  return WIFEXITED(status_) ? std::optional<int>(WEXITSTATUS(status_)) : std::nullopt;
}

bool ChildProcess::running() {
  if (exited_ || pid_ <= 0) return false;
  if (::waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
  return !exited_;
}

void ChildProcess::kill9() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status_, 0);
  exited_ = true;
}

std::optional<int> ChildProcess::terminate(std::chrono::milliseconds bound) {
  if (!running()) return waitForExit(std::chrono::milliseconds(0));
  ::kill(pid_, SIGTERM);
  auto status = waitForExit(bound);
  if (!status && running()) kill9();
  return status;
}

std::string ChildProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

}  // namespace jiujin::e2e
