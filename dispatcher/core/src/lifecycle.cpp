// The ticket's lifecycle: waiting → called (recalls) → serving → completed | no-show |
// transferred | cancelled, plus reactivation of a no-show and the one evaluation of a
// completed service. Each rule checks the current state and yields events or a refusal.
#include <fmt/format.h>

#include "decide.hpp"
#include "jiujin/core/names.hpp"
#include "refusal.hpp"
#include "router.hpp"

namespace jiujin::core::detail {
namespace {

Error illegal(const Ticket& t, const char* actionZh, const char* actionEn) {
  return refuse(ErrorCode::IllegalTransition,
                fmt::format("{} 当前{}，不能{}", t.number, zhName(t.state), actionZh),
                fmt::format("ticket {} is {}: cannot {}", t.number, toString(t.state), actionEn));
}

bool isKnown(PriorityClass p) { return static_cast<int>(p) >= 0 && static_cast<int>(p) <= 4; }
bool isKnown(Channel c) { return static_cast<int>(c) >= 0 && static_cast<int>(c) <= 3; }
bool isKnown(Rating r) { return static_cast<int>(r) >= 1 && static_cast<int>(r) <= 5; }
bool isKnown(WindowKind k) { return static_cast<int>(k) >= 0 && static_cast<int>(k) <= 3; }

const char* issueNote(Channel c) {
  switch (c) {
    case Channel::Appointment: return "预约取号";
    case Channel::Agent: return "代办取号";
    default: return "取号";
  }
}

}  // namespace

Decision decideCommand(const HallData& h, const cmd::IssueTicket& c, TimePoint now) {
  if (!h.state.open) return dayNotOpen();
  if (!c.requestKey.empty() && h.byRequestKey.contains(c.requestKey)) return std::vector<Event>{};
  const ServiceItem* item = h.item(c.item);
  if (!item) {
    return refuse(ErrorCode::UnknownItem, fmt::format("没有编码为 {} 的事项", c.item),
                  fmt::format("unknown item '{}'", c.item));
  }
  const QueueDef* queue = h.queue(item->queue);
  if (!queue) {
    return refuse(ErrorCode::UnknownQueue, fmt::format("事项 {} 所属队列 {} 不存在", item->name, item->queue),
                  fmt::format("item '{}' goes to unknown queue '{}'", item->code, item->queue));
  }
  if (!isKnown(c.priority) || !isKnown(c.channel)) {
    return refuse(ErrorCode::InvalidArgument, "取号渠道或优先类别无效", "unknown channel or priority class");
  }
  if (c.channel == Channel::Transfer) {
    return refuse(ErrorCode::InvalidArgument, "转办号只能由窗口转办产生",
                  "transfer tickets are only made by a window's transfer");
  }
  if (c.appointmentSlot && c.channel != Channel::Appointment) {
    return refuse(ErrorCode::InvalidArgument, "只有预约渠道的号可带预约时段",
                  "an appointment slot needs the appointment channel");
  }
  if (isPriority(c.priority) && !item->priorityAllowed) {
    return refuse(ErrorCode::PriorityNotAllowed, fmt::format("事项“{}”不适用绿色通道", item->name),
                  fmt::format("item '{}' does not allow priority", item->code));
  }
  if (c.caseNumber) {
    if (auto refusal = collectionTicketRefusal(h, *c.caseNumber)) return *refusal;
  }
  auto last = h.state.lastSequence.find(queue->id);
  const int sequence = (last == h.state.lastSequence.end() ? 0 : last->second) + 1;
  // 9,999 tickets of one queue in one day is beyond any hall's day (a district centre issues
  // a few thousand across all its queues): the bound only stops a runaway client.
  if (sequence > kLastSequenceOfDay) {
    return refuse(ErrorCode::NumberingExhausted,
                  fmt::format("{}队列今日号码已用完（{}{}），请联系工作人员", queue->name, queue->prefix,
                              kLastSequenceOfDay),
                  fmt::format("queue '{}' used all {} numbers today ({}{})", queue->id, kLastSequenceOfDay,
                              queue->prefix, kLastSequenceOfDay));
  }
  Ticket t;
  t.id = h.state.nextTicketId;
  t.sequence = sequence;
  t.number = fmt::format("{}{:03}", queue->prefix, sequence);
  t.item = item->code;
  t.queue = queue->id;
  t.channel = c.channel;
  t.priority = c.priority;
  t.issuedAt = now;
  t.arrivalAt = now;
  t.appointmentSlot = c.appointmentSlot;
  t.requestKey = c.requestKey;
  t.caseNumber = c.caseNumber;
  t.history.push_back({now, TicketState::Waiting, std::nullopt, issueNote(c.channel), StepKind::Issued, {}, {}});
  return events(ev::TicketIssued{now, std::move(t)});
}

std::optional<Error> callRefusal(const HallData& h, WindowNumber n) {
  const WindowStatus* w = h.window(n);
  if (!w) return unknownWindow(n);
  if (!h.state.open) return dayNotOpen();
  switch (w->state) {
    case WindowState::Closed:
      return refuse(ErrorCode::WindowClosed, fmt::format("{} 号窗口未开放", n), fmt::format("window {} is closed", n));
    case WindowState::Paused:
      return refuse(ErrorCode::WindowPaused, fmt::format("{} 号窗口暂停服务中，请先恢复", n),
                    fmt::format("window {} is paused", n));
    case WindowState::Calling:
    case WindowState::Serving:
      return refuse(ErrorCode::WindowBusy,
                    fmt::format("{} 号窗口还有当前号，请先办结、过号或转办", n),
                    fmt::format("window {} still holds a ticket", n));
    case WindowState::Idle:
      break;
  }
  return std::nullopt;
}

Decision decideCommand(const HallData& h, const cmd::CallNext& c, TimePoint now) {
  if (auto refusal = callRefusal(h, c.window)) return *refusal;
  auto decision = Router{h}.next(c.window, now);
  if (!decision) {
    return refuse(ErrorCode::NoTicketWaiting, fmt::format("{} 号窗口所服务的队列没有等候的号", c.window),
                  fmt::format("no ticket waiting for window {}", c.window));
  }
  return events(ev::TicketCalled{now, decision->ticket, c.window, decision->reason, std::move(decision->explanation)});
}

Decision decideCommand(const HallData& h, const cmd::Recall& c, TimePoint now) {
  auto active = activeTicketAt(h, c.window);
  if (!active) return active.error();
  const Ticket& t = *active.value();
  if (t.state != TicketState::Called) return illegal(t, "重呼", "recall");
  const int limit = h.definition.rules.recallLimit;
  if (t.recalls >= limit) {
    return refuse(ErrorCode::RecallLimitReached, fmt::format("{} 已重呼 {} 次，达到上限，可标记过号", t.number, t.recalls),
                  fmt::format("ticket {} was recalled {} times (limit {})", t.number, t.recalls, limit));
  }
  return events(ev::TicketRecalled{now, t.id, c.window, t.recalls + 1});
}

Decision decideCommand(const HallData& h, const cmd::StartService& c, TimePoint now) {
  auto active = activeTicketAt(h, c.window);
  if (!active) return active.error();
  const Ticket& t = *active.value();
  if (t.state != TicketState::Called) return illegal(t, "开始办理", "start service");
  return events(ev::ServiceStarted{now, t.id, c.window});
}

Decision decideCommand(const HallData& h, const cmd::Complete& c, TimePoint now) {
  auto active = activeTicketAt(h, c.window);
  if (!active) return active.error();
  const Ticket& t = *active.value();
  if (t.state != TicketState::Serving) return illegal(t, "办结（请先开始办理）", "complete (start service first)");
  std::vector<Event> out;
  // The pad moves on to this service: an earlier one still unrated is recorded "not rated".
  const WindowStatus& w = *h.window(c.window);
  if (w.awaitingEvaluation) out.emplace_back(ev::EvaluationTimedOut{now, *w.awaitingEvaluation, c.window});
  out.emplace_back(ev::ServiceCompleted{now, t.id, c.window});
  return out;
}

Decision decideCommand(const HallData& h, const cmd::MarkNoShow& c, TimePoint now) {
  auto active = activeTicketAt(h, c.window);
  if (!active) return active.error();
  const Ticket& t = *active.value();
  if (t.state != TicketState::Called) return illegal(t, "标记过号", "mark no-show");
  return events(ev::TicketNoShow{now, t.id, c.window, false});
}

Decision decideCommand(const HallData& h, const cmd::Reactivate& c, TimePoint now) {
  if (!h.state.open) return dayNotOpen();
  const Ticket* t = h.ticket(c.ticket);
  if (!t) return unknownTicket(c.ticket);
  if (t->state != TicketState::NoShow) return illegal(*t, "恢复等候", "reactivate");
  const Minutes within = h.definition.rules.reactivationWindow;
  if (t->endedAt && now - *t->endedAt > within) {
    return refuse(ErrorCode::ReactivationExpired,
                  fmt::format("{} 过号已超过 {} 分钟，请重新取号", t->number, within.count()),
                  fmt::format("ticket {} missed its call more than {} min ago", t->number, within.count()));
  }
  return events(ev::TicketReactivated{now, t->id});
}

std::optional<Error> transferRefusal(const HallData& h, WindowNumber n) {
  if (!h.state.open) return dayNotOpen();
  if (auto active = activeTicketAt(h, n); !active) return active.error();
  return std::nullopt;
}

Decision decideCommand(const HallData& h, const cmd::Transfer& c, TimePoint now) {
  if (auto refusal = transferRefusal(h, c.window)) return *refusal;
  const Ticket& parent = *activeTicketAt(h, c.window).value();
  Ticket child;
  child.queue = parent.queue;
  std::string where;
  if (const auto* queue = std::get_if<QueueId>(&c.to)) {
    const QueueDef* def = h.queue(*queue);
    if (!def) {
      return refuse(ErrorCode::UnknownQueue, fmt::format("没有 {} 队列", *queue), fmt::format("unknown queue '{}'", *queue));
    }
    child.queue = def->id;
    where = fmt::format("{}队列", def->name);
  } else if (const auto* window = std::get_if<WindowNumber>(&c.to)) {
    if (!h.window(*window)) return unknownWindow(*window);
    if (*window == c.window) {
      return refuse(ErrorCode::InvalidArgument, "不能转办给本窗口", "cannot transfer a ticket to its own window");
    }
    child.targetWindow = *window;
    where = fmt::format("{} 号窗口", *window);
  } else {
    const WindowKind kind = std::get<WindowKind>(c.to);
    if (!isKnown(kind)) return refuse(ErrorCode::InvalidArgument, "窗口类别无效", "unknown window kind");
    child.targetKind = kind;
    where = fmt::format("{}窗口", zhName(kind));
  }
  child.id = h.state.nextTicketId;
  child.number = parent.number;
  child.sequence = parent.sequence;
  child.item = parent.item;
  child.channel = Channel::Transfer;
  child.priority = parent.priority;
  child.issuedAt = now;
  child.arrivalAt = parent.arrivalAt;
  child.transferredFrom = parent.id;
  child.note = c.note;
  child.history.push_back({now, TicketState::Waiting, c.window,
                           c.note.empty() ? fmt::format("由 {} 号窗口转办至{}", c.window, where)
                                          : fmt::format("由 {} 号窗口转办至{}：{}", c.window, where, c.note),
                           StepKind::Transferred, {}, c.note});
  return events(ev::TicketTransferred{now, parent.id, c.window, std::move(child)});
}

Decision decideCommand(const HallData& h, const cmd::Cancel& c, TimePoint now) {
  const Ticket* t = h.ticket(c.ticket);
  if (!t) return unknownTicket(c.ticket);
  if (t->state != TicketState::Waiting && t->state != TicketState::Called) return illegal(*t, "取消", "cancel");
  return events(ev::TicketCancelled{now, t->id, c.reason});
}

Decision decideCommand(const HallData& h, const cmd::RequestEvaluation& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  const WindowStatus& w = *window.value();
  if (!w.awaitingEvaluation) {
    return refuse(ErrorCode::NotEvaluable, fmt::format("{} 号窗口没有待评价的办件", c.window),
                  fmt::format("window {} has no service awaiting a rating", c.window));
  }
  return events(ev::EvaluationRequested{now, *w.awaitingEvaluation, c.window});
}

Decision decideCommand(const HallData& h, const cmd::Evaluate& c, TimePoint now) {
  auto window = windowNamed(h, c.window);
  if (!window) return window.error();
  if (!isKnown(c.rating)) return refuse(ErrorCode::InvalidArgument, "评价等级无效", "rating out of range 1..5");
  const WindowStatus& w = *window.value();
  if (w.awaitingEvaluation) return events(ev::TicketEvaluated{now, *w.awaitingEvaluation, c.window, c.rating});
  auto last = h.lastCompleted.find(c.window);
  const Ticket* done = last == h.lastCompleted.end() ? nullptr : h.ticket(last->second);
  if (done && done->evaluation == EvaluationStatus::Rated) {
    return refuse(ErrorCode::AlreadyEvaluated, fmt::format("{} 已评价，每次办件只能评价一次", done->number),
                  fmt::format("ticket {} was already rated", done->number));
  }
  return refuse(ErrorCode::NotEvaluable, fmt::format("{} 号窗口没有待评价的办件", c.window),
                fmt::format("window {} has no service awaiting a rating", c.window));
}

// One rating per service, whichever comes first: the phone may rate exactly while the pad
// may (the ticket is the one its window's pad is prompting for, within evaluationTimeout of the
// completion or of the last re-request). The event is the pad's, so every consequence (the
// 回访 alarm for a bad rating, statistics) is the same.
Decision decideCommand(const HallData& h, const cmd::RateTicket& c, TimePoint now) {
  const Ticket* t = h.ticket(c.ticket);
  if (!t) return unknownTicket(c.ticket);
  if (!isKnown(c.rating)) return refuse(ErrorCode::InvalidArgument, "评价等级无效", "rating out of range 1..5");
  if (t->evaluation == EvaluationStatus::Rated) {
    return refuse(ErrorCode::AlreadyEvaluated, fmt::format("{} 已评价，每次办件只能评价一次", t->number),
                  fmt::format("ticket {} was already rated", t->number));
  }
  const WindowStatus* w = t->window ? h.window(*t->window) : nullptr;
  if (t->evaluation != EvaluationStatus::Requested || !w || w->awaitingEvaluation != t->id) {
    return refuse(ErrorCode::NotEvaluable,
                  t->evaluation == EvaluationStatus::NotRated
                      ? fmt::format("{} 的评价时间已过", t->number)
                      : fmt::format("{} 尚未办结，办结后才能评价", t->number),
                  t->evaluation == EvaluationStatus::NotRated
                      ? fmt::format("the rating period of ticket {} is over", t->number)
                      : fmt::format("ticket {} is not awaiting a rating", t->number));
  }
  return events(ev::TicketEvaluated{now, t->id, *t->window, c.rating});
}

}  // namespace jiujin::core::detail
