#pragma once
// A case (办件): the matter a resident applied for. A ticket lives for one visit; a case
// lives for days — accepted at a window, perhaps waiting for missing materials (补正),
// processed, decided, handed over at the issuing window (统一出件). docs/cases.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::core {

using CaseId = std::uint64_t;  ///< unique for the life of the hall's database
using TicketId = std::uint64_t;

/// Where a case is in its life. Correction: registered, waiting for materials the resident
/// must still bring (补正; before or after acceptance). Rejected: 不予受理 at the counter.
enum class CaseState { Correction, Accepted, Processing, Decided, Ready, Collected, Rejected };
enum class CaseChannel { Window, Agent };                  // 窗口受理 代办
enum class MaterialStatus { Received, Missing, NotApplicable };  // 已收 缺 不适用
enum class CaseOutcome { Approved, Refused };             // 准予 不予

/// A case no command changes any more.
inline bool isClosed(CaseState s) { return s == CaseState::Collected || s == CaseState::Rejected; }

/// The resident the case is for. The ID number and phone are personal data: only the
/// clerks and managers who handle the case see them whole (case_privacy.hpp).
struct Applicant {
  std::string name;
  std::string idNumber;  ///< 身份证号 (or another document's number); may be empty
  std::string phone;     ///< may be empty
  bool operator==(const Applicant&) const = default;
};

/// One required material of the item, as the clerk ticked it (一次性告知).
struct CaseMaterial {
  std::string name;
  MaterialStatus status = MaterialStatus::Received;
  bool operator==(const CaseMaterial&) const = default;
};

struct CaseStep {
  TimePoint at;
  CaseState state;
  std::optional<WindowNumber> window;
  std::optional<ClerkId> clerk;
  std::string note;
  bool operator==(const CaseStep&) const = default;
};

/// The last number a hall gives cases in a day (…-9999).
inline constexpr int kLastCaseSequenceOfDay = 9999;

struct Case {
  CaseId id = 0;
  std::string number;  ///< "<prefix>-<YYYYMMDD>-<NNNN>", unique for the life of the hall
  int sequence = 0;    ///< NNNN: 1…kLastCaseSequenceOfDay within the date
  ItemCode item;
  std::string itemName;                ///< as the catalog named it at acceptance
  ItemKind kind = ItemKind::Immediate;  ///< 即办件 / 承诺件, as at acceptance
  int promisedWorkingDays = 0;         ///< as at acceptance
  Applicant applicant;
  CaseChannel channel = CaseChannel::Window;
  std::string request;  ///< what the resident asked for, in words (代办登记表)
  std::vector<CaseMaterial> materials;
  std::optional<ClerkId> clerk;  ///< who registered it
  WindowNumber window = 0;       ///< where it was registered
  std::vector<TicketId> tickets;  ///< the tickets it came with, and the one it was collected with
  CaseState state = CaseState::Correction;
  TimePoint registeredAt;
  std::optional<TimePoint> acceptedAt;        ///< 受理: materials complete
  std::optional<Date> dueDate;                ///< the promised date (承诺办结日期)
  std::optional<TimePoint> correctionSince;   ///< in 补正 since
  std::optional<CaseState> resumesAs;         ///< the state a 补正 after acceptance returns to
  std::optional<CaseOutcome> outcome;
  std::string reason;  ///< the written reason of a refusal (不予许可) or a rejection (不予受理)
  std::optional<TimePoint> decidedAt;
  std::optional<ClerkId> decidedBy;
  std::optional<WindowNumber> issuingWindow;  ///< where the result waits (统一出件)
  std::optional<TimePoint> readyAt;
  std::optional<TimePoint> closedAt;  ///< collected or rejected
  std::string collectedBy;            ///< the person who took the result
  bool dueSoonNoticed = false;        ///< the due-soon alarm was raised
  bool overdueNoticed = false;        ///< the overdue alarm was raised
  std::vector<CaseStep> history;
  bool operator==(const Case&) const = default;
};

/// Decided by its promised date: the figure of 限时办结 (on-time rate).
inline bool decidedOnTime(const Case& c) {
  return c.decidedAt && (!c.dueDate || dateOf(*c.decidedAt) <= *c.dueDate);
}

}  // namespace jiujin::core
