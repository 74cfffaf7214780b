#pragma once
// Main LED strip (综合屏): several lines of calls and one scrolling notice line.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/devices/drivers/call_text.hpp"
#include "jiujin/devices/drivers/profile.hpp"
#include "jiujin/devices/drivers/registers.hpp"

namespace jiujin::devices::drivers {

struct StripContent {
  std::vector<std::string> lines;  ///< top first; fewer than the strip has are blank
  std::string notice;              ///< e.g. "午间不间断服务 12:00-14:00"
  ScrollMode scroll = ScrollMode::Scrolling;
  int scrollSpeed = 3;             ///< characters per second, 1..10
  std::optional<int> brightness;   ///< unset = brightest
  bool operator==(const StripContent&) const = default;
};

/// Every line, the notice and the settings, then the content sequence. Text is fitted by the
/// rule of call_text.hpp; what had to be cut is added to `cuts` when given.
Expected<std::vector<RegisterWrite>> encodeStripContent(const StripContent& content,
                                                        const MainStripMap& map,
                                                        std::uint16_t contentSeq, TextCuts* cuts = nullptr);
/// One line (0 = top) and the content sequence: two frames, the line first.
Expected<std::vector<RegisterWrite>> encodeStripLine(std::size_t index, std::string_view text,
                                                     const MainStripMap& map,
                                                     std::uint16_t contentSeq, TextCuts* cuts = nullptr);

struct StripShown {
  StripContent content;  ///< all lines present; brightness set
  std::uint16_t contentSeq = 0;
};
Expected<StripShown> decodeStripContent(const RegisterBlock& block, const MainStripMap& map);

}  // namespace jiujin::devices::drivers
