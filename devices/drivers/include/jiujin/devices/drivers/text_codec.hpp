#pragma once
// Text on LED devices: UTF-8 in the program, in the registers as the vendor's profile says —
// GB18030 or UTF-16 two bytes per register (high byte first unless the profile says low byte
// first; UTF-16 big- or little-endian), or ASCII one character per register — padded with
// zeros to the size of the text area.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/drivers/expected.hpp"

namespace jiujin::devices::drivers {

enum class TextEncoding {
  Gb18030,  ///< "gb18030": two bytes per register
  Utf16Be,  ///< "utf16": one UTF-16 code unit per register, as its value
  Utf16Le,  ///< "utf16le": one code unit per register, its bytes swapped
  Ascii,    ///< "ascii": one ASCII character per register (its value 0..127)
};

/// Which byte of a register holds the first of two text bytes (GB18030 and UTF-16).
enum class ByteOrder { HighFirst, LowFirst };

/// How many text bytes `registers` registers hold in `encoding`.
std::size_t byteCapacity(TextEncoding encoding, std::size_t registers);

/// `registerCount` registers holding `utf8` in `encoding`, zero-padded. An odd number of
/// GB18030 bytes leaves the second byte of the last register zero.
Expected<std::vector<std::uint16_t>> encodeText(std::string_view utf8, TextEncoding encoding,
                                                std::size_t registerCount,
                                                ByteOrder order = ByteOrder::HighFirst);

/// The UTF-8 text held in `registers`, up to the first zero byte (GB18030), zero code unit
/// (UTF-16) or zero register (ASCII).
Expected<std::string> decodeText(std::span<const std::uint16_t> registers, TextEncoding encoding,
                                 ByteOrder order = ByteOrder::HighFirst);

/// The bytes of `utf8` in `encoding` as they fill the area, without padding (used to check
/// what fits): GB18030 bytes, UTF-16 code units' bytes in register order, ASCII characters.
Expected<std::vector<std::uint8_t>> textBytes(std::string_view utf8, TextEncoding encoding);

const char* toString(TextEncoding encoding);

}  // namespace jiujin::devices::drivers
