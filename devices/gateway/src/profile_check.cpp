#include "jiujin/devices/gateway/profile_check.hpp"

#include <set>

#include <fmt/format.h>

#include "jiujin/devices/gateway/frame_timeout_check.hpp"
#include "jiujin/devices/gateway/gateway_plan.hpp"

namespace jiujin::devices::gateway {


std::vector<config::Diagnostic> checkDeviceProfiles(const config::LoadResult& loaded,
                                                    const drivers::ProfileLibrary& profiles) {
  std::vector<config::Diagnostic> found;
  if (!loaded.config) return found;
  const auto& hall = *loaded.config;
  std::set<std::string> named;
  std::set<std::string> reported;  // one error per broken file, however many devices name it
  for (std::size_t i = 0; i < hall.devices.size(); ++i) {
    const auto& device = hall.devices[i];
    const auto name = device.profile.empty() ? std::string(config::defaultProfile(device.kind)) : device.profile;
    named.insert(name);
    const config::Place place = i < loaded.deviceProfilePlaces.size() ? loaded.deviceProfilePlaces[i] : config::Place{};
    if (const auto* profile = profiles.find(name)) {
      if (profile->kind() != driverKindOf(device.kind))
        found.push_back({hall.sourceFile, place.line, place.column,
                         fmt::format("device \"{}\" is a {} but profile {} is for a {}", device.id,
                                     config::toString(device.kind), name, drivers::toString(profile->kind()))});
      continue;
    }
    if (const auto* problem = profiles.problemFor(name)) {
      if (reported.insert(problem->file.string()).second)
        found.push_back({problem->file, problem->line, problem->column,
                         fmt::format("profile {} (used by device \"{}\") cannot be used: {}", name, device.id,
                                     problem->reason)});
      continue;
    }
    found.push_back({hall.sourceFile, place.line, place.column,
                     fmt::format("device \"{}\" names profile {}, which is not among the register-map profiles ({})",
                                 device.id, name, drivers::builtinProfileDir().string())});
  }
  for (const auto& problem : profiles.problems()) {
    if (named.contains(problem.name)) continue;
    config::Diagnostic warning{problem.file, problem.line, problem.column,
                               fmt::format("profile file cannot be used, but no device of this hall names {}; the "
                                           "gateway sets it aside: {}",
                                           problem.name, problem.reason)};
    warning.warning = true;
    found.push_back(std::move(warning));
  }
  return found;
}

std::vector<config::Diagnostic> checkDeviceConfig(const config::LoadResult& loaded) {
  drivers::ProfileLibrary profiles;
  if (auto error = profiles.loadDirectory(drivers::builtinProfileDir()))
    return {config::Diagnostic{drivers::builtinProfileDir(), 0, 0, error->message}};
  auto found = checkDeviceProfiles(loaded, profiles);
  const auto timeouts = checkResponseTimeouts(loaded, profiles);
  found.insert(found.end(), timeouts.begin(), timeouts.end());
  return found;
}

}  // namespace jiujin::devices::gateway
