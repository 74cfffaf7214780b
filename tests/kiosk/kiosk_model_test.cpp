#include "jiujin/kiosk/kiosk_model.hpp"

#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

#include "jiujin/kiosk/hall_time.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

QDateTime tuesdayMorning() { return QDateTime(QDate(2024, 5, 7), QTime(10, 0)); }
QDateTime wednesdayNight() { return QDateTime(QDate(2024, 5, 8), QTime(21, 0)); }

class Kiosk : public ::testing::Test {
 protected:
  std::unique_ptr<KioskModel> make(QDateTime now, std::optional<std::chrono::milliseconds> idle = std::nullopt) {
    KioskModel::Options options;
    options.clock = [now] { return now; };
    options.kioskName = "kiosk-t";
    options.idleInterval = idle;
    return std::make_unique<KioskModel>(
        config,
        [this](client::Request request, TicketIssuer::ReplyHandler) { sent.push_back({request.type(), request.body}); },
        TicketIssuer::Print{}, options);
  }
  std::string firstItem() const { return config.definition.items.front().code; }

  config::HallConfig config = test::townshipSample();
  std::vector<std::pair<std::string, json>> sent;
};

TEST_F(Kiosk, DoubleTapOnTakeTicketSendsOneRequest) {
  auto kiosk = make(tuesdayMorning());
  kiosk->openItem(QString::fromStdString(firstItem()));
  kiosk->takeTicket();
  kiosk->takeTicket();
  EXPECT_EQ(sent.size(), 1u);
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Ticket);
}

TEST_F(Kiosk, ClosedHallSaysWhenItOpensAndIssuesNothing) {
  auto kiosk = make(wednesdayNight());
  EXPECT_FALSE(kiosk->open());
  EXPECT_EQ(kiosk->nextOpening(), QDateTime(QDate(2024, 5, 9), QTime(8, 30)));
  EXPECT_TRUE(kiosk->nextOpeningKnown());
  kiosk->openItem(QString::fromStdString(firstItem()));
  EXPECT_FALSE(kiosk->canIssue());
  kiosk->takeTicket();
  EXPECT_TRUE(sent.empty());
}

TEST_F(Kiosk, FiguresAreHiddenWhileTheMirrorIsNotCurrent) {
  auto kiosk = make(tuesdayMorning());
  core::Hall hall(config.definition);
  const auto now = hallTime(tuesdayMorning());
  ASSERT_TRUE(hall.execute(core::cmd::OpenDay{core::dateOf(now)}, now));
  ASSERT_TRUE(hall.execute(core::cmd::IssueTicket{firstItem()}, now));
  kiosk->openItem(QString::fromStdString(firstItem()));

  kiosk->setHall(&hall, true);
  EXPECT_TRUE(kiosk->item()->figuresCurrent());
  EXPECT_EQ(kiosk->item()->peopleWaiting(), 1);

  kiosk->setHall(&hall, false);  // disconnected: the last figures are not shown as current
  EXPECT_FALSE(kiosk->connected());
  EXPECT_FALSE(kiosk->item()->figuresCurrent());
}

TEST_F(Kiosk, ItemPageListsEveryMaterialAndThePromise) {
  auto kiosk = make(tuesdayMorning());
  const auto& item = config.definition.items.front();
  kiosk->openItem(QString::fromStdString(item.code));
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Item);
  EXPECT_EQ(kiosk->item()->materials().size(), static_cast<qsizetype>(item.materials.size()));
  EXPECT_EQ(kiosk->item()->promisedDays(), item.promisedWorkingDays);
  EXPECT_FALSE(kiosk->item()->queueName().isEmpty());
}

TEST_F(Kiosk, PriorityTicketNeedsAConfirmation) {
  auto kiosk = make(tuesdayMorning());
  kiosk->openItem(QString::fromStdString(firstItem()));
  kiosk->openPriority();
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Priority);
  kiosk->confirmPriority();  // nothing chosen yet
  EXPECT_TRUE(sent.empty());
  kiosk->choosePriority(KioskModel::Pregnant);
  EXPECT_TRUE(sent.empty());
  kiosk->confirmPriority();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].second.at("priority"), "pregnant");
}

TEST_F(Kiosk, PriorityPageOffersTheFourClassesAndNamesTheChosenOne) {
  auto kiosk = make(tuesdayMorning());
  const QVariantList choices = kiosk->priorityChoices();
  ASSERT_EQ(choices.size(), 4);
  EXPECT_EQ(choices[0].toMap().value("choice").toInt(), KioskModel::Elderly);
  EXPECT_EQ(choices[0].toMap().value("name").toString(), QStringLiteral("60岁以上老人"));
  EXPECT_EQ(choices[3].toMap().value("choice").toInt(), KioskModel::Serviceman);
  EXPECT_TRUE(kiosk->priorityChoiceName().isEmpty());
  kiosk->openItem(QString::fromStdString(firstItem()));
  kiosk->openPriority();
  kiosk->choosePriority(KioskModel::Pregnant);
  EXPECT_EQ(kiosk->priorityChoiceName(), QStringLiteral("孕妇"));
}

TEST_F(Kiosk, LanguageButtonNamesTheOtherLanguageAndSwitchesToIt) {
  auto kiosk = make(tuesdayMorning());
  EXPECT_EQ(kiosk->otherLanguageName(), QStringLiteral("English"));
  kiosk->switchToOtherLanguage();
  EXPECT_EQ(kiosk->language(), "en");
  EXPECT_EQ(kiosk->otherLanguageName(), QStringLiteral("中文"));
  kiosk->switchToOtherLanguage();
  EXPECT_EQ(kiosk->language(), "zh");
}

TEST_F(Kiosk, ItemPageSaysThePromiseAndWhereTheItemCanBeDone) {
  auto kiosk = make(tuesdayMorning());
  // The sample catalog: 生育服务登记 is done on the spot, 抚恤金申领 within 15 working days;
  // both anywhere in the district.
  kiosk->openItem(QStringLiteral("370199-GG-0001"));
  EXPECT_EQ(kiosk->item()->promiseText(), QStringLiteral("即办（当场办结）"));
  EXPECT_EQ(kiosk->item()->scopeText(), QStringLiteral("同区通办：可在本区任一便民服务中心（站）办理"));
  kiosk->openItem(QStringLiteral("370199-JF-0002"));
  EXPECT_EQ(kiosk->item()->promiseText(), QStringLiteral("15 个工作日"));
}

TEST_F(Kiosk, IdleScreenGoesHomeAndBackToChinese) {
  auto kiosk = make(tuesdayMorning(), 50ms);
  kiosk->openItem(QString::fromStdString(firstItem()));
  kiosk->switchLanguage(QStringLiteral("en"));
  EXPECT_EQ(kiosk->language(), "en");
  QSignalSpy idle(kiosk.get(), &KioskModel::wentIdle);
  ASSERT_TRUE(idle.wait(5000));
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Home);
  EXPECT_EQ(kiosk->language(), "zh");
  EXPECT_FALSE(kiosk->item()->valid());
}

TEST_F(Kiosk, GoingHomeForgetsTheTicketAndTheSearch) {
  auto kiosk = make(tuesdayMorning());
  kiosk->items()->setFilter(QStringLiteral("登记"));
  kiosk->openItem(QString::fromStdString(firstItem()));
  kiosk->takeTicket();
  kiosk->goHome();
  EXPECT_EQ(kiosk->issuer()->state(), TicketIssuer::State::Idle);
  EXPECT_TRUE(kiosk->items()->filter().isEmpty());
}

TEST_F(Kiosk, GoingHomeClearsTheLettersAndTheTopic) {
  auto kiosk = make(tuesdayMorning());
  kiosk->items()->typeLetter(QStringLiteral("G"));
  kiosk->openItem(QString::fromStdString(firstItem()));
  kiosk->goHome();
  EXPECT_TRUE(kiosk->items()->initials().isEmpty());
  kiosk->items()->chooseTopic(0);
  kiosk->goHome();
  EXPECT_EQ(kiosk->items()->topic(), -1);
}

TEST(KioskUsage, TheHallsRecentTicketsAreAskedOnceADayAndItsMostUsedItemsListedFirst) {
  // given a kiosk whose dispatcher answers statistics with a count per item
  const auto config = test::townshipSample();
  QDateTime now = tuesdayMorning();
  std::vector<std::pair<json, TicketIssuer::ReplyHandler>> asked;
  KioskModel::Options options;
  options.clock = [&now] { return now; };
  KioskModel kiosk(
      config,
      [&](client::Request request, TicketIssuer::ReplyHandler done) {
        if (request.type() == "statistics") asked.emplace_back(request.body, std::move(done));
      },
      {}, options);
  core::Hall hall(config.definition);
  EXPECT_TRUE(asked.empty()) << "nothing is asked before the link is up";

  // when the link is up, the last 30 days before today are asked for, once
  kiosk.setHall(&hall, true);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].first, (json{{"from", "2024-04-07"}, {"to", "2024-05-06"}}));
  kiosk.setHall(&hall, true);
  EXPECT_EQ(asked.size(), 1u) << "a request on its way is not repeated";

  client::Reply reply;
  reply.ok = true;
  reply.result = json{{"figures", {{"by_item", {{"370199-JF-0003", {{"issued", 120}}},
                                                {"370199-GG-0015", {{"issued", 45}}},
                                                {"370199-GG-0009", {{"issued", 3}}}}}}}};
  asked[0].second(reply);
  // then 高龄津贴 heads the list under 常用事项, then the others by use
  auto* items = kiosk.items();
  ASSERT_GE(items->rowCount(), 4);
  const auto at = [&](int row, int role) { return items->data(items->index(row), role).toString(); };
  EXPECT_EQ(at(0, ItemListModel::NameRole), QStringLiteral("高龄津贴申领"));
  EXPECT_EQ(at(0, ItemListModel::HeadingRole), QStringLiteral("常用事项"));
  EXPECT_EQ(at(1, ItemListModel::NameRole), QStringLiteral("户籍证明开具"));
  EXPECT_EQ(at(2, ItemListModel::NameRole), QStringLiteral("医保异地就医备案"));
  EXPECT_NE(at(3, ItemListModel::HeadingRole), QStringLiteral("常用事项"));

  // and the same day asks nothing more; the next day asks again
  kiosk.tick();
  kiosk.setHall(&hall, true);
  EXPECT_EQ(asked.size(), 1u);
  now = now.addDays(1);
  kiosk.tick();
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_EQ(asked[1].first.at("to"), "2024-05-07");
}

TEST(KioskUsage, AFailedAnswerIsAskedAgainAMinuteLaterNotAtEveryTick) {
  const auto config = test::townshipSample();
  QDateTime now = tuesdayMorning();
  std::vector<TicketIssuer::ReplyHandler> asked;
  KioskModel::Options options;
  options.clock = [&now] { return now; };
  KioskModel kiosk(
      config,
      [&](client::Request request, TicketIssuer::ReplyHandler done) {
        if (request.type() == "statistics") asked.push_back(std::move(done));
      },
      {}, options);
  core::Hall hall(config.definition);
  kiosk.setHall(&hall, true);
  ASSERT_EQ(asked.size(), 1u);
  client::Reply busy;
  busy.error = {"busy", "忙", "busy"};
  asked[0](busy);
  now = now.addSecs(30);
  kiosk.tick();
  EXPECT_EQ(asked.size(), 1u);
  now = now.addSecs(31);
  kiosk.tick();
  EXPECT_EQ(asked.size(), 2u);
}

}  // namespace
}  // namespace jiujin::kiosk
