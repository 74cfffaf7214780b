// The kiosk's model issuing against a real jiujin-dispatcher (temporary SQLite database,
// ephemeral endpoints) and printing to a simulated printer on a real pseudo-terminal.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include "dispatcher_process.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/devices/printer/printer_simulator.hpp"
#include "jiujin/kiosk/printer_watch.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/link_wiring.hpp"
#include "jiujin/kiosk/print_station.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using devices::printer::PrinterCondition;
using devices::printer::PrinterSimulator;

constexpr int kBound = 15000;  // ms: the longest any step may take on a loaded machine

class KioskAgainstDispatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    hallFile = test::writeAlwaysOpenHall(dir.path());
    config = test::loadHall(hallFile);
    ASSERT_FALSE(config.definition.items.empty());
    dispatcher = std::make_unique<test::DispatcherProcess>(hallFile, dir.filePath("hall.db"));
    ASSERT_TRUE(dispatcher->start()) << dispatcher->error().toStdString();

    auto started = PrinterSimulator::start(dir.filePath("printer").toStdString());
    ASSERT_TRUE(started.simulator) << started.error;
    printer = std::move(started.simulator);

    client::ConnectionOptions connection;
    connection.commands = dispatcher->commands().toStdString();
    connection.events = dispatcher->events().toStdString();
    connection.identity = client::StatedIdentity{"kiosk", std::nullopt, "kiosk-it"};
    connection.requestTimeout = 400ms;
    connection.attempts = 1;
    connection.heartbeatTimeout = 1500ms;
    link = std::make_unique<clientqt::HallLink>(connection);

    devices::printer::TicketPrinterSettings printerSettings;
    printerSettings.portName = printer->link().string();
    printerSettings.answerTimeout = 300ms;
    station = std::make_unique<PrintStation>(printerSettings);

    KioskModel::Options options;
    options.kioskName = "kiosk-it";
    options.retryInterval = 200ms;
    model = std::make_unique<KioskModel>(
        config, sendThrough(*link),
        [this](const devices::printer::TicketPrint& t, TicketIssuer::PrintDone done) { station->print(t, std::move(done)); },
        options);
    followLink(*model, *link);
    link->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->connected(); }, kBound));
  }

  void TearDown() override {
    model.reset();
    if (link) link->stop();
  }

  QString itemCode() const { return QString::fromStdString(config.definition.items.front().code); }
  TicketIssuer& issuer() { return *model->issuer(); }

  /// The dispatcher's own word: how many of today's tickets carry `key` (a snapshot).
  int ticketsWithKey(const std::string& key) {
    std::optional<client::Reply> answer;
    link->request(client::requests::snapshot(), [&answer](const client::Reply& r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kBound) || !answer->ok) {
      ADD_FAILURE() << "snapshot failed: " << (answer ? answer->error.en : "no answer");
      return -1;
    }
    int count = 0;
    for (const auto& [id, ticket] : answer->result.at("state").at("tickets").items()) {
      if (ticket.value("requestKey", std::string()) == key) ++count;
    }
    return count;
  }

  QTemporaryDir dir;
  QString hallFile;
  config::HallConfig config;
  std::unique_ptr<test::DispatcherProcess> dispatcher;
  std::unique_ptr<PrinterSimulator> printer;
  std::unique_ptr<clientqt::HallLink> link;
  std::unique_ptr<PrintStation> station;
  std::unique_ptr<KioskModel> model;
};

TEST_F(KioskAgainstDispatcher, TicketIsIssuedAndPrintedWithItsNumber) {
  model->openItem(itemCode());
  model->takeTicket();
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().printState() == TicketIssuer::PrintState::Printed; }, kBound));
  ASSERT_FALSE(issuer().number().isEmpty());
  ASSERT_TRUE(printer->waitForPrinted(1, std::chrono::milliseconds(kBound)));
  const auto lines = printer->printedTickets().front().lineTexts();
  const bool hasNumber = std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
    return line.find(issuer().number().toStdString()) != std::string::npos;
  });
  EXPECT_TRUE(hasNumber) << "the printed ticket does not carry " << issuer().number().toStdString();
  // The QR code opens the resident's phone page: the sample's [web] ticket_url with the token
  // the dispatcher gave in its reply — not the number (docs/web.md, "Tokens").
  const std::string qr = printer->printedTickets().front().qrPayload();
  const std::string& url = config.web.ticketUrl;
  ASSERT_NE(url.find("{token}"), std::string::npos) << "the township sample sets [web] ticket_url";
  const std::string prefix = url.substr(0, url.find("{token}"));
  EXPECT_EQ(qr.rfind(prefix, 0), 0u) << qr;
  EXPECT_EQ(qr.size(), prefix.size() + 28) << qr;
  EXPECT_EQ(qr.find(issuer().number().toStdString()), std::string::npos) << qr;
}

TEST_F(KioskAgainstDispatcher, PaperOutShowsTheTicketOnScreenAndRaisesAnAlarm) {
  QSignalSpy news(link.get(), &clientqt::HallLink::news);
  printer->setCondition(PrinterCondition::PaperOut);
  model->openItem(itemCode());
  model->takeTicket();
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().printState() == TicketIssuer::PrintState::Failed; }, kBound));
  EXPECT_EQ(issuer().printProblem(), "paper_out");
  EXPECT_EQ(issuer().state(), TicketIssuer::State::Issued);
  EXPECT_FALSE(issuer().number().isEmpty()) << "the ticket counts and is shown on screen";
  const auto sawAlarm = [&news] {
    for (const auto& call : news) {
      if (call.at(0).toString() == "alarm.paper_out" && call.at(1).toString().contains("kiosk-it/printer")) return true;
    }
    return false;
  };
  ASSERT_TRUE(QTest::qWaitFor([&] { return sawAlarm(); }, kBound));

  // Paper is loaded: the next ticket prints, without restarting anything.
  printer->setCondition(PrinterCondition::Ready);
  model->goHome();
  model->openItem(itemCode());
  model->takeTicket();
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().printState() == TicketIssuer::PrintState::Printed; }, kBound));
  EXPECT_EQ(printer->printedTickets().size(), 1u);
}

TEST_F(KioskAgainstDispatcher, PaperOutWithNobodyAtTheKioskReachesTheManagerBetweenTickets) {
  // given an idle kiosk whose printer is watched between tickets (as jiujin-kiosk does it)
  QSignalSpy news(link.get(), &clientqt::HallLink::news);
  PrinterWatch watch(
      50ms, [this](auto answered) { station->readStatus(std::move(answered)); },
      [this] { return issuer().printing(); },
      [this](const PrinterHealth& health) { issuer().reportPrinterHealth(health); });
  watch.start();
  ASSERT_TRUE(QTest::qWaitFor([&] { return watch.asked() >= 2; }, kBound)) << "the printer is not asked while idle";
  // when its paper runs out and nobody takes a ticket
  printer->setCondition(PrinterCondition::PaperOut);
  // then the manager gets the paper-out alarm, with no ticket issued or printed
  const auto sawAlarm = [&news] {
    for (const auto& call : news)
      if (call.at(0).toString() == "alarm.paper_out" && call.at(1).toString().contains("kiosk-it/printer")) return true;
    return false;
  };
  EXPECT_TRUE(QTest::qWaitFor(sawAlarm, kBound));
  EXPECT_EQ(issuer().state(), TicketIssuer::State::Idle);
  EXPECT_TRUE(printer->printedTickets().empty());
}

TEST(PrinterWatchAlone, AsksNothingWhileATicketIsPrintingOrTheLastQuestionIsUnanswered) {
  bool printing = true;
  std::vector<std::function<void(const devices::printer::StatusReading&)>> pending;
  std::vector<PrinterHealth> reported;
  PrinterWatch watch(
      1h, [&](auto answered) { pending.push_back(std::move(answered)); }, [&] { return printing; },
      [&](const PrinterHealth& h) { reported.push_back(h); });
  watch.checkNow();
  EXPECT_EQ(watch.asked(), 0) << "the print reads the status itself";
  printing = false;
  watch.checkNow();
  watch.checkNow();
  EXPECT_EQ(watch.asked(), 1) << "one question at a time on a slow serial line";
  devices::printer::PrinterStatus coverOpen;
  coverOpen.coverOpen = true;
  pending.front()({coverOpen, {}});
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].status, "offline");
  watch.checkNow();
  EXPECT_EQ(watch.asked(), 2);
  pending.back()({std::nullopt, {devices::printer::PrintErrorCode::NoAnswer, "no answer"}});
  EXPECT_EQ(reported.back(), (PrinterHealth{"offline", "no answer"}));
}

TEST_F(KioskAgainstDispatcher, DispatcherDownSaysSoThenIssuesExactlyOneTicketWhenItIsBack) {
  dispatcher->stop();
  model->openItem(itemCode());
  model->takeTicket();
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().state() == TicketIssuer::State::Unreachable; }, kBound));
  const std::string key = issuer().requestKey();
  model->takeTicket();  // an impatient second tap
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().attempts() >= 2; }, kBound));  // retrying by itself

  ASSERT_TRUE(dispatcher->start()) << dispatcher->error().toStdString();
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().state() == TicketIssuer::State::Issued; }, kBound));
  EXPECT_EQ(issuer().requestKey(), key);
  EXPECT_EQ(ticketsWithKey(key), 1);
}

TEST_F(KioskAgainstDispatcher, DoubleTapIssuesOneTicket) {
  model->openItem(itemCode());
  model->takeTicket();
  model->takeTicket();
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer().state() == TicketIssuer::State::Issued; }, kBound));
  const std::string key = issuer().requestKey();
  // Even a request repeated by hand with the same key gets the same ticket back.
  std::optional<client::Reply> again;
  link->request(client::requests::issueTicket(itemCode().toStdString(), core::PriorityClass::Normal, key),
                [&again](const client::Reply& r) { again = r; });
  ASSERT_TRUE(QTest::qWaitFor([&] { return again.has_value(); }, kBound));
  ASSERT_TRUE(again->ok) << again->error.en;
  EXPECT_EQ(again->result.at("ticket").at("number").get<std::string>(), issuer().number().toStdString());
  EXPECT_EQ(ticketsWithKey(key), 1);
}

}  // namespace
}  // namespace jiujin::kiosk
