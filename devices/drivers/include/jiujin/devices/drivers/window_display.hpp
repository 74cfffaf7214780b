#pragma once
// LED window display (窗口屏): what it should show → register writes, and back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/drivers/call_text.hpp"
#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"

namespace jiujin::devices::drivers {

struct WindowContent {
  std::string text;  ///< UTF-8, e.g. "A001 请到3号窗口"; empty is a blank display
  Colour colour = Colour::Red;
  bool blink = false;
  std::optional<int> brightness;  ///< 0..brightnessMax of the profile; unset = brightest
  bool operator==(const WindowContent&) const = default;
};

/// "A001 请到3号窗口", green and blinking: the window calls a ticket. On a display too narrow
/// for it the encoder says it shorter, the number whole (see call_text.hpp).
WindowContent callingContent(std::string_view ticket, int window);
/// "暂停服务", red and steady: the window is paused.
WindowContent pausedContent();
/// Nothing shown.
WindowContent blankContent();

/// The writes that make the display show `content`, tagged with `contentSeq`. With the
/// reference layout that is one 16-register frame. Text too long for the area is fitted by
/// the rule of call_text.hpp; what had to be cut is added to `cuts` when given.
Expected<std::vector<RegisterWrite>> encodeWindowContent(const WindowContent& content,
                                                         const WindowDisplayMap& map,
                                                         std::uint16_t contentSeq, TextCuts* cuts = nullptr);

/// What a display holds, as read from its registers.
struct WindowShown {
  WindowContent content;  ///< brightness always set
  std::uint16_t contentSeq = 0;
  bool operator==(const WindowShown&) const = default;
};
Expected<WindowShown> decodeWindowContent(const RegisterBlock& block, const WindowDisplayMap& map);

/// The read a health probe makes: the content sequence alone (the text's first register on a
/// display without a commit register).
RegisterRead windowContentSeqRead(const WindowDisplayMap& map);

}  // namespace jiujin::devices::drivers
