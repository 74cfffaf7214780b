// The console's and the monitor's screens rendered offscreen from the township sample hall,
// written into docs/images (the pictures docs/console.md shows).
#include <gtest/gtest.h>

#include <QImage>

#include "demo_screens.hpp"
#include "jiujin/config/loader.hpp"

namespace {

TEST(ConsoleScreens, EveryScreenRendersToAPictureOfTheScreensSize) {
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const auto loaded = jiujin::config::loadHallConfig((source + "/config/samples/township.toml").toStdString());
  ASSERT_TRUE(loaded.ok());
  const auto run = jiujin::console::renderScreens(*loaded.config, source + "/docs/images");
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  ASSERT_EQ(run.files.size(), 8);
  for (const auto& file : run.files) {
    const QImage image(file);
    EXPECT_EQ(image.width(), 1280) << file.toStdString();
    EXPECT_EQ(image.height(), 800) << file.toStdString();
  }
}

}  // namespace
