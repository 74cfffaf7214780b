#pragma once
// One small interface in front of every serial line: libserialport backs real ports,
// a plain file descriptor (termios) backs pseudo-terminals and files. Callers never know
// which; openSerialPort() chooses. Errors are values, a timeout is an ordinary outcome.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace jiujin::devices {

enum class Parity { None, Even, Odd };

struct SerialSettings {
  int baud = 9600;
  int dataBits = 8;
  Parity parity = Parity::None;
  int stopBits = 1;
  bool operator==(const SerialSettings&) const = default;
};

enum class PortErrorCode { None, NotFound, PermissionDenied, Busy, Io, Timeout, Closed, Unsupported };

struct PortError {
  PortErrorCode code = PortErrorCode::None;
  std::string message;  ///< includes the port name and the system's reason
  explicit operator bool() const { return code != PortErrorCode::None; }
};

/// Bytes read, or why not. A read that times out with no bytes has code Timeout.
struct ReadResult {
  std::vector<std::uint8_t> bytes;
  PortError error;
};

/// An open serial line. Not thread-safe: one owner thread (the bus worker).
class SerialPort {
 public:
  virtual ~SerialPort() = default;
  /// The name it was opened with, e.g. "/dev/ttyUSB0" or "/dev/pts/5".
  virtual const std::string& name() const = 0;
  /// Writes all bytes and waits until they have left the driver (tcdrain).
  virtual PortError write(std::span<const std::uint8_t> bytes) = 0;
  /// Waits up to `timeout` for at least one byte, then returns what is available (≤ max).
  virtual ReadResult read(std::size_t max, std::chrono::milliseconds timeout) = 0;
  /// Discards unread input (after garbage or a timeout).
  virtual void flushInput() = 0;
};

/// Opens `name` with `settings`: libserialport for ports it can see in /sys/class/tty,
/// a file descriptor with termios for pseudo-terminals and plain files.
struct OpenResult {
  std::unique_ptr<SerialPort> port;
  PortError error;
};
OpenResult openSerialPort(const std::string& name, const SerialSettings& settings);

/// A serial port found on this machine, for `jiujin-devices --list-ports`.
struct PortInfo {
  std::string name;
  std::string description;
  std::string transport;  ///< "native", "usb", "bluetooth"
};
std::vector<PortInfo> listSerialPorts();

}  // namespace jiujin::devices
