// 预约签到 end to end: the real jiujin-dispatcher as a child process on the township hall with a
// [booking] session, its SQLite file, ephemeral ports and its test-only clock file
// (--test-clock-file, allowed by JIUJIN_TEST_CLOCK=i-am-a-test): the slot's times come by
// writing the file, never by sleeping. A resident books as the phone page does (role web); the
// kiosk's own model, link and print station check the booking in, printing on a simulated
// printer on a real pseudo-terminal whose bytes are decoded back into lines.
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/devices/printer/printer_simulator.hpp"
#include "jiujin/kiosk/hall_time.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/link_wiring.hpp"
#include "jiujin/kiosk/print_station.hpp"
#include "support/dispatcher_process.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using nlohmann::json;
using devices::printer::PrinterSimulator;
namespace requests = client::requests;

constexpr int kBound = 15000;  // ms: the longest any step may take on a loaded machine

// Check-in opens 30 minutes before the slot; up to 15 minutes after its start it keeps its
// place; later that day an ordinary ticket (late = "walk_in", the default).
constexpr const char* kBookingToml = R"toml(

[booking]
advance_days = 7
early_minutes = 30
late_minutes = 15

[[booking.session]]
queue = "general"
days = ["working"]
time = "09:00-10:00"
slot_minutes = 30
capacity = 4
)toml";

/// Monday 7 December 2026, a working day, at h:m (hall time).
core::TimePoint monday(int hour, int minute) {
  return core::TimePoint{sys_days{year{2026} / December / 7} + hours{hour} + minutes{minute}};
}

/// The hall file with this test's [booking] instead of any the sample has (the always-open
/// copy widens every `days =` line, the sessions' too).
bool withOurBookingRules(const QString& hallFile) {
  QFile file(hallFile);
  if (!file.open(QIODevice::ReadOnly)) return false;
  QStringList kept;
  bool inBooking = false;
  for (const QString& line : QString::fromUtf8(file.readAll()).split('\n')) {
    const QString header = line.trimmed();
    if (header.startsWith('[')) inBooking = header == "[booking]" || header == "[[booking.session]]";
    if (!inBooking) kept << line;
  }
  file.close();
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  file.write((kept.join('\n') + kBookingToml).toUtf8());
  return true;
}

bool hasLine(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

class CheckInAgainstDispatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    hallFile = test::writeAlwaysOpenHall(dir.path());
    ASSERT_TRUE(withOurBookingRules(hallFile));
    config = test::loadHall(hallFile);
    ASSERT_FALSE(config.booking.sessions.empty());
    for (const auto& item : config.definition.items)
      if (item.queue == "general" && bookedItem.empty()) bookedItem = item.code;
    ASSERT_FALSE(bookedItem.empty());

    clockFile = dir.filePath("clock").toStdString();
    setClock(monday(8, 0));
    // The consent lives in this process's environment only while the child starts.
    ::setenv("JIUJIN_TEST_CLOCK", "i-am-a-test", 1);
    dispatcher = std::make_unique<jiujin::testing::DispatcherProcess>(
        hallFile.toStdString(), dir.filePath("hall.db").toStdString(),
        std::vector<std::string>{"--hours", "ignore", "--heartbeat-ms", "200", "--test-clock-file", clockFile});
    ::unsetenv("JIUJIN_TEST_CLOCK");
    ASSERT_TRUE(dispatcher->ready()) << dispatcher->output();

    auto started = PrinterSimulator::start(dir.filePath("printer").toStdString());
    ASSERT_TRUE(started.simulator) << started.error;
    printer = std::move(started.simulator);
    devices::printer::TicketPrinterSettings printerSettings;
    printerSettings.portName = printer->link().string();
    printerSettings.answerTimeout = 300ms;
    station = std::make_unique<PrintStation>(printerSettings);

    link = std::make_unique<clientqt::HallLink>(as("kiosk"));
    KioskModel::Options options;
    options.kioskName = "kiosk-booking";
    options.clock = [this] { return localDateTime(core::TimePoint{core::Milliseconds{nowMs.load()}}); };
    // Every check_in the kiosk sends is counted on its way out.
    auto through = sendThrough(*link);
    model = std::make_unique<KioskModel>(
        config,
        [this, through](client::Request request, TicketIssuer::ReplyHandler done) {
          if (request.type() == "check_in") ++checkInsSent;
          through(std::move(request), std::move(done));
        },
        [this](const devices::printer::TicketPrint& t, TicketIssuer::PrintDone done) { station->print(t, std::move(done)); },
        options);
    followLink(*model, *link);
    link->start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->connected(); }, kBound));
    web = std::make_unique<client::CommandChannel>(context, as("web"));
  }

  void TearDown() override {
    model.reset();
    if (link) link->stop();
    web.reset();
    if (dispatcher) {
      EXPECT_EQ(dispatcher->terminate(), 0) << dispatcher->output();
    }
  }

  client::ConnectionOptions as(const std::string& role) const {
    client::ConnectionOptions o;
    o.commands = dispatcher->commands();
    o.events = dispatcher->events();
    o.identity = client::StatedIdentity{role, std::nullopt, "booking-" + role};
    o.requestTimeout = 5000ms;
    o.attempts = 1;
    return o;
  }

  /// Turns the hall's clock (written whole, then renamed): the dispatcher reads it at every
  /// turn, the kiosk's model reads the same time.
  void setClock(core::TimePoint t) {
    nowMs = t.time_since_epoch().count();
    const auto day = floor<days>(t);
    const year_month_day date{day};
    const hh_mm_ss time{floor<seconds>(t - day)};
    const std::string written = clockFile + ".new";
    std::ofstream(written) << fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}\n", static_cast<int>(date.year()),
                                          static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                                          time.hours().count(), time.minutes().count(), time.seconds().count());
    std::filesystem::rename(written, clockFile);
    if (model) model->tick();
  }

  /// Books the slot starting at `start` as the phone page does; the 8-digit code.
  std::string book(core::TimePoint start, const std::string& phone) {
    const auto reply = web->request(requests::book(bookedItem, start, phone));
    EXPECT_TRUE(reply.ok) << reply.error.code << ": " << reply.error.en;
    return reply.ok ? reply.result["booking"]["code"].get<std::string>() : std::string();
  }

  /// The resident at the kiosk: 预约签到, the code scanned (digits, Enter); waits for the answer.
  void checkInAtTheKiosk(const std::string& code) {
    model->goHome();
    model->openCheckIn();
    ASSERT_EQ(model->page(), KioskModel::Page::CheckIn);
    model->checkIn()->scanned(QString::fromStdString(code) + "\r");
    ASSERT_TRUE(QTest::qWaitFor([&] { return model->checkIn()->state() != BookingCheckIn::State::CheckingIn; }, kBound));
  }

  /// The dispatcher's own word: today's tickets, from a snapshot.
  std::vector<json> ticketsWithKey(const std::string& key) {
    client::CommandChannel manager(context, as("manager"));
    const auto reply = manager.request(requests::snapshot());
    EXPECT_TRUE(reply.ok) << reply.error.en;
    std::vector<json> found;
    if (!reply.ok) return found;
    for (const auto& [id, ticket] : reply.result.at("state").at("tickets").items()) {
      if (ticket.value("requestKey", std::string()) == key) found.push_back(ticket);
    }
    return found;
  }

  QTemporaryDir dir;
  QString hallFile;
  config::HallConfig config;
  std::string bookedItem;
  std::string clockFile;
  std::atomic<std::int64_t> nowMs{0};
  std::unique_ptr<jiujin::testing::DispatcherProcess> dispatcher;
  std::unique_ptr<PrinterSimulator> printer;
  std::unique_ptr<PrintStation> station;
  zmq::context_t context;
  std::unique_ptr<clientqt::HallLink> link;
  std::unique_ptr<KioskModel> model;
  std::unique_ptr<client::CommandChannel> web;
  int checkInsSent = 0;
};

TEST_F(CheckInAgainstDispatcher, TooEarlyIsRefusedWithTheTimeThenOnTimeOneTicketWithItsSlotIsPrinted) {
  // given a booking for Monday 09:00–09:30 made at 08:00
  const std::string code = book(monday(9, 0), "13800000001");
  ASSERT_EQ(code.size(), 8u);

  // at 08:10 it is too early: the dispatcher's reason, with the time check-in opens
  setClock(monday(8, 10));
  checkInAtTheKiosk(code);
  EXPECT_EQ(model->checkIn()->state(), BookingCheckIn::State::Refused);
  EXPECT_EQ(model->checkIn()->refusalCode(), "too_early");
  EXPECT_NE(model->checkIn()->message().indexOf("08:30"), -1) << model->checkIn()->message().toStdString();
  EXPECT_TRUE(model->checkIn()->suggestTicket()) << "an ordinary ticket is offered";
  EXPECT_EQ(model->page(), KioskModel::Page::CheckIn);
  EXPECT_TRUE(ticketsWithKey("booking:" + code).empty());
  model->switchLanguage("en");
  EXPECT_NE(model->checkIn()->message().indexOf("check in from 08:30"), -1) << model->checkIn()->message().toStdString();
  model->switchLanguage("zh");

  // at 08:45 on time: the scanner's Enter twice and a tap on 签到 send one check-in
  setClock(monday(8, 45));
  const int before = checkInsSent;
  model->goHome();
  model->openCheckIn();
  model->checkIn()->scanned(QString::fromStdString(code) + "\r");
  model->checkIn()->scanned("\r");
  model->checkIn()->submit();
  ASSERT_TRUE(QTest::qWaitFor([&] { return model->issuer()->printState() == TicketIssuer::PrintState::Printed; }, kBound))
      << model->checkIn()->message().toStdString() << model->issuer()->refusal().toStdString();
  EXPECT_EQ(checkInsSent - before, 1) << "a double submit sends one check_in";
  EXPECT_EQ(model->page(), KioskModel::Page::Ticket);
  TicketIssuer& issuer = *model->issuer();
  EXPECT_EQ(issuer.appointment(), "09:00–09:30");
  EXPECT_FALSE(issuer.late());
  EXPECT_FALSE(issuer.repeated());
  EXPECT_EQ(issuer.queueName(), "综合受理");
  const QString number = issuer.number();
  EXPECT_TRUE(number.startsWith('A')) << number.toStdString();

  // the dispatcher issued one ticket for the booking, with its slot
  const auto tickets = ticketsWithKey("booking:" + code);
  ASSERT_EQ(tickets.size(), 1u);
  EXPECT_EQ(tickets[0]["number"], number.toStdString());
  EXPECT_EQ(tickets[0]["appointmentSlot"], monday(9, 0).time_since_epoch().count());

  // the paper: the number, 【预约】 and the slot under it, the phone page's QR code
  ASSERT_TRUE(printer->waitForPrinted(1, milliseconds(kBound)));
  const auto paper = printer->printedTickets().front();
  const auto lines = paper.lineTexts();
  EXPECT_TRUE(hasLine(lines, number.toStdString()));
  EXPECT_TRUE(hasLine(lines, "【预约】"));
  EXPECT_TRUE(hasLine(lines, "预约 09:00-09:30"));
  const std::string& url = config.web.ticketUrl;
  ASSERT_NE(url.find("{token}"), std::string::npos);
  EXPECT_EQ(paper.qrPayload().rfind(url.substr(0, url.find("{token}")), 0), 0u) << paper.qrPayload();

  // the resident scans again (a lost ticket): already checked in, the same number reprinted
  checkInAtTheKiosk(code);
  ASSERT_TRUE(QTest::qWaitFor([&] { return issuer.printState() == TicketIssuer::PrintState::Printed; }, kBound));
  EXPECT_TRUE(issuer.repeated());
  EXPECT_EQ(issuer.number(), number);
  EXPECT_NE(issuer.checkInNotice().indexOf("已经签到"), -1) << issuer.checkInNotice().toStdString();
  ASSERT_TRUE(printer->waitForPrinted(2, milliseconds(kBound)));
  EXPECT_TRUE(hasLine(printer->printedTickets().at(1).lineTexts(), number.toStdString()));
  EXPECT_EQ(ticketsWithKey("booking:" + code).size(), 1u) << "never a second ticket";
}

TEST_F(CheckInAgainstDispatcher, LateTheBookingTimeHasPassedAndTheTicketIsAnOrdinaryOne) {
  const std::string code = book(monday(9, 30), "13800000002");
  ASSERT_EQ(code.size(), 8u);
  // 09:50: more than 15 minutes after the slot began
  setClock(monday(9, 50));
  checkInAtTheKiosk(code);
  ASSERT_TRUE(QTest::qWaitFor([&] { return model->issuer()->printState() == TicketIssuer::PrintState::Printed; }, kBound))
      << model->checkIn()->message().toStdString();
  TicketIssuer& issuer = *model->issuer();
  EXPECT_TRUE(issuer.late());
  EXPECT_EQ(issuer.appointment(), "");
  EXPECT_EQ(issuer.checkInNotice(), "已过预约时间，本号为普通号，按到达顺序叫号");
  const auto tickets = ticketsWithKey("booking:" + code);
  ASSERT_EQ(tickets.size(), 1u);
  EXPECT_TRUE(!tickets[0].contains("appointmentSlot") || tickets[0]["appointmentSlot"].is_null()) << tickets[0].dump();
  ASSERT_TRUE(printer->waitForPrinted(1, milliseconds(kBound)));
  const auto lines = printer->printedTickets().front().lineTexts();
  EXPECT_TRUE(hasLine(lines, issuer.number().toStdString()));
  EXPECT_FALSE(hasLine(lines, "【预约】")) << "an ordinary ticket carries no mark";
}

TEST_F(CheckInAgainstDispatcher, ACancelledOrUnknownBookingIsRefusedAndPointsToAnOrdinaryTicket) {
  const std::string code = book(monday(9, 0), "13800000003");
  ASSERT_EQ(code.size(), 8u);
  ASSERT_TRUE(web->request(requests::cancelBooking(code)).ok);
  setClock(monday(8, 50));
  checkInAtTheKiosk(code);
  EXPECT_EQ(model->checkIn()->refusalCode(), "cancelled");
  EXPECT_EQ(model->checkIn()->message(), "该预约已取消，请现场取号。");
  EXPECT_TRUE(model->checkIn()->suggestTicket());

  const std::string unknown = code == "00000000" ? "00000001" : "00000000";
  checkInAtTheKiosk(unknown);
  EXPECT_EQ(model->checkIn()->refusalCode(), "not_found");
  EXPECT_NE(model->checkIn()->message().indexOf(QString::fromStdString(unknown)), -1);
  EXPECT_TRUE(model->checkIn()->suggestTicket());
  EXPECT_EQ(model->issuer()->state(), TicketIssuer::State::Refused);
  EXPECT_EQ(printer->printedTickets().size(), 0u);
}

}  // namespace
}  // namespace jiujin::kiosk
