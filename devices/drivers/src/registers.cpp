#include "jiujin/devices/drivers/registers.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace jiujin::devices::drivers {

std::vector<RegisterWrite> coalesceWrites(const std::map<std::uint16_t, std::uint16_t>& values,
                                          std::optional<std::uint16_t> commitAddress) {
  std::vector<RegisterWrite> writes;
  for (const auto& [address, value] : values) {
    const bool extendsLast = !writes.empty() &&
                             writes.back().address + writes.back().values.size() == address &&
                             writes.back().values.size() < kMaxRegistersPerWrite;
    if (extendsLast) {
      writes.back().values.push_back(value);
    } else {
      writes.push_back(RegisterWrite{address, {value}});
    }
  }
  if (commitAddress) {
    auto holdsCommit = [&](const RegisterWrite& w) {
      return *commitAddress >= w.address && *commitAddress < w.address + w.values.size();
    };
    std::stable_partition(writes.begin(), writes.end(),
                          [&](const RegisterWrite& w) { return !holdsCommit(w); });
  }
  return writes;
}

std::optional<CodecError> requireRegisters(const RegisterBlock& block, std::uint16_t first,
                                           std::uint16_t count, const char* field) {
  if (block.covers(first, count)) return std::nullopt;
  return CodecError{CodecErrorCode::RegisterNotInBlock,
                    fmt::format("{} (registers {:#06x}+{}) is not in the block read at {:#06x}+{}",
                                field, first, count, block.address, block.values.size())};
}

}  // namespace jiujin::devices::drivers
