// The console's and the monitor's screens rendered offscreen from the township sample hall,
// written into docs/images (the pictures docs/console.md shows).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QQuickItem>
#include <QTranslator>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "demo_screens.hpp"
#include "screen_texts.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/console/core_words.hpp"
#include "jiujin/core/names.hpp"

namespace {

using jiujin::test::shownTexts;

/// The texts the design cuts short on purpose, by the objectName of their Text item, and why.
/// Only these may be elided; they must still stay on the screen, in their box, over no other.
const std::map<QString, const char*> kElidedByDesign{
    // The core's reason for a call can run to a paragraph: two lines of it under the ticket,
    // the whole reason in the text's tooltip (ClerkPage.qml).
    {QStringLiteral("callReason"), "the call reason: two lines, the rest in its tooltip"},
};

void collectItems(QQuickItem* item, std::vector<QQuickItem*>& out) {
  for (QQuickItem* child : item->childItems()) {
    out.push_back(child);
    collectItems(child, out);
  }
}

/// The texts now shown by the items elided by design.
std::set<QString> elidedByDesign(QQuickWindow* window) {
  std::vector<QQuickItem*> items;
  collectItems(window->contentItem(), items);
  std::set<QString> texts;
  for (QQuickItem* item : items)
    if (kElidedByDesign.contains(item->objectName())) texts.insert(item->property("text").toString());
  return texts;
}

/// Every text of the screen shown whole (but those elided by design), on the screen, inside
/// its box, over no other.
void expectNoTextOverflows(QQuickWindow* window, const QString& file) {
  SCOPED_TRACE(file.toStdString());
  const QRectF screen(QPointF(0, 0), QSizeF(window->size()));
  const auto texts = shownTexts(window);
  const auto elided = elidedByDesign(window);
  EXPECT_GT(texts.size(), 10u) << "the screen shows hardly any text";
  for (const auto& t : texts) {
    const std::string what = "\"" + t.text.toStdString() + "\"";
    if (!elided.contains(t.text)) {
      EXPECT_FALSE(t.truncated) << what << " is cut short or wider than its place";
    }
    EXPECT_TRUE(screen.contains(t.inked)) << what << " runs off the screen";
    if (!t.box.isEmpty()) {
      EXPECT_TRUE(t.box.adjusted(-1, -1, 1, 1).contains(t.inked)) << what << " runs out of its box";
    }
    for (const auto& other : texts) {
      if (&other == &t || other.text == t.text) continue;
      EXPECT_FALSE(t.inked.adjusted(1, 1, -1, -1).intersects(other.inked.adjusted(1, 1, -1, -1)))
          << what << " overlaps \"" << other.text.toStdString() << "\"";
    }
  }
}

/// The 过号 panel shows the missed ticket with its 过号重排 button, which the core allows.
void expectAReactivateButton(QQuickWindow* window, const QString& file) {
  SCOPED_TRACE(file.toStdString());
  std::vector<QQuickItem*> items;
  collectItems(window->contentItem(), items);
  int shown = 0;
  for (QQuickItem* item : items) {
    if (!item->objectName().startsWith(QStringLiteral("reactivate_")) || !item->isVisible()) continue;
    ++shown;
    EXPECT_TRUE(item->isEnabled()) << item->objectName().toStdString();
  }
  EXPECT_GE(shown, 1) << "no 过号重排 button on the screen";
}

TEST(ConsoleScreens, EveryScreenRendersToAPictureOfTheScreensSizeWithItsTextsFittingInBothLanguages) {
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const auto loaded = jiujin::config::loadHallConfig((source + "/config/samples/township.toml").toStdString());
  ASSERT_TRUE(loaded.ok());
  // Every screen, in both languages, is checked for text that does not fit (elided by design:
  // kElidedByDesign only); a screen added to the demo must be added here.
  const std::set<QString> checked{
      // The clerk's console: login, serving, a restarted console asking the PIN, a refusal, 过号.
      "console-login.png", "console-login-en.png", "console-serving.png", "console-serving-en.png",
      "console-confirm.png", "console-confirm-en.png", "console-refused.png", "console-refused-en.png",
      "console-noshow.png", "console-noshow-en.png",
      // The case screens (issue 19).
      "console-acceptance.png", "console-acceptance-en.png", "console-receipt.png", "console-receipt-en.png",
      "console-agent.png", "console-agent-en.png", "console-handover.png", "console-handover-en.png",
      "console-progress.png", "console-progress-en.png", "console-correction.png", "console-correction-en.png",
      "console-supply.png", "console-supply-en.png",
      // The monitor (issue 17): live, 回访, figures and the case register, at 1280×800 and 1920×1080.
      "monitor-live.png", "monitor-live-en.png", "monitor-live-1920.png", "monitor-live-1920-en.png",
      "monitor-follow-up.png", "monitor-follow-up-en.png", "monitor-figures.png", "monitor-figures-en.png",
      "monitor-figures-1920.png", "monitor-figures-1920-en.png", "monitor-cases.png", "monitor-cases-en.png",
      "monitor-cases-1920.png", "monitor-cases-1920-en.png",
      // 预约 (issue 20): today's bookings and check-ins.
      "monitor-bookings.png", "monitor-bookings-en.png"};
  std::set<QString> seen;
  const auto run = jiujin::console::renderScreens(*loaded.config, source + "/docs/images",
                                                  [&](QQuickWindow* window, const QString& file) {
                                                    seen.insert(file);
                                                    expectNoTextOverflows(window, file);
                                                    if (file.startsWith(QStringLiteral("console-noshow")))
                                                      expectAReactivateButton(window, file);
                                                  });
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  EXPECT_EQ(seen, checked);
  ASSERT_EQ(run.files.size(), static_cast<qsizetype>(checked.size()));
  for (const auto& file : run.files) {
    const QImage image(file);
    const bool wall = file.contains(QStringLiteral("-1920"));
    EXPECT_EQ(image.width(), wall ? 1920 : 1280) << file.toStdString();
    EXPECT_EQ(image.height(), wall ? 1080 : 800) << file.toStdString();
  }
}

TEST(ConsoleScreens, ADistrictHallsThirtyWindowsShowOnTheMonitorAtBothSizesInBothLanguages) {
  const QString source = qEnvironmentVariable("JIUJIN_SOURCE_DIR");
  ASSERT_FALSE(source.isEmpty());
  const auto loaded = jiujin::config::loadHallConfig((source + "/config/samples/district.toml").toStdString());
  ASSERT_TRUE(loaded.ok());
  ASSERT_GE(loaded.config->definition.windows.size(), 30u);
  std::map<QString, int> tilesShown;
  const auto run = jiujin::console::renderMonitorWall(
      *loaded.config, source + "/docs/images", [&](QQuickWindow* window, const QString& file) {
        expectNoTextOverflows(window, file);
        auto* grid = window->findChild<QQuickItem*>(QStringLiteral("windowGrid"));
        ASSERT_NE(grid, nullptr);
        // Every window is in the grid: shown, or reached by scrolling it.
        EXPECT_EQ(grid->property("count").toInt(), static_cast<int>(loaded.config->definition.windows.size())) << file.toStdString();
        const qreal rows = std::ceil(grid->property("count").toReal() / grid->property("columns").toReal());
        tilesShown[file] = static_cast<int>(grid->height() / grid->property("cellHeight").toReal()) *
                           grid->property("columns").toInt();
        EXPECT_GE(rows * grid->property("cellHeight").toReal(), grid->property("contentHeight").toReal() - 1);
      });
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  ASSERT_EQ(run.files.size(), 4);
  // A wall screen shows all of them at once; the desk's screen three rows and scrolls.
  EXPECT_GE(tilesShown["monitor-district-1920.png"], 30);
  EXPECT_GE(tilesShown["monitor-district.png"], 9);
}

TEST(ConsoleWords, EveryStateClassRatingKindAndCaseWordOfTheCoreHasItsEnglish) {
  using namespace jiujin;
  QTranslator english;
  ASSERT_TRUE(english.load(QStringLiteral(":/i18n/console_en.qm")));
  QCoreApplication::installTranslator(&english);
  const auto english_for = [](const QString& shown, const char* zh) {
    EXPECT_NE(shown, QString::fromUtf8(zh)) << zh << " stays Chinese in the English interface";
    EXPECT_FALSE(shown.isEmpty()) << zh;
  };
  for (auto v : {core::WindowState::Closed, core::WindowState::Idle, core::WindowState::Calling,
                 core::WindowState::Serving, core::WindowState::Paused})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::TicketState::Waiting, core::TicketState::Called, core::TicketState::Serving,
                 core::TicketState::Completed, core::TicketState::NoShow, core::TicketState::Transferred,
                 core::TicketState::Cancelled, core::TicketState::Expired})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::PriorityClass::Normal, core::PriorityClass::Elderly, core::PriorityClass::Disabled,
                 core::PriorityClass::Pregnant, core::PriorityClass::Serviceman})
    english_for(console::said(v), core::zhName(v));
  for (auto v : core::kRatingScale) english_for(console::said(v), core::zhName(v));
  for (auto v : {core::WindowKind::General, core::WindowKind::Specialist, core::WindowKind::Issuing,
                 core::WindowKind::Complaints})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::CaseState::Correction, core::CaseState::Accepted, core::CaseState::Processing,
                 core::CaseState::Decided, core::CaseState::Ready, core::CaseState::Collected, core::CaseState::Rejected})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::MaterialStatus::Received, core::MaterialStatus::Missing, core::MaterialStatus::NotApplicable})
    english_for(console::said(v), core::zhName(v));
  for (auto v : {core::CaseOutcome::Approved, core::CaseOutcome::Refused}) english_for(console::said(v), core::zhName(v));
  for (auto v : {core::CaseChannel::Window, core::CaseChannel::Agent}) english_for(console::said(v), core::zhName(v));
  for (auto v : {core::ItemKind::Immediate, core::ItemKind::Promised}) english_for(console::said(v), core::zhName(v));
  // A case 办理中 is not a window's: its own word.
  EXPECT_EQ(console::said(core::CaseState::Processing), QStringLiteral("In processing"));
  EXPECT_EQ(console::said(core::WindowState::Serving), QStringLiteral("Serving"));
  QCoreApplication::removeTranslator(&english);
  EXPECT_EQ(console::said(core::WindowState::Calling), QStringLiteral("呼叫中")) << "Chinese first";
}

}  // namespace
