#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jiujin/base/log.hpp"

namespace jiujin::log {
namespace {

struct Captured {
  Level level;
  std::string category;
  std::string message;
};

class LogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = threshold();
    setSink([this](Level l, std::string_view c, std::string_view m) {
      lines.push_back({l, std::string(c), std::string(m)});
    });
  }
  void TearDown() override {
    setSink({});
    setThreshold(saved_);
  }
  std::vector<Captured> lines;

 private:
  Level saved_ = Level::Info;
};

TEST_F(LogTest, ALineCarriesItsLevelCategoryAndFormattedText) {
  setThreshold(Level::Info);
  warning("devices.bus", "bus {} timed out {} times", "rs485-1", 3);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].level, Level::Warning);
  EXPECT_EQ(lines[0].category, "devices.bus");
  EXPECT_EQ(lines[0].message, "bus rs485-1 timed out 3 times");
}

TEST_F(LogTest, LinesAboveTheThresholdAreDropped) {
  setThreshold(Level::Warning);
  info("dispatcher.service", "client connected");
  debug("dispatcher.service", "frame");
  error("dispatcher.store", "commit failed");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].level, Level::Error);
}

TEST_F(LogTest, ASinkThatThrowsDoesNotReachTheCaller) {
  setSink([](Level, std::string_view, std::string_view) { throw std::runtime_error("disk full"); });
  EXPECT_NO_THROW(error("dispatcher.store", "x"));
}

TEST(LogLevels, NamesAreSyslogs) {
  EXPECT_STREQ(toString(Level::Warning), "warning");
  EXPECT_EQ(static_cast<int>(Level::Error), 3);
  EXPECT_EQ(static_cast<int>(Level::Debug), 7);
}

}  // namespace
}  // namespace jiujin::log
