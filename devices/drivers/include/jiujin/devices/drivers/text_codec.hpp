#pragma once
// Text on LED devices: UTF-8 in the program, GB18030 or UTF-16 big-endian in the registers,
// two bytes per register (high byte first), padded with zeros to the size of the text area.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/drivers/expected.hpp"

namespace jiujin::devices::drivers {

enum class TextEncoding { Gb18030, Utf16Be };

/// `registerCount` registers holding `utf8` in `encoding`, zero-padded. An odd number of
/// GB18030 bytes leaves the low byte of the last register zero.
Expected<std::vector<std::uint16_t>> encodeText(std::string_view utf8, TextEncoding encoding,
                                                std::size_t registerCount);

/// The UTF-8 text held in `registers`, up to the first zero byte (GB18030) or zero code unit
/// (UTF-16).
Expected<std::string> decodeText(std::span<const std::uint16_t> registers, TextEncoding encoding);

/// The bytes of `utf8` in `encoding`, without padding (used to check what fits).
Expected<std::vector<std::uint8_t>> textBytes(std::string_view utf8, TextEncoding encoding);

const char* toString(TextEncoding encoding);

}  // namespace jiujin::devices::drivers
