#include "fd_serial_port.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <optional>

#include <fmt/format.h>

#include "port_error.hpp"

namespace jiujin::devices::detail {

namespace {

using Clock = std::chrono::steady_clock;

// How long a write may wait for room in the driver before it counts as stuck.
constexpr std::chrono::milliseconds kWriteStallLimit{2000};

std::optional<speed_t> speedFor(int baud) {
  switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    default: return std::nullopt;
  }
}

std::optional<tcflag_t> characterSizeFor(int dataBits) {
  switch (dataBits) {
    case 5: return CS5;
    case 6: return CS6;
    case 7: return CS7;
    case 8: return CS8;
    default: return std::nullopt;
  }
}

PortError applySettings(const std::string& name, int fd, const SerialSettings& settings) {
  const auto speed = speedFor(settings.baud);
  if (!speed) return portError(PortErrorCode::Unsupported, name, fmt::format("unsupported baud rate {}", settings.baud));
  const auto size = characterSizeFor(settings.dataBits);
  if (!size) return portError(PortErrorCode::Unsupported, name, fmt::format("unsupported data bits {}", settings.dataBits));
  if (settings.stopBits != 1 && settings.stopBits != 2)
    return portError(PortErrorCode::Unsupported, name, fmt::format("unsupported stop bits {}", settings.stopBits));

  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) return portErrorFromErrno(name, "read terminal settings", errno);
  ::cfmakeraw(&tio);
  tio.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
  tio.c_cflag |= *size | CLOCAL | CREAD;
  if (settings.parity != Parity::None) tio.c_cflag |= PARENB;
  if (settings.parity == Parity::Odd) tio.c_cflag |= PARODD;
  if (settings.stopBits == 2) tio.c_cflag |= CSTOPB;
  tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  tio.c_cc[VMIN] = 0;  // reads never block: poll() does the waiting
  tio.c_cc[VTIME] = 0;
  if (::cfsetispeed(&tio, *speed) != 0 || ::cfsetospeed(&tio, *speed) != 0)
    return portErrorFromErrno(name, fmt::format("set {} baud", settings.baud), errno);
  if (::tcsetattr(fd, TCSANOW, &tio) != 0) return portErrorFromErrno(name, "apply terminal settings", errno);
  return {};
}

int millisecondsLeft(Clock::time_point deadline) {
  // Rounded up: poll() must not return before the deadline it was given.
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

}  // namespace

OpenResult FdSerialPort::open(const std::string& name, const SerialSettings& settings) {
  const int fd = ::open(name.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {nullptr, portErrorFromErrno(name, "open", errno)};
  const bool isTerminal = ::isatty(fd) == 1;
  if (isTerminal) {
    if (auto error = applySettings(name, fd, settings)) {
      ::close(fd);
      return {nullptr, std::move(error)};
    }
  }
  return {std::unique_ptr<SerialPort>(new FdSerialPort(name, fd, isTerminal)), {}};
}

FdSerialPort::FdSerialPort(std::string name, int fd, bool isTerminal)
    : name_(std::move(name)), fd_(fd), isTerminal_(isTerminal) {}

FdSerialPort::~FdSerialPort() { ::close(fd_); }

PortError FdSerialPort::write(std::span<const std::uint8_t> bytes) {
  const auto deadline = Clock::now() + kWriteStallLimit;
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n > 0) {
      written += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) return portErrorFromErrno(name_, "write", errno);
    pollfd waiter{fd_, POLLOUT, 0};
    const int ready = ::poll(&waiter, 1, millisecondsLeft(deadline));
    if (ready < 0 && errno != EINTR) return portErrorFromErrno(name_, "wait to write", errno);
    if (ready == 0)
      return portError(PortErrorCode::Timeout, name_,
                       fmt::format("write stalled after {} of {} bytes", written, bytes.size()));
  }
  if (isTerminal_ && ::tcdrain(fd_) != 0 && errno != EINTR) return portErrorFromErrno(name_, "drain", errno);
  return {};
}

ReadResult FdSerialPort::read(std::size_t max, std::chrono::milliseconds timeout) {
  ReadResult result;
  if (max == 0) return result;
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    pollfd waiter{fd_, POLLIN, 0};
    const int ready = ::poll(&waiter, 1, millisecondsLeft(deadline));
    if (ready < 0) {
      if (errno == EINTR) continue;
      result.error = portErrorFromErrno(name_, "wait to read", errno);
      return result;
    }
    if (ready == 0) {
      result.error = portError(PortErrorCode::Timeout, name_, fmt::format("no byte within {} ms", timeout.count()));
      return result;
    }
    result.bytes.resize(max);
    const ssize_t n = ::read(fd_, result.bytes.data(), max);
    if (n > 0) {
      result.bytes.resize(static_cast<std::size_t>(n));
      return result;
    }
    result.bytes.clear();
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    result.error = n == 0 ? portError(PortErrorCode::Closed, name_, "end of input (the other end hung up)")
                          : portErrorFromErrno(name_, "read", errno);
    return result;
  }
}

void FdSerialPort::flushInput() {
  if (isTerminal_) ::tcflush(fd_, TCIFLUSH);
}

}  // namespace jiujin::devices::detail
