// Broken register-map profiles: `jiujinctl config check` reports those the hall's devices name
// at their file:line, warns about the others; the gateway sets unused broken files aside.
#include "jiujin/devices/gateway/profile_check.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "jiujin/devices/gateway/gateway_plan.hpp"
#include "support/sample_hall.hpp"
#include "support/temp_dir.hpp"

namespace jiujin::devices::gateway {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

// The shipped profiles, and a vendor's file with a mistake on line 5 that no device names.
class BrokenProfiles : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& entry : fs::directory_iterator(testing::sourceDir() / "devices/profiles"))
      fs::copy_file(entry.path(), dir.path() / entry.path().filename());
    write(dir.path() / "vendor-x-display.toml",
          "name = \"vendor-x-display\"\nkind = \"window_display\"\n[text]\naddress = 0\nregisters = 200\n"
          "encoding = \"gb18030\"\n");
  }
  /// Breaks the shipped keypad profile (every keypad of the township names it) on line 9.
  void breakTheKeypadProfile() {
    const auto file = dir.path() / "jiujin-keypad-v1.toml";
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto s = text.str();
    s.replace(s.find("depth = 4"), 9, "depth = 0");
    write(file, s);
  }
  drivers::ProfileLibrary load() {
    drivers::ProfileLibrary profiles;
    EXPECT_FALSE(profiles.loadDirectory(dir.path()));
    return profiles;
  }
  testing::TempDir dir;
};

TEST_F(BrokenProfiles, AnUnusedBrokenFileIsSetAsideAndTheGatewayStarts) {
  const auto profiles = load();  // not an error: the other profiles load
  ASSERT_EQ(profiles.problems().size(), 1u);
  EXPECT_EQ(profiles.problems().front().name, "vendor-x-display");
  EXPECT_EQ(profiles.problems().front().line, 5);
  EXPECT_TRUE(profiles.find("jiujin-keypad-v1"));
  EXPECT_TRUE(planGateway(testing::townshipHall(), profiles, {}).ok());
}

TEST_F(BrokenProfiles, ConfigCheckWarnsAboutAnUnusedBrokenFileAtItsLine) {
  const auto loaded = config::loadHallConfig(testing::sourceDir() / "config/samples/township.toml");
  ASSERT_TRUE(loaded.ok());
  const auto found = checkDeviceProfiles(loaded, load());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found.front().warning);
  EXPECT_EQ(found.front().file, dir.path() / "vendor-x-display.toml");
  EXPECT_EQ(found.front().line, 5);

  std::ostringstream out;
  const auto profiles = load();
  const int code = config::checkConfigFile(testing::sourceDir() / "config/samples/township.toml", out,
                                           [&](const config::LoadResult& l) { return checkDeviceProfiles(l, profiles); });
  EXPECT_EQ(code, 0) << out.str();
  EXPECT_NE(out.str().find("vendor-x-display.toml:5:"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("warning:"), std::string::npos) << out.str();
}

TEST_F(BrokenProfiles, ABrokenProfileADeviceNamesIsAnErrorAtItsFileAndLine) {
  breakTheKeypadProfile();
  const auto profiles = load();
  std::ostringstream out;
  const int code = config::checkConfigFile(testing::sourceDir() / "config/samples/township.toml", out,
                                           [&](const config::LoadResult& l) { return checkDeviceProfiles(l, profiles); });
  EXPECT_EQ(code, 1) << out.str();
  EXPECT_NE(out.str().find("jiujin-keypad-v1.toml:9:"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("[fifo].depth"), std::string::npos) << out.str();
  // and the gateway refuses to start, saying the same
  const auto plan = planGateway(testing::townshipHall(), profiles, {});
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.error().message.find("jiujin-keypad-v1.toml:9:"), std::string::npos) << plan.error().message;
}

TEST_F(BrokenProfiles, ADeviceNamingNoProfileAtAllIsAnErrorWhereTheHallNamesIt) {
  auto loaded = config::loadHallConfig(testing::sourceDir() / "config/samples/township.toml");
  ASSERT_TRUE(loaded.ok());
  loaded.config->devices.front().profile = "no-such-profile";
  const auto found = checkDeviceProfiles(loaded, load());
  ASSERT_FALSE(found.empty());
  EXPECT_FALSE(found.front().warning);
  EXPECT_EQ(found.front().file, loaded.config->sourceFile);
  EXPECT_GT(found.front().line, 0);
  EXPECT_NE(found.front().message.find("no-such-profile"), std::string::npos);
}

}  // namespace
}  // namespace jiujin::devices::gateway
