#pragma once
// The LED window display and the main strip: they show what their content sequence commits,
// decoded from their registers by the profile's layout.
#include <optional>
#include <string>
#include <vector>

#include "jiujin/devices/sim/emulated_device.hpp"

namespace jiujin::devices::sim {

/// What a window display shows; codes are given by their names in the profile.
struct WindowContent {
  std::string text;    ///< UTF-8; empty is a blank display
  std::string colour;  ///< "red", "green", …
  bool blink = false;
  int brightness = 0;
};
struct WindowShown {
  WindowContent content;
  std::uint16_t contentSeq = 0;
};

struct StripContent {
  std::vector<std::string> lines;  ///< every line of the strip, top first
  std::string notice;
  std::string scroll;  ///< "still", "scrolling", …
  int scrollSpeed = 0;
  int brightness = 0;
};
struct StripShown {
  StripContent content;
  std::uint16_t contentSeq = 0;
};

class EmulatedWindowDisplay final : public EmulatedDevice {
 public:
  EmulatedWindowDisplay(std::string id, std::uint8_t address, DeviceProfile profile);
  /// What the display shows; unset until content is committed (and after a power cycle).
  const std::optional<WindowShown>& shown() const { return shown_; }
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t) const override { return true; }
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;
  SimResult<WindowShown> readContent() const;

  const WindowDisplayLayout& layout_;
  std::optional<WindowShown> shown_;
  std::string unreadable_;  ///< why the last committed content could not be shown
};

class EmulatedMainStrip final : public EmulatedDevice {
 public:
  EmulatedMainStrip(std::string id, std::uint8_t address, DeviceProfile profile);
  const std::optional<StripShown>& shown() const { return shown_; }
  std::string describe(SimClock::time_point now) override;
  std::string describeShown() const override;
  void powerCycle() override;

 private:
  bool writable(std::uint16_t) const override { return true; }
  void afterWrite(std::uint16_t first, std::uint16_t count, SimClock::time_point now) override;
  SimResult<StripShown> readContent() const;

  const MainStripLayout& layout_;
  std::optional<StripShown> shown_;
  std::string unreadable_;
};

}  // namespace jiujin::devices::sim
