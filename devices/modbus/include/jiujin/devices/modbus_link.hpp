#pragma once
// One Modbus line (an RTU serial bus or a TCP gateway) as register reads and writes.
// Every outcome is a value: a timeout is ordinary, an exception names its code.
// A link is not thread-safe: it belongs to the one bus worker that drives it.
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "jiujin/base/result.hpp"
#include "jiujin/devices/serial_port.hpp"

namespace jiujin::devices {

enum class ModbusErrorKind {
  Timeout,         ///< no (complete) reply within the response or byte timeout
  BadCrc,          ///< a reply arrived with a wrong checksum
  BadFrame,        ///< a reply arrived but was malformed (wrong slave, length or function)
  Exception,       ///< the device answered with a Modbus exception (see exceptionCode)
  Io,              ///< the line failed in another way
  PortGone,        ///< the serial port or gateway is not there (unplugged, refused)
  InvalidRequest,  ///< the request itself is out of range; nothing was sent
};

struct ModbusError {
  ModbusErrorKind kind = ModbusErrorKind::Io;
  int exceptionCode = 0;  ///< 1..11 when kind is Exception
  std::string message;    ///< names the line, the slave and the reason
  bool operator==(const ModbusError&) const = default;
};

/// The stable name of a kind, for counters and events ("timeout", "bad-crc", …).
const char* toString(ModbusErrorKind kind);

/// True for failures that say the device did not do what it was asked (they count towards
/// taking it off the line): no answer, a broken answer, or an exception reply — a display
/// that refuses every write shows nothing, however promptly it refuses. Only an
/// InvalidRequest (the caller's mistake, nothing was sent) is not the device's failure.
bool isDeviceFailure(const ModbusError& error);

/// A value or the reason there is none; ModbusResult<void> for a write.
template <typename T>
using ModbusResult = base::Result<T, ModbusError>;

class ModbusLink {
 public:
  virtual ~ModbusLink() = default;
  /// "rtu:/dev/ttyUSB0" or "tcp:192.168.1.20:502", for messages.
  virtual const std::string& name() const = 0;
  /// Function 0x03; slave 1..247, count 1..125.
  virtual ModbusResult<std::vector<std::uint16_t>> readHoldingRegisters(int slave, int address, int count) = 0;
  /// Function 0x10; slave 0 (broadcast) or 1..247, 1..123 values.
  virtual ModbusResult<void> writeRegisters(int slave, int address, std::span<const std::uint16_t> values) = 0;
  /// Function 0x06.
  virtual ModbusResult<void> writeRegister(int slave, int address, std::uint16_t value) = 0;
  /// How long the device asked next may take to answer (its profile's turnaround), for the
  /// requests that follow, on top of the link's own ModbusTimeouts::turnaround (answerAllowance).
  virtual void setTurnaround(std::chrono::milliseconds turnaround) { deviceTurnaround_ = turnaround; }

 protected:
  std::chrono::milliseconds deviceTurnaround_{0};
};

struct ModbusTimeouts {
  /// From handing a request to the line to the first byte of the reply. Short on purpose:
  /// an absent device must not hold the bus (a display write waits behind it). On an RTU
  /// line this is a floor: each request waits at least its frame's wire time plus
  /// `turnaround` (responseTimeoutFor in wire_time.hpp), so a long frame at a slow baud
  /// rate is not timed out while it is still being sent.
  std::chrono::milliseconds response{100};
  /// How long a device may think between a request and its reply; a profile's turnaround adds to it.
  std::chrono::milliseconds turnaround{50};
  /// Largest silence between two bytes of one reply.
  std::chrono::milliseconds byte{20};
};

/// libmodbus opens and owns the tty of an RTU line (its own open, termios, select timing and
/// tcflush): Modbus buses do not go through SerialPort, which serves the lines Jiujin drives
/// byte by byte (the ticket printer). Only the settings type is shared (docs/devices.md).
struct RtuLinkSettings {
  std::string port;  ///< a path: /dev/ttyUSB0, /dev/serial/by-id/…, or a pty (symlink) in tests
  SerialSettings serial;
  ModbusTimeouts timeouts;
  /// Ask the driver for RS-485 direction control. Pseudo-terminals and many USB adapters
  /// refuse (ENOTTY); that is tolerated, the adapter then switches direction itself.
  bool rs485Mode = true;
};

struct TcpLinkSettings {
  std::string host;  ///< a gateway's address or name
  int port = 502;
  ModbusTimeouts timeouts;
};

/// The line is opened on first use and reopened after it vanished, so a link made while
/// the adapter is unplugged starts working when it is plugged in.
std::unique_ptr<ModbusLink> makeRtuLink(RtuLinkSettings settings);
std::unique_ptr<ModbusLink> makeTcpLink(TcpLinkSettings settings);

}  // namespace jiujin::devices
