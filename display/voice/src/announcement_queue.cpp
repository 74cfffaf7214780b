#include "jiujin/voice/announcement_queue.hpp"

#include <algorithm>

namespace jiujin::voice {

std::string_view toString(DropReason reason) {
  switch (reason) {
    case DropReason::NoLongerCalled: return "no longer called";
    case DropReason::TooLate: return "too late";
    case DropReason::Replaced: return "replaced by a newer call";
  }
  return "dropped";
}

Call NextCall::toSay() const {
  Call call = start.value().call;
  call.brief = stillWaiting > 0;
  return call;
}

AnnouncementQueue::AnnouncementQueue(Clock clock, StillCalled stillCalled, std::chrono::milliseconds maxDelay)
    : clock_(std::move(clock)), stillCalled_(std::move(stillCalled)), maxDelay_(maxDelay) {}

std::optional<DroppedCall> AnnouncementQueue::push(Call call) {
  const auto now = clock_();
  const auto same = std::find_if(waiting_.begin(), waiting_.end(),
                                 [&](const QueuedCall& q) { return q.call.ticketNumber == call.ticketNumber; });
  if (same == waiting_.end()) {
    waiting_.push_back(QueuedCall{std::move(call), now});
    return std::nullopt;
  }
  DroppedCall replaced{*same, DropReason::Replaced, now};
  *same = QueuedCall{std::move(call), now};
  return replaced;
}

NextCall AnnouncementQueue::next() {
  NextCall out;
  out.startsAt = clock_();
  while (!waiting_.empty()) {
    QueuedCall front = std::move(waiting_.front());
    waiting_.pop_front();
    if (stillCalled_ && !stillCalled_(front.call)) {
      out.dropped.push_back(DroppedCall{std::move(front), DropReason::NoLongerCalled, out.startsAt});
    } else if (out.startsAt - front.calledAt > maxDelay_) {
      out.dropped.push_back(DroppedCall{std::move(front), DropReason::TooLate, out.startsAt});
    } else {
      out.start = std::move(front);
      break;
    }
  }
  out.stillWaiting = waiting_.size();
  return out;
}

}  // namespace jiujin::voice
