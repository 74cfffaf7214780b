// `jiujinctl config check FILE`: what it prints and the exit code scripts rely on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "hall_fixture.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::HasSubstr;

TEST(ConfigCheck, ABrokenHallPrintsEveryErrorAndExitsNonZero) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  auto hall = replaced(validHall(), R"(prefix = "B")", R"(prefix = "A")");
  hall = replaced(hall, "address = 1\n", "address = 300\n");
  const auto file = dir.write("hall.toml", hall);
  std::ostringstream out;
  EXPECT_EQ(checkConfigFile(file, out), 1);
  EXPECT_THAT(out.str(), HasSubstr(file.string() + ":19:10: error: queue \"social\" has prefix"));
  EXPECT_THAT(out.str(), HasSubstr(file.string() + ":53:11: error: address 300"));
  EXPECT_THAT(out.str(), HasSubstr("2 errors, configuration not usable"));
}

TEST(ConfigCheck, AGoodHallPrintsASummaryAndExitsZero) {
  std::ostringstream out;
  EXPECT_EQ(checkConfigFile(samplePath("village.toml"), out), 0);
  EXPECT_THAT(out.str(), HasSubstr("ok — 和平村便民服务站 (village), 1 queues, 2 windows"));
}

TEST(ConfigCheck, AMissingHallFileExitsNonZero) {
  std::ostringstream out;
  EXPECT_EQ(checkConfigFile("/nonexistent/hall.toml", out), 1);
  EXPECT_THAT(out.str(), HasSubstr("/nonexistent/hall.toml:0:0: error: cannot open the hall file"));
}

}  // namespace
}  // namespace jiujin::config::testing
