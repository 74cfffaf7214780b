#pragma once
// A stand-in for journald for tests on machines without one (containers, CI): it binds
// /run/systemd/journal/socket — the fixed path libsystemd's sd_journal_send writes to — and
// reads the entries as journald would (the native protocol: "NAME=value\n", or "NAME\n",
// a little-endian 64-bit length and the value for values with line breaks).
// It can only stand in where no journald runs and the test may create that path (root).
// Two tests that want it at once take turns through a lock file.
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jiujin::testing {

using JournalEntry = std::map<std::string, std::string>;

class FakeJournald {
 public:
  static constexpr const char* kSocket = "/run/systemd/journal/socket";

  FakeJournald() {
    if (::geteuid() != 0) {
      whyNot_ = "not root: cannot create /run/systemd/journal/socket";
      return;
    }
    lock_ = ::open("/run/jiujin-test-fake-journald.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_ < 0 || ::flock(lock_, LOCK_EX) != 0) {
      whyNot_ = "cannot take the fake journald's lock";
      return;
    }
    struct stat info {};
    if (::lstat(kSocket, &info) == 0) {
      whyNot_ = "a journald (or another program) already owns /run/systemd/journal/socket";
      return;
    }
    madeSystemd_ = ::mkdir("/run/systemd", 0755) == 0;
    madeJournal_ = ::mkdir("/run/systemd/journal", 0755) == 0;
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, kSocket, sizeof address.sun_path - 1);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      whyNot_ = std::string("cannot bind /run/systemd/journal/socket: ") + std::strerror(errno);
      return;
    }
    ::chmod(kSocket, 0666);  // programs started as another user write to it too
    bound_ = true;
  }

  ~FakeJournald() {
    if (fd_ >= 0) ::close(fd_);
    if (bound_) ::unlink(kSocket);
    if (madeJournal_) ::rmdir("/run/systemd/journal");
    if (madeSystemd_) ::rmdir("/run/systemd");
    if (lock_ >= 0) ::close(lock_);
  }
  FakeJournald(const FakeJournald&) = delete;
  FakeJournald& operator=(const FakeJournald&) = delete;

  bool available() const { return bound_; }
  const std::string& whyNot() const { return whyNot_; }

  /// The next entry, waiting at most `within`; nothing when none came.
  std::optional<JournalEntry> next(std::chrono::milliseconds within) {
    pollfd p{fd_, POLLIN, 0};
    if (!bound_ || ::poll(&p, 1, static_cast<int>(within.count())) <= 0) return std::nullopt;
    std::vector<char> buffer(256 * 1024);
    const ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), 0);
    if (n <= 0) return std::nullopt;
    return parse(std::string(buffer.data(), static_cast<std::size_t>(n)));
  }

  /// Every entry until none comes for `quiet`.
  std::vector<JournalEntry> drain(std::chrono::milliseconds quiet = std::chrono::milliseconds(300)) {
    std::vector<JournalEntry> entries;
    while (auto e = next(quiet)) entries.push_back(std::move(*e));
    return entries;
  }

  static JournalEntry parse(const std::string& datagram) {
    JournalEntry entry;
    std::size_t at = 0;
    while (at < datagram.size()) {
      const auto newline = datagram.find('\n', at);
      if (newline == std::string::npos) break;
      const std::string line = datagram.substr(at, newline - at);
      const auto equals = line.find('=');
      if (equals != std::string::npos) {
        entry[line.substr(0, equals)] = line.substr(equals + 1);
        at = newline + 1;
        continue;
      }
      // Binary-safe form: NAME\n <uint64 LE length> value \n
      std::uint64_t length = 0;
      if (newline + 1 + 8 > datagram.size()) break;
      for (int i = 7; i >= 0; --i) length = (length << 8) | static_cast<unsigned char>(datagram[newline + 1 + i]);
      entry[line] = datagram.substr(newline + 9, length);
      at = newline + 9 + length + 1;
    }
    return entry;
  }

 private:
  int lock_ = -1;
  int fd_ = -1;
  bool bound_ = false;
  bool madeSystemd_ = false;
  bool madeJournal_ = false;
  std::string whyNot_;
};

}  // namespace jiujin::testing
