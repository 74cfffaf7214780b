#include <gtest/gtest.h>
// The kiosk's screens rendered offscreen from the demonstration hall, and the QML checked
// for what a resident must (and must not) see. The PNGs land in the build tree
// (kiosk-screenshots/); `jiujin-kiosk --screenshots docs/images` refreshes the docs.
#include <QDir>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <gtest/gtest.h>

#include "demo_screens.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "kiosk_view.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using nlohmann::json;

/// Pixels close to `color` (the theme's colours are flat).
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

const QColor kWarning("#b3261e");

class KioskScreens : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { useHallFont(); }
};

TEST_F(KioskScreens, EveryScreenRendersOffscreen) {
  const QString dir = test::binaryDir() + "/kiosk-screenshots";
  const auto run = renderScreens(test::townshipSample(), dir);
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  ASSERT_EQ(run.files.size(), 7);
  for (const auto& file : run.files) {
    const QImage image(file);
    EXPECT_EQ(image.size(), kKioskScreen) << file.toStdString();
  }
  EXPECT_EQ(countColor(QImage(dir + "/kiosk-ticket.png"), kWarning), 0) << "a printed ticket shows no warning";
  EXPECT_GT(countColor(QImage(dir + "/kiosk-printer-failed.png"), kWarning), 1000) << "paper out is not shown";
  EXPECT_GT(countColor(QImage(dir + "/kiosk-unreachable.png"), kWarning), 1000) << "unreachable is not shown";
}

TEST_F(KioskScreens, StaleFiguresShowADashAndANoticeNotANumber) {
  const auto config = test::townshipSample();
  KioskModel::Options options;
  options.clock = [] { return QDateTime(QDate(2024, 5, 7), QTime(10, 0)); };
  KioskModel model(config, [](client::Request, TicketIssuer::ReplyHandler) {}, {}, options);
  core::Hall hall(config.definition);
  model.setHall(&hall, false);  // the link is down
  QQmlApplicationEngine engine;
  QString error;
  QQuickWindow* window = loadKiosk(engine, model, kKioskScreen, &error);
  ASSERT_TRUE(window) << error.toStdString();
  model.openItem(QString::fromStdString(config.definition.items.front().code));
  auto* people = window->findChild<QQuickItem*>("peopleWaiting");
  auto* notice = window->findChild<QQuickItem*>("staleNotice");
  ASSERT_TRUE(people && notice);
  EXPECT_EQ(people->property("text").toString(), QStringLiteral("—"));
  EXPECT_TRUE(notice->isVisible());

  model.setHall(&hall, true);
  EXPECT_EQ(people->property("text").toString(), QStringLiteral("0 人"));
  EXPECT_FALSE(notice->isVisible());
}

TEST_F(KioskScreens, EnglishButtonSwitchesTheLanguageThroughTranslations) {
  const auto config = test::townshipSample();
  KioskModel::Options options;
  options.clock = [] { return QDateTime(QDate(2024, 5, 7), QTime(10, 0)); };
  KioskModel model(config, [](client::Request, TicketIssuer::ReplyHandler) {}, {}, options);
  QQmlApplicationEngine engine;
  LanguageSwitcher language(engine);
  model.setLanguageSwitch([&language](const QString& lang) { return language.switchTo(lang); });
  QString error;
  QQuickWindow* window = loadKiosk(engine, model, kKioskScreen, &error);
  ASSERT_TRUE(window) << error.toStdString();
  auto* search = window->findChild<QQuickItem*>("searchField");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->property("placeholderText").toString(), QStringLiteral("搜索事项名称，如：社保"));
  model.switchLanguage(QStringLiteral("en"));
  EXPECT_EQ(model.language(), "en");
  EXPECT_EQ(search->property("placeholderText").toString(), QStringLiteral("Search services, e.g. 社保"));
  // The model's own words come from the same translation.
  EXPECT_EQ(model.priorityChoices().at(0).toMap().value("name").toString(), QStringLiteral("Aged 60 or over"));
  model.openItem(QStringLiteral("370199-GG-0001"));
  EXPECT_EQ(model.item()->scopeText(),
            QStringLiteral("District-wide: any service centre or station in this district can handle it"));
  EXPECT_EQ(model.item()->promiseText(), QStringLiteral("Done on the spot"));
  model.goHome();
  model.switchLanguage(QStringLiteral("zh"));
  EXPECT_EQ(search->property("placeholderText").toString(), QStringLiteral("搜索事项名称，如：社保"));
}

}  // namespace
}  // namespace jiujin::kiosk
