#pragma once
// Names of every enum of the core: stable lowercase ASCII wire names (config files, the
// protocol, logs) and the Chinese names residents and clerks read.
//
// toString(E) → wire name; parseX(text) → the enum or nothing; zhName(E) → display name.
// Wire names never change once shipped: journals and configs written today must still load.
#include <array>
#include <optional>
#include <string_view>

#include "jiujin/core/error.hpp"
#include "jiujin/core/events.hpp"
#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::core {

// Wire names (toString(ErrorCode) is declared in error.hpp).
const char* toString(WindowKind kind);              // general specialist issuing complaints
const char* toString(ItemKind kind);                // immediate promised
const char* toString(TongbanScope scope);           // hall district city
const char* toString(AuthorityLevel level);         // district township village
const char* toString(Channel channel);              // kiosk appointment agent transfer
const char* toString(PriorityClass priority);       // normal elderly disabled pregnant serviceman
const char* toString(TicketState state);            // waiting called serving completed no_show …
const char* toString(Rating rating);                // very_satisfied … very_dissatisfied
const char* toString(EvaluationStatus status);      // none requested rated not_rated
const char* toString(WindowState state);            // closed idle calling serving paused
const char* toString(CallReason reason);            // pinned appointment priority …
const char* toString(StepKind kind);                // other issued called recalled started …
const char* toString(CaseState state);              // correction accepted processing decided ready collected rejected
const char* toString(CaseChannel channel);          // window agent
const char* toString(MaterialStatus status);        // received missing not_applicable
const char* toString(CaseOutcome outcome);          // approved refused

/// The national five-level scale in its order, best first (the pad's keys 1…5): every
/// output that lists ratings per level walks this and names each level with toString/zhName.
inline constexpr std::array<Rating, 5> kRatingScale{Rating::VerySatisfied, Rating::Satisfied, Rating::Basic,
                                                    Rating::Dissatisfied, Rating::VeryDissatisfied};

std::optional<WindowKind> parseWindowKind(std::string_view text);
std::optional<ItemKind> parseItemKind(std::string_view text);
std::optional<TongbanScope> parseTongbanScope(std::string_view text);
std::optional<AuthorityLevel> parseAuthorityLevel(std::string_view text);
std::optional<Channel> parseChannel(std::string_view text);
std::optional<PriorityClass> parsePriorityClass(std::string_view text);
std::optional<TicketState> parseTicketState(std::string_view text);
std::optional<Rating> parseRating(std::string_view text);
std::optional<EvaluationStatus> parseEvaluationStatus(std::string_view text);
std::optional<WindowState> parseWindowState(std::string_view text);
std::optional<CallReason> parseCallReason(std::string_view text);
std::optional<StepKind> parseStepKind(std::string_view text);
std::optional<ErrorCode> parseErrorCode(std::string_view text);
std::optional<CaseState> parseCaseState(std::string_view text);
std::optional<CaseChannel> parseCaseChannel(std::string_view text);
std::optional<MaterialStatus> parseMaterialStatus(std::string_view text);
std::optional<CaseOutcome> parseCaseOutcome(std::string_view text);

/// One parse for generic code (codecs, config): parse<WindowKind>("issuing").
template <typename E>
std::optional<E> parse(std::string_view text);
template <> inline std::optional<WindowKind> parse(std::string_view t) { return parseWindowKind(t); }
template <> inline std::optional<ItemKind> parse(std::string_view t) { return parseItemKind(t); }
template <> inline std::optional<TongbanScope> parse(std::string_view t) { return parseTongbanScope(t); }
template <> inline std::optional<AuthorityLevel> parse(std::string_view t) { return parseAuthorityLevel(t); }
template <> inline std::optional<Channel> parse(std::string_view t) { return parseChannel(t); }
template <> inline std::optional<PriorityClass> parse(std::string_view t) { return parsePriorityClass(t); }
template <> inline std::optional<TicketState> parse(std::string_view t) { return parseTicketState(t); }
template <> inline std::optional<Rating> parse(std::string_view t) { return parseRating(t); }
template <> inline std::optional<EvaluationStatus> parse(std::string_view t) { return parseEvaluationStatus(t); }
template <> inline std::optional<WindowState> parse(std::string_view t) { return parseWindowState(t); }
template <> inline std::optional<CallReason> parse(std::string_view t) { return parseCallReason(t); }
template <> inline std::optional<StepKind> parse(std::string_view t) { return parseStepKind(t); }
template <> inline std::optional<ErrorCode> parse(std::string_view t) { return parseErrorCode(t); }
template <> inline std::optional<CaseState> parse(std::string_view t) { return parseCaseState(t); }
template <> inline std::optional<CaseChannel> parse(std::string_view t) { return parseCaseChannel(t); }
template <> inline std::optional<MaterialStatus> parse(std::string_view t) { return parseMaterialStatus(t); }
template <> inline std::optional<CaseOutcome> parse(std::string_view t) { return parseCaseOutcome(t); }

// Chinese display names (UTF-8), as the hall's signs and the national scale word them.
const char* zhName(WindowKind kind);          // 综合受理 专业 统一发证 有诉即办
const char* zhName(ItemKind kind);            // 即办件 承诺件
const char* zhName(TongbanScope scope);       // 本厅办理 同区通办 同城通办
const char* zhName(AuthorityLevel level);     // 区级 乡镇（街道）级 村（社区）级
const char* zhName(Channel channel);          // 取号机 预约 代办 转办
const char* zhName(PriorityClass priority);   // 普通 老年人 残疾人 孕妇 军人
const char* zhName(TicketState state);        // 等候中 已呼叫 办理中 已办结 过号 已转办 已取消 已过期
const char* zhName(Rating rating);            // 非常满意 满意 基本满意 不满意 非常不满意
const char* zhName(EvaluationStatus status);  // 无 待评价 已评价 未评价
const char* zhName(WindowState state);        // 未开放 空闲 呼叫中 办理中 暂停服务
const char* zhName(CallReason reason);        // 指定呼叫 预约到时 绿色通道 …
const char* zhName(StepKind kind);            // 其他 取号 呼叫 重呼 开始办理 …
const char* zhName(CaseState state);          // 补正中 已受理 办理中 已办结 待领取 已领取 不予受理
const char* zhName(CaseChannel channel);      // 窗口受理 代办
const char* zhName(MaterialStatus status);    // 已收 缺 不适用
const char* zhName(CaseOutcome outcome);      // 准予 不予

}  // namespace jiujin::core
