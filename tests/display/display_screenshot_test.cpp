// The screen rendered offscreen in both layouts. The PNGs land in the build tree
// (tests/display/screenshots/) and are copied into docs/images by hand after a look.
#include <QDir>
#include <QImage>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRawFont>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

#include "display_view.hpp"
#include "jiujin/display/demo_hall.hpp"

namespace jiujin::display {
namespace {

using namespace std::chrono_literals;

// A fixed mid-morning, so the screenshots show the same date and time on every run.
core::TimePoint fixedMorning() { return std::chrono::sys_days{std::chrono::year{2024} / 5 / 6} + 10h + 24min + 30s; }

QString screenshotPath(const QString& name) {
  const QDir dir(QStringLiteral(JIUJIN_SCREENSHOT_DIR));
  dir.mkpath(".");
  return dir.filePath(name);
}

/// Pixels close to `color` (the theme's colors are flat, so exact enough).
int countColor(const QImage& image, QColor color) {
  int n = 0;
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) {
      const QColor c = image.pixelColor(x, y);
      if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) + std::abs(c.blue() - color.blue()) < 12) ++n;
    }
  }
  return n;
}

const QColor kBlink("#d9480f");
const QColor kBanner("#c92a2a");

class DisplayScreenshot : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    useHallFont();
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  }

  QImage render(QSize size, const QString& file) {
    QString error;
    QQuickWindow* window = loadDisplay(engine, model, size, &error);
    EXPECT_TRUE(window != nullptr && error.isEmpty()) << error.toStdString();
    if (!window) return {};
    // Bounded waits on the window's own progress: shown, sized, laid out.
    EXPECT_TRUE(QTest::qWaitForWindowExposed(window, 5000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->contentItem()->size() == QSizeF(size); }, 5000));
    QSignalSpy frame(window, &QQuickWindow::afterRendering);
    window->update();
    EXPECT_TRUE(frame.wait(5000));
    const QImage image = window->grabWindow();
    EXPECT_TRUE(image.save(screenshotPath(file)));
    return image;
  }

  // The blink is frozen in its lit phase, so a slow render on a loaded machine still
  // captures the highlighted call.
  static DisplayOptions frozenBlink() {
    DisplayOptions options;
    options.highlightFor = 1h;
    options.blinkEvery = 1h;
    return options;
  }

  DisplayModel model{frozenBlink(), fixedMorning};
  DemoHall demo{model, fixedMorning};
  QQmlApplicationEngine engine;
};

TEST_F(DisplayScreenshot, LandscapeShowsTheBlinkingNewestCall) {
  demo.prepare();
  demo.step();
  ASSERT_TRUE(model.highlightActive() && model.blinkOn());
  const QImage image = render(kLandscape, "display-landscape.png");
  ASSERT_EQ(image.size(), kLandscape);
  EXPECT_GT(countColor(image, kBlink), 1000) << "the newest call is not highlighted";
  EXPECT_EQ(countColor(image, kBanner), 0) << "a live screen shows no disconnection banner";
}

TEST_F(DisplayScreenshot, PortraitFitsATallScreen) {
  demo.prepare();
  demo.step();
  const QImage image = render(kPortrait, "display-portrait.png");
  ASSERT_EQ(image.size(), kPortrait);
  EXPECT_GT(countColor(image, kBlink), 1000);
}

TEST_F(DisplayScreenshot, DisconnectedScreenSaysSoOverTheCalls) {
  demo.prepare();
  model.setConnected(false);
  const QImage image = render(kLandscape, "display-disconnected.png");
  EXPECT_GT(countColor(image, kBanner), 5000) << "no 连接中断 banner";
  EXPECT_EQ(countColor(image, kBlink), 0);
}

TEST_F(DisplayScreenshot, EnglishTranslationReplacesTheScreenTexts) {
  QTranslator* english = installTranslation("en");
  ASSERT_NE(english, nullptr);
  EXPECT_EQ(QCoreApplication::translate("ConnectionBanner", "连接中断"), "Connection lost");
  EXPECT_EQ(QCoreApplication::translate("DisplayModel", "暂停服务"), "Paused");
  demo.prepare();
  render(kLandscape, "display-landscape-en.png");
  QCoreApplication::removeTranslator(english);
}




TEST(DisplayFont, ChineseGlyphsExistInTheHallFont) {
  const QRawFont font = QRawFont::fromFont(QFont("WenQuanYi Micro Hei"));
  ASSERT_TRUE(font.isValid());
  EXPECT_TRUE(font.familyName().contains("WenQuanYi")) << font.familyName().toStdString();
  for (const char32_t c : {U'号', U'窗', U'暂', U'停'}) EXPECT_TRUE(font.supportsCharacter(c));
}

}  // namespace
}  // namespace jiujin::display
