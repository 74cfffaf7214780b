#pragma once
// How a call reads on an LED text area: "A1000 请到12号窗口" where it fits, shorter where it
// does not. The ticket number always survives whole — it is what the resident looks for — so
// a four-digit number on a narrow or UTF-16 display loses words, never digits.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/devices/drivers/expected.hpp"
#include "jiujin/devices/drivers/profile.hpp"

namespace jiujin::devices::drivers {

/// The longest ticket number a hall gives: a two-letter prefix and four digits (A001…A9999).
/// Every text area that shows a ticket number must hold it.
inline constexpr std::string_view kLongestTicketNumber = "AB9999";

/// "A001 请到3号窗口": a call as window displays and strip lines show it.
std::string callText(std::string_view ticket, int window);

/// The wordings of a call, longest first, down to the number alone:
/// "A1000 请到12号窗口", "A1000 到12号窗口", "A1000 12号窗口", "A1000 12号", "A1000".
std::vector<std::string> callWordings(std::string_view ticket, int window);

/// `text` as it goes into `area`: itself when it fits; a call worded by callText() in its
/// longest wording that fits; otherwise TextTooLong (other text is never cut: half a window
/// name or half a notice would mislead).
Expected<std::string> fitText(std::string_view text, const TextArea& area);

}  // namespace jiujin::devices::drivers
