#pragma once
// The JSON fields of every core struct, listed once for both directions: describe(v, x)
// calls v.field(name, member) for each member (or v.fieldOr when a missing field keeps
// the member's default). The encoder visits to write, the decoder to read, so the two
// can never disagree about a name. A third argument is the field's limit (limits.hpp), held
// only when client input is decoded.
#include "jiujin/core/commands.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/protocol/limits.hpp"

namespace jiujin::protocol::detail {

using namespace jiujin::core;

// --- hall definition ----------------------------------------------------------------
template <class V> void describe(V& v, ServiceItem& x) {
  v.field("code", x.code, limits::kCode);
  v.field("name", x.name, limits::kItemName);
  v.fieldOr("category", x.category, limits::kLabel);
  v.fieldOr("authority", x.authority);
  v.fieldOr("kind", x.kind);
  v.fieldOr("promisedWorkingDays", x.promisedWorkingDays, limits::kPromisedWorkingDays);
  v.fieldOr("fees", x.fees, limits::kFees);
  v.fieldOr("feeBasis", x.feeBasis, limits::kLegalText);
  v.fieldOr("materials", x.materials, limits::kMaterials);
  v.fieldOr("legalBasis", x.legalBasis, limits::kLegalText);
  v.fieldOr("scope", x.scope);
  v.field("queue", x.queue, limits::kCode);
  v.fieldOr("typicalServiceMinutes", x.typicalServiceMinutes, limits::kTypicalServiceMinutes);
  v.fieldOr("priorityAllowed", x.priorityAllowed);
}
template <class V> void describe(V& v, QueueDef& x) {
  v.field("id", x.id, limits::kCode);
  v.field("prefix", x.prefix, limits::kPrefix);
  v.fieldOr("name", x.name, limits::kLabel);
}
template <class V> void describe(V& v, ProfileEntry& x) {
  v.field("queue", x.queue, limits::kCode);
  v.fieldOr("weight", x.weight, limits::kProfileWeight);
  v.field("onlyWhenOldestWaitsAtLeastMinutes", x.onlyWhenOldestWaitsAtLeast, limits::kProfileWaitMinutes);
  v.fieldOr("onlyWhenNoDedicatedWindowOpen", x.onlyWhenNoDedicatedWindowOpen);
}
template <class V> void describe(V& v, WorkProfile& x) { v.field("entries", x.entries, limits::kProfileEntries); }
template <class V> void describe(V& v, WindowDef& x) {
  v.field("number", x.number, limits::kWindow);
  v.fieldOr("name", x.name, limits::kLabel);
  v.fieldOr("kind", x.kind);
  // Required, 1–50 entries, as in the hall file: an absent profile decoded to an empty one,
  // which then could not be decoded again (found by the handler fuzzer).
  v.field("profile", x.profile);
}
template <class V> void describe(V& v, Rules& x) {
  v.fieldOr("recallLimit", x.recallLimit, limits::kRecallLimit);
  v.fieldOr("noShowTimeoutMinutes", x.noShowTimeout, limits::kRuleMinutes);
  v.fieldOr("reactivationWindowMinutes", x.reactivationWindow, limits::kRuleMinutes);
  v.fieldOr("priorityAgingLimitMinutes", x.priorityAgingLimit, limits::kRuleMinutes);
  v.fieldOr("waitingTargetMinutes", x.waitingTarget, limits::kRuleMinutes);
  v.fieldOr("evaluationTimeoutMinutes", x.evaluationTimeout, limits::kRuleMinutes);
  v.fieldOr("overflowThreshold", x.overflowThreshold, limits::kOverflowThreshold);
  v.fieldOr("idleWindowLimitMinutes", x.idleWindowLimit, limits::kRuleMinutes);
  v.fieldOr("serviceTimeSmoothing", x.serviceTimeSmoothing, limits::kServiceTimeSmoothing);
}
template <class V> void describe(V& v, CaseRules& x) {
  v.fieldOr("numberPrefix", x.numberPrefix, limits::kCaseNumberPrefix);
  v.fieldOr("correctionTimeCounts", x.correctionTimeCounts);
  v.fieldOr("dueSoonWorkingDays", x.dueSoonWorkingDays, limits::kDueSoonWorkingDays);
}
template <class V> void describe(V& v, WorkingDays& x) {
  v.fieldOr("weekend", x.weekend, limits::kWeekendDays);
  v.fieldOr("holidays", x.holidays, limits::kCalendarDays);
  v.fieldOr("makeUpWorkdays", x.makeUpWorkdays, limits::kCalendarDays);
  v.fieldOr("coveredYears", x.coveredYears, limits::kCalendarDays);
}
template <class V> void describe(V& v, HallDefinition& x) {
  v.field("name", x.name, limits::kHallName);
  v.fieldOr("items", x.items, limits::kItems);
  v.fieldOr("queues", x.queues, limits::kQueues);
  v.fieldOr("windows", x.windows, limits::kWindows);
  v.fieldOr("rules", x.rules);
  // Both came with the case register: a definition written before has neither.
  v.fieldOr("cases", x.cases);
  v.fieldOr("calendar", x.calendar);
}

// --- cases --------------------------------------------------------------------------
template <class V> void describe(V& v, Applicant& x) {
  v.field("name", x.name, limits::kApplicantName);
  v.fieldOr("idNumber", x.idNumber, limits::kIdNumber);
  v.fieldOr("phone", x.phone, limits::kPhone);
}
template <class V> void describe(V& v, CaseMaterial& x) {
  v.field("name", x.name, limits::kMaterialName);
  v.field("status", x.status);
}
template <class V> void describe(V& v, CaseStep& x) {
  v.field("at", x.at);
  v.field("state", x.state);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
  v.fieldOr("note", x.note);
}
template <class V> void describe(V& v, Case& x) {
  v.field("id", x.id);
  v.field("number", x.number);
  v.field("sequence", x.sequence);
  v.field("item", x.item);
  v.fieldOr("itemName", x.itemName);
  v.field("kind", x.kind);
  v.fieldOr("promisedWorkingDays", x.promisedWorkingDays);
  v.field("applicant", x.applicant);
  v.field("channel", x.channel);
  v.fieldOr("request", x.request);
  v.fieldOr("materials", x.materials);
  v.field("clerk", x.clerk);
  v.field("window", x.window);
  v.fieldOr("tickets", x.tickets);
  v.field("state", x.state);
  v.field("registeredAt", x.registeredAt);
  v.field("acceptedAt", x.acceptedAt);
  v.field("dueDate", x.dueDate);
  v.field("correctionSince", x.correctionSince);
  v.field("resumesAs", x.resumesAs);
  v.field("outcome", x.outcome);
  v.fieldOr("reason", x.reason);
  v.field("decidedAt", x.decidedAt);
  v.field("decidedBy", x.decidedBy);
  v.field("issuingWindow", x.issuingWindow);
  v.field("readyAt", x.readyAt);
  v.field("closedAt", x.closedAt);
  v.fieldOr("collectedBy", x.collectedBy);
  v.fieldOr("dueSoonNoticed", x.dueSoonNoticed);
  v.fieldOr("overdueNoticed", x.overdueNoticed);
  v.fieldOr("history", x.history);
}


// --- state --------------------------------------------------------------------------
template <class V> void describe(V& v, TicketStep& x) {
  v.field("at", x.at);
  v.field("state", x.state);
  v.field("window", x.window);
  v.fieldOr("note", x.note);
  // Absent in lines written before the codes existed (snapshots, old journals).
  v.fieldOr("kind", x.kind);
  v.fieldOr("reason", x.reason);
  v.fieldOr("remark", x.remark);
}
template <class V> void describe(V& v, Ticket& x) {
  v.field("id", x.id);
  v.field("number", x.number);
  v.field("sequence", x.sequence);
  v.field("item", x.item);
  v.field("queue", x.queue);
  v.field("channel", x.channel);
  v.field("priority", x.priority);
  v.field("issuedAt", x.issuedAt);
  v.field("arrivalAt", x.arrivalAt);
  v.field("appointmentSlot", x.appointmentSlot);
  v.field("state", x.state);
  v.field("window", x.window);
  v.field("targetWindow", x.targetWindow);
  v.field("targetKind", x.targetKind);
  v.field("transferredFrom", x.transferredFrom);
  v.field("transferredTo", x.transferredTo);
  v.fieldOr("note", x.note);
  v.fieldOr("recalls", x.recalls);
  v.field("calledAt", x.calledAt);
  v.field("startedAt", x.startedAt);
  v.field("endedAt", x.endedAt);
  v.field("clerk", x.clerk);
  v.fieldOr("evaluation", x.evaluation);
  v.field("rating", x.rating);
  v.fieldOr("requestKey", x.requestKey);
  v.field("case", x.caseNumber);
  v.fieldOr("history", x.history);
}
template <class V> void describe(V& v, WindowStatus& x) {
  v.field("number", x.number);
  v.field("state", x.state);
  v.fieldOr("pauseReason", x.pauseReason);
  v.field("clerk", x.clerk);
  v.field("current", x.current);
  v.field("pinned", x.pinned);
  v.field("awaitingEvaluation", x.awaitingEvaluation);
  v.fieldOr("profile", x.profile);
  v.field("since", x.since);
}
template <class V> void describe(V& v, HallState& x) {
  v.field("day", x.day);
  v.field("open", x.open);
  v.field("nextTicketId", x.nextTicketId);
  v.fieldOr("tickets", x.tickets);
  v.fieldOr("windows", x.windows);
  v.fieldOr("lastSequence", x.lastSequence);
  v.fieldOr("serviceSecondsEwma", x.serviceSecondsEwma);
  v.fieldOr("notice", x.notice);
  v.fieldOr("cases", x.cases);
  v.fieldOr("nextCaseId", x.nextCaseId);
  v.fieldOr("caseNumberDay", x.caseNumberDay);
  v.fieldOr("lastCaseSequence", x.lastCaseSequence);
}

// --- commands -----------------------------------------------------------------------
// Options with a sensible default may be left out by clients (fieldOr). Every field a
// client fills has its limit here; docs/protocol.md lists the same.
template <class V> void describe(V& v, cmd::OpenDay& x) { v.field("date", x.date); }
template <class V> void describe(V&, cmd::CloseDay&) {}
template <class V> void describe(V& v, cmd::IssueTicket& x) {
  v.field("item", x.item, limits::kCode);
  v.fieldOr("channel", x.channel);
  v.fieldOr("priority", x.priority);
  v.field("appointmentSlot", x.appointmentSlot, limits::kAppointmentSlot);
  v.fieldOr("requestKey", x.requestKey, limits::kRequestKey);
  v.field("case", x.caseNumber, limits::kCaseNumber);
}
template <class V> void describe(V& v, cmd::CallNext& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::Recall& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::StartService& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::Complete& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::MarkNoShow& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::Reactivate& x) { v.field("ticket", x.ticket, limits::kTicketId); }
template <class V> void describe(V& v, cmd::Transfer& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("to", x.to);  // its queue and window have their limits in decodeTransferTarget
  v.fieldOr("note", x.note, limits::kNote);
}
template <class V> void describe(V& v, cmd::Cancel& x) {
  v.field("ticket", x.ticket, limits::kTicketId);
  v.fieldOr("reason", x.reason, limits::kReason);
}
template <class V> void describe(V& v, cmd::PauseWindow& x) {
  v.field("window", x.window, limits::kWindow);
  v.fieldOr("reason", x.reason, limits::kReason);
}
template <class V> void describe(V& v, cmd::ResumeWindow& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::OpenWindow& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::CloseWindow& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::ClerkLogin& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("clerk", x.clerk, limits::kCode);
}
template <class V> void describe(V& v, cmd::ClerkLogout& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::RequestEvaluation& x) { v.field("window", x.window, limits::kWindow); }
template <class V> void describe(V& v, cmd::Evaluate& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("rating", x.rating);
}
template <class V> void describe(V& v, cmd::RateTicket& x) {
  v.field("ticket", x.ticket, limits::kTicketId);
  v.field("rating", x.rating);
}
template <class V> void describe(V& v, cmd::SetWorkProfile& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("profile", x.profile);  // entries, weights and minutes: describe(WorkProfile)
}
template <class V> void describe(V& v, cmd::PinTicket& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("ticket", x.ticket, limits::kTicketId);
}
template <class V> void describe(V& v, cmd::BroadcastNotice& x) { v.field("text", x.text, limits::kNotice); }
template <class V> void describe(V& v, cmd::UpdateDefinition& x) { v.field("definition", x.definition); }
// Cases: named by their number ("case"), as printed on the receipt and scanned.
template <class V> void describe(V& v, cmd::AcceptCase& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("item", x.item, limits::kCode);
  v.field("applicant", x.applicant);
  v.fieldOr("channel", x.channel);
  v.field("materials", x.materials, limits::kCaseMaterials);
  v.fieldOr("request", x.request, limits::kCaseRequest);
  v.fieldOr("tickets", x.tickets, limits::kCaseTickets);
}
template <class V> void describe(V& v, cmd::MarkCaseMaterials& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
  v.field("materials", x.materials, limits::kCaseMaterials);
}
template <class V> void describe(V& v, cmd::RequestCaseCorrection& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
  v.field("missing", x.missing, limits::kMaterialNames);
  v.fieldOr("note", x.note, limits::kNote);
}
template <class V> void describe(V& v, cmd::SupplyCaseMaterials& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
  v.field("received", x.received, limits::kMaterialNames);
}
template <class V> void describe(V& v, cmd::StartCaseProcessing& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
}
template <class V> void describe(V& v, cmd::DecideCase& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
  v.field("outcome", x.outcome);
  v.fieldOr("reason", x.reason, limits::kCaseReason);
}
template <class V> void describe(V& v, cmd::RejectCase& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
  v.field("reason", x.reason, limits::kCaseReason);
}
template <class V> void describe(V& v, cmd::MarkCaseReady& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
}
template <class V> void describe(V& v, cmd::CollectCase& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
  v.field("collectedBy", x.collectedBy, limits::kCollectedBy);
}
template <class V> void describe(V& v, cmd::FinishCaseOnSpot& x) {
  v.field("window", x.window, limits::kWindow);
  v.field("case", x.caseNumber, limits::kCaseNumber);
}


// --- events -------------------------------------------------------------------------
template <class V> void describe(V& v, ev::DayOpened& x) {
  v.field("at", x.at);
  v.field("date", x.date);
}
template <class V> void describe(V& v, ev::DayClosed& x) {
  v.field("at", x.at);
  v.fieldOr("expired", x.expired);
}
template <class V> void describe(V& v, ev::TicketIssued& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
}
template <class V> void describe(V& v, ev::TicketCalled& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
  v.field("reason", x.reason);
  v.fieldOr("explanation", x.explanation);
}
template <class V> void describe(V& v, ev::TicketRecalled& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
  v.field("recalls", x.recalls);
}
template <class V> void describe(V& v, ev::ServiceStarted& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::ServiceCompleted& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::TicketNoShow& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
  v.fieldOr("automatic", x.automatic);
}
template <class V> void describe(V& v, ev::TicketReactivated& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
}
template <class V> void describe(V& v, ev::TicketTransferred& x) {
  v.field("at", x.at);
  v.field("from", x.from);
  v.field("window", x.window);
  v.field("child", x.child);
}
template <class V> void describe(V& v, ev::TicketCancelled& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.fieldOr("reason", x.reason);
}
template <class V> void describe(V& v, ev::EvaluationRequested& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::TicketEvaluated& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
  v.field("rating", x.rating);
}
template <class V> void describe(V& v, ev::EvaluationTimedOut& x) {
  v.field("at", x.at);
  v.field("ticket", x.ticket);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::WindowOpened& x) {
  v.field("at", x.at);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::WindowClosed& x) {
  v.field("at", x.at);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::WindowPaused& x) {
  v.field("at", x.at);
  v.field("window", x.window);
  v.fieldOr("reason", x.reason);
}
template <class V> void describe(V& v, ev::WindowResumed& x) {
  v.field("at", x.at);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::ClerkLoggedIn& x) {
  v.field("at", x.at);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
}
template <class V> void describe(V& v, ev::ClerkLoggedOut& x) {
  v.field("at", x.at);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
}
template <class V> void describe(V& v, ev::ProfileChanged& x) {
  v.field("at", x.at);
  v.field("window", x.window);
  v.field("profile", x.profile);
}
template <class V> void describe(V& v, ev::TicketPinned& x) {
  v.field("at", x.at);
  v.field("window", x.window);
  v.field("ticket", x.ticket);
}
template <class V> void describe(V& v, ev::NoticeBroadcast& x) {
  v.field("at", x.at);
  v.field("text", x.text);
}
template <class V> void describe(V& v, ev::DefinitionUpdated& x) {
  v.field("at", x.at);
  v.field("definition", x.definition);
}
template <class V> void describe(V& v, ev::CaseRegistered& x) {
  v.field("at", x.at);
  v.field("case", x.registered);
}
template <class V> void describe(V& v, ev::CaseMaterialsMarked& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.fieldOr("materials", x.materials);
}
template <class V> void describe(V& v, ev::CaseCorrectionRequested& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.fieldOr("missing", x.missing);
  v.fieldOr("note", x.note);
}
template <class V> void describe(V& v, ev::CaseMaterialsSupplied& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.fieldOr("received", x.received);
}
template <class V> void describe(V& v, ev::CaseAccepted& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.field("resumes", x.resumes);
  v.field("dueDate", x.dueDate);
}
template <class V> void describe(V& v, ev::CaseProcessingStarted& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
}
template <class V> void describe(V& v, ev::CaseDecided& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
  v.field("outcome", x.outcome);
  v.fieldOr("reason", x.reason);
}
template <class V> void describe(V& v, ev::CaseRejected& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
  v.fieldOr("reason", x.reason);
}
template <class V> void describe(V& v, ev::CaseReady& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
}
template <class V> void describe(V& v, ev::CaseCollected& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("window", x.window);
  v.field("clerk", x.clerk);
  v.fieldOr("collectedBy", x.collectedBy);
  v.field("withTicket", x.withTicket);
}
template <class V> void describe(V& v, ev::CaseDueSoon& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("dueDate", x.dueDate);
  v.field("workingDaysLeft", x.workingDaysLeft);
}
template <class V> void describe(V& v, ev::CaseOverdue& x) {
  v.field("at", x.at);
  v.field("caseId", x.caseId);
  v.field("dueDate", x.dueDate);
}


}  // namespace jiujin::protocol::detail
