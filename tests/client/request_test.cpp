// The typed requests: every command's type is the protocol codec's name for it, and every
// command body reads back, through the codec the dispatcher uses, as the command it was.
#include <gtest/gtest.h>

#include <set>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/protocol/service_requests.hpp"

namespace jiujin::client {
namespace {

using nlohmann::json;

core::Command decoded(const Request& request) {
  json command = request.body;
  command["type"] = request.type();
  command.erase("pin");  // checked at the service edge, not part of the core command
  auto read = protocol::commandFromJson(command);
  EXPECT_TRUE(read.ok()) << request.type() << ": " << (read.ok() ? "" : read.error().en);
  return read.ok() ? read.value() : core::Command{};
}

template <class Alternative>
Alternative as(const core::Command& command) {
  EXPECT_TRUE(std::holds_alternative<Alternative>(command));
  return std::holds_alternative<Alternative>(command) ? std::get<Alternative>(command) : Alternative{};
}

TEST(Requests, EveryCommandOfTheCoreHasAKindNamedAsTheCodecNamesIt) {
  std::set<std::string> commandNames;
  // Walk the variant's alternatives: default-constructed, named by the codec.
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (commandNames.insert(protocol::commandType(core::Command(std::in_place_index<I>))), ...);
  }(std::make_index_sequence<std::variant_size_v<core::Command>>());
  std::set<std::string> ours;
  for (const auto kind : allRequestKinds())
    if (isCommand(kind)) ours.insert(wireName(kind));
  EXPECT_EQ(ours, commandNames);
  for (const auto& name : commandNames) {
    const auto kind = requestKindNamed(name);
    ASSERT_TRUE(kind.has_value()) << name;
    EXPECT_TRUE(isCommand(*kind)) << name;
  }
}

TEST(Requests, EveryServiceRequestOfTheDispatcherHasAKindNamedAsTheProtocolNamesIt) {
  const auto protocolNames = protocol::serviceRequestTypes();
  const std::set<std::string> theirs(protocolNames.begin(), protocolNames.end());
  std::set<std::string> ours;
  for (const auto kind : allRequestKinds())
    if (!isCommand(kind)) ours.insert(wireName(kind));
  EXPECT_EQ(ours, theirs);
  EXPECT_EQ(theirs.size(), protocolNames.size()) << "a name twice in the protocol's table";
}

TEST(Requests, NamesAreUniqueAndReadBack) {
  std::set<std::string> names;
  for (const auto kind : allRequestKinds()) {
    EXPECT_TRUE(names.insert(wireName(kind)).second) << wireName(kind);
    EXPECT_EQ(requestKindNamed(wireName(kind)), kind);
  }
  EXPECT_EQ(names.size(), 59u);
  EXPECT_FALSE(requestKindNamed("call_nxt").has_value());
}

TEST(Requests, WindowCommandsCarryTheWindow) {
  const Request call = requests::callNext(3);
  EXPECT_EQ(call.type(), "call_next");
  EXPECT_EQ(call.body, (json{{"window", 3}}));
  EXPECT_EQ(as<core::cmd::CallNext>(decoded(call)).window, 3);
  EXPECT_EQ(as<core::cmd::MarkNoShow>(decoded(requests::markNoShow(7))).window, 7);
  EXPECT_EQ(as<core::cmd::PauseWindow>(decoded(requests::pauseWindow(2, "暂离"))).reason, "暂离");
}

TEST(Requests, IssueTicketCarriesItemPriorityAndKey) {
  const auto issue = as<core::cmd::IssueTicket>(
      decoded(requests::issueTicket("T-0001", core::PriorityClass::Elderly, "kiosk-1-42")));
  EXPECT_EQ(issue.item, "T-0001");
  EXPECT_EQ(issue.priority, core::PriorityClass::Elderly);
  EXPECT_EQ(issue.requestKey, "kiosk-1-42");
  EXPECT_EQ(issue.channel, core::Channel::Kiosk);
}

TEST(Requests, TransferToAKindAndLoginWithItsPin) {
  const auto transfer =
      as<core::cmd::Transfer>(decoded(requests::transfer(4, core::WindowKind::Issuing, "发证")));
  EXPECT_EQ(std::get<core::WindowKind>(transfer.to), core::WindowKind::Issuing);
  EXPECT_EQ(transfer.note, "发证");
  const Request login = requests::clerkLogin(1, "c01", "1234");
  EXPECT_EQ(login.body.value("pin", ""), "1234");
  EXPECT_EQ(as<core::cmd::ClerkLogin>(decoded(login)).clerk, "c01");
}

TEST(Requests, ServiceRequestBodiesLeaveOutWhatIsNotGiven) {
  EXPECT_EQ(requests::statistics().body, json::object());
  const auto day = core::Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{15}};
  EXPECT_EQ(requests::statistics({day, std::nullopt}).body, (json{{"from", "2024-03-15"}}));
  EXPECT_EQ(requests::ticketStatus(std::string("A001")).body, (json{{"number", "A001"}}));
  EXPECT_EQ(requests::ticketStatus(core::TicketId{17}).body, (json{{"ticket", 17}}));
  EXPECT_EQ(requests::estimate("T-1", core::PriorityClass::Disabled).body,
            (json{{"item", "T-1"}, {"priority", "disabled"}}));
  DeviceHealth health{"w3-keypad", "keypad", "online", 3, "bus1", ""};
  EXPECT_EQ(requests::deviceReport(health).body,
            (json{{"device", "w3-keypad"}, {"kind", "keypad"}, {"status", "online"}, {"window", 3}, {"bus", "bus1"}}));
  EXPECT_EQ(requests::auditExport(10, 50).body, (json{{"after", 10}, {"limit", 50}}));
}

TEST(Requests, CaseCommandsReadBackAsTheCoreCommands) {
  const core::cmd::AcceptCase acceptance{1, "T-0002", {"张三", "370102199001011234", "13812345678"},
                                         core::CaseChannel::Agent,
                                         {{"居民身份证", core::MaterialStatus::Missing}}, "代为申领", {7}};
  const auto accept = as<core::cmd::AcceptCase>(decoded(requests::acceptCase(acceptance)));
  EXPECT_EQ(accept.applicant, acceptance.applicant);
  EXPECT_EQ(accept.materials, acceptance.materials);
  EXPECT_EQ(accept.tickets, std::vector<core::TicketId>{7});
  const auto decide = as<core::cmd::DecideCase>(
      decoded(requests::decideCase(2, "370199101-20260306-0001", core::CaseOutcome::Refused, "不符合条件")));
  EXPECT_EQ(decide.caseNumber, "370199101-20260306-0001");
  EXPECT_EQ(decide.outcome, core::CaseOutcome::Refused);
  EXPECT_EQ(decide.reason, "不符合条件");
  const auto collect = as<core::cmd::CollectCase>(decoded(requests::collectCase(3, "N-1", "李四")));
  EXPECT_EQ(collect.window, 3);
  EXPECT_EQ(collect.collectedBy, "李四");
  EXPECT_EQ(as<core::cmd::RequestCaseCorrection>(decoded(requests::requestCaseCorrection(1, "N-1", {"户口簿"}))).missing,
            std::vector<std::string>{"户口簿"});
  EXPECT_TRUE(isCommand(RequestKind::FinishCaseOnSpot));
  EXPECT_TRUE(isCommand(RequestKind::RateTicket));
  EXPECT_EQ(requests::rateTicket("tok", core::Rating::VeryDissatisfied).body,
            (json{{"token", "tok"}, {"rating", "very_dissatisfied"}}))
      << "the phone names its ticket by the QR token, never by id";
  EXPECT_FALSE(isCommand(RequestKind::Cases));
}

TEST(Requests, TheCaseRegisterQueryLeavesOutWhatIsNotGiven) {
  EXPECT_EQ(requests::cases().body, json::object());
  CaseQuery q;
  q.state = core::CaseState::Processing;
  q.dueBefore = core::Date{std::chrono::year{2026}, std::chrono::May, std::chrono::day{9}};
  q.after = 40;
  q.limit = 20;
  EXPECT_EQ(requests::cases(q).body,
            (json{{"state", "processing"}, {"due_before", "2026-05-09"}, {"after", 40}, {"limit", 20}}));
  EXPECT_EQ(requests::caseByNumber("N-1").body, (json{{"number", "N-1"}}));
  EXPECT_EQ(requests::caseByNumber("N-1").type(), "case");
}

TEST(Replies, ACaseAndAPageOfTheRegisterAreRead) {
  core::Case c;
  c.id = 4;
  c.number = "370199101-20260306-0004";
  c.item = "T-0002";
  c.applicant = {"张*", "3701**********1234", "138****5678"};
  const auto read = readCase(Reply{true, json{{"case", protocol::toJson(c)}}, {}});
  ASSERT_TRUE(read.ok()) << read.error().en;
  EXPECT_EQ(*read, c);
  const auto page = readCasePage(Reply{true, json{{"cases", json::array({protocol::toJson(c)})}, {"total", 9},
                                                  {"next_after", 4}}, {}});
  ASSERT_TRUE(page.ok()) << page.error().en;
  EXPECT_EQ(page->cases.size(), 1u);
  EXPECT_EQ(page->total, 9);
  EXPECT_EQ(page->nextAfter, core::CaseId{4});
  EXPECT_EQ(readCase(Reply{true, json::object(), {}}).error().code, "bad_reply");
  const auto outcome = readCommandOutcome(Reply{true, json{{"events", json::array()}, {"case", protocol::toJson(c)}}, {}});
  ASSERT_TRUE(outcome.ok());
  ASSERT_TRUE(outcome->caseNow.has_value());
  EXPECT_EQ(outcome->caseNow->number, c.number);
}

TEST(Replies, ARefusalCarriesTheCodeAndTheField) {
  const Reply reply{false, json(), Failure{"invalid_argument", "参数错误",
                                           "invalid argument: command.window: expected an integer from 1 to 999, got 0",
                                           "command.window"}};
  const auto outcome = readCommandOutcome(reply);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, "invalid_argument");
  EXPECT_EQ(outcome.error().field, "command.window");
}

TEST(Replies, AnIssuedTicketIsReadWithItsEstimate) {
  core::Ticket ticket;
  ticket.id = 17;
  ticket.number = "A017";
  ticket.item = "T-0001";
  ticket.queue = "general";
  const Reply reply{true, json{{"ticket", protocol::toJson(ticket)}, {"people_ahead", 4}, {"wait_s", 720}}, {}};
  const auto issued = readIssuedTicket(reply);
  ASSERT_TRUE(issued.ok()) << issued.error().en;
  EXPECT_EQ(issued->ticket.number, "A017");
  EXPECT_EQ(issued->peopleAhead, 4);
  EXPECT_EQ(issued->waitSeconds, 720);
  EXPECT_FALSE(issued->repeated);
  EXPECT_EQ(readIssuedTicket(Reply{true, json{{"people_ahead", 1}}, {}}).error().code, "bad_reply");
}

TEST(Replies, ACheckInIsReadWithItsTicketAndBookingAndARepeatedOneWithoutATicketIsNoRetry) {
  core::Ticket ticket;
  ticket.id = 9;
  ticket.number = "A009";
  ticket.item = "T-0001";
  ticket.queue = "general";
  const json booking{{"code", "20261207"}, {"item_name", "高龄津贴申领"}, {"from", "09:00"}, {"to", "09:30"},
                     {"late", false}};
  const auto first = readCheckIn(Reply{true, json{{"ticket", protocol::toJson(ticket)}, {"token", "T"}, {"people_ahead", 2},
                                                  {"wait_s", 60}, {"booking", booking}, {"late", true}}, {}});
  ASSERT_TRUE(first.ok()) << first.error().en;
  EXPECT_EQ(first->issued.ticket.number, "A009");
  EXPECT_EQ(first->issued.peopleAhead, 2);
  EXPECT_EQ(first->booking.code, "20261207");
  EXPECT_EQ(first->booking.from, "09:00");
  EXPECT_EQ(first->booking.to, "09:30");
  EXPECT_TRUE(first->booking.late) << "the reply's own late";
  json checkedInLate = booking;
  checkedInLate["late"] = true;
  const auto repeated =
      readCheckIn(Reply{true, json{{"ticket", protocol::toJson(ticket)}, {"booking", checkedInLate}, {"repeated", true}}, {}});
  ASSERT_TRUE(repeated.ok());
  EXPECT_TRUE(repeated->issued.repeated);
  EXPECT_TRUE(repeated->booking.late) << "a repeated answer has it in the booking";
  checkedInLate["ticket"] = "A009";
  const auto gone = readCheckIn(Reply{true, json{{"booking", checkedInLate}, {"repeated", true}}, {}});
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, "already_checked_in");
  EXPECT_NE(gone.error().zh.find("A009"), std::string::npos);
  EXPECT_EQ(readCheckIn(Reply{true, json{{"ticket", protocol::toJson(ticket)}}, {}}).error().code, "bad_reply");
}

TEST(Replies, StatisticsGiveAClerksFigures) {
  const json figures{{"by_clerk",
                      {{"c01",
                        {{"completed", 12},
                         {"service", {{"mean_s", 300.5}}},
                         {"satisfaction_rate", 0.9},
                         {"ratings", {{"very_satisfied", 3}}}}}}}};
  const auto statistics = readStatistics(Reply{true, json{{"figures", figures}, {"tickets", {{"total", 1}}}}, {}});
  ASSERT_TRUE(statistics.ok());
  const ClerkFigures c01 = statistics->clerk("c01");
  EXPECT_EQ(c01.completed, 12);
  EXPECT_DOUBLE_EQ(c01.meanServiceSeconds, 300.5);
  EXPECT_EQ(c01.ratings.at("very_satisfied"), 3);
  EXPECT_EQ(statistics->clerk("c99").completed, 0);
  EXPECT_FALSE(statistics->live.contains("figures"));
}

TEST(Replies, StatisticsGiveTheTicketsIssuedPerItem) {
  const json figures{{"by_item", {{"X-1", {{"issued", 41}, {"name", "高龄津贴申领"}}}, {"X-2", {{"issued", 0}}}, {"X-3", "odd"}}}};
  const auto statistics = readStatistics(Reply{true, json{{"figures", figures}}, {}});
  ASSERT_TRUE(statistics.ok());
  EXPECT_EQ(statistics->issuedByItem(), (std::map<std::string, std::int64_t>{{"X-1", 41}}));
  EXPECT_TRUE(readStatistics(Reply{true, json::object(), {}})->issuedByItem().empty());
}

}  // namespace
}  // namespace jiujin::client
