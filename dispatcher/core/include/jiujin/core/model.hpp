#pragma once
// What a hall is: the definition a hall manager writes in configuration.
// Plain data; the config layer fills it in, the core reads it.
#include <optional>
#include <string>
#include <vector>

#include "jiujin/core/time.hpp"

namespace jiujin::core {

using QueueId = std::string;   ///< e.g. "general"; each queue also has a ticket prefix
using ItemCode = std::string;  ///< 事项编码
using WindowNumber = int;      ///< the number painted over the window (1, 2, …)
using ClerkId = std::string;

enum class WindowKind { General, Specialist, Issuing, Complaints };  // 综合受理 专业 统一发证 有诉即办
enum class ItemKind { Immediate, Promised };                         // 即办件 承诺件
enum class TongbanScope { Hall, District, City };                    // 通办范围
enum class AuthorityLevel { District, Township, Village };           // 权限层级

/// 政务服务事项: one item of the standard list.
struct ServiceItem {
  ItemCode code;
  std::string name;
  std::string category;
  AuthorityLevel authority = AuthorityLevel::Township;
  ItemKind kind = ItemKind::Immediate;
  int promisedWorkingDays = 0;  ///< 承诺时限, 0 for 即办件
  std::string fees;             ///< "不收费" or the amount
  std::string feeBasis;         ///< legal basis of the fee, if any
  std::vector<std::string> materials;  ///< 一次性告知: everything to bring
  std::string legalBasis;
  TongbanScope scope = TongbanScope::Hall;
  QueueId queue;                    ///< the queue its tickets go to
  int typicalServiceMinutes = 10;   ///< prior for the waiting-time estimate
  bool priorityAllowed = true;      ///< 绿色通道 applies to this item
  bool operator==(const ServiceItem&) const = default;
};

/// A queue: one ticket prefix, numbered per day.
struct QueueDef {
  QueueId id;
  std::string prefix;  ///< "A", "B", …
  std::string name;    ///< shown on displays and tickets, e.g. 综合受理
  bool operator==(const QueueDef&) const = default;
};

/// One queue in a window's work profile, with the conditions under which it is served
/// (in the way of Qmatic's work profiles).
struct ProfileEntry {
  QueueId queue;
  /// Multiplies the waiting time of this queue's tickets when windows compare queues:
  /// 2.0 means a minute waited here counts as two.
  double weight = 1.0;
  /// Serve this queue only when its oldest ticket has waited at least this long.
  std::optional<Minutes> onlyWhenOldestWaitsAtLeast;
  /// Serve this queue only when no other open window serves it unconditionally.
  bool onlyWhenNoDedicatedWindowOpen = false;
  bool operator==(const ProfileEntry&) const = default;
};

struct WorkProfile {
  std::vector<ProfileEntry> entries;
  bool operator==(const WorkProfile&) const = default;
};

struct WindowDef {
  WindowNumber number = 0;
  std::string name;
  WindowKind kind = WindowKind::General;
  WorkProfile profile;  ///< the initial profile; managers change it at run time
  bool operator==(const WindowDef&) const = default;
};

/// The hall's rules of service.
struct Rules {
  int recallLimit = 2;                      ///< recalls allowed after the first call
  Minutes noShowTimeout{5};                 ///< a called ticket not started by then is a no-show
  Minutes reactivationWindow{30};           ///< a no-show may be reactivated within this time
  Minutes priorityAgingLimit{20};           ///< a normal ticket waiting longer than priority ones by this much goes first
  Minutes waitingTarget{30};                ///< waits above this raise an alarm
  Minutes evaluationTimeout{1};             ///< no rating by then records "not rated"
  int overflowThreshold = 15;               ///< queue length that raises an overflow alarm
  Minutes idleWindowLimit{5};               ///< a window idle this long while residents wait raises an alarm
  double serviceTimeSmoothing = 0.2;        ///< EWMA factor for recent service times
  bool operator==(const Rules&) const = default;
};

/// The hall's working days as data (the hall file's calendar files, one per year): what
/// promised dates (限时办结) are counted on. WorkingCalendar (working_calendar.hpp) reads it.
struct WorkingDays {
  std::vector<unsigned> weekend{6, 7};  ///< ISO weekdays off (Monday 1 … Sunday 7)
  std::vector<Date> holidays;           ///< 法定节假日 besides the weekend
  std::vector<Date> makeUpWorkdays;     ///< 调休上班: weekend days that are working days
  std::vector<int> coveredYears;        ///< the years the lists are for
  bool operator==(const WorkingDays&) const = default;
};

/// The case register's rules (办件台账, the hall file's [cases]; docs/cases.md).
struct CaseRules {
  /// The start of every case number: "<prefix>-<YYYYMMDD>-<NNNN>". Upper-case letters and
  /// digits only (a barcode scanner types it like a keyboard); usually the hall's region code.
  std::string numberPrefix = "BJ";
  /// Whether days waiting for missing materials (补正) count towards the promised period.
  /// No by default: the seeds accept a case only once its materials are complete
  /// ("待申请人补齐材料后受理"), so the clock starts, or resumes, then.
  bool correctionTimeCounts = false;
  /// A case is "due soon" once this many working days or fewer are left (alarm).
  int dueSoonWorkingDays = 1;
  bool operator==(const CaseRules&) const = default;
};

/// Everything the core needs to know about a hall.
struct HallDefinition {
  std::string name;
  std::vector<ServiceItem> items;
  std::vector<QueueDef> queues;
  std::vector<WindowDef> windows;
  Rules rules;
  CaseRules cases;
  WorkingDays calendar;
  bool operator==(const HallDefinition&) const = default;
};

}  // namespace jiujin::core
