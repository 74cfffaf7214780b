#include "hall_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "open_checks.hpp"

namespace jiujin::store {

StoreResult<std::unique_ptr<HallLock>> HallLock::acquire(const std::filesystem::path& database) {
  const std::filesystem::path lockPath = database.string() + ".lock";
  const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int err = errno;
    if (err == EACCES || err == EPERM || err == EROFS) {
      if (auto readOnly = readOnlyError(database)) return *readOnly;
    }
    return StoreError{StoreErrorCode::Io,
                      fmt::format("cannot create lock file {}: {}", lockPath.string(), std::strerror(err))};
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    ::close(fd);
    if (err == EWOULDBLOCK) {
      const std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string("unknown");
      return StoreError{StoreErrorCode::InUse, fmt::format("another dispatcher is using {} (pid {})",
                                                           database.filename().string(), pid)};
    }
    return StoreError{StoreErrorCode::Io, fmt::format("cannot lock {}: {}", lockPath.string(), std::strerror(err))};
  }
  const std::string pid = std::to_string(::getpid());
  // The pid is only for the message a second dispatcher prints; failing to write it is harmless.
  if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, pid.data(), pid.size(), 0);
  return std::unique_ptr<HallLock>(new HallLock(fd));
}

HallLock::~HallLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace jiujin::store
