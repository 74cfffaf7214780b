#include "jiujin/devices/drivers/rtu_frame.hpp"

#include <fmt/format.h>

namespace jiujin::devices::drivers {
namespace {

void putWord(std::vector<std::uint8_t>& out, std::uint16_t w) {
  out.push_back(static_cast<std::uint8_t>(w >> 8));
  out.push_back(static_cast<std::uint8_t>(w & 0xFF));
}

std::uint16_t wordAt(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::uint16_t>((bytes[at] << 8) | bytes[at + 1]);
}

void appendCrc(std::vector<std::uint8_t>& frame) {
  const std::uint16_t crc = crc16(frame);
  frame.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  frame.push_back(static_cast<std::uint8_t>(crc >> 8));
}

// Checks length and CRC and returns the frame without its CRC.
Expected<std::span<const std::uint8_t>> checkedBody(std::span<const std::uint8_t> frame) {
  if (frame.size() < 4) {
    return CodecError{CodecErrorCode::FrameTooShort,
                      fmt::format("an RTU frame has at least 4 bytes, got {}", frame.size())};
  }
  const auto body = frame.first(frame.size() - 2);
  const std::uint16_t sent =
      static_cast<std::uint16_t>(frame[frame.size() - 2] | (frame[frame.size() - 1] << 8));
  const std::uint16_t computed = crc16(body);
  if (sent != computed) {
    return CodecError{CodecErrorCode::BadCrc,
                      fmt::format("CRC {:#06x} in the frame, {:#06x} computed", sent, computed)};
  }
  return body;
}

CodecError badLength(const char* what, std::size_t got) {
  return CodecError{CodecErrorCode::BadFrameLength,
                    fmt::format("{}: frame body of {} bytes does not match", what, got)};
}

}  // namespace

std::uint16_t crc16(std::span<const std::uint8_t> bytes) {
  std::uint16_t crc = 0xFFFF;
  for (const std::uint8_t b : bytes) {
    crc ^= b;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 1) ? static_cast<std::uint16_t>((crc >> 1) ^ 0xA001)
                      : static_cast<std::uint16_t>(crc >> 1);
    }
  }
  return crc;
}

FunctionCode functionOf(const RequestPdu& pdu) {
  if (std::holds_alternative<ReadHoldingRegisters>(pdu)) return FunctionCode::ReadHoldingRegisters;
  if (std::holds_alternative<WriteSingleRegister>(pdu)) return FunctionCode::WriteSingleRegister;
  return FunctionCode::WriteMultipleRegisters;
}

Expected<std::vector<std::uint8_t>> encodeRequest(const RtuRequest& request) {
  std::vector<std::uint8_t> frame{request.unit, static_cast<std::uint8_t>(functionOf(request.pdu))};
  if (const auto* read = std::get_if<ReadHoldingRegisters>(&request.pdu)) {
    if (read->count < 1 || read->count > 125) {
      return CodecError{CodecErrorCode::IllegalQuantity,
                        fmt::format("0x03 reads 1..125 registers, asked {}", read->count)};
    }
    putWord(frame, read->address);
    putWord(frame, read->count);
  } else if (const auto* single = std::get_if<WriteSingleRegister>(&request.pdu)) {
    putWord(frame, single->address);
    putWord(frame, single->value);
  } else {
    const auto& multi = std::get<WriteMultipleRegisters>(request.pdu);
    if (multi.values.empty() || multi.values.size() > 123) {
      return CodecError{CodecErrorCode::IllegalQuantity,
                        fmt::format("0x10 writes 1..123 registers, asked {}", multi.values.size())};
    }
    putWord(frame, multi.address);
    putWord(frame, static_cast<std::uint16_t>(multi.values.size()));
    frame.push_back(static_cast<std::uint8_t>(multi.values.size() * 2));
    for (const auto v : multi.values) putWord(frame, v);
  }
  appendCrc(frame);
  return frame;
}

Expected<RtuRequest> decodeRequest(std::span<const std::uint8_t> frame) {
  auto checked = checkedBody(frame);
  if (!checked) return checked.error();
  const auto body = checked.value();
  const std::uint8_t unit = body[0];
  const std::uint8_t function = body[1];
  switch (function) {
    case 0x03: {
      if (body.size() != 6) return badLength("0x03 request", body.size());
      const std::uint16_t count = wordAt(body, 4);
      if (count < 1 || count > 125) {
        return CodecError{CodecErrorCode::IllegalQuantity,
                          fmt::format("0x03 reads 1..125 registers, asked {}", count)};
      }
      return RtuRequest{unit, ReadHoldingRegisters{wordAt(body, 2), count}};
    }
    case 0x06:
      if (body.size() != 6) return badLength("0x06 request", body.size());
      return RtuRequest{unit, WriteSingleRegister{wordAt(body, 2), wordAt(body, 4)}};
    case 0x10: {
      if (body.size() < 7) return badLength("0x10 request", body.size());
      const std::uint16_t count = wordAt(body, 4);
      const std::uint8_t byteCount = body[6];
      if (count < 1 || count > 123) {
        return CodecError{CodecErrorCode::IllegalQuantity,
                          fmt::format("0x10 writes 1..123 registers, asked {}", count)};
      }
      if (byteCount != count * 2 || body.size() != 7u + byteCount) {
        return badLength("0x10 request", body.size());
      }
      WriteMultipleRegisters write{wordAt(body, 2), {}};
      for (std::size_t i = 0; i < count; ++i) write.values.push_back(wordAt(body, 7 + 2 * i));
      return RtuRequest{unit, std::move(write)};
    }
    default:
      return CodecError{CodecErrorCode::UnsupportedFunction,
                        fmt::format("function {:#04x} is not supported", function)};
  }
}

std::vector<std::uint8_t> encodeResponse(const RtuResponse& response) {
  std::vector<std::uint8_t> frame{response.unit};
  if (const auto* read = std::get_if<ReadHoldingRegistersReply>(&response.pdu)) {
    frame.push_back(0x03);
    frame.push_back(static_cast<std::uint8_t>(read->values.size() * 2));
    for (const auto v : read->values) putWord(frame, v);
  } else if (const auto* single = std::get_if<WriteSingleRegisterReply>(&response.pdu)) {
    frame.push_back(0x06);
    putWord(frame, single->address);
    putWord(frame, single->value);
  } else if (const auto* multi = std::get_if<WriteMultipleRegistersReply>(&response.pdu)) {
    frame.push_back(0x10);
    putWord(frame, multi->address);
    putWord(frame, multi->count);
  } else {
    const auto& exception = std::get<ExceptionReply>(response.pdu);
    frame.push_back(static_cast<std::uint8_t>(exception.function | 0x80));
    frame.push_back(static_cast<std::uint8_t>(exception.code));
  }
  appendCrc(frame);
  return frame;
}

Expected<RtuResponse> decodeResponse(std::span<const std::uint8_t> frame) {
  auto checked = checkedBody(frame);
  if (!checked) return checked.error();
  const auto body = checked.value();
  const std::uint8_t unit = body[0];
  const std::uint8_t function = body[1];
  if (function & 0x80) {
    if (body.size() != 3) return badLength("exception response", body.size());
    return RtuResponse{unit, ExceptionReply{static_cast<std::uint8_t>(function & 0x7F),
                                            static_cast<ExceptionCode>(body[2])}};
  }
  switch (function) {
    case 0x03: {
      if (body.size() < 3 || body[2] % 2 != 0 || body.size() != 3u + body[2]) {
        return badLength("0x03 response", body.size());
      }
      ReadHoldingRegistersReply reply;
      for (std::size_t i = 0; i < body[2] / 2u; ++i) reply.values.push_back(wordAt(body, 3 + 2 * i));
      return RtuResponse{unit, std::move(reply)};
    }
    case 0x06:
      if (body.size() != 6) return badLength("0x06 response", body.size());
      return RtuResponse{unit, WriteSingleRegisterReply{wordAt(body, 2), wordAt(body, 4)}};
    case 0x10:
      if (body.size() != 6) return badLength("0x10 response", body.size());
      return RtuResponse{unit, WriteMultipleRegistersReply{wordAt(body, 2), wordAt(body, 4)}};
    default:
      return CodecError{CodecErrorCode::UnsupportedFunction,
                        fmt::format("function {:#04x} is not supported", function)};
  }
}

int bitsPerCharacter(int dataBits, bool parity, int stopBits) {
  return 1 + dataBits + (parity ? 1 : 0) + stopBits;
}

long frameGapMicros(int baud, int bitsPerChar) {
  if (baud > 19200 || baud <= 0) return 1750;
  return static_cast<long>(3.5 * bitsPerChar * 1'000'000.0 / baud);
}

}  // namespace jiujin::devices::drivers
