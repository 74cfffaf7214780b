#pragma once
// How text goes into an LED text area that may be too small for it — one documented rule
// (docs/devices.md, "Text that does not fit"):
// - a ticket number is never cut (areas for numbers must hold the longest one: profiles are
//   refused otherwise); a number too long for its area is TextTooLong;
// - a call, "A1000 请到12号窗口", is said shorter, word by word, down to "A1000 12号" ("A1000->12"
//   on an ASCII display): the number and the window always survive whole — they are what the
//   resident looks for (areas that show calls must hold some wording of the longest call);
// - any other text (a window's name, a notice, a clerk's name) is cut after the last whole
//   character that fits, and the cut is reported so the manager can see it (the gateway
//   reports the device in error with the detail), never shown blank in silence.
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
/// The highest window number a hall has (the protocol's 1–999).
inline constexpr int kHighestWindow = 999;

/// "A001 请到3号窗口": a call as window displays and strip lines show it.
std::string callText(std::string_view ticket, int window);

/// The wordings of a call, longest first, down to the shortest that still names both:
/// "A1000 请到12号窗口", "A1000 到12号窗口", "A1000 12号窗口", "A1000 12号", and "A1000->12" for
/// displays that show only ASCII.
std::vector<std::string> callWordings(std::string_view ticket, int window);

/// How a field may be fitted: a ticket number only whole; other text shortened by the rule.
enum class TextFit { Whole, Shorten };

struct FittedText {
  std::string text;  ///< what goes into the area
  bool cut = false;  ///< characters were dropped (a call said shorter is not a cut)
};

/// `text` as it goes into `area` by the rule above.
Expected<FittedText> fitText(std::string_view text, const TextArea& area, TextFit fit = TextFit::Shorten);

/// Text that had to be cut to fit its area: reported as the device's problem.
struct TextCut {
  std::string field;  ///< "text", "line 2", "notice", "clerk_name", …
  std::string text;   ///< what was to be shown
  std::string shown;  ///< what fitted
  bool operator==(const TextCut&) const = default;
};
using TextCuts = std::vector<TextCut>;

/// "notice \"午间不间断服务…\" shown as \"午间不间断\"", the cuts one after the other.
std::string describeCuts(const TextCuts& cuts);

}  // namespace jiujin::devices::drivers
