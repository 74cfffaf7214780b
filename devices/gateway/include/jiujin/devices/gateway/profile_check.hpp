#pragma once
// `jiujinctl config check`'s look at the register-map profiles the hall's devices name: a
// device whose profile is missing or broken cannot start the gateway, so it is an error —
// at the profile file's line when the file is broken, else where the hall names it. A
// broken profile file that no device of this hall names is a warning: the gateway sets it
// aside and starts.
#include <vector>

#include "jiujin/config/loader.hpp"
#include "jiujin/devices/drivers/profile.hpp"

namespace jiujin::devices::gateway {

std::vector<config::Diagnostic> checkDeviceProfiles(const config::LoadResult& loaded,
                                                    const drivers::ProfileLibrary& profiles);

/// Everything the device layer checks in a hall that loads — its profiles, then each bus's
/// response timeout against its frames — with the built-in profiles, as jiujinctl runs it.
std::vector<config::Diagnostic> checkDeviceConfig(const config::LoadResult& loaded);

}  // namespace jiujin::devices::gateway
