#pragma once
// What a key press, a rating or a health change asks of the dispatcher. Pure.
#include <optional>

#include "jiujin/core/commands.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/devices/device_health.hpp"
#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/gateway/dispatcher_requests.hpp"
#include "jiujin/devices/gateway/gateway_plan.hpp"

namespace jiujin::devices::gateway {

/// The command a keypad key gives for its window. 暂停/恢复 resumes a paused window and
/// pauses any other (so it needs the window's state; without it the key does nothing).
/// 转移 sends the ticket to `transferTo`, the keypad's `transfer_to` in the hall file (by
/// default the unified issuing windows, 统一发证, the usual next stop).
/// Unknown keys give nothing (they are still acknowledged).
std::optional<DispatcherRequest> requestForKey(drivers::Key key, core::WindowNumber window,
                                               std::optional<core::WindowState> windowState,
                                               const core::TransferTarget& transferTo = core::WindowKind::Issuing);

/// The one evaluate command for a pad's rating.
DispatcherRequest requestForRating(drivers::Rating rating, core::WindowNumber window);

/// A device_report: online, offline (no proper answer) or error (it refuses: exception
/// replies), with its counters and last error as the detail.
/// A content problem (text cut to fit) makes a device that answers "error" too; it leads
/// the detail.
DispatcherRequest healthReport(const PlannedDevice& device, const DeviceHealthReport& health,
                               const std::string& contentProblem = {});

}  // namespace jiujin::devices::gateway
