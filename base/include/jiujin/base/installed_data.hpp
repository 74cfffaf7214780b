#pragma once
// Where a program finds the data it ships with (register-map profiles, …) once installed.
// A package puts the programs in <prefix>/bin and their data in <prefix>/share/jiujin, so the
// folder is found from the program's own path — the same binary works from /usr, /usr/local
// or a build tree (which has no such folder, so its callers fall back to the source tree).
#include <filesystem>
#include <optional>

namespace jiujin::base {

/// <prefix>/share/jiujin when this program runs from <prefix>/bin and that folder exists;
/// otherwise nothing.
std::optional<std::filesystem::path> installedDataDir();

}  // namespace jiujin::base
