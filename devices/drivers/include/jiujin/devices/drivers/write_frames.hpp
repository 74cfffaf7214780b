#pragma once
// Register writes as a vendor's device takes them on the wire ([protocol] of its profile):
// runs longer than its largest frame are split, and a device that only knows function 0x06
// gets one register per frame. The order is kept, so what a codec writes last (the commit)
// still goes last.
#include <cstdint>
#include <vector>

#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"

namespace jiujin::devices::drivers {

struct WriteFrame {
  std::uint8_t function = 0x10;  ///< 0x10 write multiple registers, 0x06 write one
  RegisterWrite write;
  bool operator==(const WriteFrame&) const = default;
};

std::vector<WriteFrame> writeFrames(const std::vector<RegisterWrite>& writes, const WireProtocol& protocol);

}  // namespace jiujin::devices::drivers
