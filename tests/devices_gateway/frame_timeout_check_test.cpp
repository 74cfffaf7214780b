// `jiujinctl config check` on response_timeout_ms against the longest frame of each bus.
#include "jiujin/devices/gateway/frame_timeout_check.hpp"

#include <gtest/gtest.h>

#include "support/sample_hall.hpp"

namespace jiujin::devices::gateway {
namespace {

drivers::ProfileLibrary builtinProfiles() {
  drivers::ProfileLibrary profiles;
  EXPECT_FALSE(profiles.loadDirectory(testing::sourceDir() / "devices/profiles"));
  return profiles;
}

TEST(FrameTimeoutCheck, TheMainStripsLongestFrameIsItsHundredRegisters) {
  // Four lines of 16 registers, a 32-register notice and four control registers, adjacent.
  EXPECT_EQ(largestFrameRegisters(*builtinProfiles().find("jiujin-main-strip-v1")), 100);
}

TEST(FrameTimeoutCheck, TheSampleHallsWorkAt9600Baud) {
  for (const char* hall : {"township.toml", "district.toml", "village.toml"}) {
    const auto loaded = config::loadHallConfig(testing::sourceDir() / "config/samples" / hall);
    ASSERT_TRUE(loaded.ok()) << hall;
    EXPECT_TRUE(checkResponseTimeouts(loaded, builtinProfiles()).empty()) << hall;
  }
}

TEST(FrameTimeoutCheck, A100MsTimeoutOnTheStripsBusIsReportedAtItsLine) {
  auto loaded = config::loadHallConfig(testing::sourceDir() / "config/samples/township.toml");
  ASSERT_TRUE(loaded.ok());
  ASSERT_GE(loaded.busTimeoutPlaces.size(), 1u);
  ASSERT_GT(loaded.busTimeoutPlaces[0].line, 0);  // rs485-1 writes response_timeout_ms
  loaded.config->buses[0].responseTimeoutMs = 100;
  const auto errors = checkResponseTimeouts(loaded, builtinProfiles());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, loaded.busTimeoutPlaces[0].line);
  // 100-register write at 9600 8N1: 217 bytes × 10 bits / 9600 + 2 gaps = 233.3 ms → 234 ms,
  // + 50 ms turnaround = 284 ms.
  EXPECT_NE(errors[0].message.find("waits 284 ms"), std::string::npos) << errors[0].message;
  loaded.config->buses[0].responseTimeoutMs = 284;
  EXPECT_TRUE(checkResponseTimeouts(loaded, builtinProfiles()).empty());
}

TEST(FrameTimeoutCheck, AVendorsStatedTurnaroundGetsTheBusMarginOnTop) {
  // given window 3's display answers 150 ms after a request at the latest, 8 registers a frame
  auto profiles = builtinProfiles();
  ASSERT_FALSE(profiles.loadDirectory(testing::sourceDir() / "tests/devices_sim/profiles"));
  auto loaded = config::loadHallConfig(testing::sourceDir() / "config/samples/township.toml");
  ASSERT_TRUE(loaded.ok());
  std::string bus;
  for (auto& d : loaded.config->devices)
    if (d.kind == config::DeviceKind::WindowDisplay && bus.empty()) {
      d.profile = "vendor-window-display-06-lowfirst";
      bus = d.bus;
    }
  ASSERT_FALSE(bus.empty());
  // and only it on its bus
  std::erase_if(loaded.config->devices, [&](const config::DeviceConfig& d) {
    return d.bus == bus && d.profile != "vendor-window-display-06-lowfirst";
  });
  for (auto& b : loaded.config->buses)
    if (b.id == bus) b.responseTimeoutMs = 10;
  const auto errors = checkResponseTimeouts(loaded, profiles);
  ASSERT_EQ(errors.size(), 1u);
  // then it waits wire time + 150 ms + 50 ms: one that answers right at 150 ms is not cut off
  EXPECT_NE(errors[0].message.find("may take 200 ms to answer"), std::string::npos) << errors[0].message;
}

}  // namespace
}  // namespace jiujin::devices::gateway
