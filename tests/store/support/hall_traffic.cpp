#include "hall_traffic.hpp"

#include <array>
#include <string>

namespace jiujin::testing {

using namespace jiujin::core;
using namespace std::chrono_literals;

namespace {

constexpr std::array<WindowNumber, 3> kWindows{1, 2, 7};

ClerkId clerkOf(WindowNumber w) {
  switch (w) {
    case 1: return "张敏";
    case 2: return "李强";
    default: return "王芳";
  }
}

TimePoint nineOClock(Date day) { return TimePoint{std::chrono::sys_days{day}} + 9h; }

/// Runs `c`; the events if the core accepted it, else none.
std::vector<Event> run(Hall& hall, const Command& c, TimePoint now) {
  auto r = hall.execute(c, now);
  return r.ok() ? std::move(r.value()) : std::vector<Event>{};
}

void append(std::vector<Event>& to, std::vector<Event> events) {
  to.insert(to.end(), std::make_move_iterator(events.begin()), std::make_move_iterator(events.end()));
}

}  // namespace

HallTraffic::HallTraffic(std::uint64_t seed, Date firstDay)
    : random_(seed), day_(firstDay), now_(nineOClock(firstDay)) {}

WindowNumber HallTraffic::anyWindow() {
  return kWindows[std::uniform_int_distribution<std::size_t>(0, kWindows.size() - 1)(random_)];
}

std::vector<Event> HallTraffic::nextBatch(Hall& hall) {
  std::vector<Event> batch;
  const int commands = std::uniform_int_distribution<int>(1, 4)(random_);
  for (int i = 0; i < commands; ++i) append(batch, step(hall));
  return batch;
}

std::vector<Event> HallTraffic::openNextDay(Hall& hall) {
  std::vector<Event> events;
  // A window still serving yesterday's resident keeps the new day from opening.
  for (WindowNumber w : kWindows) {
    const auto it = hall.state().windows.find(w);
    if (it == hall.state().windows.end() || !it->second.current) continue;
    append(events, run(hall, cmd::StartService{w}, now_));
    append(events, run(hall, cmd::Complete{w}, now_));
  }
  append(events, run(hall, cmd::OpenDay{day_}, now_));
  return events;
}

std::vector<Event> HallTraffic::step(Hall& hall) {
  now_ += std::chrono::seconds(std::uniform_int_distribution<int>(5, 120)(random_));
  if (!hall.state().open) return openNextDay(hall);
  const WindowNumber w = anyWindow();
  const int pick = std::uniform_int_distribution<int>(0, 99)(random_);
  if (pick < 30) {
    const bool tax = std::uniform_int_distribution<int>(0, 1)(random_) == 1;
    const bool elderly = std::uniform_int_distribution<int>(0, 9)(random_) == 0;
    return run(hall,
               cmd::IssueTicket{tax ? "SHEBAO" : "GAOLING", Channel::Kiosk,
                                elderly ? PriorityClass::Elderly : PriorityClass::Normal, std::nullopt,
                                "kiosk-1:" + std::to_string(++requests_)},
               now_);
  }
  if (pick < 44) return run(hall, cmd::CallNext{w}, now_);
  if (pick < 54) return run(hall, cmd::StartService{w}, now_);
  if (pick < 64) return run(hall, cmd::Complete{w}, now_);
  if (pick < 68) return run(hall, cmd::RequestEvaluation{w}, now_);
  if (pick < 72) {
    const auto rating = static_cast<Rating>(std::uniform_int_distribution<int>(1, 5)(random_));
    return run(hall, cmd::Evaluate{w, rating}, now_);
  }
  if (pick < 75) return run(hall, cmd::MarkNoShow{w}, now_);
  if (pick < 77) return run(hall, cmd::Recall{w}, now_);
  if (pick < 79) return run(hall, cmd::Transfer{w, WindowKind::Issuing, "请到统一发证窗口领证"}, now_);
  if (pick < 81) {
    const auto last = hall.state().nextTicketId;
    if (last <= 1) return {};
    const auto id = std::uniform_int_distribution<TicketId>(1, last - 1)(random_);
    return run(hall, cmd::Cancel{id, "群众主动放弃"}, now_);
  }
  if (pick < 83) return run(hall, cmd::PauseWindow{w, "午休"}, now_);
  if (pick < 86) return run(hall, cmd::ResumeWindow{w}, now_);
  if (pick < 89) return run(hall, cmd::ClerkLogin{w, clerkOf(w)}, now_);
  if (pick < 92) return run(hall, cmd::OpenWindow{w}, now_);
  if (pick < 93) return run(hall, cmd::CloseWindow{w}, now_);
  if (pick < 94) return run(hall, cmd::BroadcastNotice{"今日延时服务至19:00"}, now_);
  if (pick < 95) {
    auto closed = run(hall, cmd::CloseDay{}, now_);
    if (!closed.empty()) {
      day_ = Date{std::chrono::sys_days{day_} + std::chrono::days{1}};
      now_ = nineOClock(day_);
    }
    return closed;
  }
  // The clock: a resident who never starts is a no-show, a pad nobody presses times out.
  now_ += std::chrono::minutes(std::uniform_int_distribution<int>(0, 10)(random_));
  return hall.tick(now_);
}

}  // namespace jiujin::testing
