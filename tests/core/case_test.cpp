// The case's life, transition by transition, and every refusal (docs/cases.md).
#include <gtest/gtest.h>

#include "case_fixture.hpp"
#include "jiujin/core/case_privacy.hpp"

namespace jiujin::core::testing {
namespace {

using namespace std::chrono;

TEST_F(CaseTest, ACaseWithEveryMaterialIsAcceptedNumberedAndDue) {
  // given window 1 serving nobody, on Wednesday 29 April 2026
  const auto events = run(acceptance("birth", allReceived({"身份证", "户口簿", "结婚证"})), on(day, 9));
  ASSERT_EQ(events.size(), 1u);
  const Case& c = std::get<ev::CaseRegistered>(events.front()).registered;
  EXPECT_EQ(c.number, "370199101-20260429-0001");
  EXPECT_EQ(c.state, CaseState::Accepted);
  EXPECT_EQ(c.clerk, ClerkId{"clerk1"});
  EXPECT_EQ(c.window, 1);
  EXPECT_EQ(c.itemName, "生育服务登记");
  // 3 working days after Wed 29 April: Thu 30 April, then 1–5 May off, Wed 6, Thu 7 May
  EXPECT_EQ(c.dueDate, Date{2026y / May / 7d});
  EXPECT_EQ(caseNumbered(c.number), c);
}

TEST_F(CaseTest, NumbersCountUpWithinADayAndStartAgainOnTheNext) {
  EXPECT_EQ(acceptBirth(on(day, 9)), "370199101-20260429-0001");
  EXPECT_EQ(acceptBirth(on(day, 10)), "370199101-20260429-0002");
  newDay(2026y / April / 30d);
  EXPECT_EQ(acceptBirth(on(day, 9)), "370199101-20260430-0001");
}

TEST_F(CaseTest, AReopenedDayOrAnEarlierDateNeverRepeatsANumber) {
  acceptBirth(on(day, 9));
  newDay(2026y / April / 29d);  // the manager closed and opened the same day again
  EXPECT_EQ(acceptBirth(on(day, 10)), "370199101-20260429-0002");
  newDay(2026y / April / 28d);  // the clock went back a day
  EXPECT_EQ(acceptBirth(on(day, 10)), "370199101-20260429-0003");
}

TEST_F(CaseTest, TheTicketBeingServedIsLinkedToTheCase) {
  const auto issued = run(cmd::IssueTicket{"birth", Channel::Kiosk, PriorityClass::Normal, {}, ""}, on(day, 9));
  ASSERT_EQ(issued.size(), 1u);
  const TicketId ticket = std::get<ev::TicketIssued>(issued.front()).ticket.id;
  run(cmd::CallNext{1}, on(day, 9, 1));
  run(cmd::StartService{1}, on(day, 9, 2));
  const auto number = acceptBirth(on(day, 9, 5));
  EXPECT_EQ(caseNumbered(number).tickets, std::vector<TicketId>{ticket});
}

TEST_F(CaseTest, MissingMaterialsPutTheCaseIn补正WithoutAPromisedDate) {
  const auto number = acceptBirth(on(day, 9), {"结婚证", "户口簿"});
  const Case& c = caseNumbered(number);
  EXPECT_EQ(c.state, CaseState::Correction);
  EXPECT_FALSE(c.acceptedAt);
  EXPECT_FALSE(c.dueDate) << "补正 time does not count by default: the clock has not started";
}

TEST_F(CaseTest, SupplyingTheLastMissingMaterialAcceptsTheCaseFromThatDay) {
  const auto number = acceptBirth(on(day, 9), {"结婚证", "户口簿"});
  newDay(2026y / May / 6d);
  auto events = run(cmd::SupplyCaseMaterials{1, number, {"结婚证"}}, on(day, 9));
  EXPECT_EQ(events.size(), 1u);
  EXPECT_EQ(caseNumbered(number).state, CaseState::Correction);
  events = run(cmd::SupplyCaseMaterials{1, number, {"户口簿"}}, on(day, 10));
  ASSERT_EQ(events.size(), 2u);
  const auto& accepted = std::get<ev::CaseAccepted>(events.back());
  EXPECT_EQ(accepted.resumes, CaseState::Accepted);
  // from Wed 6 May: Thu 7, Fri 8, Sat 9 (调休 make-up working day)
  EXPECT_EQ(accepted.dueDate, Date{2026y / May / 9d});
  EXPECT_EQ(caseNumbered(number).acceptedAt, on(day, 10));
}

TEST_F(CaseTest, WhenTheHallCounts补正TheClockRunsFromRegistration) {
  HallDefinition d = caseHall();
  d.cases.correctionTimeCounts = true;
  run(cmd::UpdateDefinition{d}, on(day, 8, 40));
  const auto number = acceptBirth(on(day, 9), {"结婚证"});
  EXPECT_EQ(caseNumbered(number).dueDate, Date{2026y / May / 7d});
  newDay(2026y / May / 6d);
  run(cmd::SupplyCaseMaterials{1, number, {"结婚证"}}, on(day, 9));
  EXPECT_EQ(caseNumbered(number).dueDate, Date{2026y / May / 7d});
}

TEST_F(CaseTest, A补正AfterAcceptanceMovesThePromisedDateByTheWorkingDaysItTook) {
  const auto number = acceptBirth(on(day, 9));  // due Thu 7 May
  run(cmd::StartCaseProcessing{1, number}, on(day, 10));
  run(cmd::RequestCaseCorrection{1, number, {"结婚证"}, "复印件不清"}, on(day, 11));
  const Case& waiting = caseNumbered(number);
  EXPECT_EQ(waiting.state, CaseState::Correction);
  EXPECT_EQ(waiting.resumesAs, CaseState::Processing);
  newDay(2026y / May / 6d);  // Thu 30 April and Wed 6 May were working days in 补正
  const auto events = run(cmd::SupplyCaseMaterials{1, number, {"结婚证"}}, on(day, 9));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(caseNumbered(number).state, CaseState::Processing);
  // Thu 7 May + 2 working days: Fri 8, Sat 9 (make-up)
  EXPECT_EQ(caseNumbered(number).dueDate, Date{2026y / May / 9d});
}

TEST_F(CaseTest, TheWholeLifeFromAcceptanceToCollection) {
  const auto number = acceptBirth(on(day, 9));
  run(cmd::StartCaseProcessing{1, number}, on(day, 10));
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, on(day, 11));
  EXPECT_EQ(caseNumbered(number).state, CaseState::Decided);
  EXPECT_TRUE(decidedOnTime(caseNumbered(number)));
  run(cmd::MarkCaseReady{4, number}, on(day, 12));
  EXPECT_EQ(caseNumbered(number).issuingWindow, 4);
  run(cmd::CollectCase{4, number, "李四"}, on(day, 15));
  const Case& c = caseNumbered(number);
  EXPECT_EQ(c.state, CaseState::Collected);
  EXPECT_EQ(c.collectedBy, "李四");
  EXPECT_EQ(c.closedAt, on(day, 15));
  EXPECT_EQ(c.decidedBy, ClerkId{"clerk1"});
  EXPECT_EQ(c.history.size(), 5u);
}

TEST_F(CaseTest, ARefusalNeedsAWrittenReason) {
  const auto number = acceptBirth(on(day, 9));
  refused(cmd::DecideCase{1, number, CaseOutcome::Refused, "  "}, on(day, 10), ErrorCode::InvalidArgument);
  run(cmd::DecideCase{1, number, CaseOutcome::Refused, "不符合生育登记条件"}, on(day, 10));
  EXPECT_EQ(caseNumbered(number).outcome, CaseOutcome::Refused);
  EXPECT_EQ(caseNumbered(number).reason, "不符合生育登记条件");
}

TEST_F(CaseTest, RejectionAtTheCounterNeedsAReasonAndOnlyBeforeProcessing) {
  const auto number = acceptBirth(on(day, 9), {"结婚证"});
  refused(cmd::RejectCase{1, number, ""}, on(day, 9, 5), ErrorCode::InvalidArgument);
  run(cmd::RejectCase{1, number, "不属于本中心受理范围"}, on(day, 9, 5));
  EXPECT_EQ(caseNumbered(number).state, CaseState::Rejected);
  const auto other = acceptBirth(on(day, 10));
  run(cmd::StartCaseProcessing{1, other}, on(day, 10, 5));
  refused(cmd::RejectCase{1, other, "理由"}, on(day, 10, 6), ErrorCode::IllegalTransition);
}

TEST_F(CaseTest, An即办件IsFinishedOnTheSpotAndHandedToTheApplicant) {
  auto events = run(acceptance("elder_card", allReceived({"身份证", "照片"})), on(day, 9));
  const auto number = std::get<ev::CaseRegistered>(events.front()).registered.number;
  EXPECT_EQ(caseNumbered(number).dueDate, day) << "a 即办件 is due the day it is accepted";
  events = run(cmd::FinishCaseOnSpot{1, number}, on(day, 9, 5));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(caseNumbered(number).state, CaseState::Collected);
  EXPECT_EQ(caseNumbered(number).collectedBy, "张三");
  const auto promised = acceptBirth(on(day, 10));
  refused(cmd::FinishCaseOnSpot{1, promised}, on(day, 10, 5), ErrorCode::IllegalTransition);
}

TEST_F(CaseTest, An代办员RegistersACaseForAResidentWhoIsNotThere) {
  cmd::AcceptCase c = acceptance("birth", allReceived({"身份证", "户口簿", "结婚证"}));
  c.channel = CaseChannel::Agent;
  c.request = "代为办理生育服务登记";
  const auto events = run(c, on(day, 9));
  const Case& k = std::get<ev::CaseRegistered>(events.front()).registered;
  EXPECT_EQ(k.channel, CaseChannel::Agent);
  EXPECT_EQ(k.request, "代为办理生育服务登记");
}

TEST_F(CaseTest, AcceptanceIsRefusedForEveryBadInput) {
  const auto all = allReceived({"身份证", "户口簿", "结婚证"});
  refused(cmd::AcceptCase{2, "birth", zhangSan(), CaseChannel::Window, all, "", {}}, on(day, 9),
          ErrorCode::NotLoggedIn);
  refused(cmd::AcceptCase{77, "birth", zhangSan(), CaseChannel::Window, all, "", {}}, on(day, 9),
          ErrorCode::UnknownWindow);
  refused(acceptance("nope", all), on(day, 9), ErrorCode::UnknownItem);
  refused(acceptance("birth", allReceived({"身份证", "户口簿"})), on(day, 9), ErrorCode::InvalidArgument);
  refused(acceptance("birth", allReceived({"身份证", "户口簿", "结婚证", "护照"})), on(day, 9),
          ErrorCode::InvalidArgument);
  refused(acceptance("birth", allReceived({"身份证", "身份证", "户口簿", "结婚证"})), on(day, 9),
          ErrorCode::InvalidArgument);
  auto noName = acceptance("birth", all);
  noName.applicant.name = " ";
  refused(noName, on(day, 9), ErrorCode::InvalidArgument);
  auto badId = acceptance("birth", all);
  badId.applicant.idNumber = "3701-02";
  refused(badId, on(day, 9), ErrorCode::InvalidArgument);
  auto badPhone = acceptance("birth", all);
  badPhone.applicant.phone = "138 1234";
  refused(badPhone, on(day, 9), ErrorCode::InvalidArgument);
  auto unknownTicket = acceptance("birth", all);
  unknownTicket.tickets = {999};
  refused(unknownTicket, on(day, 9), ErrorCode::UnknownTicket);
  run(cmd::CloseDay{}, on(day, 18));
  refused(acceptance("birth", all), on(day, 19), ErrorCode::DayNotOpen);
}

TEST_F(CaseTest, EveryTransitionOutOfItsStateIsRefused) {
  const auto number = acceptBirth(on(day, 9));
  const TimePoint t = on(day, 10);
  refused(cmd::SupplyCaseMaterials{1, number, {"结婚证"}}, t, ErrorCode::IllegalTransition);
  refused(cmd::MarkCaseReady{4, number}, t, ErrorCode::IllegalTransition);
  refused(cmd::CollectCase{4, number, "张三"}, t, ErrorCode::IllegalTransition);
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, t);
  refused(cmd::StartCaseProcessing{1, number}, t, ErrorCode::IllegalTransition);
  refused(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, t, ErrorCode::IllegalTransition);
  refused(cmd::RequestCaseCorrection{1, number, {"结婚证"}, ""}, t, ErrorCode::IllegalTransition);
  refused(cmd::MarkCaseMaterials{1, number, {{"结婚证", MaterialStatus::NotApplicable}}}, t,
          ErrorCode::IllegalTransition);
  refused(cmd::RejectCase{1, number, "理由"}, t, ErrorCode::IllegalTransition);
  run(cmd::MarkCaseReady{4, number}, t);
  refused(cmd::CollectCase{4, number, ""}, t, ErrorCode::InvalidArgument);
  run(cmd::CollectCase{4, number, "张三"}, t);
  refused(cmd::CollectCase{4, number, "张三"}, t, ErrorCode::IllegalTransition);
  refused(cmd::StartCaseProcessing{1, "370199101-20260429-0099"}, t, ErrorCode::UnknownCase);
  refused(cmd::StartCaseProcessing{88, number}, t, ErrorCode::UnknownWindow);
}

TEST_F(CaseTest, MaterialsAreRemarkedAndCorrectionsListOnlyTheItemsMaterials) {
  const auto number = acceptBirth(on(day, 9), {"结婚证"});
  // in 补正 a slip is put right: the marriage certificate does not apply, and the case is accepted
  const auto events = run(cmd::MarkCaseMaterials{1, number, {{"结婚证", MaterialStatus::NotApplicable}}}, on(day, 9, 2));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(caseNumbered(number).state, CaseState::Accepted);
  refused(cmd::MarkCaseMaterials{1, number, {{"户口簿", MaterialStatus::Missing}}}, on(day, 9, 3),
          ErrorCode::InvalidArgument);
  refused(cmd::RequestCaseCorrection{1, number, {}, ""}, on(day, 9, 3), ErrorCode::InvalidArgument);
  refused(cmd::RequestCaseCorrection{1, number, {"护照"}, ""}, on(day, 9, 3), ErrorCode::InvalidArgument);
  run(cmd::RequestCaseCorrection{1, number, {"户口簿"}, ""}, on(day, 9, 4));
  refused(cmd::SupplyCaseMaterials{1, number, {"身份证"}}, on(day, 9, 5), ErrorCode::InvalidArgument);
  refused(cmd::SupplyCaseMaterials{1, number, {}}, on(day, 9, 5), ErrorCode::InvalidArgument);
}

TEST_F(CaseTest, OpenCasesSurviveTheDayAndClosedOnesLeaveAfterTheNext) {
  const auto open = acceptBirth(on(day, 9));
  auto events = run(acceptance("elder_card", allReceived({"身份证", "照片"})), on(day, 9));
  const auto closed = std::get<ev::CaseRegistered>(events.front()).registered.number;
  run(cmd::FinishCaseOnSpot{1, closed}, on(day, 9, 5));
  newDay(2026y / April / 30d);
  EXPECT_TRUE(hall.state().tickets.empty());
  EXPECT_NE(hall.findCase(open), nullptr);
  EXPECT_NE(hall.findCase(closed), nullptr) << "closed yesterday: still there today";
  newDay(2026y / May / 6d);
  EXPECT_NE(hall.findCase(open), nullptr);
  EXPECT_EQ(hall.findCase(closed), nullptr);
}

TEST_F(CaseTest, DueSoonAndOverdueAreNoticedOnceEach) {
  const auto number = acceptBirth(on(day, 9));  // due Thu 7 May
  EXPECT_TRUE(hall.tick(on(day, 12)).empty());
  newDay(2026y / May / 6d);  // one working day left
  auto due = hall.tick(on(day, 9));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(std::get<ev::CaseDueSoon>(due.front()).workingDaysLeft, 1);
  EXPECT_TRUE(hall.tick(on(day, 10)).empty());
  newDay(2026y / May / 8d);
  due = hall.tick(on(day, 9));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ev::CaseOverdue>(due.front()));
  EXPECT_TRUE(hall.tick(on(day, 10)).empty());
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, on(day, 11));
  EXPECT_FALSE(decidedOnTime(caseNumbered(number)));
}

TEST_F(CaseTest, ReplayingTheEventsGivesTheSameCases) {
  // given the hall as it stood before any case, and every event after it
  Hall replica(caseHall(), hall.state());
  std::vector<Event> log;
  auto keep = [&](std::vector<Event> events) { log.insert(log.end(), events.begin(), events.end()); };
  auto materials = allReceived({"身份证", "户口簿", "结婚证"});
  materials.back().status = MaterialStatus::Missing;
  keep(run(acceptance("birth", materials), on(day, 9)));
  const auto number = caseNumbered(hall.state().cases.begin()->second.number).number;
  keep(run(cmd::SupplyCaseMaterials{1, number, {"结婚证"}}, on(day, 10)));
  keep(run(cmd::StartCaseProcessing{1, number}, on(day, 10, 30)));
  keep(hall.tick(on(2026y / May / 7d, 9)));
  keep(run(cmd::DecideCase{1, number, CaseOutcome::Refused, "不符合条件"}, on(day, 11)));
  keep(run(cmd::MarkCaseReady{4, number}, on(day, 12)));
  keep(run(cmd::CollectCase{4, number, "张三"}, on(day, 13)));
  // when they are applied, as recovery and every mirror do
  for (const auto& e : log) replica.apply(e);
  // then the cases are identical
  EXPECT_TRUE(replica.state() == hall.state());
  EXPECT_EQ(replica.findCase(number)->history.size(), hall.findCase(number)->history.size());
}

TEST(CasePrivacy, IdNumbersPhonesAndNamesAreMaskedAsResidentsExpect) {
  EXPECT_EQ(maskIdNumber("370102199001011234"), "3701**********1234");
  EXPECT_EQ(maskPhone("13812345678"), "138****5678");
  EXPECT_EQ(maskName("张三丰"), "张**");
  EXPECT_EQ(maskName("张"), "*");
  EXPECT_EQ(maskIdNumber("12345"), "*****");
  EXPECT_EQ(maskPhone(""), "");
}

TEST_F(CaseTest, AMirrorOfMaskedEventsHoldsTheMaskedState) {
  Hall mirror(caseHall(), withoutPersonalData(hall.state()));
  auto events = run(acceptance("elder_card", allReceived({"身份证", "照片"})), on(day, 9));
  const auto number = std::get<ev::CaseRegistered>(events.front()).registered.number;
  for (const auto& e : run(cmd::FinishCaseOnSpot{1, number}, on(day, 9, 5))) events.push_back(e);
  for (const auto& e : events) mirror.apply(withoutPersonalData(e));
  EXPECT_TRUE(mirror.state() == withoutPersonalData(hall.state()));
  const Case& seen = mirror.state().cases.begin()->second;
  EXPECT_EQ(seen.applicant.idNumber, "3701**********1234");
  EXPECT_EQ(seen.applicant.phone, "138****5678");
  EXPECT_EQ(seen.collectedBy, "张*");
}

}  // namespace
}  // namespace jiujin::core::testing
