#pragma once
// Modbus RTU frames for the three function codes the hall's devices speak:
// 0x03 read holding registers, 0x06 write single register, 0x10 write multiple registers,
// plus exception responses. Frame = unit address, PDU, CRC-16 (poly 0xA001, init 0xFFFF,
// low byte first). Pure functions: the simulator answers with them, tests check byte vectors.
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "jiujin/devices/drivers/expected.hpp"

namespace jiujin::devices::drivers {

enum class FunctionCode : std::uint8_t {
  ReadHoldingRegisters = 0x03,
  WriteSingleRegister = 0x06,
  WriteMultipleRegisters = 0x10,
};

enum class ExceptionCode : std::uint8_t {
  IllegalFunction = 0x01,
  IllegalDataAddress = 0x02,
  IllegalDataValue = 0x03,
  ServerDeviceFailure = 0x04,
};

/// Unit address 0 is a broadcast: every device applies a write, none answers.
inline constexpr std::uint8_t kBroadcastUnit = 0;

struct ReadHoldingRegisters {
  std::uint16_t address = 0;
  std::uint16_t count = 0;  ///< 1..125
  bool operator==(const ReadHoldingRegisters&) const = default;
};
struct WriteSingleRegister {
  std::uint16_t address = 0;
  std::uint16_t value = 0;
  bool operator==(const WriteSingleRegister&) const = default;
};
struct WriteMultipleRegisters {
  std::uint16_t address = 0;
  std::vector<std::uint16_t> values;  ///< 1..123
  bool operator==(const WriteMultipleRegisters&) const = default;
};
using RequestPdu = std::variant<ReadHoldingRegisters, WriteSingleRegister, WriteMultipleRegisters>;

struct RtuRequest {
  std::uint8_t unit = 1;
  RequestPdu pdu;
  bool operator==(const RtuRequest&) const = default;
};

struct ReadHoldingRegistersReply {
  std::vector<std::uint16_t> values;
  bool operator==(const ReadHoldingRegistersReply&) const = default;
};
/// 0x06 echoes the request.
struct WriteSingleRegisterReply {
  std::uint16_t address = 0;
  std::uint16_t value = 0;
  bool operator==(const WriteSingleRegisterReply&) const = default;
};
struct WriteMultipleRegistersReply {
  std::uint16_t address = 0;
  std::uint16_t count = 0;
  bool operator==(const WriteMultipleRegistersReply&) const = default;
};
struct ExceptionReply {
  std::uint8_t function = 0;  ///< the request's function code (without the 0x80 bit)
  ExceptionCode code = ExceptionCode::IllegalFunction;
  bool operator==(const ExceptionReply&) const = default;
};
using ResponsePdu = std::variant<ReadHoldingRegistersReply, WriteSingleRegisterReply,
                                 WriteMultipleRegistersReply, ExceptionReply>;

struct RtuResponse {
  std::uint8_t unit = 1;
  ResponsePdu pdu;
  bool operator==(const RtuResponse&) const = default;
};

/// Modbus CRC-16 of `bytes`; sent low byte first.
std::uint16_t crc16(std::span<const std::uint8_t> bytes);

/// The frame of a request; counts outside Modbus limits give IllegalQuantity.
Expected<std::vector<std::uint8_t>> encodeRequest(const RtuRequest& request);
/// A request frame read from the line. CRC is checked before anything else; a frame with a
/// good CRC and an unknown function gives UnsupportedFunction (answer it with IllegalFunction).
Expected<RtuRequest> decodeRequest(std::span<const std::uint8_t> frame);

std::vector<std::uint8_t> encodeResponse(const RtuResponse& response);
/// A response frame; which PDU shape is expected follows from its function byte.
Expected<RtuResponse> decodeResponse(std::span<const std::uint8_t> frame);

/// The function code a request carries.
FunctionCode functionOf(const RequestPdu& pdu);

/// Bytes on the wire for one character: start + data + parity + stop bits.
int bitsPerCharacter(int dataBits, bool parity, int stopBits);
/// The 3.5-character silence that ends an RTU frame, in microseconds. Above 19200 baud the
/// Modbus spec fixes it at 1750 µs.
long frameGapMicros(int baud, int bitsPerChar);

}  // namespace jiujin::devices::drivers
