#pragma once
// The console's models fed by the dispatcher link: the mirror, device health and alarms.
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/console/clerk_console.hpp"
#include "jiujin/console/hall_monitor.hpp"

namespace jiujin::console {

/// Keeps `console` showing `link`'s mirror on every snapshot, event and connection change.
void followLink(ClerkConsole& console, clientqt::HallLink& link);
/// Keeps `monitor` showing the mirror, the devices and the dispatcher's alarms (from its
/// snapshot after every resync, then from the news).
void followLink(HallMonitor& monitor, clientqt::HallLink& link);

}  // namespace jiujin::console
