#include "jiujin/devices/drivers/write_frames.hpp"

#include <algorithm>

namespace jiujin::devices::drivers {

std::vector<WriteFrame> writeFrames(const std::vector<RegisterWrite>& writes, const WireProtocol& protocol) {
  const std::size_t largest =
      protocol.writeFunction == 0x06 ? 1 : std::clamp<std::size_t>(protocol.maxFrameRegisters, 1, kMaxRegistersPerWrite);
  std::vector<WriteFrame> frames;
  for (const auto& w : writes) {
    for (std::size_t at = 0; at < w.values.size(); at += largest) {
      const auto end = std::min(w.values.size(), at + largest);
      RegisterWrite part{static_cast<std::uint16_t>(w.address + at),
                         std::vector<std::uint16_t>(w.values.begin() + static_cast<std::ptrdiff_t>(at),
                                                    w.values.begin() + static_cast<std::ptrdiff_t>(end))};
      frames.push_back(WriteFrame{protocol.writeFunction, std::move(part)});
    }
  }
  return frames;
}

}  // namespace jiujin::devices::drivers
