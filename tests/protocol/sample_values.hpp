#pragma once
// Fully populated core values for codec tests: every optional set, every list non-empty,
// non-default enums, and Chinese text, so a field the codec forgets shows up as a diff.
#include <chrono>
#include <vector>

#include "jiujin/core/commands.hpp"
#include "jiujin/core/events.hpp"

namespace jiujin::testing {

using namespace jiujin::core;
using namespace std::chrono_literals;

inline TimePoint at(std::int64_t ms) { return TimePoint{Milliseconds{ms}}; }

inline WorkProfile sampleProfile() {
  return WorkProfile{{ProfileEntry{"general", 1.0, std::nullopt, false},
                      ProfileEntry{"tax", 2.5, Minutes{15}, true}}};
}

inline Ticket sampleTicket() {
  Ticket t;
  t.id = 42;
  t.number = "B042";
  t.sequence = 42;
  t.item = "11510100MB1234567X";
  t.queue = "tax";
  t.channel = Channel::Appointment;
  t.priority = PriorityClass::Elderly;
  t.issuedAt = at(1'710'470'000'123);
  t.arrivalAt = at(1'710'469'000'000);
  t.appointmentSlot = at(1'710'471'000'000);
  t.state = TicketState::Serving;
  t.window = 3;
  t.targetWindow = 7;
  t.targetKind = WindowKind::Issuing;
  t.transferredFrom = 40;
  t.transferredTo = 43;
  t.note = "请到统一发证窗口领证";
  t.recalls = 2;
  t.calledAt = at(1'710'470'100'000);
  t.startedAt = at(1'710'470'200'000);
  t.endedAt = at(1'710'470'300'000);
  t.clerk = "张敏";
  t.evaluation = EvaluationStatus::Rated;
  t.rating = Rating::Basic;
  t.requestKey = "kiosk-1:7f3a";
  t.caseNumber = "370199101-20260430-0001";
  t.history = {TicketStep{at(1'710'470'000'123), TicketState::Waiting, std::nullopt, "", StepKind::Issued, {}, {}},
               TicketStep{at(1'710'470'100'000), TicketState::Called, 3, "绿色通道", StepKind::Called,
                          CallReason::Priority, {}},
               TicketStep{at(1'710'470'200'000), TicketState::Cancelled, 3, "取消：材料不全", StepKind::Cancelled,
                          std::nullopt, "材料不全"}};
  return t;
}

inline HallDefinition sampleDefinition() {
  HallDefinition d;
  d.name = "城关镇便民服务中心";
  ServiceItem item;
  item.code = "11510100MB1234567X";
  item.name = "高龄津贴申领";
  item.category = "民政";
  item.authority = AuthorityLevel::Village;
  item.kind = ItemKind::Promised;
  item.promisedWorkingDays = 5;
  item.fees = "不收费";
  item.feeBasis = "无";
  item.materials = {"身份证", "户口簿"};
  item.legalBasis = "《老年人权益保障法》";
  item.scope = TongbanScope::District;
  item.queue = "general";
  item.typicalServiceMinutes = 12;
  item.priorityAllowed = false;
  d.items = {item};
  d.queues = {QueueDef{"general", "A", "综合受理"}, QueueDef{"tax", "B", "税务"}};
  d.windows = {WindowDef{1, "综合受理1", WindowKind::General, sampleProfile()},
               WindowDef{7, "统一发证", WindowKind::Issuing, WorkProfile{{ProfileEntry{"tax", 1.0, std::nullopt, false}}}}};
  d.rules.recallLimit = 3;
  d.rules.noShowTimeout = Minutes{7};
  d.rules.reactivationWindow = Minutes{45};
  d.rules.priorityAgingLimit = Minutes{25};
  d.rules.waitingTarget = Minutes{40};
  d.rules.evaluationTimeout = Minutes{2};
  d.rules.overflowThreshold = 20;
  d.rules.serviceTimeSmoothing = 0.3;
  d.cases.numberPrefix = "370199101";
  d.cases.correctionTimeCounts = true;
  d.cases.dueSoonWorkingDays = 2;
  d.calendar.weekend = {7};
  d.calendar.holidays = {Date{2024y / 4 / 4}, Date{2024y / 4 / 5}};
  d.calendar.makeUpWorkdays = {Date{2024y / 4 / 7}};
  d.calendar.coveredYears = {2024};
  return d;
}

/// A case with every field set.
inline Case sampleCase() {
  Case c;
  c.id = 7;
  c.number = "370199101-20240315-0007";
  c.sequence = 7;
  c.item = "11510100MB1234567X";
  c.itemName = "高龄津贴申领";
  c.kind = ItemKind::Promised;
  c.promisedWorkingDays = 5;
  c.applicant = Applicant{"王秀英", "370102194001011234", "13812345678"};
  c.channel = CaseChannel::Agent;
  c.request = "代老人申领高龄津贴";
  c.materials = {{"身份证", MaterialStatus::Received}, {"户口簿", MaterialStatus::Missing}};
  c.clerk = "李强";
  c.window = 3;
  c.tickets = {42, 43};
  c.state = CaseState::Correction;
  c.registeredAt = at(1'710'470'000'000);
  c.acceptedAt = at(1'710'470'100'000);
  c.dueDate = Date{2024y / 3 / 22};
  c.correctionSince = at(1'710'470'200'000);
  c.resumesAs = CaseState::Processing;
  c.outcome = CaseOutcome::Refused;
  c.reason = "不符合条件";
  c.decidedAt = at(1'710'470'300'000);
  c.decidedBy = "张敏";
  c.issuingWindow = 7;
  c.readyAt = at(1'710'470'400'000);
  c.closedAt = at(1'710'470'500'000);
  c.collectedBy = "王小明";
  c.dueSoonNoticed = true;
  c.overdueNoticed = true;
  c.history = {CaseStep{at(1'710'470'000'000), CaseState::Correction, 3, "李强", "代办登记"},
               CaseStep{at(1'710'470'100'000), CaseState::Accepted, std::nullopt, std::nullopt, ""}};
  return c;
}

inline HallState sampleState() {
  HallState s;
  s.day = Date{2024y / 3 / 15};
  s.open = true;
  s.nextTicketId = 44;
  s.tickets.emplace(42, sampleTicket());
  Ticket other = sampleTicket();
  other.id = 43;
  other.clerk.reset();
  other.rating.reset();
  s.tickets.emplace(43, other);
  WindowStatus w;
  w.number = 3;
  w.state = WindowState::Paused;
  w.pauseReason = "午休";
  w.clerk = "张敏";
  w.current = 42;
  w.pinned = 43;
  w.awaitingEvaluation = 41;
  w.profile = sampleProfile();
  w.since = at(1'710'470'000'000);
  s.windows.emplace(3, w);
  s.windows.emplace(7, WindowStatus{});
  s.windows.at(7).number = 7;
  s.lastSequence = {{"general", 12}, {"tax", 42}};
  s.serviceSecondsEwma = {{"11510100MB1234567X", 431.123456789}};
  s.notice = "今日延时服务至19:00";
  s.cases.emplace(7, sampleCase());
  s.nextCaseId = 8;
  s.caseNumberDay = Date{2024y / 3 / 15};
  s.lastCaseSequence = 7;
  return s;
}

/// One of every command, with every option set.
inline std::vector<Command> everyCommand() {
  return {
      cmd::OpenDay{Date{2024y / 3 / 15}},
      cmd::CloseDay{},
      cmd::IssueTicket{"11510100MB1234567X", Channel::Agent, PriorityClass::Pregnant, at(1'710'471'000'000),
                       "kiosk-2:0001"},
      cmd::CallNext{1},
      cmd::Recall{2},
      cmd::StartService{3},
      cmd::Complete{4},
      cmd::MarkNoShow{5},
      cmd::Reactivate{17},
      cmd::Transfer{3, WindowKind::Issuing, "转统一发证"},
      cmd::Cancel{18, "群众主动放弃"},
      cmd::PauseWindow{6, "临时离开"},
      cmd::ResumeWindow{6},
      cmd::OpenWindow{8},
      cmd::CloseWindow{8},
      cmd::ClerkLogin{1, "李强"},
      cmd::ClerkLogout{1},
      cmd::RequestEvaluation{1},
      cmd::Evaluate{1, Rating::VeryDissatisfied},
      cmd::SetWorkProfile{2, sampleProfile()},
      cmd::PinTicket{2, 19},
      cmd::BroadcastNotice{"系统维护，请稍候"},
      cmd::UpdateDefinition{sampleDefinition()},
      cmd::AcceptCase{3, "11510100MB1234567X", Applicant{"王秀英", "370102194001011234", "13812345678"},
                      CaseChannel::Agent, {{"身份证", MaterialStatus::Received}, {"户口簿", MaterialStatus::NotApplicable}},
                      "代老人申领", {42}},
      cmd::MarkCaseMaterials{3, "370199101-20240315-0007", {{"户口簿", MaterialStatus::Missing}}},
      cmd::RequestCaseCorrection{3, "370199101-20240315-0007", {"户口簿", "身份证"}, "复印件不清"},
      cmd::SupplyCaseMaterials{3, "370199101-20240315-0007", {"户口簿"}},
      cmd::StartCaseProcessing{3, "370199101-20240315-0007"},
      cmd::DecideCase{3, "370199101-20240315-0007", CaseOutcome::Refused, "不符合条件"},
      cmd::RejectCase{3, "370199101-20240315-0007", "不属于受理范围"},
      cmd::MarkCaseReady{7, "370199101-20240315-0007"},
      cmd::CollectCase{7, "370199101-20240315-0007", "王小明"},
      cmd::FinishCaseOnSpot{3, "370199101-20240315-0007"},
      cmd::RateTicket{42, Rating::Dissatisfied},
  };
}

/// One of every event, with every field set.
inline std::vector<Event> everyEvent() {
  const TimePoint t = at(1'710'470'000'000);
  return {
      ev::DayOpened{t, Date{2024y / 3 / 15}},
      ev::DayClosed{t, {5, 6, 7}},
      ev::TicketIssued{t, sampleTicket()},
      ev::TicketCalled{t, 42, 3, CallReason::AgedNormal, "普通号等待超过20分钟"},
      ev::TicketRecalled{t, 42, 3, 2},
      ev::ServiceStarted{t, 42, 3},
      ev::ServiceCompleted{t, 42, 3},
      ev::TicketNoShow{t, 42, 3, true},
      ev::TicketReactivated{t, 42},
      ev::TicketTransferred{t, 42, 3, sampleTicket()},
      ev::TicketCancelled{t, 42, "重复取号"},
      ev::EvaluationRequested{t, 42, 3},
      ev::TicketEvaluated{t, 42, 3, Rating::Satisfied},
      ev::EvaluationTimedOut{t, 42, 3},
      ev::WindowOpened{t, 3},
      ev::WindowClosed{t, 3},
      ev::WindowPaused{t, 3, "午休"},
      ev::WindowResumed{t, 3},
      ev::ClerkLoggedIn{t, 3, "张敏"},
      ev::ClerkLoggedOut{t, 3, "张敏"},
      ev::ProfileChanged{t, 3, sampleProfile()},
      ev::TicketPinned{t, 3, 44},
      ev::NoticeBroadcast{t, "今日延时服务"},
      ev::DefinitionUpdated{t, sampleDefinition()},
      ev::CaseRegistered{t, sampleCase()},
      ev::CaseMaterialsMarked{t, 7, 3, {{"户口簿", MaterialStatus::NotApplicable}}},
      ev::CaseCorrectionRequested{t, 7, 3, {"户口簿"}, "复印件不清"},
      ev::CaseMaterialsSupplied{t, 7, 3, {"户口簿"}},
      ev::CaseAccepted{t, 7, 3, CaseState::Processing, Date{2024y / 3 / 25}},
      ev::CaseProcessingStarted{t, 7, 3, "李强"},
      ev::CaseDecided{t, 7, 3, "李强", CaseOutcome::Refused, "不符合条件"},
      ev::CaseRejected{t, 7, 3, "李强", "不属于受理范围"},
      ev::CaseReady{t, 7, 7},
      ev::CaseCollected{t, 7, 7, "张敏", "王小明", 44},
      ev::CaseDueSoon{t, 7, Date{2024y / 3 / 22}, 1},
      ev::CaseOverdue{t, 7, Date{2024y / 3 / 22}},
  };
}

}  // namespace jiujin::testing
