// The screen rendered offscreen in both layouts. The PNGs land in the build tree
// (tests/display/screenshots/) and are copied into docs/images by hand after a look.
#include <QDir>
#include <QFontMetricsF>
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
#include "screen_texts.hpp"
#include "demo_hall.hpp"

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
constexpr QSize kUhd{3840, 2160};  // a 4K hall screen
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

using test::shownTexts;

/// The screen loaded into `engine` at `size`, rendered once and saved as `file`; null (with
/// the failure recorded) when it did not load or render.
QQuickWindow* shownAt(QQmlApplicationEngine& engine, DisplayModel& model, QSize size, const QString& file,
                      bool noLoadErrors = false) {
  QString error;
  QQuickWindow* window = loadDisplay(engine, model, size, &error);
  if (window == nullptr || (noLoadErrors && !error.isEmpty())) {
    ADD_FAILURE() << error.toStdString();
    return nullptr;
  }
  const bool shown = QTest::qWaitForWindowExposed(window, 5000) &&
                     QTest::qWaitFor([&] { return window->contentItem()->size() == QSizeF(size); }, 5000);
  QSignalSpy frame(window, &QQuickWindow::afterRendering);
  window->update();
  if (!shown || !frame.wait(5000)) {
    ADD_FAILURE() << file.toStdString() << ": the window was not shown and rendered in time";
    return nullptr;
  }
  window->grabWindow().save(screenshotPath(file));
  return window;
}

/// A late, busy day in a district hall: windows 21–28 all calling, and numbers past 9990
/// (one queue with a two-letter prefix), the widest a hall gives.
void fillWithFourDigitCalls(DisplayModel& model) {
  core::HallDefinition definition = DemoHall::definition();
  for (auto& q : definition.queues)
    if (q.id == "estate") q.prefix = "BD";
  for (auto& w : definition.windows) w.number += 20;
  const core::TimePoint morning = fixedMorning();
  core::Hall opening(definition);
  EXPECT_TRUE(opening.execute(core::cmd::OpenDay{core::dateOf(morning)}, morning).ok());
  core::HallState state = opening.state();
  for (const auto& q : definition.queues) state.lastSequence[q.id] = 9990;
  core::Hall hall(definition, state);
  const auto run = [&](const core::Command& c) { EXPECT_TRUE(hall.execute(c, morning).ok()); };
  for (int round = 0; round < 4; ++round)
    for (const auto& item : definition.items) run(core::cmd::IssueTicket{item.code});
  for (const auto& w : definition.windows) {
    run(core::cmd::ClerkLogin{w.number, "clerk-" + std::to_string(w.number)});
    run(core::cmd::OpenWindow{w.number});
    run(core::cmd::CallNext{w.number});
  }
  model.resetFromSnapshot(definition, hall.state(), 1);
}

TEST_F(DisplayScreenshot, FourDigitNumbersAreShownWholeAndOverlapNothingInBothLayouts) {
  fillWithFourDigitCalls(model);
  const QRegularExpression ticketNumber(QStringLiteral("^[A-Z]{1,2}\\d{4}$"));
  for (const auto& [size, file] : {std::pair{kLandscape, "display-four-digits-landscape.png"},
                                   std::pair{kPortrait, "display-four-digits-portrait.png"}}) {
    SCOPED_TRACE(file);
    QQmlApplicationEngine screen;
    QQuickWindow* window = shownAt(screen, model, size, file);
    ASSERT_NE(window, nullptr);

    const auto texts = shownTexts(window);
    const QRectF screenRect(QPointF(0, 0), QSizeF(size));
    int numbers = 0;
    for (const auto& number : texts) {
      if (!ticketNumber.match(number.text).hasMatch()) continue;
      ++numbers;
      EXPECT_FALSE(number.truncated) << number.text.toStdString() << " is cut short";
      EXPECT_TRUE(screenRect.contains(number.inked)) << number.text.toStdString() << " runs off the screen";
      for (const auto& other : texts) {
        if (&other == &number) continue;
        EXPECT_FALSE(number.inked.intersects(other.inked))
            << number.text.toStdString() << " overlaps \"" << other.text.toStdString() << "\"";
      }
    }
    EXPECT_GE(numbers, 8) << "every window card shows its number";
  }
}

/// A mid-morning in a hall whose windows have long names: every window calling, the newest
/// call already completed, three residents missed (过号), and one queue nobody waits in.
void fillBusyHallWithLongNames(DisplayModel& model, QString& completedNumber) {
  core::HallDefinition definition = DemoHall::definition();
  const char* names[] = {"综合受理六（帮办代办）", "社保医保（退休待遇核定）", "不动产登记与交易（抵押）", "统一发证（证照出件）"};
  std::size_t n = 0;
  for (auto& w : definition.windows) w.name = names[n++ % 4];
  const core::TimePoint morning = fixedMorning();
  core::Hall hall(definition);
  const auto run = [&](const core::Command& c) { EXPECT_TRUE(hall.execute(c, morning).ok()) << c.index(); };
  run(core::cmd::OpenDay{core::dateOf(morning)});
  for (int round = 0; round < 3; ++round)
    for (const auto& item : definition.items)
      if (item.queue != definition.queues.back().id) run(core::cmd::IssueTicket{item.code});
  for (const auto& w : definition.windows) {
    run(core::cmd::ClerkLogin{w.number, "clerk-" + std::to_string(w.number)});
    run(core::cmd::OpenWindow{w.number});
  }
  // three residents who did not come, at the first windows that have someone to call
  int missed = 0;
  for (const auto& w : definition.windows) {
    if (missed == 3) break;
    if (!hall.execute(core::cmd::CallNext{w.number}, morning).ok()) continue;
    run(core::cmd::MarkNoShow{w.number});
    ++missed;
  }
  EXPECT_EQ(missed, 3);
  core::WindowNumber last = 0;
  for (const auto& w : definition.windows)
    if (hall.execute(core::cmd::CallNext{w.number}, morning).ok()) last = w.number;
  ASSERT_NE(last, 0);
  // the newest call is done already: it must not stay in the big panel
  const auto& lastWindow = hall.state().windows.at(last);
  completedNumber = QString::fromStdString(hall.state().tickets.at(*lastWindow.current).number);
  run(core::cmd::StartService{last});
  run(core::cmd::Complete{last});
  model.resetFromSnapshot(definition, hall.state(), 1);
}

TEST_F(DisplayScreenshot, EveryTextStaysInItsBoxWithLongNamesInBothLanguagesAndLayouts) {
  QString completed;
  fillBusyHallWithLongNames(model, completed);
  ASSERT_FALSE(completed.isEmpty());
  EXPECT_NE(model.newestTicket(), completed) << "a completed ticket stays in the big panel";
  EXPECT_FALSE(model.newestTicket().isEmpty()) << "an earlier call that is still current takes the panel";
  EXPECT_EQ(model.missedTickets().split("  ").size(), 3);
  const auto queues = model.queues();
  bool nobodyWaitingShown = false;
  for (int r = 0; r < queues->rowCount(); ++r) {
    const auto figures = queues->data(queues->index(r), QueueListModel::FiguresRole).toString();
    if (queues->data(queues->index(r), QueueListModel::WaitingRole).toInt() == 0) {
      EXPECT_EQ(figures, "无人等候") << "an estimate shown for nobody";
      nobodyWaitingShown = true;
    }
  }
  EXPECT_TRUE(nobodyWaitingShown);

  for (const char* language : {"zh", "en"}) {
    QTranslator* english = std::string(language) == "en" ? installTranslation("en") : nullptr;
    fillBusyHallWithLongNames(model, completed);  // the model's own words in this language
    for (const bool connected : {true, false}) {
      model.setConnected(connected);
      // A 4K hall screen without scaling lays out at 3840×2160 itself (with QT_SCALE_FACTOR=2
      // it is the 1080p layout drawn sharper, docs/display.md).
      for (const auto& [size, layout] : {std::pair{kLandscape, "landscape"}, std::pair{kPortrait, "portrait"},
                                         std::pair{kUhd, "4k"}}) {
        const QString file = QStringLiteral("display-busy-%1-%2%3.png")
                                 .arg(layout, language, connected ? "" : "-disconnected");
        SCOPED_TRACE(file.toStdString());
        QQmlApplicationEngine screen;
        QQuickWindow* window = shownAt(screen, model, size, file, /*noLoadErrors=*/true);
        ASSERT_NE(window, nullptr);

        const auto texts = shownTexts(window);
        EXPECT_GE(texts.size(), 20u);
        const QRectF screenRect(QPointF(0, 0), QSizeF(size));
        const QRegularExpression ticketNumber(QStringLiteral("^[A-Z]{1,2}\\d{3,4}$"));
        for (const auto& text : texts) {
          // A long window name must not squeeze the number it serves into small print: a
          // number is read from across the hall (its digits at least 4 % of the screen's height).
          if (ticketNumber.match(text.text).hasMatch()) {
            EXPECT_GE(text.inked.height(), 0.04 * std::min(size.width(), size.height()))
                << text.text.toStdString() << " is drawn too small to read";
          }
          EXPECT_TRUE(screenRect.contains(text.inked)) << text.text.toStdString() << " runs off the screen";
          EXPECT_TRUE(text.box.isEmpty() || text.box.adjusted(-1, -1, 1, 1).contains(text.inked))
              << "\"" << text.text.toStdString() << "\" leaves its box";
          EXPECT_TRUE(text.overflow.isEmpty())
              << "\"" << text.text.toStdString() << "\" does not fit its item: " << text.overflow.toStdString();
          EXPECT_TRUE(test::leadingPunctuation(text.text).isNull())
              << "\"" << text.text.toStdString() << "\" begins with a mark that only follows words";
          // The banner lies over the dimmed screen on purpose; the rest never overlap.
          if (!connected) continue;
          for (const auto& other : texts) {
            if (&other == &text) continue;
            EXPECT_FALSE(text.inked.intersects(other.inked))
                << "\"" << text.text.toStdString() << "\" overlaps \"" << other.text.toStdString() << "\"";
          }
        }
      }
    }
    if (english) QCoreApplication::removeTranslator(english);
  }
  model.setConnected(true);
}

TEST(DisplayFont, ChineseGlyphsExistInTheHallFont) {
  const QRawFont font = QRawFont::fromFont(QFont("WenQuanYi Micro Hei"));
  ASSERT_TRUE(font.isValid());
  EXPECT_TRUE(font.familyName().contains("WenQuanYi")) << font.familyName().toStdString();
  for (const char32_t c : {U'号', U'窗', U'暂', U'停'}) EXPECT_TRUE(font.supportsCharacter(c));
}

}  // namespace
}  // namespace jiujin::display
