// The simulator's own reading of the register-map profiles: the shipped ones as the tables
// of docs/devices.md give them, and mistakes named by file and field.
#include "jiujin/devices/sim/device_profile.hpp"

#include <gtest/gtest.h>

using namespace jiujin::devices::sim;

namespace {

DeviceProfiles shipped() {
  DeviceProfiles profiles;
  EXPECT_FALSE(profiles.loadDirectory(builtinProfileDir()));
  return profiles;
}

std::string problem(std::string_view toml) {
  const auto profile = parseDeviceProfile(toml, "vendor.toml");
  return profile ? "(parsed)" : profile.error().message;
}

}  // namespace

TEST(SimDeviceProfile, TheShippedWindowDisplayHasSixteenRegisters) {
  const auto profiles = shipped();
  const auto* display = profiles.find("jiujin-window-display-v1");
  ASSERT_NE(display, nullptr);
  EXPECT_EQ(display->kind(), DeviceKind::WindowDisplay);
  EXPECT_EQ(display->registerCount, 16u);
  const auto& layout = std::get<WindowDisplayLayout>(display->layout);
  EXPECT_EQ(layout.text.registers, 12);
  EXPECT_EQ(layout.contentSeq, 0x000F);
  EXPECT_EQ(layout.colours, (CodeNames{{1, "red"}, {2, "green"}, {3, "yellow"}}));
}

TEST(SimDeviceProfile, TheShippedStripKeypadAndPadFollowTheirTables) {
  const auto profiles = shipped();
  const auto& strip = std::get<MainStripLayout>(profiles.find("jiujin-main-strip-v1")->layout);
  ASSERT_EQ(strip.lines.size(), 4u);
  EXPECT_EQ(strip.lines[3].address, 0x0030);
  EXPECT_EQ(strip.notice.registers, 32);
  const auto& keypad = std::get<KeypadLayout>(profiles.find("jiujin-keypad-v1")->layout);
  EXPECT_EQ(keypad.fifoDepth, 4);
  EXPECT_EQ(keypad.keys.at("request_evaluation"), 8);
  const auto* pad = profiles.find("jiujin-eval-pad-v1");
  EXPECT_EQ(pad->registerCount, 0x15u);
  const auto& padLayout = std::get<EvalPadLayout>(pad->layout);
  EXPECT_EQ(padLayout.ratingCodes.at(Rating::VeryDissatisfied), 5);
  EXPECT_EQ(padLayout.stateCodes.at(PadState::TimedOut), 3);
}

TEST(SimDeviceProfile, AMissingFieldIsNamedWithItsFile) {
  EXPECT_EQ(problem("name = \"x\"\nkind = \"keypad\"\n"),
            "vendor.toml: [fifo].count is missing or not an integer");
}

TEST(SimDeviceProfile, AnUnknownKindIsRefused) {
  EXPECT_EQ(problem("name = \"x\"\nkind = \"toaster\"\n"),
            "vendor.toml: kind must be window_display, main_strip, keypad or eval_pad");
}

TEST(SimDeviceProfile, ARatingTableWithoutEveryLevelIsRefused) {
  const char* pad = R"(
name = "x"
kind = "eval_pad"
[prompt]
ticket = { address = 0, registers = 4, encoding = "gb18030" }
clerk_number = { address = 4, registers = 4, encoding = "gb18030" }
clerk_name = { address = 8, registers = 8, encoding = "utf16" }
timeout_seconds = 16
command = 17
[status]
state = 18
rating = 19
rating_seq = 20
[values]
command = { prompt = 1, cancel = 2 }
state = { idle = 0, prompting = 1, rated = 2, timed_out = 3 }
rating = { very_satisfied = 1, satisfied = 2 }
)";
  EXPECT_EQ(problem(pad), "vendor.toml: [values].rating has no code for basic");
}

TEST(SimDeviceProfile, TwoNamesWithOneCodeAreRefused) {
  const char* display = R"(
name = "x"
kind = "window_display"
text = { address = 0, registers = 12, encoding = "gb18030" }
[registers]
colour = 12
blink = 13
brightness = 14
content_seq = 15
[values]
colour = { red = 1, green = 1 }
)";
  EXPECT_EQ(problem(display), "vendor.toml: [values].colour gives code 1 to two names");
}
