#pragma once
// Text as a device reads it from its registers (docs/devices.md, "Register maps"): GB18030 two
// bytes per register, UTF-16 one code unit per register (big-endian, its value; little-endian,
// its bytes swapped), or ASCII one character per register; the first of two bytes in the high
// byte unless the profile says low first. It ends at the first zero byte (GB18030), zero code
// unit (UTF-16), zero register (ASCII) or at the end of the area. The simulator only reads
// text, so only decoding lives here.
#include <cstdint>
#include <span>
#include <string>

#include "jiujin/devices/sim/sim_result.hpp"

namespace jiujin::devices::sim {

enum class TextEncoding { Gb18030, Utf16Be, Utf16Le, Ascii };

/// Which byte of a register holds the first of two text bytes.
enum class ByteOrder { HighFirst, LowFirst };

/// The UTF-8 text the registers hold; an error naming the byte when they are not valid text.
SimResult<std::string> readRegisterText(std::span<const std::uint16_t> registers, TextEncoding encoding,
                                        ByteOrder order = ByteOrder::HighFirst);

const char* toString(TextEncoding encoding);

}  // namespace jiujin::devices::sim
