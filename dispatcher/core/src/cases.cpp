// The case's life (docs/cases.md): registered → (补正) → accepted → processing → decided
// (approved | refused with a reason) → ready at the issuing window → collected; or rejected
// at the counter (不予受理) before processing; 即办件 finished on the spot. Each rule checks
// the case's state and yields events or a refusal.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "case_deadlines.hpp"
#include "decide.hpp"
#include "jiujin/core/names.hpp"
#include "refusal.hpp"

namespace jiujin::core::detail {
namespace {

Error invalid(std::string zh, std::string en) { return refuse(ErrorCode::InvalidArgument, std::move(zh), std::move(en)); }

Error illegal(const Case& c, const char* actionZh, const char* actionEn) {
  return refuse(ErrorCode::IllegalTransition, fmt::format("办件 {} 当前{}，不能{}", c.number, zhName(c.state), actionZh),
                fmt::format("case {} is {}: cannot {}", c.number, toString(c.state), actionEn));
}

Result<const Case*> caseNamed(const HallData& h, const std::string& number) {
  const Case* c = h.caseNumbered(number);
  if (!c) {
    return refuse(ErrorCode::UnknownCase, fmt::format("没有编号为 {} 的在办办件", number),
                  fmt::format("no open case numbered {}", number));
  }
  return c;
}

bool isBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char ch) { return ch == ' ' || ch == '\t'; });
}

bool isIdCharacter(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}
bool isPhoneCharacter(char ch) { return (ch >= '0' && ch <= '9') || ch == '+' || ch == '-'; }

std::optional<Error> checkApplicant(const Applicant& a) {
  if (isBlank(a.name)) return invalid("申请人姓名不能为空", "the applicant's name must not be empty");
  if (!std::all_of(a.idNumber.begin(), a.idNumber.end(), isIdCharacter)) {
    return invalid("证件号码只能由字母和数字组成", "the ID number may hold letters and digits only");
  }
  if (!std::all_of(a.phone.begin(), a.phone.end(), isPhoneCharacter)) {
    return invalid("联系电话只能由数字、+ 和 - 组成", "the phone number may hold digits, + and - only");
  }
  return std::nullopt;
}

bool isKnown(MaterialStatus s) { return static_cast<int>(s) >= 0 && static_cast<int>(s) <= 2; }
bool isKnown(CaseChannel c) { return c == CaseChannel::Window || c == CaseChannel::Agent; }
bool isKnown(CaseOutcome o) { return o == CaseOutcome::Approved || o == CaseOutcome::Refused; }

/// Each named material must be one of `required`, named once.
std::optional<Error> checkNames(const std::vector<std::string>& names, const std::vector<std::string>& required) {
  std::set<std::string> seen;
  for (const auto& name : names) {
    if (std::find(required.begin(), required.end(), name) == required.end()) {
      return invalid(fmt::format("该事项没有材料“{}”", name), fmt::format("the item has no material \"{}\"", name));
    }
    if (!seen.insert(name).second) {
      return invalid(fmt::format("材料“{}”重复", name), fmt::format("material \"{}\" named twice", name));
    }
  }
  return std::nullopt;
}

std::vector<std::string> namesOf(const std::vector<CaseMaterial>& materials) {
  std::vector<std::string> names;
  for (const auto& m : materials) names.push_back(m.name);
  return names;
}

bool anyMissing(const std::vector<CaseMaterial>& materials) {
  return std::any_of(materials.begin(), materials.end(),
                     [](const CaseMaterial& m) { return m.status == MaterialStatus::Missing; });
}

Result<std::optional<ClerkId>> clerkAt(const HallData& h, WindowNumber window) {
  const WindowStatus* w = h.window(window);
  if (!w) return unknownWindow(window);
  return w->clerk;
}

/// CaseAccepted when `materials` (the case's after this command) are complete in 补正.
void acceptIfComplete(const HallData& h, const Case& c, const std::vector<CaseMaterial>& materials,
                      WindowNumber window, TimePoint now, std::vector<Event>& out) {
  if (c.state != CaseState::Correction || anyMissing(materials)) return;
  out.emplace_back(ev::CaseAccepted{now, c.id, window, c.resumesAs.value_or(CaseState::Accepted),
                                    dueDateAfterCorrection(h, c, dateOf(now))});
}

std::string caseNumber(const std::string& prefix, Date day, int sequence) {
  return fmt::format("{}-{:04}{:02}{:02}-{:04}", prefix, static_cast<int>(day.year()),
                     static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), sequence);
}

}  // namespace

Decision decideCommand(const HallData& h, const cmd::AcceptCase& c, TimePoint now) {
  if (!h.state.open || !h.state.day) return dayNotOpen();
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  if (!clerk.value()) {
    return refuse(ErrorCode::NotLoggedIn, fmt::format("{} 号窗口没有工作人员登录，不能受理办件", c.window),
                  fmt::format("no clerk is logged in at window {} to accept a case", c.window));
  }
  const ServiceItem* item = h.item(c.item);
  if (!item) {
    return refuse(ErrorCode::UnknownItem, fmt::format("没有编码为 {} 的事项", c.item),
                  fmt::format("unknown item '{}'", c.item));
  }
  if (!isKnown(c.channel)) return invalid("受理渠道无效", "unknown case channel");
  if (auto bad = checkApplicant(c.applicant)) return *bad;
  if (auto bad = checkNames(namesOf(c.materials), item->materials)) return *bad;
  for (const auto& m : c.materials) {
    if (!isKnown(m.status)) return invalid("材料状态无效", "unknown material status");
  }
  // 一次性告知: every material is looked at, so that a missing one is never found later.
  for (const auto& required : item->materials) {
    if (std::none_of(c.materials.begin(), c.materials.end(), [&](const CaseMaterial& m) { return m.name == required; })) {
      return invalid(fmt::format("材料“{}”尚未核对", required),
                     fmt::format("material \"{}\" was not marked", required));
    }
  }
  std::vector<TicketId> tickets = c.tickets;
  for (TicketId id : tickets) {
    if (!h.ticket(id)) return unknownTicket(id);
  }
  const WindowStatus* w = h.window(c.window);
  if (tickets.empty() && c.channel == CaseChannel::Window && w->current) tickets.push_back(*w->current);

  const Date day = *h.state.day;
  // Numbers never repeat: the count restarts only on a date later than the last numbered one.
  const bool newDate = !h.state.caseNumberDay || day > *h.state.caseNumberDay;
  const int sequence = newDate ? 1 : h.state.lastCaseSequence + 1;
  const Date numberDay = newDate ? day : *h.state.caseNumberDay;
  if (sequence > kLastCaseSequenceOfDay) {
    return refuse(ErrorCode::NumberingExhausted, fmt::format("今日办件编号已用完（{}）", kLastCaseSequenceOfDay),
                  fmt::format("all {} case numbers of the day are used", kLastCaseSequenceOfDay));
  }

  Case k;
  k.id = h.state.nextCaseId;
  k.sequence = sequence;
  k.number = caseNumber(h.definition.cases.numberPrefix, numberDay, sequence);
  k.item = item->code;
  k.itemName = item->name;
  k.kind = item->kind;
  k.promisedWorkingDays = item->promisedWorkingDays;
  k.applicant = c.applicant;
  k.channel = c.channel;
  k.request = c.request;
  k.materials = c.materials;
  k.clerk = clerk.value();
  k.window = c.window;
  k.tickets = std::move(tickets);
  k.registeredAt = now;
  const bool complete = !anyMissing(k.materials);
  if (complete || h.definition.cases.correctionTimeCounts) k.dueDate = promisedDate(h, k, dateOf(now));
  if (complete) {
    k.state = CaseState::Accepted;
    k.acceptedAt = now;
  } else {
    k.state = CaseState::Correction;
    k.correctionSince = now;
  }
  const char* how = c.channel == CaseChannel::Agent ? "代办登记" : "窗口登记";
  k.history.push_back({now, k.state, c.window, k.clerk,
                       complete ? fmt::format("{}，材料齐全，受理", how) : fmt::format("{}，材料不齐，一次性告知补正", how)});
  return events(ev::CaseRegistered{now, std::move(k)});
}

Decision decideCommand(const HallData& h, const cmd::MarkCaseMaterials& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Correction && k.state != CaseState::Accepted && k.state != CaseState::Processing) {
    return illegal(k, "更改材料", "change its materials");
  }
  if (c.materials.empty()) return invalid("没有要更改的材料", "no material to change");
  if (auto bad = checkNames(namesOf(c.materials), namesOf(k.materials))) return *bad;
  auto after = k.materials;
  for (const auto& m : c.materials) {
    if (!isKnown(m.status)) return invalid("材料状态无效", "unknown material status");
    if (m.status == MaterialStatus::Missing && k.state != CaseState::Correction) {
      return invalid(fmt::format("办件 {} 已受理：缺少材料请发起补正", k.number),
                     fmt::format("case {} is accepted: ask for missing materials with a correction", k.number));
    }
    std::find_if(after.begin(), after.end(), [&](const CaseMaterial& a) { return a.name == m.name; })->status = m.status;
  }
  std::vector<Event> out{ev::CaseMaterialsMarked{now, k.id, c.window, c.materials}};
  acceptIfComplete(h, k, after, c.window, now, out);
  return out;
}

Decision decideCommand(const HallData& h, const cmd::RequestCaseCorrection& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Accepted && k.state != CaseState::Processing) return illegal(k, "发起补正", "ask for a correction");
  if (c.missing.empty()) return invalid("补正须列出所缺的全部材料", "a correction lists every missing material");
  if (auto bad = checkNames(c.missing, namesOf(k.materials))) return *bad;
  return events(ev::CaseCorrectionRequested{now, k.id, c.window, c.missing, c.note});
}

Decision decideCommand(const HallData& h, const cmd::SupplyCaseMaterials& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Correction) return illegal(k, "补交材料", "take supplied materials");
  if (c.received.empty()) return invalid("没有补交的材料", "no material supplied");
  if (auto bad = checkNames(c.received, namesOf(k.materials))) return *bad;
  auto after = k.materials;
  for (const auto& name : c.received) {
    auto m = std::find_if(after.begin(), after.end(), [&](const CaseMaterial& a) { return a.name == name; });
    if (m->status != MaterialStatus::Missing) {
      return invalid(fmt::format("材料“{}”不在补正清单中", name), fmt::format("material \"{}\" is not missing", name));
    }
    m->status = MaterialStatus::Received;
  }
  std::vector<Event> out{ev::CaseMaterialsSupplied{now, k.id, c.window, c.received}};
  acceptIfComplete(h, k, after, c.window, now, out);
  return out;
}

Decision decideCommand(const HallData& h, const cmd::StartCaseProcessing& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Accepted) return illegal(k, "开始办理", "start processing");
  return events(ev::CaseProcessingStarted{now, k.id, c.window, clerk.value()});
}

Decision decideCommand(const HallData& h, const cmd::DecideCase& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Accepted && k.state != CaseState::Processing) return illegal(k, "办结", "decide it");
  if (!isKnown(c.outcome)) return invalid("办理结果无效", "unknown outcome");
  if (c.outcome == CaseOutcome::Refused && isBlank(c.reason)) {
    return invalid("不予办理须写明理由", "a refusal needs a written reason");
  }
  return events(ev::CaseDecided{now, k.id, c.window, clerk.value(), c.outcome, c.reason});
}

Decision decideCommand(const HallData& h, const cmd::RejectCase& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Correction && k.state != CaseState::Accepted) return illegal(k, "不予受理", "reject it");
  if (isBlank(c.reason)) return invalid("不予受理须写明理由", "a rejection needs a written reason");
  return events(ev::CaseRejected{now, k.id, c.window, clerk.value(), c.reason});
}

Decision decideCommand(const HallData& h, const cmd::MarkCaseReady& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Decided) return illegal(k, "转入待领取", "mark it ready");
  return events(ev::CaseReady{now, k.id, c.window});
}

Decision decideCommand(const HallData& h, const cmd::CollectCase& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.state != CaseState::Ready) return illegal(k, "领取", "hand it over");
  if (isBlank(c.collectedBy)) return invalid("须登记领取人", "say who collects the result");
  return events(ev::CaseCollected{now, k.id, c.window, clerk.value(), c.collectedBy, h.window(c.window)->current});
}

std::optional<Error> collectionTicketRefusal(const HallData& h, const std::string& caseNumber) {
  auto found = caseNamed(h, caseNumber);
  if (!found) return found.error();
  if (found.value()->state != CaseState::Ready) return illegal(*found.value(), "领取", "be collected");
  return std::nullopt;
}

Decision decideCommand(const HallData& h, const cmd::FinishCaseOnSpot& c, TimePoint now) {
  auto clerk = clerkAt(h, c.window);
  if (!clerk) return clerk.error();
  auto found = caseNamed(h, c.caseNumber);
  if (!found) return found.error();
  const Case& k = *found.value();
  if (k.kind != ItemKind::Immediate) {
    return refuse(ErrorCode::IllegalTransition, fmt::format("办件 {} 是承诺件，不能当场办结", k.number),
                  fmt::format("case {} is a promised item: it cannot be finished on the spot", k.number));
  }
  if (k.state != CaseState::Accepted && k.state != CaseState::Processing) return illegal(k, "当场办结", "finish it on the spot");
  return events(ev::CaseDecided{now, k.id, c.window, clerk.value(), CaseOutcome::Approved, ""},
                ev::CaseCollected{now, k.id, c.window, clerk.value(), k.applicant.name, h.window(c.window)->current});
}

}  // namespace jiujin::core::detail
