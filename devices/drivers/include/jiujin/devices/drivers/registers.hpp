#pragma once
// Holding registers as the codecs see them: writes to send, reads to ask for, and a block of
// registers read back. Codecs speak only in these; the bus engine turns them into frames.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "jiujin/devices/drivers/expected.hpp"

namespace jiujin::devices::drivers {

/// Registers written in one frame (0x06 when one value, else 0x10).
struct RegisterWrite {
  std::uint16_t address = 0;
  std::vector<std::uint16_t> values;
  bool operator==(const RegisterWrite&) const = default;
};

/// Registers read in one frame (0x03).
struct RegisterRead {
  std::uint16_t address = 0;
  std::uint16_t count = 0;
  bool operator==(const RegisterRead&) const = default;
};

/// Registers read from a device, starting at `address`.
struct RegisterBlock {
  std::uint16_t address = 0;
  std::span<const std::uint16_t> values;

  bool covers(std::uint16_t first, std::uint16_t count) const {
    return first >= address && first + count <= address + values.size();
  }
  /// The register at `at`; the caller checks covers() first.
  std::uint16_t operator[](std::uint16_t at) const { return values[at - address]; }
  std::span<const std::uint16_t> slice(std::uint16_t first, std::uint16_t count) const {
    return values.subspan(first - address, count);
  }
};

/// Most registers one 0x10 frame may carry.
inline constexpr std::uint16_t kMaxRegistersPerWrite = 123;
/// Most registers one 0x03 frame may return.
inline constexpr std::uint16_t kMaxRegistersPerRead = 125;

/// Turns scattered register values into as few writes as possible (contiguous runs, each at
/// most kMaxRegistersPerWrite). The run holding `commitAddress`, if given, goes last: devices
/// apply their content when that register is written.
std::vector<RegisterWrite> coalesceWrites(const std::map<std::uint16_t, std::uint16_t>& values,
                                          std::optional<std::uint16_t> commitAddress = {});

/// Checks that `block` holds [first, first+count) and says which field is missing if not.
std::optional<CodecError> requireRegisters(const RegisterBlock& block, std::uint16_t first,
                                           std::uint16_t count, const char* field);

}  // namespace jiujin::devices::drivers
