#include "jiujin/base/installed_data.hpp"

#include <system_error>

namespace jiujin::base {

std::optional<std::filesystem::path> installedDataDir() {
  std::error_code ec;
  const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const auto binDir = program.parent_path();
  if (binDir.filename() != "bin") return std::nullopt;
  auto data = binDir.parent_path() / "share" / "jiujin";
  if (!std::filesystem::is_directory(data, ec)) return std::nullopt;
  return data;
}

}  // namespace jiujin::base
