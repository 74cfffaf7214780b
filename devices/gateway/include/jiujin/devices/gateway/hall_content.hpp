#pragma once
// What every device must show, derived from the hall's state alone (never by replaying
// events): the same state always gives the same content, so a device that comes back, a
// gateway that restarts or a mirror that resyncs shows the right thing at once. Pure.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "jiujin/core/hall.hpp"
#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/window_display.hpp"

namespace jiujin::devices::gateway {

/// The window display (窗口屏): the called or serving ticket "A001 请到3号窗口" (blinking
/// while called, steady once service started), 暂停服务 when paused, 未开放 when closed, the
/// window's name when open and idle.
drivers::WindowContent windowDisplayContent(const core::Hall& hall, core::WindowNumber window);

/// The main strip (综合屏): the tickets now called or served at a window, most recently
/// called first, one per line (up to `lines`), and the manager's notice.
drivers::StripContent stripContent(const core::Hall& hall, std::size_t lines);

/// The keypad's small display (呼叫器): the window's current ticket and how many tickets
/// wait in the queues its work profile serves (and those transferred to it).
drivers::KeypadDisplay keypadDisplayContent(const core::Hall& hall, core::WindowNumber window);

/// The evaluation pad (评价器): a prompt while a ticket completed at the window awaits its
/// rating, nothing (idle) otherwise. The pad's own timeout follows the hall's rule.
std::optional<drivers::PadPrompt> padPromptContent(const core::Hall& hall, core::WindowNumber window,
                                                   const std::map<std::string, std::string>& clerkNames);

}  // namespace jiujin::devices::gateway
