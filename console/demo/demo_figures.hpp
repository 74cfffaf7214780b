#pragma once
// The figures of the demonstration morning, as the dispatcher's statistics reply carries
// them ("figures": by item, queue, window and clerk). Counted from the demo hall's own
// tickets in this process: the screenshots need plausible numbers, not the dispatcher's
// history, so the console never links the service to draw them.
#include <map>

#include <nlohmann/json.hpp>

#include "jiujin/core/hall.hpp"

namespace jiujin::console::demo {

/// When each clerk logged in (the demo keeps it as it plays the logins; no journal).
using LoginTimes = std::map<core::ClerkId, core::TimePoint>;

/// The figures of the day of `hall` up to `now`, in the shape of a statistics reply's
/// "figures" (docs/console.md). A clerk is logged in since `logins` says; a paused window's
/// clerk paused since the window's state began.
nlohmann::json dayFigures(const core::Hall& hall, core::TimePoint now, const LoginTimes& logins);

}  // namespace jiujin::console::demo
