// One table per enum: the wire name and the Chinese name sit side by side, so adding an
// enumerator means adding one line here (the tests walk every value).
#include "jiujin/core/names.hpp"

#include <array>

namespace jiujin::core {
namespace {

template <typename E>
struct Name {
  E value;
  const char* wire;
  const char* zh;
};

template <typename E, std::size_t N>
const Name<E>& entryOf(const std::array<Name<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry;
  }
  static const Name<E> unknown{E{}, "unknown", "未知"};
  return unknown;
}

template <typename E, std::size_t N>
std::optional<E> parseIn(const std::array<Name<E>, N>& table, std::string_view text) {
  for (const auto& entry : table) {
    if (text == entry.wire) return entry.value;
  }
  return std::nullopt;
}

constexpr std::array<Name<WindowKind>, 4> kWindowKinds{{
    {WindowKind::General, "general", "综合受理"},
    {WindowKind::Specialist, "specialist", "专业"},
    {WindowKind::Issuing, "issuing", "统一发证"},
    {WindowKind::Complaints, "complaints", "有诉即办"},
}};

constexpr std::array<Name<ItemKind>, 2> kItemKinds{{
    {ItemKind::Immediate, "immediate", "即办件"},
    {ItemKind::Promised, "promised", "承诺件"},
}};

constexpr std::array<Name<TongbanScope>, 3> kScopes{{
    {TongbanScope::Hall, "hall", "本厅办理"},
    {TongbanScope::District, "district", "同区通办"},
    {TongbanScope::City, "city", "同城通办"},
}};

constexpr std::array<Name<AuthorityLevel>, 3> kAuthorities{{
    {AuthorityLevel::District, "district", "区级"},
    {AuthorityLevel::Township, "township", "乡镇（街道）级"},
    {AuthorityLevel::Village, "village", "村（社区）级"},
}};

constexpr std::array<Name<Channel>, 4> kChannels{{
    {Channel::Kiosk, "kiosk", "取号机"},
    {Channel::Appointment, "appointment", "预约"},
    {Channel::Agent, "agent", "代办"},
    {Channel::Transfer, "transfer", "转办"},
}};

constexpr std::array<Name<PriorityClass>, 5> kPriorities{{
    {PriorityClass::Normal, "normal", "普通"},
    {PriorityClass::Elderly, "elderly", "老年人"},
    {PriorityClass::Disabled, "disabled", "残疾人"},
    {PriorityClass::Pregnant, "pregnant", "孕妇"},
    {PriorityClass::Serviceman, "serviceman", "军人"},
}};

constexpr std::array<Name<TicketState>, 8> kTicketStates{{
    {TicketState::Waiting, "waiting", "等候中"},
    {TicketState::Called, "called", "已呼叫"},
    {TicketState::Serving, "serving", "办理中"},
    {TicketState::Completed, "completed", "已办结"},
    {TicketState::NoShow, "no_show", "过号"},
    {TicketState::Transferred, "transferred", "已转办"},
    {TicketState::Cancelled, "cancelled", "已取消"},
    {TicketState::Expired, "expired", "已过期"},
}};

constexpr std::array<Name<Rating>, 5> kRatings{{
    {Rating::VerySatisfied, "very_satisfied", "非常满意"},
    {Rating::Satisfied, "satisfied", "满意"},
    {Rating::Basic, "basically_satisfied", "基本满意"},
    {Rating::Dissatisfied, "dissatisfied", "不满意"},
    {Rating::VeryDissatisfied, "very_dissatisfied", "非常不满意"},
}};

constexpr std::array<Name<EvaluationStatus>, 4> kEvaluations{{
    {EvaluationStatus::None, "none", "无"},
    {EvaluationStatus::Requested, "requested", "待评价"},
    {EvaluationStatus::Rated, "rated", "已评价"},
    {EvaluationStatus::NotRated, "not_rated", "未评价"},
}};

constexpr std::array<Name<WindowState>, 5> kWindowStates{{
    {WindowState::Closed, "closed", "未开放"},
    {WindowState::Idle, "idle", "空闲"},
    {WindowState::Calling, "calling", "呼叫中"},
    {WindowState::Serving, "serving", "办理中"},
    {WindowState::Paused, "paused", "暂停服务"},
}};

constexpr std::array<Name<CallReason>, 7> kCallReasons{{
    {CallReason::Pinned, "pinned", "指定呼叫"},
    {CallReason::Appointment, "appointment", "预约到时"},
    {CallReason::Priority, "priority", "绿色通道"},
    {CallReason::TransferredToWindow, "transferred_to_window", "转至本窗口"},
    {CallReason::TransferredToKind, "transferred_to_kind", "转至本类窗口"},
    {CallReason::AgedNormal, "aged_normal", "普通号等候过久"},
    {CallReason::LongestWeightedWait, "longest_weighted_wait", "加权等候最久"},
}};

constexpr std::array<Name<StepKind>, 15> kStepKinds{{
    {StepKind::Other, "other", "其他"},
    {StepKind::Issued, "issued", "取号"},
    {StepKind::Called, "called", "呼叫"},
    {StepKind::Recalled, "recalled", "重呼"},
    {StepKind::Started, "started", "开始办理"},
    {StepKind::Completed, "completed", "办结"},
    {StepKind::NoShow, "no_show", "过号"},
    {StepKind::NoShowTimedOut, "no_show_timed_out", "过号（超时未到）"},
    {StepKind::Reactivated, "reactivated", "过号后恢复等候"},
    {StepKind::Transferred, "transferred", "转办"},
    {StepKind::Cancelled, "cancelled", "取消"},
    {StepKind::Expired, "expired", "号票过期"},
    {StepKind::EvaluationRequested, "evaluation_requested", "请求评价"},
    {StepKind::Rated, "rated", "评价"},
    {StepKind::NotRated, "not_rated", "未评价"},
}};

constexpr std::array<Name<ErrorCode>, 21> kErrorCodes{{
    {ErrorCode::InvalidArgument, "invalid_argument", "参数无效"},
    {ErrorCode::UnknownItem, "unknown_item", "未知事项"},
    {ErrorCode::UnknownQueue, "unknown_queue", "未知队列"},
    {ErrorCode::UnknownWindow, "unknown_window", "未知窗口"},
    {ErrorCode::UnknownTicket, "unknown_ticket", "未知号票"},
    {ErrorCode::DayNotOpen, "day_not_open", "今日未开始营业"},
    {ErrorCode::DayAlreadyOpen, "day_already_open", "今日已开始营业"},
    {ErrorCode::WindowClosed, "window_closed", "窗口未开放"},
    {ErrorCode::WindowPaused, "window_paused", "窗口暂停服务"},
    {ErrorCode::WindowBusy, "window_busy", "窗口正在办理"},
    {ErrorCode::NoActiveTicket, "no_active_ticket", "窗口没有当前号"},
    {ErrorCode::NoTicketWaiting, "no_ticket_waiting", "没有等候的号"},
    {ErrorCode::NotLoggedIn, "not_logged_in", "未登录"},
    {ErrorCode::RecallLimitReached, "recall_limit_reached", "重呼次数已用完"},
    {ErrorCode::IllegalTransition, "illegal_transition", "当前状态不允许此操作"},
    {ErrorCode::PriorityNotAllowed, "priority_not_allowed", "该事项不适用绿色通道"},
    {ErrorCode::NumberingExhausted, "numbering_exhausted", "今日号码已用完"},
    {ErrorCode::ReactivationExpired, "reactivation_expired", "已超过过号恢复时限"},
    {ErrorCode::AlreadyEvaluated, "already_evaluated", "已评价"},
    {ErrorCode::NotEvaluable, "not_evaluable", "没有待评价的办件"},
    {ErrorCode::UnknownCase, "unknown_case", "未知办件"},
}};

constexpr std::array<Name<CaseState>, 7> kCaseStates{{
    {CaseState::Correction, "correction", "补正中"},
    {CaseState::Accepted, "accepted", "已受理"},
    {CaseState::Processing, "processing", "办理中"},
    {CaseState::Decided, "decided", "已办结"},
    {CaseState::Ready, "ready", "待领取"},
    {CaseState::Collected, "collected", "已领取"},
    {CaseState::Rejected, "rejected", "不予受理"},
}};

constexpr std::array<Name<CaseChannel>, 2> kCaseChannels{{
    {CaseChannel::Window, "window", "窗口受理"},
    {CaseChannel::Agent, "agent", "代办"},
}};

constexpr std::array<Name<MaterialStatus>, 3> kMaterialStatuses{{
    {MaterialStatus::Received, "received", "已收"},
    {MaterialStatus::Missing, "missing", "缺"},
    {MaterialStatus::NotApplicable, "not_applicable", "不适用"},
}};

constexpr std::array<Name<CaseOutcome>, 2> kCaseOutcomes{{
    {CaseOutcome::Approved, "approved", "准予"},
    {CaseOutcome::Refused, "refused", "不予"},
}};

}  // namespace

const char* toString(WindowKind v) { return entryOf(kWindowKinds, v).wire; }
const char* toString(ItemKind v) { return entryOf(kItemKinds, v).wire; }
const char* toString(TongbanScope v) { return entryOf(kScopes, v).wire; }
const char* toString(AuthorityLevel v) { return entryOf(kAuthorities, v).wire; }
const char* toString(Channel v) { return entryOf(kChannels, v).wire; }
const char* toString(PriorityClass v) { return entryOf(kPriorities, v).wire; }
const char* toString(TicketState v) { return entryOf(kTicketStates, v).wire; }
const char* toString(Rating v) { return entryOf(kRatings, v).wire; }
const char* toString(EvaluationStatus v) { return entryOf(kEvaluations, v).wire; }
const char* toString(WindowState v) { return entryOf(kWindowStates, v).wire; }
const char* toString(CallReason v) { return entryOf(kCallReasons, v).wire; }
const char* toString(StepKind v) { return entryOf(kStepKinds, v).wire; }
const char* toString(ErrorCode v) { return entryOf(kErrorCodes, v).wire; }
const char* toString(CaseState v) { return entryOf(kCaseStates, v).wire; }
const char* toString(CaseChannel v) { return entryOf(kCaseChannels, v).wire; }
const char* toString(MaterialStatus v) { return entryOf(kMaterialStatuses, v).wire; }
const char* toString(CaseOutcome v) { return entryOf(kCaseOutcomes, v).wire; }

std::optional<WindowKind> parseWindowKind(std::string_view t) { return parseIn(kWindowKinds, t); }
std::optional<ItemKind> parseItemKind(std::string_view t) { return parseIn(kItemKinds, t); }
std::optional<TongbanScope> parseTongbanScope(std::string_view t) { return parseIn(kScopes, t); }
std::optional<AuthorityLevel> parseAuthorityLevel(std::string_view t) { return parseIn(kAuthorities, t); }
std::optional<Channel> parseChannel(std::string_view t) { return parseIn(kChannels, t); }
std::optional<PriorityClass> parsePriorityClass(std::string_view t) { return parseIn(kPriorities, t); }
std::optional<TicketState> parseTicketState(std::string_view t) { return parseIn(kTicketStates, t); }
std::optional<Rating> parseRating(std::string_view t) { return parseIn(kRatings, t); }
std::optional<EvaluationStatus> parseEvaluationStatus(std::string_view t) { return parseIn(kEvaluations, t); }
std::optional<WindowState> parseWindowState(std::string_view t) { return parseIn(kWindowStates, t); }
std::optional<CallReason> parseCallReason(std::string_view t) { return parseIn(kCallReasons, t); }
std::optional<StepKind> parseStepKind(std::string_view t) { return parseIn(kStepKinds, t); }
std::optional<ErrorCode> parseErrorCode(std::string_view t) { return parseIn(kErrorCodes, t); }
std::optional<CaseState> parseCaseState(std::string_view t) { return parseIn(kCaseStates, t); }
std::optional<CaseChannel> parseCaseChannel(std::string_view t) { return parseIn(kCaseChannels, t); }
std::optional<MaterialStatus> parseMaterialStatus(std::string_view t) { return parseIn(kMaterialStatuses, t); }
std::optional<CaseOutcome> parseCaseOutcome(std::string_view t) { return parseIn(kCaseOutcomes, t); }

const char* zhName(WindowKind v) { return entryOf(kWindowKinds, v).zh; }
const char* zhName(ItemKind v) { return entryOf(kItemKinds, v).zh; }
const char* zhName(TongbanScope v) { return entryOf(kScopes, v).zh; }
const char* zhName(AuthorityLevel v) { return entryOf(kAuthorities, v).zh; }
const char* zhName(Channel v) { return entryOf(kChannels, v).zh; }
const char* zhName(PriorityClass v) { return entryOf(kPriorities, v).zh; }
const char* zhName(TicketState v) { return entryOf(kTicketStates, v).zh; }
const char* zhName(Rating v) { return entryOf(kRatings, v).zh; }
const char* zhName(EvaluationStatus v) { return entryOf(kEvaluations, v).zh; }
const char* zhName(WindowState v) { return entryOf(kWindowStates, v).zh; }
const char* zhName(CallReason v) { return entryOf(kCallReasons, v).zh; }
const char* zhName(StepKind v) { return entryOf(kStepKinds, v).zh; }
const char* zhName(CaseState v) { return entryOf(kCaseStates, v).zh; }
const char* zhName(CaseChannel v) { return entryOf(kCaseChannels, v).zh; }
const char* zhName(MaterialStatus v) { return entryOf(kMaterialStatuses, v).zh; }
const char* zhName(CaseOutcome v) { return entryOf(kCaseOutcomes, v).zh; }

}  // namespace jiujin::core
