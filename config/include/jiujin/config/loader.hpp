#pragma once
// Reading and checking a hall file (TOML) together with its catalog (CSV).
#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

#include "jiujin/config/diagnostic.hpp"
#include "jiujin/config/hall_config.hpp"

namespace jiujin::config {

struct LoadResult {
  std::optional<HallConfig> config;  ///< present only when errors is empty
  std::vector<Diagnostic> errors;    ///< every error found, sorted by file and place
  bool ok() const { return config.has_value(); }
};

/// Reads the hall file and the catalog it names, and checks everything against
/// everything else. Reports all errors at once; never throws on bad input.
LoadResult loadHallConfig(const std::filesystem::path& hallFile);

/// `jiujinctl config check FILE`: prints each error (or a one-line summary of a good
/// hall) to `out`; returns the process exit code, 0 when the configuration is valid.
int checkConfigFile(const std::filesystem::path& hallFile, std::ostream& out);

}  // namespace jiujin::config
