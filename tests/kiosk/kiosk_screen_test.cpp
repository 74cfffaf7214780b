// The kiosk's screens rendered offscreen from the live model (KioskModel and its QML, over a
// demonstration hall played in-process), in both languages and both orientations, and checked
// for what a resident must (and must not) see: every text whole and inside its box, nothing
// overlapping, buttons that stay put. The PNGs land in the build tree (kiosk-screenshots/);
// `jiujin-kiosk --screenshots DIR` writes the same set (docs/kiosk.md says which are in docs).
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

#include "demo_screens.hpp"
#include "jiujin/kiosk/hall_time.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "kiosk_view.hpp"
#include "screen_texts.hpp"
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
const QColor kBackground("#f4f6f8");

QDateTime tuesdayMorning() { return QDateTime(QDate(2024, 5, 7), QTime(10, 0)); }

/// The township sample taking bookings for 综合受理 (a [[booking.session]]), so that 预约签到
/// is offered, whether or not the sample as shipped takes them.
config::HallConfig bookingSample() {
  auto config = test::townshipSample();
  if (config.booking.sessions.empty())
    config.booking.sessions.push_back(core::BookingSession{"general", {}, true, {}, core::Minutes{540},
                                                           core::Minutes{690}, core::Minutes{30}, 4, ""});
  return config;
}

/// Every text on the window inside the screen and its box, its lines within its item, none
/// beginning with a mark that only follows words ("：…"), none over another of its layer.
void expectEveryTextInItsBox(QQuickWindow& window, const std::string& screen) {
  SCOPED_TRACE(screen);
  const auto texts = jiujin::test::shownTexts(&window);
  EXPECT_GE(texts.size(), 4u);
  const QRectF screenRect(QPointF(0, 0), QSizeF(window.size()));
  for (const auto& text : texts) {
    const std::string shown = text.text.toStdString();
    EXPECT_TRUE(screenRect.contains(text.inked)) << "\"" << shown << "\" runs off the screen";
    EXPECT_TRUE(text.box.isEmpty() || text.box.adjusted(-1, -1, 1, 1).contains(text.inked))
        << "\"" << shown << "\" leaves its box";
    EXPECT_TRUE(text.overflow.isEmpty()) << "\"" << shown << "\" does not fit its item: " << text.overflow.toStdString();
    EXPECT_TRUE(jiujin::test::leadingPunctuation(text.text).isNull()) << "\"" << shown << "\" begins with a mark that only follows words";
    for (const auto& other : texts) {
      if (&other == &text || other.layer != text.layer) continue;
      EXPECT_FALSE(text.inked.intersects(other.inked))
          << "\"" << shown << "\" overlaps \"" << other.text.toStdString() << "\"";
    }
  }
}

class KioskScreens : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { useHallFont(); }

  /// A kiosk on the township sample at a weekday morning, the hall live, shown at `size`.
  QQuickWindow* show(QSize size) {
    // A fresh engine each time: loadKiosk shows the engine's first window.
    language.reset();
    engine.reset();
    engine = std::make_unique<QQmlApplicationEngine>();
    options.clock = tuesdayMorning;
    model = std::make_unique<KioskModel>(
        config, [this](client::Request request, TicketIssuer::ReplyHandler) { sent.push_back(request.type()); },
        TicketIssuer::Print{}, options);
    hall = std::make_unique<core::Hall>(config.definition);
    model->setHall(hall.get(), true);
    language = std::make_unique<LanguageSwitcher>(*engine);
    model->setLanguageSwitch([this](const QString& lang) { return language->switchTo(lang); });
    QString error;
    QQuickWindow* window = loadKiosk(*engine, *model, size, &error);
    EXPECT_TRUE(window) << error.toStdString();
    if (!window) return nullptr;
    window->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(window, 5000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return window->contentItem()->size() == QSizeF(size); }, 5000));
    return window;
  }

  /// Lays out and renders the window's current state (bounded).
  static void settle(QQuickWindow* window) {
    for (int i = 0; i < 2; ++i) {
      QSignalSpy frame(window, &QQuickWindow::afterRendering);
      window->update();
      EXPECT_TRUE(frame.wait(5000));
    }
  }

  static QRectF sceneRect(QQuickItem* item) { return item->mapRectToScene(item->boundingRect()); }

  /// The visible item of that name (each page has its own 返回), found in the visual tree
  /// (delegates of views and repeaters have no QObject parent there).
  static QQuickItem* shown(QQuickWindow* window, const char* name) {
    std::vector<QQuickItem*> pending{window->contentItem()};
    while (!pending.empty()) {
      QQuickItem* item = pending.back();
      pending.pop_back();
      if (item->objectName() == QLatin1String(name) && item->isVisible()) return item;
      for (QQuickItem* child : item->childItems()) pending.push_back(child);
    }
    return nullptr;
  }

  config::HallConfig config = bookingSample();
  std::vector<std::string> sent;  // the requests' types, in order
  KioskModel::Options options;
  std::unique_ptr<KioskModel> model;
  std::unique_ptr<core::Hall> hall;
  std::unique_ptr<QQmlApplicationEngine> engine;
  std::unique_ptr<LanguageSwitcher> language;
};

TEST_F(KioskScreens, EveryScreenInBothLanguagesAndOrientationsKeepsEveryTextInItsBox) {
  const QString dir = test::binaryDir() + "/kiosk-screenshots";
  int inspected = 0;
  ScreenshotOptions screens;
  screens.inspect = [&](const QString& file, QQuickWindow& window, KioskModel&) {
    ++inspected;
    expectEveryTextInItsBox(window, QFileInfo(file).fileName().toStdString());
  };
  const auto run = renderScreens(config, dir, screens);
  ASSERT_TRUE(run.error.isEmpty()) << run.error.toStdString();
  // 15 screens (the township hall has an issuing window, items without 绿色通道, and here a
  // booking session: 4 screens of 预约签到), 2 × 2
  EXPECT_EQ(run.files.size(), 60);
  EXPECT_EQ(inspected, run.files.size());
  for (const auto& file : run.files) {
    const QImage image(file);
    const bool landscape = file.contains("landscape");
    EXPECT_EQ(image.size(), landscape ? kKioskLandscape : kKioskScreen) << file.toStdString();
  }
  for (const QString suffix : {"", "-en", "-landscape", "-landscape-en"}) {
    SCOPED_TRACE(suffix.toStdString());
    EXPECT_EQ(countColor(QImage(dir + "/kiosk-ticket" + suffix + ".png"), kWarning), 0) << "a printed ticket shows no warning";
    EXPECT_GT(countColor(QImage(dir + "/kiosk-printer-failed" + suffix + ".png"), kWarning), 1000) << "paper out is not shown";
    EXPECT_GT(countColor(QImage(dir + "/kiosk-unreachable" + suffix + ".png"), kWarning), 1000) << "unreachable is not shown";
    EXPECT_EQ(countColor(QImage(dir + "/kiosk-ticket-booking" + suffix + ".png"), kWarning), 0) << "a check-in on time shows no warning";
    EXPECT_GT(countColor(QImage(dir + "/kiosk-checkin-refused" + suffix + ".png"), kWarning), 1000) << "the refusal is not shown";
  }
}

TEST_F(KioskScreens, BackStaysInOnePlaceOnEveryPageFromTheFirstVisitOnAndGreenChannelToo) {
  for (const QSize size : {kKioskScreen, kKioskLandscape}) {
    SCOPED_TRACE(size.width() > size.height() ? "landscape" : "portrait");
    QQuickWindow* window = show(size);
    ASSERT_TRUE(window);
    const auto& items = config.definition.items;
    const auto withPriority = std::find_if(items.begin(), items.end(), [](const auto& i) { return i.priorityAllowed; });
    const auto without = std::find_if(items.begin(), items.end(), [](const auto& i) { return !i.priorityAllowed; });
    ASSERT_TRUE(withPriority != items.end() && without != items.end());

    // the first item page after start
    model->openItem(QString::fromStdString(withPriority->code));
    settle(window);
    QQuickItem* back = shown(window, "backButton");
    QQuickItem* priority = shown(window, "priorityButton");
    ASSERT_TRUE(back) << "no 返回 on the first item page";
    ASSERT_TRUE(priority);
    EXPECT_EQ(back->property("text").toString(), QStringLiteral("返回"));
    const QRectF backPlace = sceneRect(back);
    const QRectF priorityPlace = sceneRect(priority);
    const QRectF takePlace = sceneRect(shown(window, "takeTicketButton"));
    EXPECT_LT(backPlace.left(), 60) << "返回 is bottom left";
    EXPECT_GT(backPlace.bottom(), size.height() - 60);
    EXPECT_FALSE(backPlace.intersects(priorityPlace));
    EXPECT_GE(backPlace.width(), 250);

    // an item without 绿色通道, then the first one again: nothing moved
    model->goHome();
    model->openItem(QString::fromStdString(without->code));
    settle(window);
    ASSERT_TRUE(shown(window, "backButton"));
    EXPECT_EQ(sceneRect(shown(window, "backButton")), backPlace);
    EXPECT_EQ(sceneRect(shown(window, "takeTicketButton")), takePlace);
    EXPECT_EQ(shown(window, "priorityButton"), nullptr);
    model->goHome();
    model->openItem(QString::fromStdString(withPriority->code));
    settle(window);
    EXPECT_EQ(sceneRect(shown(window, "backButton")), backPlace);
    EXPECT_EQ(sceneRect(shown(window, "priorityButton")), priorityPlace);

    // the 绿色通道 page and the collection page put 返回 in the same place
    model->openPriority();
    settle(window);
    ASSERT_TRUE(shown(window, "backButton"));
    EXPECT_EQ(sceneRect(shown(window, "backButton")), backPlace);
    model->goHome();
    model->openCollection();
    settle(window);
    ASSERT_TRUE(shown(window, "backButton"));
    EXPECT_EQ(sceneRect(shown(window, "backButton")), backPlace);
    model->goHome();
    model->openCheckIn();
    settle(window);
    ASSERT_TRUE(shown(window, "backButton"));
    EXPECT_EQ(sceneRect(shown(window, "backButton")), backPlace);
    model->goHome();
  }
}

TEST_F(KioskScreens, CheckInIsALargeButtonOnHomeAndItsPadAndAScannerFillTheCodeAndSendItOnce) {
  for (const QSize size : {kKioskScreen, kKioskLandscape}) {
    SCOPED_TRACE(size.width() > size.height() ? "landscape" : "portrait");
    QQuickWindow* window = show(size);
    ASSERT_TRUE(window);
    settle(window);
    // 预约签到 on the home screen: large, inside the screen
    QQuickItem* open = shown(window, "checkInButton");
    ASSERT_TRUE(open) << "no 预约签到 on the home screen";
    EXPECT_EQ(open->property("text").toString(), QStringLiteral("预约签到"));
    EXPECT_GE(sceneRect(open).height(), 120);
    EXPECT_GE(sceneRect(open).width(), 400);
    EXPECT_TRUE(QRectF(QPointF(0, 0), QSizeF(size)).contains(sceneRect(open)));
    QTest::mouseClick(window, Qt::LeftButton, {}, sceneRect(open).center().toPoint());
    ASSERT_EQ(model->page(), KioskModel::Page::CheckIn);
    settle(window);

    // the pad's keys, large enough for an unsteady finger
    for (const char* key : {"digit2", "digit0", "digit2", "digit4"}) {
      QQuickItem* button = shown(window, key);
      ASSERT_TRUE(button) << key;
      EXPECT_GE(sceneRect(button).height(), 120) << key;
      QTest::mouseClick(window, Qt::LeftButton, {}, sceneRect(button).center().toPoint());
    }
    EXPECT_EQ(model->checkIn()->codeText(), QStringLiteral("2024"));
    QTest::mouseClick(window, Qt::LeftButton, {}, sceneRect(shown(window, "clearCodeButton")).center().toPoint());
    EXPECT_EQ(model->checkIn()->code(), QString());

    // the scanner types into the page even after a key of the pad was touched, then Enter twice
    sent.clear();
    for (const char key : std::string("20240507")) QTest::keyClick(window, key);
    EXPECT_EQ(model->checkIn()->codeText(), QStringLiteral("2024 0507"));
    QTest::keyClick(window, Qt::Key_Return);
    QTest::keyClick(window, Qt::Key_Return);
    QTest::mouseClick(window, Qt::LeftButton, {}, sceneRect(shown(window, "checkInButton")).center().toPoint());
    EXPECT_EQ(std::count(sent.begin(), sent.end(), "check_in"), 1) << "one check-in for a double Enter and a tap";
    EXPECT_EQ(model->checkIn()->state(), BookingCheckIn::State::CheckingIn);
    EXPECT_FALSE(shown(window, "checkInButton")->isEnabled());
    model->goHome();
  }
}

TEST_F(KioskScreens, TheTwoFiguresStandApartInBothLanguagesAndOrientations) {
  // given residents waiting for the item
  for (const QSize size : {kKioskScreen, kKioskLandscape}) {
    QQuickWindow* window = show(size);
    ASSERT_TRUE(window);
    const auto now = hallTime(tuesdayMorning());
    ASSERT_TRUE(hall->execute(core::cmd::OpenDay{core::dateOf(now)}, now));
    const std::string code = config.definition.items.front().code;
    for (int i = 0; i < 22; ++i) ASSERT_TRUE(hall->execute(core::cmd::IssueTicket{code}, now));
    model->setHall(hall.get(), true);
    model->openItem(QString::fromStdString(code));
    for (const QString lang : {"zh", "en"}) {
      SCOPED_TRACE((lang + (size.width() > size.height() ? " landscape" : " portrait")).toStdString());
      model->switchLanguage(lang);
      settle(window);
      const auto texts = jiujin::test::shownTexts(window);
      const auto find = [&](const QString& prefix) {
        const auto at = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.text.startsWith(prefix); });
        return at == texts.end() ? QRectF() : at->inked;
      };
      const QRectF people = find(lang == "zh" ? QStringLiteral("22 人") : QStringLiteral("22 people"));
      const QRectF minutes = find(lang == "zh" ? QStringLiteral("约 ") : QStringLiteral("About "));
      ASSERT_FALSE(people.isEmpty());
      ASSERT_FALSE(minutes.isEmpty());
      // then a clear gap lies between them (side by side, or one above the other)
      const qreal gap = std::max(minutes.left() - people.right(), minutes.top() - people.bottom());
      EXPECT_GE(gap, 24) << "\"22 人\" and the minutes run together";
      EXPECT_GE(people.height(), 50) << "the figures are read by elderly residents";
    }
    model->switchLanguage(QStringLiteral("zh"));
    model->goHome();
  }
}

TEST_F(KioskScreens, ALandscapeScreenIsFilledNotLeftHalfBlack) {
  QQuickWindow* window = show(kKioskLandscape);
  ASSERT_TRUE(window);
  settle(window);
  // the list on the left, the letter pad on the right, both to the bottom of the screen
  QQuickItem* tiles = shown(window, "itemTiles");
  QQuickItem* pad = shown(window, "letterPad");
  ASSERT_TRUE(tiles && pad);
  EXPECT_GT(sceneRect(pad).left(), sceneRect(tiles).right());
  EXPECT_GT(sceneRect(pad).right(), kKioskLandscape.width() - 80);
  EXPECT_GT(sceneRect(tiles).bottom(), kKioskLandscape.height() - 120);
  const QImage image = window->grabWindow();
  EXPECT_EQ(image.size(), kKioskLandscape);
  // and the item page uses the width: its details start in the right half
  model->openItem(QString::fromStdString(config.definition.items.front().code));
  settle(window);
  QQuickItem* details = shown(window, "itemDetails");
  ASSERT_TRUE(details);
  EXPECT_GT(sceneRect(details).left(), kKioskLandscape.width() * 0.35);
  EXPECT_GT(sceneRect(details).width(), kKioskLandscape.width() * 0.45);
}

TEST_F(KioskScreens, TheItemPageUsesItsHeightForLargeType) {
  QQuickWindow* window = show(kKioskScreen);
  ASSERT_TRUE(window);
  const auto& items = config.definition.items;
  const auto richest = std::max_element(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return std::pair(a.priorityAllowed, a.materials.size()) < std::pair(b.priorityAllowed, b.materials.size());
  });
  model->openItem(QString::fromStdString(richest->code));
  settle(window);
  const auto texts = jiujin::test::shownTexts(window);
  const auto material = std::find_if(texts.begin(), texts.end(), [](const auto& t) { return t.text.startsWith("1. "); });
  std::string all;
  for (const auto& t : texts) all += t.text.toStdString() + " | ";
  ASSERT_NE(material, texts.end()) << all;
  EXPECT_GE(material->inked.height(), 30) << "materials in reading size";
  // what is left empty between the last fact and the buttons is small
  qreal lowest = 0;
  const QRectF details = sceneRect(shown(window, "itemDetails"));
  for (const auto& t : texts)
    if (details.contains(t.inked.center())) lowest = std::max(lowest, t.inked.bottom());
  const qreal empty = sceneRect(shown(window, "priorityButton")).top() - lowest;
  EXPECT_LT(empty, 0.25 * kKioskScreen.height()) << "the item page is " << empty << " px empty";
}

TEST_F(KioskScreens, StaleFiguresShowADashAndANoticeNotANumber) {
  QQuickWindow* window = show(kKioskScreen);
  ASSERT_TRUE(window);
  model->setHall(hall.get(), false);  // the link is down
  model->openItem(QString::fromStdString(config.definition.items.front().code));
  auto* people = window->findChild<QQuickItem*>("peopleWaiting");
  auto* notice = window->findChild<QQuickItem*>("staleNotice");
  ASSERT_TRUE(people && notice);
  EXPECT_EQ(people->property("text").toString(), QStringLiteral("—"));
  EXPECT_TRUE(notice->isVisible());

  model->setHall(hall.get(), true);
  EXPECT_EQ(people->property("text").toString(), QStringLiteral("0 人"));
  EXPECT_FALSE(notice->isVisible());
}

TEST_F(KioskScreens, TheLetterPadFindsAnItemByItsInitialsWithoutAKeyboard) {
  QQuickWindow* window = show(kKioskScreen);
  ASSERT_TRUE(window);
  settle(window);
  for (const char* letter : {"letterG", "letterL", "letterJ", "letterT"}) {
    QQuickItem* key = shown(window, letter);
    ASSERT_TRUE(key) << letter;
    ASSERT_TRUE(key->isEnabled()) << letter << " is dimmed";
    QTest::mouseClick(window, Qt::LeftButton, {}, sceneRect(key).center().toPoint());
  }
  EXPECT_EQ(model->items()->initials(), QStringLiteral("GLJT"));
  ASSERT_EQ(model->items()->rowCount(), 1);
  EXPECT_EQ(model->items()->data(model->items()->index(0), ItemListModel::NameRole).toString(),
            QStringLiteral("高龄津贴申领"));
  EXPECT_FALSE(shown(window, "letterQ")->isEnabled()) << "GLJTQ finds nothing";
}

TEST_F(KioskScreens, EnglishButtonSwitchesTheLanguageThroughTranslations) {
  QQuickWindow* window = show(kKioskScreen);
  ASSERT_TRUE(window);
  auto* all = shown(window, "topic0");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->property("text").toString(), QStringLiteral("全部"));
  model->switchLanguage(QStringLiteral("en"));
  EXPECT_EQ(model->language(), "en");
  EXPECT_EQ(shown(window, "topic0")->property("text").toString(), QStringLiteral("All"));
  // The model's own words come from the same translation.
  EXPECT_EQ(model->priorityChoices().at(0).toMap().value("name").toString(), QStringLiteral("Aged 60 or over"));
  EXPECT_EQ(model->items()->topics().last(), QStringLiteral("Other"));
  model->openItem(QStringLiteral("370199-GG-0001"));
  EXPECT_EQ(model->item()->scopeText(),
            QStringLiteral("District-wide: any service centre or station in this district can handle it"));
  EXPECT_EQ(model->item()->promiseText(), QStringLiteral("Done on the spot"));
  model->goHome();
  model->switchLanguage(QStringLiteral("zh"));
  EXPECT_EQ(shown(window, "topic0")->property("text").toString(), QStringLiteral("全部"));
}

}  // namespace
}  // namespace jiujin::kiosk
