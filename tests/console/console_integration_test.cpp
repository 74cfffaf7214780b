// The clerk's console and the manager's monitor against a real jiujin-dispatcher (temporary
// hall database, ephemeral loopback endpoints), through HallLink as the app uses it.
#include <gtest/gtest.h>

#include <memory>

#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/console/clerk_console.hpp"
#include "jiujin/console/hall_monitor.hpp"
#include "jiujin/console/link_wiring.hpp"
#include "support/running_hall.hpp"
#include "wait_for.hpp"

namespace {

using namespace jiujin;
using console::test::waitFor;
using nlohmann::json;

class ConsoleAgainstDispatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(hall_.dispatcher && hall_.dispatcher->ready()) << hall_.dispatcher->output();
    consoleLink_ = std::make_unique<clientqt::HallLink>(hall_.as("console", 1));
    managerLink_ = std::make_unique<clientqt::HallLink>(hall_.as("manager"));
    console_ = std::make_unique<console::ClerkConsole>(1, console::sendThrough(*consoleLink_));
    monitor_ = std::make_unique<console::HallMonitor>(console::sendThrough(*managerLink_),
                                                      std::map<std::string, std::string>{{"c01", "王芳"}});
    console::followLink(*console_, *consoleLink_);
    console::followLink(*monitor_, *managerLink_);
    consoleLink_->start();
    managerLink_->start();
    ASSERT_TRUE(waitFor([&] { return console_->online() && monitor_->online(); }));
  }
  void TearDown() override {
    consoleLink_->stop();
    managerLink_->stop();
  }

  void issue(const std::string& item) {
    auto kiosk = hall_.channel(hall_.as("kiosk"));
    const auto reply = kiosk->request("issue_ticket", json{{"item", item}});
    ASSERT_TRUE(reply.ok) << jiujin::testing::outcomeOf(reply);
  }

  void logIn() {
    console_->login(QStringLiteral("c01"), QStringLiteral("1234"));
    ASSERT_TRUE(waitFor([&] { return console_->loggedIn() && console_->stateCode() == QStringLiteral("idle"); }))
        << console_->refusal().toStdString();
  }

  jiujin::testing::RunningHall hall_;
  std::unique_ptr<clientqt::HallLink> consoleLink_;
  std::unique_ptr<clientqt::HallLink> managerLink_;
  std::unique_ptr<console::ClerkConsole> console_;
  std::unique_ptr<console::HallMonitor> monitor_;
};

TEST_F(ConsoleAgainstDispatcher, LoginWithAWrongPinIsRefusedWithTheDispatchersReason) {
  console_->login(QStringLiteral("c01"), QStringLiteral("9999"));
  ASSERT_TRUE(waitFor([&] { return !console_->refusal().isEmpty(); }));
  EXPECT_EQ(console_->refusal(), QStringLiteral("工号或密码错误"));
  EXPECT_FALSE(console_->loggedIn());
  EXPECT_FALSE(console_->canCall());
}

TEST_F(ConsoleAgainstDispatcher, LoginOpensTheWindowAndCallCompleteUpdatesTheConsole) {
  logIn();
  EXPECT_EQ(console_->clerk(), QStringLiteral("c01"));
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));

  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canStart(); }));
  EXPECT_EQ(console_->ticketNumber(), QStringLiteral("A001"));
  EXPECT_EQ(console_->ticketItem(), QStringLiteral("生育服务登记"));
  EXPECT_EQ(console_->materials()->rowCount(), 1);
  EXPECT_EQ(console_->materials()->field(0, "material").toString(), QStringLiteral("居民身份证"));
  EXPECT_TRUE(console_->canRecall());
  EXPECT_FALSE(console_->canComplete());

  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  EXPECT_EQ(console_->stateCode(), QStringLiteral("serving"));
  console_->complete();
  ASSERT_TRUE(waitFor([&] { return console_->servedToday() == 1; }));
  EXPECT_FALSE(console_->hasTicket());
  EXPECT_TRUE(console_->canRequestEvaluation());
}

TEST_F(ConsoleAgainstDispatcher, ARefusedActionShowsTheDispatchersReason) {
  logIn();
  ASSERT_FALSE(console_->canCall());  // nobody waits
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return !console_->refusal().isEmpty(); }));
  EXPECT_TRUE(console_->refusal().contains(QStringLiteral("没有等候的号"))) << console_->refusal().toStdString();
}

TEST_F(ConsoleAgainstDispatcher, AManagerChangingTheProfileChangesTheWindowsQueues) {
  logIn();
  ASSERT_EQ(console_->queues()->rowCount(), 2);
  monitor_->setWindowQueues(1, {QStringLiteral("social")});
  ASSERT_TRUE(waitFor([&] { return console_->queues()->rowCount() == 1; })) << monitor_->refusal().toStdString();
  EXPECT_EQ(console_->queues()->field(0, "queue").toString(), QStringLiteral("social"));
  EXPECT_EQ(console_->queues()->field(0, "name").toString(), QStringLiteral("社保"));
}

TEST_F(ConsoleAgainstDispatcher, TheMonitorShowsWindowsQueuesAndTodaysFigures) {
  logIn();
  issue("T-0001");
  issue("T-0003");
  ASSERT_TRUE(waitFor([&] { return monitor_->queues()->rowCount() == 2 && monitor_->queues()->field(0, "waiting").toInt() == 1; }));
  EXPECT_EQ(monitor_->windows()->field(0, "clerk").toString(), QStringLiteral("王芳"));
  EXPECT_EQ(monitor_->windows()->field(0, "stateCode").toString(), QStringLiteral("idle"));

  monitor_->loadToday();
  ASSERT_TRUE(waitFor([&] { return monitor_->summary().value("issued").toInt() == 2; }));
  EXPECT_EQ(monitor_->byQueue()->rowCount(), 2);
}

TEST_F(ConsoleAgainstDispatcher, ABadRatingRaisesAnAlarmTheManagerAcknowledges) {
  logIn();
  issue("T-0001");
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return console_->canStart(); }));
  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  console_->complete();
  ASSERT_TRUE(waitFor([&] { return console_->canRequestEvaluation(); }));
  console_->requestEvaluation();
  ASSERT_TRUE(waitFor([&] { return !console_->busy(); }));
  EXPECT_TRUE(console_->refusal().isEmpty()) << console_->refusal().toStdString();
  auto pad = hall_.channel(hall_.as("manager"));
  ASSERT_TRUE(pad->request("evaluate", json{{"window", 1}, {"rating", "very_dissatisfied"}}).ok);

  ASSERT_TRUE(waitFor([&] { return monitor_->unacknowledged() >= 1; }));
  int row = -1;
  for (int i = 0; i < monitor_->alarms()->rowCount(); ++i)
    if (monitor_->alarms()->field(i, "kind").toString() == QStringLiteral("bad_rating")) row = i;
  ASSERT_GE(row, 0);
  EXPECT_TRUE(monitor_->alarms()->field(row, "followUp").toBool());
  const int before = monitor_->unacknowledged();
  monitor_->acknowledgeAlarm(row);
  EXPECT_EQ(monitor_->unacknowledged(), before - 1);
}

}  // namespace
