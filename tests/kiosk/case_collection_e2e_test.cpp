// A 承诺件 from the counter to the resident's rating, end to end: the real jiujin-dispatcher
// executable, started as a child process on the township sample, its SQLite file and
// ephemeral ZeroMQ ports, with its test-only clock file (--test-clock-file, allowed by
// JIUJIN_TEST_CLOCK=i-am-a-test): days pass by writing the file, never by sleeping; clerks as
// consoles speak to it over the wire, the
// kiosk's own model and link collect the result with the case number scanned off the printed
// receipt. 老年优待证办理 (5 working days) accepted on Friday 3 April 2026, the day before 清明
// (4–6 April off): the receipt promises Monday 13 April; due soon on Friday 10 April; decided
// and ready that day; collected through the kiosk on the 13th, rated; the figures count it on
// time.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/replies.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/dispatcher/test_clock.hpp"
#include "jiujin/devices/printer/escpos_decoder.hpp"
#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "jiujin/forms/case_forms.hpp"
#include "jiujin/kiosk/hall_time.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/link_wiring.hpp"
#include "support/dispatcher_process.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using nlohmann::json;
namespace requests = client::requests;

constexpr int kBound = 15000;  // ms: the longest any step may take on a loaded machine
const std::string kItem = "370199-GG-0005";  // 老年优待证办理, 承诺件, 5 working days

core::TimePoint onDay(year_month_day day, hours h, minutes m = 0min) {
  return core::TimePoint{sys_days{day} + h + m};
}

class CaseEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    hallFile = test::writeAlwaysOpenHall(dir.path());
    config = test::loadHall(hallFile);
    clockFile = dir.filePath("clock").toStdString();
    setClock(onDay(year{2026} / 4 / 3, 9h));
    // The consent lives in this process's environment only while the child starts: it
    // inherits it; nothing else does.
    ::setenv(dispatcher::kTestClockEnvironment, std::string(dispatcher::kTestClockConsent).c_str(), 1);
    daemonProcess = std::make_unique<jiujin::testing::DispatcherProcess>(
        hallFile.toStdString(), dir.filePath("hall.db").toStdString(),
        std::vector<std::string>{"--hours", "ignore", "--test-clock-file", clockFile});
    ::unsetenv(dispatcher::kTestClockEnvironment);
    ASSERT_TRUE(daemonProcess->ready()) << daemonProcess->output();
    EXPECT_NE(daemonProcess->output().find("TEST CLOCK"), std::string::npos) << "it says so";
  }

  void TearDown() override {
    model.reset();
    if (link) link->stop();
    if (daemonProcess) {
      EXPECT_EQ(daemonProcess->terminate(), 0) << daemonProcess->output();
    }
  }

  /// Turns the hall's clock: the dispatcher reads the file at every turn (written whole, then
  /// renamed, so that it never reads half a time); the kiosk reads the same time.
  void setClock(core::TimePoint t) {
    nowMs = t.time_since_epoch().count();
    const auto day = floor<days>(t);
    const year_month_day date{day};
    const hh_mm_ss time{floor<seconds>(t - day)};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d\n", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    const std::string written = clockFile + ".new";
    std::ofstream(written) << text;
    std::filesystem::rename(written, clockFile);
    ASSERT_EQ(dispatcher::parseClockText(text), t);
  }

  client::ConnectionOptions as(const std::string& role, int window = 0) const {
    client::ConnectionOptions o;
    o.commands = daemonProcess->commands();
    o.events = daemonProcess->events();
    o.identity = client::StatedIdentity{role, window > 0 ? std::optional<int>(window) : std::nullopt, "e2e-" + role};
    o.requestTimeout = 5000ms;
    o.attempts = 1;
    return o;
  }
  std::unique_ptr<client::CommandChannel> console(int window) {
    return std::make_unique<client::CommandChannel>(context, as("console", window));
  }
  /// The command's case as it is now; fails the test on a refusal.
  core::Case caseAfter(client::CommandChannel& channel, const client::Request& request) {
    const auto outcome = client::readCommandOutcome(channel.request(request));
    EXPECT_TRUE(outcome.ok()) << request.type() << ": " << (outcome.ok() ? "" : outcome.error().en);
    return outcome.ok() && outcome.value().caseNow ? *outcome.value().caseNow : core::Case{};
  }
  void login(client::CommandChannel& channel, int window, const std::string& clerk) {
    const auto reply = channel.request(requests::clerkLogin(window, clerk, "1234"));
    ASSERT_TRUE(reply.ok) << reply.error.en;
  }
  /// The case alarms the manager sees now.
  std::vector<std::string> caseAlarms() {
    client::CommandChannel manager(context, as("manager"));
    const auto alarms = client::readAlarms(manager.request(requests::snapshot()));
    EXPECT_TRUE(alarms.ok());
    std::vector<std::string> kinds;
    if (alarms.ok())
      for (const auto& a : alarms.value())
        if (a.value("kind", std::string()).rfind("case_", 0) == 0) kinds.push_back(a.value("kind", std::string()));
    return kinds;
  }

  /// The kiosk as jiujin-kiosk wires it: its model on its own link, no printer attached.
  void startKiosk() {
    link = std::make_unique<clientqt::HallLink>(as("kiosk"));
    KioskModel::Options options;
    options.kioskName = "kiosk-e2e";
    options.clock = [this] { return localDateTime(core::TimePoint{core::Milliseconds{nowMs.load()}}); };
    model = std::make_unique<KioskModel>(config, sendThrough(*link), TicketIssuer::Print{}, options);
    followLink(*model, *link);
    link->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->connected(); }, kBound));
  }

  QTemporaryDir dir;
  QString hallFile;
  config::HallConfig config;
  std::string clockFile;
  std::atomic<std::int64_t> nowMs{0};
  std::unique_ptr<jiujin::testing::DispatcherProcess> daemonProcess;
  zmq::context_t context;
  std::unique_ptr<clientqt::HallLink> link;
  std::unique_ptr<KioskModel> model;
};

TEST_F(CaseEndToEnd, APromisedCaseAcceptedBefore清明IsDueSoonReadyCollectedAtTheKioskRatedAndOnTime) {
  // Friday 3 April, 09:30: c01 accepts the case at window 1 with every material
  setClock(onDay(year{2026} / 4 / 3, 9h, 30min));
  auto counter = console(1);
  login(*counter, 1, "c01");
  const core::ServiceItem* item = nullptr;
  for (const auto& i : config.definition.items)
    if (i.code == kItem) item = &i;
  ASSERT_NE(item, nullptr);
  core::cmd::AcceptCase acceptance{1, kItem, {"张三", "370102195501011234", "13812345678"}, core::CaseChannel::Window,
                                   {}, "", {}};
  for (const auto& m : item->materials) acceptance.materials.push_back({m, core::MaterialStatus::Received});
  const core::Case accepted = caseAfter(*counter, requests::acceptCase(acceptance));
  ASSERT_EQ(accepted.state, core::CaseState::Accepted);
  EXPECT_EQ(accepted.dueDate, year{2026} / 4 / 13) << "5 working days after Friday 3 April, 清明 4–6 April off";

  // the receipt, printed on the ticket printer: its date is right, its QR code is the number
  const auto receipt = forms::receiptForm(accepted, {config.hall.name, "0531-88886666", "10号窗口（统一出件）"});
  const auto bytes = devices::printer::EscPosEncoder{}.encodeForm(receipt);
  ASSERT_FALSE(bytes.error) << bytes.error.message;
  const auto paper = devices::printer::decodeEscPos(bytes.bytes);
  ASSERT_EQ(paper.tickets.size(), 1u);
  const auto lines = paper.tickets[0].lineTexts();
  EXPECT_NE(std::find(lines.begin(), lines.end(), "承诺办结日期：2026年4月13日"), lines.end());
  const std::string scanned = paper.tickets[0].qrPayload();
  EXPECT_EQ(scanned, accepted.number);

  caseAfter(*counter, requests::startCaseProcessing(1, accepted.number));
  startKiosk();

  // Thursday 9 April: two working days left, no alarm; the kiosk says not yet, with the date
  setClock(onDay(year{2026} / 4 / 9, 10h));
  EXPECT_TRUE(caseAlarms().empty());
  model->openCollection();
  model->collection()->submit(QString::fromStdString(scanned) + "\r\n");
  ASSERT_TRUE(QTest::qWaitFor([&] { return model->collection()->state() == CaseCollection::State::NotReady; }, kBound));
  EXPECT_EQ(model->collection()->dueDate(), QDate(2026, 4, 13));
  EXPECT_EQ(model->issuer()->state(), TicketIssuer::State::Idle) << "no pointless ticket";
  model->goHome();

  // Friday 10 April: one working day left — due soon, once
  setClock(onDay(year{2026} / 4 / 10, 9h));
  std::vector<std::string> alarms;
  ASSERT_TRUE(QTest::qWaitFor([&] { return !(alarms = caseAlarms()).empty(); }, kBound));
  EXPECT_EQ(alarms, std::vector<std::string>{"case_due_soon"});

  // decided that morning; the result waits at window 10 (统一出件)
  setClock(onDay(year{2026} / 4 / 10, 11h));
  // (clerks stay logged in across days: the day's close only ends tickets)
  EXPECT_EQ(caseAfter(*counter, requests::decideCase(1, accepted.number, core::CaseOutcome::Approved)).state,
            core::CaseState::Decided);
  auto issuing = console(10);
  login(*issuing, 10, "c10");
  ASSERT_TRUE(issuing->request(requests::openWindow(10)).ok);
  EXPECT_EQ(caseAfter(*issuing, requests::markCaseReady(10, accepted.number)).state, core::CaseState::Ready);

  // Monday 13 April: the resident scans the receipt at the kiosk and gets an issuing ticket
  setClock(onDay(year{2026} / 4 / 13, 9h, 30min));
  model->openCollection();
  model->collection()->submit(QString::fromStdString(scanned) + "\r\n");
  ASSERT_TRUE(QTest::qWaitFor([&] { return model->issuer()->state() == TicketIssuer::State::Issued; }, kBound))
      << model->issuer()->refusal().toStdString() << model->collection()->message().toStdString();
  EXPECT_EQ(model->issuer()->queueName(), "统一出件");
  const QString ticketNumber = model->issuer()->number();
  EXPECT_TRUE(ticketNumber.startsWith('E')) << ticketNumber.toStdString();

  // window 10 calls it, hands the result over with it, and the pad rates it
  const auto called = client::readCommandOutcome(issuing->request(requests::callNext(10)));
  ASSERT_TRUE(called.ok()) << called.error().en;
  ASSERT_TRUE(called.value().ticket.has_value());
  EXPECT_EQ(called.value().ticket->number, ticketNumber.toStdString());
  EXPECT_EQ(called.value().ticket->caseNumber, accepted.number) << "the ticket names the case it collects";
  ASSERT_TRUE(issuing->request(requests::startService(10)).ok);
  const core::Case collected = caseAfter(*issuing, requests::collectCase(10, accepted.number, "张三"));
  EXPECT_EQ(collected.state, core::CaseState::Collected);
  EXPECT_EQ(collected.tickets.back(), called.value().ticket->id);
  ASSERT_TRUE(issuing->request(requests::complete(10)).ok);
  ASSERT_TRUE(issuing->request(requests::requestEvaluation(10)).ok);
  const auto rated = client::readCommandOutcome(issuing->request(requests::evaluate(10, core::Rating::VerySatisfied)));
  ASSERT_TRUE(rated.ok()) << rated.error().en;

  // the figures: decided by its promised date
  client::CommandChannel manager(context, as("manager"));
  const auto stats = client::readStatistics(
      manager.request(requests::statistics({year{2026} / 4 / 3, year{2026} / 4 / 13})));
  ASSERT_TRUE(stats.ok()) << stats.error().en;
  const json& cases = stats.value().figures.at("cases");
  EXPECT_EQ(cases.at("decided"), 1);
  EXPECT_EQ(cases.at("on_time"), 1);
  EXPECT_EQ(cases.at("on_time_rate"), 1.0);
  EXPECT_EQ(cases.at("by_item").at(kItem).at("on_time"), 1);
  EXPECT_EQ(cases.at("by_clerk").at("c01").at("on_time"), 1);
  EXPECT_EQ(stats.value().figures.at("ratings").at("rated"), 1);
}

// The clock file is for tests only: a hall that passes it by mistake does not start.
TEST(TestClock, IsRefusedWithoutTheTestsConsentAndReadsHallLocalTimes) {
  using dispatcher::parseClockText;
  EXPECT_EQ(parseClockText("2026-04-03T09:30:00\n"), onDay(year{2026} / 4 / 3, 9h, 30min));
  EXPECT_EQ(parseClockText(" 2026-04-13 09:30 "), onDay(year{2026} / 4 / 13, 9h, 30min));
  EXPECT_EQ(parseClockText("2026-04-13T09:30:00.250"), onDay(year{2026} / 4 / 13, 9h, 30min) + 250ms);
  for (const char* bad : {"", "2026-04-31T09:00:00", "2026-04-03T24:00", "2026-4-3T09:00", "2026-04-03T09:30:00Z",
                          "2026-04-03T-1:30", "yesterday", "2026-04-03T09:30:60"})
    EXPECT_FALSE(parseClockText(bad).has_value()) << bad;

  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString hallFile = test::writeAlwaysOpenHall(dir.path());
  const std::string clock = dir.filePath("clock").toStdString();
  std::ofstream(clock) << "2026-04-03T09:00:00\n";
  EXPECT_FALSE(dispatcher::testClockFrom(clock, nullptr).ok());
  EXPECT_FALSE(dispatcher::testClockFrom(clock, "1").ok());
  EXPECT_FALSE(dispatcher::testClockFrom(dir.filePath("none").toStdString(), "i-am-a-test").ok());
  const auto read = dispatcher::testClockFrom(clock, "i-am-a-test");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value()(), onDay(year{2026} / 4 / 3, 9h));
  std::ofstream(clock) << "garbage";
  EXPECT_EQ(read.value()(), onDay(year{2026} / 4 / 3, 9h)) << "a bad read keeps the last time";

  // the daemon started with the option but without the environment: exit 2, saying why
  ASSERT_EQ(std::getenv(dispatcher::kTestClockEnvironment), nullptr);
  std::string output;
  const int status = jiujin::testing::runProgram(
      {jiujin::testing::dispatcherBinary().string(), "--config", hallFile.toStdString(), "--db",
       dir.filePath("hall.db").toStdString(), "--commands", "tcp://127.0.0.1:0", "--events", "tcp://127.0.0.1:0",
       "--test-clock-file", clock},
      output);
  EXPECT_EQ(status, 2) << output;
  EXPECT_NE(output.find("JIUJIN_TEST_CLOCK=i-am-a-test"), std::string::npos) << output;
}

}  // namespace
}  // namespace jiujin::kiosk
