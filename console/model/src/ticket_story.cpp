#include "jiujin/console/ticket_story.hpp"

#include <QCoreApplication>
#include <chrono>

#include "jiujin/console/core_words.hpp"
#include "jiujin/console/dispatcher_access.hpp"

namespace jiujin::console {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString queueName(const core::Hall& hall, const core::QueueId& id) {
  for (const auto& q : hall.definition().queues)
    if (q.id == id) return qs(q.name);
  return qs(id);
}

/// Where a transferred ticket (the child) was sent: a window, the windows of a kind, a queue.
QString transferTarget(const core::Ticket& child, const core::Hall& hall) {
  if (child.targetWindow) return TicketStory::tr("%1号窗口").arg(*child.targetWindow);
  if (child.targetKind) return TicketStory::tr("%1窗口").arg(said(*child.targetKind));
  return TicketStory::tr("%1队列").arg(queueName(hall, child.queue));
}

qint64 minutesWaited(const core::Ticket& t, core::TimePoint at) {
  return std::chrono::duration_cast<std::chrono::minutes>(at - t.arrivalAt).count();
}

}  // namespace

QString TicketStory::transferred(const core::Ticket& child, const core::TicketStep& step, const core::Hall& hall) {
  const QString where = transferTarget(child, hall);
  const QString from = step.window ? tr("由 %1 号窗口转办至%2").arg(*step.window).arg(where) : tr("转办至%1").arg(where);
  return step.remark.empty() ? from : tr("%1：%2").arg(from, qs(step.remark));
}

QString TicketStory::calledBecause(const core::Ticket& t, const core::TicketStep& step, const core::Hall& hall) {
  const QString number = qs(t.number);
  if (!step.reason) return qs(step.note);
  switch (*step.reason) {
    case core::CallReason::Pinned:
      return tr("%1 由管理员指定在本窗口呼叫（不按排队顺序）").arg(number);
    case core::CallReason::Appointment:
      return tr("%1 为预约号，预约时段 %2 已到，优先呼叫")
          .arg(number, t.appointmentSlot ? localDateTime(*t.appointmentSlot).toString(QStringLiteral("HH:mm"))
                                         : QStringLiteral("—"));
    case core::CallReason::Priority:
      return tr("%1 为绿色通道（%2）号，优先于普通号").arg(number, said(t.priority));
    case core::CallReason::TransferredToWindow:
      return tr("%1 已转办至本窗口，优先于排队的号").arg(number);
    case core::CallReason::TransferredToKind:
      return tr("%1 已转办至%2窗口，由本窗口接办")
          .arg(number, t.targetKind ? said(*t.targetKind) : QStringLiteral("—"));
    case core::CallReason::AgedNormal:
      return tr("普通号 %1 已等候 %2 分钟，达到让行绿色通道的上限，先于绿色通道呼叫")
          .arg(number)
          .arg(minutesWaited(t, step.at));
    case core::CallReason::LongestWeightedWait:
      return tr("%1 在%2队列已等候 %3 分钟，是本窗口所服务队列中加权等候最久的号")
          .arg(number, queueName(hall, t.queue))
          .arg(minutesWaited(t, step.at));
  }
  return qs(step.note);
}

QString TicketStory::stepSaid(const core::Ticket& t, std::size_t index, const core::Hall& hall) {
  if (index >= t.history.size()) return {};
  const core::TicketStep& step = t.history[index];
  switch (step.kind) {
    case core::StepKind::Other: return qs(step.note);
    case core::StepKind::Issued:
      switch (t.channel) {
        case core::Channel::Appointment: return tr("预约取号");
        case core::Channel::Agent: return tr("代办取号");
        default: return tr("取号");
      }
    case core::StepKind::Called: return calledBecause(t, step, hall);
    case core::StepKind::Recalled: {
      // The recalls since this call began: the core numbers them the same way.
      int recall = 0;
      for (std::size_t i = index + 1; i-- > 0;) {
        if (t.history[i].kind == core::StepKind::Recalled) ++recall;
        if (t.history[i].kind == core::StepKind::Called) break;
      }
      return tr("第 %1 次重呼").arg(recall);
    }
    case core::StepKind::Started: return tr("开始办理");
    case core::StepKind::Completed: return tr("办结");
    case core::StepKind::NoShow: return tr("过号");
    case core::StepKind::NoShowTimedOut: return tr("过号（呼叫后超时未到）");
    case core::StepKind::Reactivated: return tr("过号后恢复等候");
    case core::StepKind::Transferred: {
      // The first line of the new ticket, or the last of the one it came from.
      const core::Ticket* child = index == 0 && t.transferredFrom ? &t
                                  : t.transferredTo               ? hall.findTicket(*t.transferredTo)
                                                                  : nullptr;
      return child ? transferred(*child, step, hall) : qs(step.note);
    }
    case core::StepKind::Cancelled:
      return step.remark.empty() ? tr("取消") : tr("取消：%1").arg(qs(step.remark));
    case core::StepKind::Expired: return tr("营业结束，号票过期");
    case core::StepKind::EvaluationRequested: return tr("请求评价");
    case core::StepKind::Rated: return t.rating ? tr("评价：%1").arg(said(*t.rating)) : qs(step.note);
    case core::StepKind::NotRated: return tr("未评价");
  }
  return qs(step.note);
}

}  // namespace jiujin::console
