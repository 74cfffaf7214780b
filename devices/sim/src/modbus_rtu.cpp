#include "jiujin/devices/sim/modbus_rtu.hpp"

#include <fmt/format.h>

namespace jiujin::devices::sim::rtu {
namespace {

// Register values and addresses travel high byte first; only the CRC is low byte first.
std::uint16_t bigEndianAt(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::uint16_t>((bytes[at] << 8) | bytes[at + 1]);
}

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint16_t value) {
  out.push_back(static_cast<std::uint8_t>(value >> 8));
  out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

std::vector<std::uint8_t> sealed(std::vector<std::uint8_t> frame) {
  const std::uint16_t crc = crc16(frame);
  frame.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  frame.push_back(static_cast<std::uint8_t>(crc >> 8));
  return frame;
}

// A whole frame whose length or quantity the function does not allow: the spec's exception 03
// ("the implied length is incorrect"), as libmodbus servers answer too.
Refused malformed(std::uint8_t unit, std::span<const std::uint8_t> pdu) {
  return Refused{unit, pdu[0], Exception::IllegalDataValue};
}

ParsedRequest readHolding(std::uint8_t unit, std::span<const std::uint8_t> pdu) {
  if (pdu.size() != 5) return malformed(unit, pdu);
  const std::uint16_t count = bigEndianAt(pdu, 3);
  if (count < 1 || count > kMaxRead) return malformed(unit, pdu);
  return Request{unit, Function::ReadHoldingRegisters, bigEndianAt(pdu, 1), count, {}};
}

ParsedRequest writeSingle(std::uint8_t unit, std::span<const std::uint8_t> pdu) {
  if (pdu.size() != 5) return malformed(unit, pdu);
  const std::uint16_t value = bigEndianAt(pdu, 3);
  return Request{unit, Function::WriteSingleRegister, bigEndianAt(pdu, 1), 1, {value}};
}

ParsedRequest writeMultiple(std::uint8_t unit, std::span<const std::uint8_t> pdu) {
  // function, address (2), quantity (2), byte count (1), values (2 per register)
  if (pdu.size() < 6) return malformed(unit, pdu);
  const std::uint16_t count = bigEndianAt(pdu, 3);
  const std::uint8_t byteCount = pdu[5];
  if (count < 1 || count > kMaxWrite || byteCount != 2 * count || pdu.size() != 6u + byteCount) {
    return malformed(unit, pdu);
  }
  Request request{unit, Function::WriteMultipleRegisters, bigEndianAt(pdu, 1), count, {}};
  for (std::size_t i = 0; i < count; ++i) request.values.push_back(bigEndianAt(pdu, 6 + 2 * i));
  return request;
}

}  // namespace

std::uint16_t crc16(std::span<const std::uint8_t> bytes) {
  std::uint16_t crc = 0xFFFF;
  for (const std::uint8_t byte : bytes) {
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit) {
      const bool carry = (crc & 1) != 0;
      crc = static_cast<std::uint16_t>(crc >> 1);
      if (carry) crc ^= 0xA001;
    }
  }
  return crc;
}

ParsedRequest parseRequest(std::span<const std::uint8_t> frame) {
  // The smallest frame is an exception-sized one: unit, function, one byte, CRC.
  if (frame.size() < 4) return Ignored{fmt::format("{} bytes are not a frame", frame.size())};
  const auto body = frame.first(frame.size() - 2);
  const std::uint16_t sent = static_cast<std::uint16_t>(frame[frame.size() - 2] | (frame[frame.size() - 1] << 8));
  if (sent != crc16(body)) return Ignored{fmt::format("CRC {:#06x} does not match {:#06x}", sent, crc16(body))};
  const std::uint8_t unit = body[0];
  const auto pdu = body.subspan(1);
  switch (pdu[0]) {
    case static_cast<std::uint8_t>(Function::ReadHoldingRegisters): return readHolding(unit, pdu);
    case static_cast<std::uint8_t>(Function::WriteSingleRegister): return writeSingle(unit, pdu);
    case static_cast<std::uint8_t>(Function::WriteMultipleRegisters): return writeMultiple(unit, pdu);
    default: return Refused{unit, pdu[0], Exception::IllegalFunction};
  }
}

std::vector<std::uint8_t> replyFrame(const Request& request, std::span<const std::uint16_t> readValues) {
  std::vector<std::uint8_t> frame{request.unit, static_cast<std::uint8_t>(request.function)};
  switch (request.function) {
    case Function::ReadHoldingRegisters:
      frame.push_back(static_cast<std::uint8_t>(readValues.size() * 2));
      for (const auto v : readValues) appendBigEndian(frame, v);
      break;
    case Function::WriteSingleRegister:
      appendBigEndian(frame, request.address);
      appendBigEndian(frame, request.values.empty() ? 0 : request.values.front());
      break;
    case Function::WriteMultipleRegisters:
      appendBigEndian(frame, request.address);
      appendBigEndian(frame, request.count);
      break;
  }
  return sealed(std::move(frame));
}

std::vector<std::uint8_t> exceptionFrame(std::uint8_t unit, std::uint8_t function, Exception exception) {
  return sealed({unit, static_cast<std::uint8_t>(function | 0x80), static_cast<std::uint8_t>(exception)});
}

int bitsPerCharacter(int dataBits, bool parity, int stopBits) {
  return 1 + dataBits + (parity ? 1 : 0) + stopBits;
}

long frameGapMicros(int baud, int bitsPerChar) {
  if (baud <= 0 || baud > 19200) return 1750;
  return static_cast<long>(3.5 * bitsPerChar * 1'000'000.0 / baud);
}

}  // namespace jiujin::devices::sim::rtu
