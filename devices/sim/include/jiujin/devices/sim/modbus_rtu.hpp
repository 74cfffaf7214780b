#pragma once
// The server side of Modbus RTU as the simulated devices speak it, written from the Modbus
// specifications (Application Protocol v1.1b3, Serial Line v1.02) and not shared with the
// drivers, so a framing mistake on one side shows against the other. A frame is the unit
// address, the PDU and a CRC-16 (polynomial 0xA001 reflected, initial 0xFFFF, low byte first).
// The hall's devices answer three functions: 0x03 read holding registers, 0x06 write single
// register, 0x10 write multiple registers. Pure functions: byte vectors in, byte vectors out.
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace jiujin::devices::sim::rtu {

enum class Function : std::uint8_t {
  ReadHoldingRegisters = 0x03,
  WriteSingleRegister = 0x06,
  WriteMultipleRegisters = 0x10,
};

enum class Exception : std::uint8_t {
  IllegalFunction = 0x01,
  IllegalDataAddress = 0x02,
  IllegalDataValue = 0x03,
};

/// Unit address 0: every device applies a write and none answers.
inline constexpr std::uint8_t kBroadcast = 0;
/// Most registers one 0x03 reply carries and one 0x10 request writes (spec limits).
inline constexpr std::uint16_t kMaxRead = 125;
inline constexpr std::uint16_t kMaxWrite = 123;

/// A request a device can act on.
struct Request {
  std::uint8_t unit = 0;
  Function function = Function::ReadHoldingRegisters;
  std::uint16_t address = 0;
  std::uint16_t count = 0;             ///< registers read or written
  std::vector<std::uint16_t> values;   ///< the values written (0x06: one)
};

/// A whole frame with a good CRC that the addressed device must refuse with an exception:
/// a function it does not have (01), or a length, quantity or byte count the function does not
/// allow (03).
struct Refused {
  std::uint8_t unit = 0;
  std::uint8_t function = 0;
  Exception exception = Exception::IllegalFunction;
};

/// Bytes no device answers: too short to be a frame, or a wrong CRC. Devices stay quiet on
/// these, as the spec asks; `why` is for logs and tests.
struct Ignored {
  std::string why;
};

using ParsedRequest = std::variant<Request, Refused, Ignored>;

/// CRC-16/MODBUS of `bytes`.
std::uint16_t crc16(std::span<const std::uint8_t> bytes);

/// One request frame as read from the line (ended by the 3.5-character silence).
ParsedRequest parseRequest(std::span<const std::uint8_t> frame);

/// The normal reply to `request`: the registers read for 0x03 (`readValues`, one per register
/// asked), the echo of address and value (0x06) or of address and count (0x10).
std::vector<std::uint8_t> replyFrame(const Request& request,
                                     std::span<const std::uint16_t> readValues = {});
/// The exception reply: function with its high bit set, then the exception code.
std::vector<std::uint8_t> exceptionFrame(std::uint8_t unit, std::uint8_t function,
                                         Exception exception);

/// Bits on the wire per character: start, data, parity when used, stop.
int bitsPerCharacter(int dataBits, bool parity, int stopBits);
/// The 3.5-character silence that ends a frame, in microseconds; fixed at 1750 µs above
/// 19200 baud (Serial Line spec 2.5.1.1).
long frameGapMicros(int baud, int bitsPerChar);

}  // namespace jiujin::devices::sim::rtu
