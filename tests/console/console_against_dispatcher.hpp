#pragma once
// The console's and the monitor's models against a real jiujin-dispatcher (temporary hall
// database, ephemeral loopback endpoints), through HallLink as the app uses it: the hall of
// tests/service/support (window 3 issues results, c02 is a 代办员).
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>

#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/console/clerk_console.hpp"
#include "jiujin/console/hall_monitor.hpp"
#include "jiujin/console/link_wiring.hpp"
#include "support/running_hall.hpp"
#include "wait_for.hpp"

namespace jiujin::console::test {

using nlohmann::json;

/// The test hall with one more item of three materials (T-0004, 承诺件 5 working days), for
/// 补正 and 补交 of some materials of a case.
inline jiujin::testing::TestHall writeConsoleTestHall(const std::filesystem::path& dir) {
  auto hall = jiujin::testing::writeTestHall(dir);
  std::ofstream(dir / "catalog.csv", std::ios::app)
      << "T-0004,再生育审批,行政确认,镇街,承诺件,5,不收费,,居民身份证；户口簿；结婚证,依据,同区通办,general,10,否\n";
  return hall;
}

/// The test hall and its dispatcher, started with opening hours ignored: the tests issue
/// tickets at whatever time of night they run.
class HallAtAnyHour {
 public:
  HallAtAnyHour()
      : hall_(writeConsoleTestHall(dir_.path())),
        dispatcher_(hall_.hallFile, hall_.database, {"--hours", "ignore"}) {}

  const jiujin::testing::DispatcherProcess& dispatcher() const { return dispatcher_; }

  /// Loopback options stating `role` (and `window`), as the apps state them.
  client::ConnectionOptions as(const std::string& role, int window = 0) const {
    client::ConnectionOptions o;
    o.commands = dispatcher_.commands();
    o.events = dispatcher_.events();
    o.identity = client::StatedIdentity{role, window > 0 ? std::optional<int>(window) : std::nullopt, "test-" + role};
    o.requestTimeout = std::chrono::milliseconds(5000);
    o.attempts = 2;
    return o;
  }
  std::unique_ptr<client::CommandChannel> channel(const client::ConnectionOptions& options) {
    return std::make_unique<client::CommandChannel>(context_, options);
  }

 private:
  jiujin::testing::TempDir dir_;
  jiujin::testing::TestHall hall_;
  jiujin::testing::DispatcherProcess dispatcher_;
  zmq::context_t context_;
};

class ConsoleAgainstDispatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(hall_.dispatcher().ready()) << hall_.dispatcher().output();
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

  /// Serves, completes and rates the ticket at window 1 `rating` (as its pad would); returns
  /// once the monitor lists the bad rating's alarm, its row.
  int serveAndRate(const std::string& rating) {
    logIn();
    issue("T-0001");
    EXPECT_TRUE(waitFor([&] { return console_->canCall(); }));
    console_->callNext();
    EXPECT_TRUE(waitFor([&] { return console_->canStart(); }));
    console_->start();
    EXPECT_TRUE(waitFor([&] { return console_->canComplete(); }));
    console_->complete();
    EXPECT_TRUE(waitFor([&] { return console_->canRequestEvaluation(); }));
    console_->requestEvaluation();
    EXPECT_TRUE(waitFor([&] { return !console_->busy(); }));
    EXPECT_TRUE(console_->refusal().isEmpty()) << console_->refusal().toStdString();
    auto pad = hall_.channel(hall_.as("manager"));
    const auto rated = pad->request("evaluate", json{{"window", 1}, {"rating", rating}});
    EXPECT_TRUE(rated.ok) << jiujin::testing::outcomeOf(rated);
    int row = -1;
    EXPECT_TRUE(waitFor([&] { return (row = rowOfKind(*monitor_, "bad_rating")) >= 0; }));
    return row;
  }

  static int rowOfKind(console::HallMonitor& monitor, const char* kind) {
    auto* alarms = monitor.alarms();
    for (int i = 0; i < alarms->rowCount(); ++i)
      if (alarms->field(i, "kind").toString() == QLatin1String(kind)) return i;
    return -1;
  }

  HallAtAnyHour hall_;
  std::unique_ptr<clientqt::HallLink> consoleLink_;
  std::unique_ptr<clientqt::HallLink> managerLink_;
  std::unique_ptr<console::ClerkConsole> console_;
  std::unique_ptr<console::HallMonitor> monitor_;
};

}  // namespace jiujin::console::test
