#pragma once
// `jiujinctl config check`'s look at each bus's response_timeout_ms against the longest frame
// that bus carries: a figure shorter than that frame's wire time plus the device's
// turnaround cannot work (the gateway waits the longer time anyway, and says so here).
#include <vector>

#include "jiujin/config/loader.hpp"
#include "jiujin/devices/drivers/profile.hpp"

namespace jiujin::devices::gateway {

/// Most registers one frame to or from a device with this profile carries: its longest run
/// of adjacent fields, at most one 0x10 frame and at most its profile's max_frame_registers
/// (a frame never spans a gap in the map).
int largestFrameRegisters(const drivers::Profile& profile);

/// An error at each response_timeout_ms (file:line) shorter than its bus's longest exchange
/// needs. Buses that leave it out, TCP gateways and devices whose profile is not in
/// `profiles` are not judged here.
std::vector<config::Diagnostic> checkResponseTimeouts(const config::LoadResult& loaded,
                                                      const drivers::ProfileLibrary& profiles);

/// The same with the built-in profiles (devices/profiles), as jiujinctl runs it.
std::vector<config::Diagnostic> checkResponseTimeouts(const config::LoadResult& loaded);

}  // namespace jiujin::devices::gateway
