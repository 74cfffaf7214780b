#pragma once
// Text as a device reads it from its registers (docs/devices.md, "Register maps"): two bytes
// per register, high byte first, GB18030 or UTF-16 big-endian, ending at the first zero byte
// (GB18030) or zero code unit (UTF-16) or at the end of the area. The simulator only reads
// text, so only decoding lives here.
#include <cstdint>
#include <span>
#include <string>

#include "jiujin/devices/sim/sim_result.hpp"

namespace jiujin::devices::sim {

enum class TextEncoding { Gb18030, Utf16Be };

/// The UTF-8 text the registers hold; an error naming the byte when they are not valid text.
SimResult<std::string> readRegisterText(std::span<const std::uint16_t> registers, TextEncoding encoding);

const char* toString(TextEncoding encoding);

}  // namespace jiujin::devices::sim
