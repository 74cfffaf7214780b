#include "port_error.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace jiujin::devices::detail {

namespace {

PortErrorCode codeForErrno(int err) {
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case ENOTDIR:
      return PortErrorCode::NotFound;
    case EACCES:
    case EPERM:
    case EROFS:
      return PortErrorCode::PermissionDenied;
    case EBUSY:
      return PortErrorCode::Busy;
    case ETIMEDOUT:
      return PortErrorCode::Timeout;
    case EIO:       // a pseudo-terminal whose other end is gone reads and writes EIO
    case EPIPE:
    case EBADF:
    case ECONNRESET:
      return PortErrorCode::Closed;
    case ENOTTY:
    case EINVAL:
    case EOPNOTSUPP:
      return PortErrorCode::Unsupported;
    default:
      return PortErrorCode::Io;
  }
}

}  // namespace

std::string systemReason(int err) {
  char buffer[256];
  // GNU strerror_r returns a pointer to the text (not always into buffer).
  return ::strerror_r(err, buffer, sizeof buffer);
}

PortError portErrorFromErrno(std::string_view port, std::string_view action, int err) {
  return PortError{codeForErrno(err), fmt::format("{}: {}: {}", port, action, systemReason(err))};
}

PortError portError(PortErrorCode code, std::string_view port, std::string_view reason) {
  return PortError{code, fmt::format("{}: {}", port, reason)};
}

}  // namespace jiujin::devices::detail
