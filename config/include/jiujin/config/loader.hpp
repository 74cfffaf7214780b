#pragma once
// Reading and checking a hall file (TOML) together with its catalog (CSV).
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <vector>

#include "jiujin/config/diagnostic.hpp"
#include "jiujin/config/hall_config.hpp"

namespace jiujin::config {

/// Where the hall file wrote a value; line 0 when it is not written.
struct Place {
  int line = 0;
  int column = 0;
};

struct LoadResult {
  std::optional<HallConfig> config;  ///< present only when errors is empty
  std::vector<Diagnostic> errors;    ///< every error found, sorted by file and place
  /// Parallel to config->buses: where each bus's response_timeout_ms is written, so the
  /// device layer (which knows the frames a bus carries) can point at it.
  std::vector<Place> busTimeoutPlaces;
  /// Parallel to config->devices: where each device names its profile (its table when it
  /// names none), so the device layer can point at a profile that cannot be used.
  std::vector<Place> deviceProfilePlaces;
  bool ok() const { return config.has_value(); }
};

/// A check of a loaded hall made by a layer above this library; returns its errors.
using ExtraCheck = std::function<std::vector<Diagnostic>(const LoadResult&)>;

/// Reads the hall file and the catalog it names, and checks everything against
/// everything else. Reports all errors at once; never throws on bad input.
LoadResult loadHallConfig(const std::filesystem::path& hallFile);

/// `jiujinctl config check FILE`: prints each error (or a one-line summary of a good
/// hall) to `out`; returns the process exit code, 0 when the configuration is valid.
/// `extra` runs on a hall that loads (jiujinctl passes the device layer's frame check).
int checkConfigFile(const std::filesystem::path& hallFile, std::ostream& out, const ExtraCheck& extra = {});

}  // namespace jiujin::config
