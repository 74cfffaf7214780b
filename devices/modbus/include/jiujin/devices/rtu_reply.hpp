#pragma once
// Whether the bytes that came back on an RTU line answer the request that was sent. A reply
// that arrives late — after its master gave up — lands in the next exchange; read as that
// exchange's answer it would make a write look done that never was (a display's commit
// "answered" by the echo of its text write). libmodbus 3.1.6 checks the slave, the function
// and a read's byte count, but not the address a write echoes: this checks all of them, in
// one place, on the reply's bytes without the CRC (libmodbus has checked that).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices {

/// What a request asked, so its reply can be checked.
struct RtuRequest {
  int slave = 1;
  std::uint8_t function = 0x03;  ///< 0x03, 0x06 or 0x10
  int address = 0;
  int count = 1;                 ///< registers read or written
  std::uint16_t value = 0;       ///< the value a 0x06 writes (echoed)
};

/// The request's bytes without the CRC (libmodbus adds it): slave, function, data.
std::vector<std::uint8_t> rtuRequestBytes(const RtuRequest& request, std::span<const std::uint16_t> values = {});

/// The reply's outcome: the registers read (empty for a write), or what was wrong. `reply`
/// is slave, function and data, without the CRC; empty when libmodbus set aside a frame
/// from another slave. Kinds: Exception (a proper exception reply to this request),
/// BadFrame (another slave, another function, the wrong echo or byte count).
struct ReplyCheck {
  std::vector<std::uint16_t> registers;
  std::optional<ModbusErrorKind> error;
  int exceptionCode = 0;
  std::string reason;  ///< for the error message: "reply from slave 6", …
};
ReplyCheck checkRtuReply(const RtuRequest& request, std::span<const std::uint8_t> reply);

}  // namespace jiujin::devices
