#include "jiujin/kiosk/ticket_issuer.hpp"

#include <QTest>
#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::kiosk {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using devices::printer::PrintErrorCode;
using devices::printer::PrintOutcome;
using devices::printer::TicketPrint;

/// Records what the issuer sends; the test answers when it likes.
struct FakeDispatcher {
  struct Sent {
    std::string type;
    json body;
    TicketIssuer::ReplyHandler done;
  };
  std::vector<Sent> sent;

  TicketIssuer::Send send() {
    return [this](client::Request request, TicketIssuer::ReplyHandler done) {
      sent.push_back({request.type(), std::move(request.body), std::move(done)});
    };
  }
  std::vector<const Sent*> ofType(const std::string& type) const {
    std::vector<const Sent*> found;
    for (const auto& s : sent)
      if (s.type == type) found.push_back(&s);
    return found;
  }
  static client::Reply timeout() {
    client::Reply r;
    r.error = {"timeout", "调度服务无响应", "no answer"};
    return r;
  }
  static client::Reply issued(const std::string& number, int ahead, int waitSeconds,
                              core::PriorityClass priority = core::PriorityClass::Normal) {
    core::Ticket t;
    t.priority = priority;
    t.id = 7;
    t.number = number;
    t.item = "370199-JF-0003";
    t.queue = "general";
    client::Reply r;
    r.ok = true;
    r.result = json{{"ticket", protocol::toJson(t)}, {"people_ahead", ahead}, {"wait_s", waitSeconds}};
    return r;
  }
};

/// Holds print jobs until the test says how they went.
struct FakePrinter {
  std::vector<TicketPrint> tickets;
  std::vector<TicketIssuer::PrintDone> pending;
  TicketIssuer::Print print() {
    return [this](const TicketPrint& t, TicketIssuer::PrintDone done) {
      tickets.push_back(t);
      pending.push_back(std::move(done));
    };
  }
  void finish(PrintErrorCode code) {
    PrintOutcome outcome;
    outcome.printed = code == PrintErrorCode::None;
    outcome.error = {code, code == PrintErrorCode::None ? "" : "simulated"};
    auto done = std::move(pending.front());
    pending.erase(pending.begin());
    done(outcome);
  }
};

core::ServiceItem allowance() {
  core::ServiceItem i;
  i.code = "370199-JF-0003";
  i.name = "高龄津贴申领";
  i.queue = "general";
  return i;
}

class Issuing : public ::testing::Test {
 protected:
  TicketIssuer::Settings settings() {
    TicketIssuer::Settings s;
    s.kioskName = "kiosk-t";
    s.hallName = "就近镇便民服务中心";
    s.retryInterval = 20ms;
    return s;
  }
  FakeDispatcher dispatcher;
  FakePrinter printer;
  TicketIssuer issuer{settings(), dispatcher.send(), printer.print()};
};

TEST_F(Issuing, DoubleTapSendsOneRequest) {
  EXPECT_TRUE(issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal));
  EXPECT_FALSE(issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal));
  EXPECT_EQ(dispatcher.ofType("issue_ticket").size(), 1u);
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Issuing);
}

TEST_F(Issuing, RetryAfterATimeoutReusesTheSameKey) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  const std::string key = dispatcher.sent.at(0).body.at("requestKey");
  EXPECT_FALSE(key.empty());
  dispatcher.sent.at(0).done(FakeDispatcher::timeout());
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Unreachable);
  // A tap while the kiosk says "unreachable" is the same intent.
  EXPECT_FALSE(issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal));

  ASSERT_TRUE(QTest::qWaitFor([&] { return dispatcher.sent.size() == std::size_t{2}; }, 5000));
  EXPECT_EQ(dispatcher.sent.at(1).body, dispatcher.sent.at(0).body);
  EXPECT_EQ(issuer.attempts(), 2);
  dispatcher.sent.at(1).done(FakeDispatcher::issued("A007", 3, 600));
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Issued);
  EXPECT_EQ(issuer.number(), "A007");
}

TEST_F(Issuing, IssuedTicketIsPrintedWithItsNumberAndFigures) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A012", 4, 61));
  ASSERT_EQ(printer.tickets.size(), 1u);
  EXPECT_EQ(printer.tickets[0].number, "A012");
  EXPECT_EQ(printer.tickets[0].itemName, "高龄津贴申领");
  EXPECT_EQ(printer.tickets[0].queueName, "综合受理");
  EXPECT_EQ(printer.tickets[0].peopleAhead, 4);
  EXPECT_EQ(printer.tickets[0].estimatedWaitMinutes, 2);  // 61 s rounds up
  EXPECT_NE(printer.tickets[0].qrPayload.find("A012"), std::string::npos);
  EXPECT_EQ(issuer.printState(), TicketIssuer::PrintState::Printing);
  EXPECT_EQ(issuer.printNotice(), QStringLiteral("正在打印号票…"));
  printer.finish(PrintErrorCode::None);
  EXPECT_EQ(issuer.printState(), TicketIssuer::PrintState::Printed);
  EXPECT_FALSE(issuer.printFailed());
  EXPECT_EQ(issuer.printNotice(), QStringLiteral("请取走号票"));
  EXPECT_TRUE(dispatcher.ofType("printer_status").empty()) << "a healthy printer is no news";
}

TEST_F(Issuing, AGreenChannelTicketIsPrintedWithItsClassInChineseWhateverTheScreensLanguage) {
  issuer.setEnglish(true);
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Elderly);
  EXPECT_EQ(dispatcher.sent.at(0).body.at("priority"), "elderly");
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A013", 0, 60, core::PriorityClass::Elderly));
  ASSERT_EQ(printer.tickets.size(), 1u);
  EXPECT_EQ(printer.tickets[0].priority, "60岁以上老人");
}

TEST_F(Issuing, ANormalTicketCarriesNoGreenChannelMark) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A014", 0, 60));
  ASSERT_EQ(printer.tickets.size(), 1u);
  EXPECT_TRUE(printer.tickets[0].priority.empty());
}

TEST(TicketQr, TheQrHoldsTheHallsPageForTheTokenOrTheOldContentWithout) {
  EXPECT_EQ(ticketQrPayload("http://192.168.1.10:8080/t/{token}", "AbC-_9", 7, "A012"),
            "http://192.168.1.10:8080/t/AbC-_9");
  EXPECT_EQ(ticketQrPayload("", "AbC-_9", 7, "A012"), "jiujin:ticket:7:A012") << "no [web] ticket_url";
  EXPECT_EQ(ticketQrPayload("http://h/t/{token}", "", 7, "A012"), "jiujin:ticket:7:A012") << "no token";
}

TEST(TicketQr, AnIssuedTicketIsPrintedWithItsTokensUrl) {
  FakeDispatcher dispatcher;
  FakePrinter printer;
  TicketIssuer::Settings s;
  s.ticketUrl = "http://192.168.1.10:8080/t/{token}";
  TicketIssuer issuer{s, dispatcher.send(), printer.print()};
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  auto reply = FakeDispatcher::issued("A012", 4, 61);
  reply.result["token"] = "AAAAAAAAAAcTokenTokenToken1";
  dispatcher.sent.at(0).done(reply);
  ASSERT_EQ(printer.tickets.size(), 1u);
  EXPECT_EQ(printer.tickets[0].qrPayload, "http://192.168.1.10:8080/t/AAAAAAAAAAcTokenTokenToken1");
  EXPECT_EQ(printer.tickets[0].qrPayload.find("A012"), std::string::npos) << "the number is not in the QR";
}

TEST_F(Issuing, PaperOutKeepsTheTicketOnScreenAndTellsTheManager) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A013", 0, 0));
  printer.finish(PrintErrorCode::PaperOut);
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Issued);
  EXPECT_EQ(issuer.number(), "A013");
  EXPECT_EQ(issuer.printState(), TicketIssuer::PrintState::Failed);
  EXPECT_EQ(issuer.printProblem(), "paper_out");
  EXPECT_TRUE(issuer.printFailed());
  EXPECT_EQ(issuer.printNotice(),
            QStringLiteral("打印机缺纸，号票未能打印。请记住屏幕上的号码，号码已有效；工作人员已收到通知。"));
  const auto reports = dispatcher.ofType("printer_status");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0]->body.at("device"), "kiosk-t/printer");
  EXPECT_EQ(reports[0]->body.at("status"), "out");
}

TEST_F(Issuing, APrinterThatComesBackIsReportedHealthyAgain) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A014", 0, 0));
  printer.finish(PrintErrorCode::CoverOpen);
  issuer.clear();
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  dispatcher.ofType("issue_ticket").back()->done(FakeDispatcher::issued("A015", 0, 0));
  printer.finish(PrintErrorCode::None);
  const auto reports = dispatcher.ofType("printer_status");
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0]->body.at("status"), "offline");
  EXPECT_EQ(reports[1]->body.at("status"), "ok");
}

TEST_F(Issuing, ANewIntentAfterTheResidentLeftGetsANewKey) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  const auto first = dispatcher.sent.at(0).body.at("requestKey");
  issuer.clear();
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Elderly);
  ASSERT_EQ(dispatcher.sent.size(), 2u);
  EXPECT_NE(dispatcher.sent.at(1).body.at("requestKey"), first);
  EXPECT_EQ(dispatcher.sent.at(1).body.at("priority"), "elderly");
  // The first intent's late answer does not reach the second.
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A001", 0, 0));
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Issuing);
}

TEST_F(Issuing, RefusalShowsTheDispatchersReasonAndLetsTheResidentTryAgain) {
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  client::Reply refused;
  refused.error = {"not_found", "没有这个事项", "no such item"};
  dispatcher.sent.at(0).done(refused);
  EXPECT_EQ(issuer.state(), TicketIssuer::State::Refused);
  EXPECT_EQ(issuer.refusal(), "没有这个事项");
  EXPECT_EQ(dispatcher.sent.size(), 1u);
  // The resident may try again: a new intent.
  EXPECT_TRUE(issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal));
}

TEST(IssuingWithoutPrinter, TicketIsShownOnScreenOnly) {
  FakeDispatcher dispatcher;
  TicketIssuer issuer({}, dispatcher.send(), {});
  issuer.issue(allowance(), "综合受理", core::PriorityClass::Normal);
  dispatcher.sent.at(0).done(FakeDispatcher::issued("A020", 0, 0));
  EXPECT_EQ(issuer.printState(), TicketIssuer::PrintState::NoPrinter);
  EXPECT_EQ(issuer.number(), "A020");
}

}  // namespace
}  // namespace jiujin::kiosk
