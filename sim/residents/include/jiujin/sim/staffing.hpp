#pragma once
// Which clerk sits at which window for the day: every window gets one clerk allowed there,
// windows with the fewest candidates choose first. Pure.
#include <map>
#include <vector>

#include "jiujin/config/hall_config.hpp"

namespace jiujin::sim {

/// Window → clerk. Windows no free clerk may staff are left out.
std::map<core::WindowNumber, core::ClerkId> staffWindows(const std::vector<core::WindowDef>& windows,
                                                         const std::vector<config::ClerkConfig>& clerks);

}  // namespace jiujin::sim
