#include "jiujin/devices/rtu_reply.hpp"

#include <fmt/format.h>

namespace jiujin::devices {

namespace {

void putU16(std::vector<std::uint8_t>& out, int value) {
  out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xFF));
  out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

int u16At(std::span<const std::uint8_t> bytes, std::size_t at) { return (bytes[at] << 8) | bytes[at + 1]; }

ReplyCheck bad(std::string reason) { return ReplyCheck{{}, ModbusErrorKind::BadFrame, 0, std::move(reason)}; }

}  // namespace

std::vector<std::uint8_t> rtuRequestBytes(const RtuRequest& request, std::span<const std::uint16_t> values) {
  std::vector<std::uint8_t> out{static_cast<std::uint8_t>(request.slave), request.function};
  putU16(out, request.address);
  switch (request.function) {
    case 0x06: putU16(out, request.value); break;
    case 0x10:
      putU16(out, request.count);
      out.push_back(static_cast<std::uint8_t>(2 * values.size()));
      for (const auto v : values) putU16(out, v);
      break;
    default: putU16(out, request.count); break;
  }
  return out;
}

ReplyCheck checkRtuReply(const RtuRequest& request, std::span<const std::uint8_t> reply) {
  if (reply.empty()) return bad("reply from another slave");
  if (reply.size() < 2) return bad(fmt::format("reply of {} byte", reply.size()));
  if (reply[0] != request.slave) return bad(fmt::format("reply from slave {}", reply[0]));
  const std::uint8_t function = reply[1];
  if (function == (request.function | 0x80)) {
    if (reply.size() != 3) return bad("exception reply of the wrong length");
    const int code = reply[2];
    if (code < 1 || code > 11) return bad(fmt::format("exception code {} is not one Modbus defines", code));
    return ReplyCheck{{}, ModbusErrorKind::Exception, code, fmt::format("exception {}", code)};
  }
  if (function != request.function)
    return bad(fmt::format("reply to function {:#04x}, asked {:#04x}", function, request.function));
  switch (request.function) {
    case 0x03: {
      const std::size_t bytes = 2u * static_cast<std::size_t>(request.count);
      if (reply.size() != 3 + bytes || reply[2] != bytes)
        return bad(fmt::format("read reply with {} bytes of registers, asked {}", reply.size() < 3 ? 0 : reply[2], bytes));
      ReplyCheck ok;
      for (std::size_t i = 0; i < bytes; i += 2) ok.registers.push_back(static_cast<std::uint16_t>(u16At(reply, 3 + i)));
      return ok;
    }
    case 0x06:
    case 0x10: {
      if (reply.size() != 6) return bad(fmt::format("write reply of {} bytes", reply.size()));
      const int address = u16At(reply, 2);
      const int second = u16At(reply, 4);  // 0x06: the value; 0x10: the count
      const int expected = request.function == 0x06 ? request.value : request.count;
      if (address != request.address || second != expected)
        return bad(fmt::format("write echo {:#06x}/{}, sent {:#06x}/{}", address, second, request.address, expected));
      return {};
    }
    default: return bad(fmt::format("function {:#04x} is not checked", request.function));
  }
}

}  // namespace jiujin::devices
