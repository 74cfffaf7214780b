// Applying case events: the one writer of cases (apply.cpp hands them over here). Tolerant
// like the rest of apply: an event naming an unknown case changes nothing.
#include "case_apply.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "jiujin/core/names.hpp"

namespace jiujin::core::detail {
namespace {

void step(Case& c, TimePoint at, std::optional<WindowNumber> window, std::optional<ClerkId> clerk, std::string note) {
  c.history.push_back({at, c.state, window, std::move(clerk), std::move(note)});
}

std::optional<ClerkId> clerkAt(const HallData& h, WindowNumber window) {
  const WindowStatus* w = h.window(window);
  return w ? w->clerk : std::nullopt;
}

CaseMaterial* materialNamed(Case& c, const std::string& name) {
  auto it = std::find_if(c.materials.begin(), c.materials.end(), [&](const CaseMaterial& m) { return m.name == name; });
  return it == c.materials.end() ? nullptr : &*it;
}

std::string listed(const std::vector<std::string>& names) { return fmt::format("{}", fmt::join(names, "、")); }

}  // namespace

void applyCaseEvent(HallData& h, const ev::CaseRegistered& e) {
  const Case& c = e.registered;
  if (h.state.cases.contains(c.id)) return;
  h.state.cases.emplace(c.id, c);
  h.state.nextCaseId = std::max(h.state.nextCaseId, c.id + 1);
  if (h.state.day && (!h.state.caseNumberDay || *h.state.day > *h.state.caseNumberDay)) {
    h.state.caseNumberDay = h.state.day;
  }
  h.state.lastCaseSequence = c.sequence;
  h.caseByNumber[c.number] = c.id;
}

void applyCaseEvent(HallData& h, const ev::CaseMaterialsMarked& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  std::vector<std::string> changes;
  for (const auto& m : e.materials) {
    if (CaseMaterial* known = materialNamed(*c, m.name)) {
      known->status = m.status;
      changes.push_back(fmt::format("{}：{}", m.name, zhName(m.status)));
    }
  }
  step(*c, e.at, e.window, clerkAt(h, e.window), "材料核对：" + listed(changes));
}

void applyCaseEvent(HallData& h, const ev::CaseCorrectionRequested& e) {
  Case* c = h.findCase(e.caseId);
  if (!c || (c->state != CaseState::Accepted && c->state != CaseState::Processing)) return;
  for (const auto& name : e.missing) {
    if (CaseMaterial* m = materialNamed(*c, name)) m->status = MaterialStatus::Missing;
  }
  c->resumesAs = c->state;
  c->state = CaseState::Correction;
  c->correctionSince = e.at;
  step(*c, e.at, e.window, clerkAt(h, e.window),
       "一次性告知补正：" + listed(e.missing) + (e.note.empty() ? "" : "（" + e.note + "）"));
}

void applyCaseEvent(HallData& h, const ev::CaseMaterialsSupplied& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  for (const auto& name : e.received) {
    if (CaseMaterial* m = materialNamed(*c, name)) m->status = MaterialStatus::Received;
  }
  step(*c, e.at, e.window, clerkAt(h, e.window), "补交材料：" + listed(e.received));
}

void applyCaseEvent(HallData& h, const ev::CaseAccepted& e) {
  Case* c = h.findCase(e.caseId);
  if (!c || c->state != CaseState::Correction) return;
  const bool first = !c->acceptedAt;
  if (first) c->acceptedAt = e.at;
  if (c->dueDate != e.dueDate) {
    c->dueDate = e.dueDate;
    c->dueSoonNoticed = false;
    c->overdueNoticed = false;
  }
  h.notDueSoonOn.erase(c->id);
  c->state = e.resumes;
  c->correctionSince.reset();
  c->resumesAs.reset();
  step(*c, e.at, e.window, clerkAt(h, e.window), first ? "材料补齐，受理" : "材料补齐，恢复办理");
}

void applyCaseEvent(HallData& h, const ev::CaseProcessingStarted& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->state = CaseState::Processing;
  step(*c, e.at, e.window, e.clerk, "开始办理");
}

void applyCaseEvent(HallData& h, const ev::CaseDecided& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->state = CaseState::Decided;
  c->outcome = e.outcome;
  c->reason = e.reason;
  c->decidedAt = e.at;
  c->decidedBy = e.clerk;
  step(*c, e.at, e.window, e.clerk,
       e.outcome == CaseOutcome::Approved ? std::string{"办结：准予"} : "办结：不予，理由：" + e.reason);
}

void applyCaseEvent(HallData& h, const ev::CaseRejected& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->state = CaseState::Rejected;
  c->reason = e.reason;
  c->closedAt = e.at;
  c->correctionSince.reset();
  step(*c, e.at, e.window, e.clerk, "不予受理，理由：" + e.reason);
}

void applyCaseEvent(HallData& h, const ev::CaseReady& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->state = CaseState::Ready;
  c->issuingWindow = e.window;
  c->readyAt = e.at;
  step(*c, e.at, e.window, clerkAt(h, e.window), fmt::format("结果已送达 {} 号窗口，待领取", e.window));
}

void applyCaseEvent(HallData& h, const ev::CaseCollected& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->state = CaseState::Collected;
  c->collectedBy = e.collectedBy;
  c->closedAt = e.at;
  if (!c->issuingWindow) c->issuingWindow = e.window;
  if (e.withTicket && std::find(c->tickets.begin(), c->tickets.end(), *e.withTicket) == c->tickets.end()) {
    c->tickets.push_back(*e.withTicket);
  }
  // The collector's name is in collectedBy only, so that masking it masks it everywhere.
  step(*c, e.at, e.window, e.clerk, "已领取");
}

void applyCaseEvent(HallData& h, const ev::CaseDueSoon& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->dueSoonNoticed = true;
  step(*c, e.at, std::nullopt, std::nullopt, fmt::format("临近承诺时限：还剩 {} 个工作日", e.workingDaysLeft));
}

void applyCaseEvent(HallData& h, const ev::CaseOverdue& e) {
  Case* c = h.findCase(e.caseId);
  if (!c) return;
  c->overdueNoticed = true;
  step(*c, e.at, std::nullopt, std::nullopt, "已超过承诺时限");
}

void forgetClosedCases(HallData& h, std::optional<Date> previousDay) {
  if (!previousDay) return;
  std::erase_if(h.state.cases, [&](const auto& entry) {
    const Case& c = entry.second;
    return isClosed(c.state) && c.closedAt && dateOf(*c.closedAt) < *previousDay;
  });
}

}  // namespace jiujin::core::detail
