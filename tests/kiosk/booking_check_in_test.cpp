// 预约签到 at the kiosk, against a dispatcher the test plays: the 8-digit code keyed on the pad
// or typed by a scanner (digits, then Enter) is checked in once; the ticket is printed with its
// slot; a refusal comes back to the code page in the dispatcher's words; a timeout is retried
// with the same code and the dispatcher's `repeated` answer gives the same ticket.
// (The same against the real dispatcher: booking_check_in_integration_test.cpp.)
#include "jiujin/kiosk/booking_check_in.hpp"

#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

struct Sent {
  std::string type;
  json body;
  TicketIssuer::ReplyHandler done;
};

TEST(BookingCode, IsShownInTwoGroupsOfFour) {
  EXPECT_EQ(groupedCode("12345678"), "1234 5678");
  EXPECT_EQ(groupedCode("12345"), "1234 5");
  EXPECT_EQ(groupedCode("123"), "123");
}

TEST(BookingCheckInPad, DigitsAreGroupedAndANinthIsIgnored) {
  BookingCheckIn page;
  QSignalSpy wanted(&page, &BookingCheckIn::checkInWanted);
  for (const char* d : {"1", "2", "3", "4", "5"}) page.typeDigit(d);
  EXPECT_EQ(page.codeText(), "1234 5");
  EXPECT_FALSE(page.canSubmit());
  page.submit();
  EXPECT_EQ(page.state(), BookingCheckIn::State::Refused) << "five digits are no code";
  EXPECT_EQ(page.refusalCode(), "not_a_code");
  EXPECT_EQ(page.code(), "");
  for (const char* d : {"1", "2", "3", "4", "5", "6", "7", "8", "9"}) page.typeDigit(d);
  EXPECT_EQ(page.state(), BookingCheckIn::State::Entering) << "a digit after a refusal starts again";
  EXPECT_EQ(page.codeText(), "1234 5678");
  page.eraseDigit();
  page.typeDigit("0");
  EXPECT_EQ(page.code(), "12345670");
  page.typeDigit("x");
  EXPECT_EQ(page.code(), "12345670");
  EXPECT_TRUE(page.canSubmit());
  EXPECT_EQ(wanted.count(), 0);
  page.submit();
  ASSERT_EQ(wanted.count(), 1);
  EXPECT_EQ(wanted.at(0).at(0).toString(), "12345670");
  page.clearCode();
  EXPECT_EQ(page.code(), "");
}

TEST(BookingCheckInScanner, TheScannersDigitsAndEnterAskOnceAndGarbageIsNoCode) {
  BookingCheckIn page;
  QSignalSpy wanted(&page, &BookingCheckIn::checkInWanted);
  // a scanner types key by key, then Enter; the page asks, the model says it is on its way
  QObject::connect(&page, &BookingCheckIn::checkInWanted, &page, [&page] { page.setCheckingIn(); });
  for (const QChar c : QStringLiteral("20261207\r")) EXPECT_TRUE(page.keyed(QString(c)));
  ASSERT_EQ(wanted.count(), 1);
  EXPECT_EQ(page.state(), BookingCheckIn::State::CheckingIn);
  // its second Enter, a double tap, more digits: nothing more is asked while it is on its way
  EXPECT_TRUE(page.keyed("\r"));
  page.submit();
  page.typeDigit("1");
  EXPECT_TRUE(page.keyed("5"));
  EXPECT_EQ(wanted.count(), 1);
  EXPECT_EQ(page.code(), "20261207");
  EXPECT_FALSE(page.keyed("")) << "a modifier key is not the page's";

  // refused: the dispatcher's reason, then a scan of a ticket's URL is no booking code
  page.setRefused({"too_early", "预约时段 09:00 开始，请于 08:30 后签到。", "the slot begins at 09:00; check in from 08:30", {}});
  EXPECT_EQ(page.message(), "预约时段 09:00 开始，请于 08:30 后签到。");
  EXPECT_TRUE(page.suggestTicket());
  page.setEnglish(true);
  EXPECT_EQ(page.message(), "The slot begins at 09:00; check in from 08:30");
  page.setEnglish(false);
  page.scanned("https://hall.example/t/AAAAAAAAABEx1c3Rk4xW0hQo\r");
  EXPECT_EQ(page.refusalCode(), "not_a_code");
  EXPECT_FALSE(page.suggestTicket()) << "a wrong scan is tried again, not sent to a walk-in";
  EXPECT_EQ(wanted.count(), 1);
  page.scanned("123456789\r");
  EXPECT_EQ(page.refusalCode(), "not_a_code") << "nine digits are no code either";
  EXPECT_EQ(wanted.count(), 1);
  // the same code again after the refusal (now it is time): asked again
  page.scanned("20261207\r");
  EXPECT_EQ(wanted.count(), 2);
}

/// The check_in reply as the dispatcher gives it (docs/protocol.md).
client::Reply checkedIn(const core::Ticket& ticket, bool late, bool repeated) {
  client::Reply r;
  r.ok = true;
  r.result = json{{"ticket", protocol::toJson(ticket)},
                  {"token", "AAAAAAAAABEx1c3Rk4xW0hQoFqPz"},
                  {"people_ahead", 2},
                  {"wait_s", 600},
                  {"booking",
                   {{"code", "20261207"}, {"item", ticket.item}, {"item_name", "高龄津贴申领"}, {"date", "2026-12-07"},
                    {"from", "09:00"}, {"to", "09:30"}, {"state", "checked_in"}, {"late", late}}}};
  if (repeated) r.result["repeated"] = true;
  else r.result["late"] = late;
  return r;
}

core::Ticket bookedTicket(bool withSlot) {
  core::Ticket t;
  t.id = 9;
  t.number = "A009";
  t.item = "370199-GG-0001";
  t.queue = "general";
  t.channel = core::Channel::Appointment;
  t.issuedAt = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 12 / 7} + 8h + 50min};
  if (withSlot) t.appointmentSlot = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 12 / 7} + 9h};
  return t;
}

class CheckInAtTheKiosk : public ::testing::Test {
 protected:
  CheckInAtTheKiosk() {
    config.booking.sessions.push_back(core::BookingSession{"general", {}, true, {}, core::Minutes{540},
                                                           core::Minutes{600}, core::Minutes{30}, 2, ""});
    KioskModel::Options options;
    options.clock = [] { return QDateTime(QDate(2026, 12, 7), QTime(8, 50)); };
    options.retryInterval = 1ms;
    model = std::make_unique<KioskModel>(
        config,
        [this](client::Request request, TicketIssuer::ReplyHandler done) {
          sent.push_back({request.type(), request.body, std::move(done)});
        },
        [this](const devices::printer::TicketPrint& t, TicketIssuer::PrintDone done) {
          printed.push_back(t);
          devices::printer::PrintOutcome outcome;
          outcome.printed = true;
          done(outcome);
        },
        options);
  }
  /// The check_in requests sent so far (the model also asks for the usage statistics).
  std::vector<Sent*> checkIns() {
    std::vector<Sent*> found;
    for (auto& s : sent)
      if (s.type == "check_in") found.push_back(&s);
    return found;
  }

  config::HallConfig config = test::townshipSample();
  std::unique_ptr<KioskModel> model;
  std::vector<Sent> sent;
  std::vector<devices::printer::TicketPrint> printed;
};

TEST_F(CheckInAtTheKiosk, OnTimeTheTicketCarriesItsSlotOnScreenAndOnPaperAndADoubleEnterSendsOnce) {
  ASSERT_TRUE(model->canCheckIn());
  model->openCheckIn();
  ASSERT_EQ(model->page(), KioskModel::Page::CheckIn);
  model->checkIn()->scanned("20261207\r");
  model->checkIn()->scanned("\r");  // the scanner's second Enter
  model->checkIn()->submit();       // and a tap on 签到
  ASSERT_EQ(checkIns().size(), 1u);
  EXPECT_EQ(checkIns()[0]->body, (json{{"code", "20261207"}}));
  EXPECT_EQ(model->page(), KioskModel::Page::CheckIn) << "the code page waits for the answer";
  EXPECT_EQ(model->checkIn()->state(), BookingCheckIn::State::CheckingIn);

  checkIns()[0]->done(checkedIn(bookedTicket(true), false, false));
  EXPECT_EQ(model->page(), KioskModel::Page::Ticket);
  TicketIssuer& issuer = *model->issuer();
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Issued);
  EXPECT_EQ(issuer.number(), "A009");
  EXPECT_EQ(issuer.appointment(), "09:00–09:30");
  EXPECT_EQ(issuer.itemName(), "高龄津贴申领");
  EXPECT_EQ(issuer.queueName(), "综合受理");
  EXPECT_EQ(issuer.peopleAhead(), 2);
  EXPECT_EQ(issuer.checkInNotice(), "");
  ASSERT_EQ(printed.size(), 1u);
  EXPECT_EQ(printed[0].number, "A009");
  EXPECT_EQ(printed[0].appointment, "09:00-09:30");
  EXPECT_EQ(printed[0].priority, "");
  EXPECT_NE(printed[0].qrPayload.find("AAAAAAAAABEx1c3Rk4xW0hQoFqPz"), std::string::npos)
      << "the same QR token URL as any ticket: " << printed[0].qrPayload;
  EXPECT_EQ(issuer.printState(), TicketIssuer::PrintState::Printed);
  // back on the code page, the old code is gone
  model->goHome();
  model->openCheckIn();
  EXPECT_EQ(model->checkIn()->code(), "");
}

TEST_F(CheckInAtTheKiosk, ARefusalComesBackToTheCodeInTheDispatchersWordsInTheInterfaceLanguage) {
  model->openCheckIn();
  for (const char* d : {"2", "0", "2", "6", "1", "2", "0", "7"}) model->checkIn()->typeDigit(d);
  model->checkIn()->submit();
  ASSERT_EQ(checkIns().size(), 1u);
  client::Reply refused;
  refused.error = {"too_early", "预约时段 09:00 开始，请于 08:30 后签到。", "the slot begins at 09:00; check in from 08:30", {}};
  checkIns()[0]->done(refused);
  EXPECT_EQ(model->page(), KioskModel::Page::CheckIn);
  EXPECT_EQ(model->checkIn()->state(), BookingCheckIn::State::Refused);
  EXPECT_EQ(model->checkIn()->message(), "预约时段 09:00 开始，请于 08:30 后签到。");
  EXPECT_TRUE(model->checkIn()->suggestTicket());
  EXPECT_TRUE(printed.empty());
  model->switchLanguage("en");  // no translator installed here: the model's own words stay
  EXPECT_EQ(model->checkIn()->message(), "The slot begins at 09:00; check in from 08:30");
  // a refusal that is no reason to send the resident to a walk-in
  model->checkIn()->submit();
  ASSERT_EQ(checkIns().size(), 2u);
  refused.error = {"forbidden", "无权签到", "not allowed", {}};
  checkIns()[1]->done(refused);
  EXPECT_FALSE(model->checkIn()->suggestTicket());
}

TEST_F(CheckInAtTheKiosk, ATimeoutIsRetriedWithTheSameCodeAndTheRepeatedAnswerIsTheSameTicketLate) {
  model->openCheckIn();
  model->checkIn()->scanned("20261207\r");
  ASSERT_EQ(checkIns().size(), 1u);
  client::Reply timeout;
  timeout.error = {"timeout", "调度服务无响应", "the dispatcher did not answer", {}};
  checkIns()[0]->done(timeout);
  EXPECT_EQ(model->page(), KioskModel::Page::Ticket) << "the ticket page says it retries by itself";
  EXPECT_EQ(model->issuer()->state(), TicketIssuer::State::Unreachable);
  ASSERT_TRUE(QTest::qWaitFor([&] { return checkIns().size() == 2u; }, 5000));
  EXPECT_EQ(checkIns()[1]->body, checkIns()[0]->body);
  // the first one had arrived: the booking is checked in, late, and the same ticket comes back
  checkIns()[1]->done(checkedIn(bookedTicket(false), true, true));
  EXPECT_EQ(model->issuer()->state(), TicketIssuer::State::Issued);
  EXPECT_TRUE(model->issuer()->repeated());
  EXPECT_TRUE(model->issuer()->late());
  EXPECT_EQ(model->issuer()->appointment(), "") << "a late check-in's ticket is an ordinary one";
  EXPECT_EQ(model->issuer()->checkInNotice(), "该预约已经签到过，号码不变；已过预约时间，本号为普通号，按到达顺序叫号");
  ASSERT_EQ(printed.size(), 1u);
  EXPECT_EQ(printed[0].appointment, "");
}

TEST_F(CheckInAtTheKiosk, AnAnswerWithinTheSendingCallIsNotOverwrittenByCheckingIn) {
  // a dispatcher that answers at once (the screenshot demo's does)
  KioskModel quick(
      config,
      [](client::Request request, TicketIssuer::ReplyHandler done) {
        client::Reply reply;
        if (request.type() != "check_in") return;
        reply.error = {"not_found", "没有预约码为 20261207 的预约，请核对。", "no booking has the code 20261207", {}};
        done(reply);
      },
      TicketIssuer::Print{}, {});
  quick.openCheckIn();
  quick.checkIn()->scanned("20261207\r");
  EXPECT_EQ(quick.checkIn()->state(), BookingCheckIn::State::Refused);
  EXPECT_EQ(quick.checkIn()->refusalCode(), "not_found");
  EXPECT_EQ(quick.page(), KioskModel::Page::CheckIn);
}

TEST_F(CheckInAtTheKiosk, AHallWithoutBookingSessionsOffersNoCheckIn) {
  config.booking.sessions.clear();
  KioskModel plain(config, [](client::Request, TicketIssuer::ReplyHandler) {}, TicketIssuer::Print{}, {});
  EXPECT_FALSE(plain.canCheckIn());
  plain.openCheckIn();
  EXPECT_EQ(plain.page(), KioskModel::Page::Home);
}

}  // namespace
}  // namespace jiujin::kiosk
