// 统一出件 at the kiosk: a ticket issued to collect a case's result names the case, and only a
// case whose result is ready gets one — no pointless ticket for a case still in processing.
#include <gtest/gtest.h>

#include "case_fixture.hpp"

namespace jiujin::core::testing {
namespace {

using namespace std::chrono_literals;

cmd::IssueTicket collectionTicket(const std::string& number) {
  cmd::IssueTicket t;
  t.item = "pickup";  // 证照领取, the issuing queue
  t.caseNumber = number;
  return t;
}

TEST_F(CaseTest, AReadyCaseGetsACollectionTicketThatNamesIt) {
  const auto number = acceptBirth(on(day, 9));
  run(cmd::StartCaseProcessing{1, number}, on(day, 10));
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, on(day, 11));
  run(cmd::MarkCaseReady{4, number}, on(day, 12));
  const auto events = run(collectionTicket(number), on(day, 14));
  ASSERT_EQ(events.size(), 1u);
  const Ticket& ticket = std::get<ev::TicketIssued>(events.front()).ticket;
  EXPECT_EQ(ticket.caseNumber, number);
  EXPECT_EQ(hall.state().tickets.at(ticket.id).caseNumber, number);
  // the issuing window that serves it hands the case over with that ticket
  run(cmd::CallNext{4}, on(day, 14, 5));
  ASSERT_EQ(hall.state().windows.at(4).current, ticket.id);
  run(cmd::CollectCase{4, number, "张三"}, on(day, 14, 8));
  EXPECT_EQ(caseNumbered(number).tickets.back(), ticket.id);
}

TEST_F(CaseTest, ACaseNotYetReadyOrUnknownGetsNoCollectionTicket) {
  const auto number = acceptBirth(on(day, 9));
  const Error inProcess = refused(collectionTicket(number), on(day, 10), ErrorCode::IllegalTransition);
  EXPECT_NE(inProcess.zh.find("不能领取"), std::string::npos) << inProcess.zh;
  run(cmd::StartCaseProcessing{1, number}, on(day, 10));
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, on(day, 11));
  refused(collectionTicket(number), on(day, 11, 30), ErrorCode::IllegalTransition);
  refused(collectionTicket("370199101-20000101-0001"), on(day, 12), ErrorCode::UnknownCase);
}

TEST_F(CaseTest, ACollectionTicketIsReplayedWithItsCase) {
  const auto number = acceptBirth(on(day, 9));
  run(cmd::StartCaseProcessing{1, number}, on(day, 10));
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, on(day, 11));
  run(cmd::MarkCaseReady{4, number}, on(day, 12));
  Hall replica(caseHall(), hall.state());
  for (const auto& e : run(collectionTicket(number), on(day, 14))) replica.apply(e);
  EXPECT_TRUE(replica.state() == hall.state());
}

}  // namespace
}  // namespace jiujin::core::testing
