// Issue and call-next with 1k, 10k and 100k waiting tickets over 50 queues and 200 windows.
// Goal: call-next decision median ≤ 2 µs at 10k, growing no worse than log(waiting).
//
// 100k waiting is more than one day's numbering allows (50 queues × 999), so the halls are
// built as a HallState and restored (which also exercises the index rebuild).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <chrono>

#include "jiujin/core/hall.hpp"

namespace {

using namespace jiujin::core;

constexpr int kQueues = 50;
constexpr int kWindows = 200;

TimePoint morning() {
  using namespace std::chrono;
  return sys_days{year{2024} / 3 / 15} + hours{8};
}

HallDefinition bigHall() {
  HallDefinition d;
  d.name = "基准测试大厅";
  for (int q = 0; q < kQueues; ++q) {
    const std::string id = fmt::format("q{:02}", q);
    d.queues.push_back({id, fmt::format("Q{:02}", q), id});
    ServiceItem item;
    item.code = id + "-item";
    item.queue = id;
    item.typicalServiceMinutes = 5 + q % 10;
    d.items.push_back(item);
  }
  for (int w = 1; w <= kWindows; ++w) {
    // A primary queue, a weighted second one and one taken only when it backs up.
    WorkProfile p{{{fmt::format("q{:02}", w % kQueues)},
                   {fmt::format("q{:02}", (w * 7) % kQueues), 1.5},
                   {fmt::format("q{:02}", (w * 13) % kQueues), 1.0, Minutes{10}, false}}};
    d.windows.push_back({w, fmt::format("{}号窗口", w), static_cast<WindowKind>(w % 4), p});
  }
  return d;
}

/// A hall with `waiting` tickets spread over the queues: 5% 绿色通道, 2% appointments
/// (slots later in the day), 1% transferred to a window or a kind. All windows open.
Hall hallWithWaiting(int waiting) {
  const HallDefinition d = bigHall();
  HallState s;
  s.day = dateOf(morning());
  s.open = true;
  for (const auto& w : d.windows) {
    WindowStatus status;
    status.number = w.number;
    status.state = WindowState::Idle;
    status.clerk = fmt::format("clerk{}", w.number);
    status.profile = w.profile;
    s.windows.emplace(w.number, std::move(status));
  }
  for (int i = 0; i < waiting; ++i) {
    Ticket t;
    t.id = static_cast<TicketId>(i + 1);
    const int q = (i * 31) % kQueues;
    t.queue = d.queues[static_cast<std::size_t>(q)].id;
    t.item = d.items[static_cast<std::size_t>(q)].code;
    t.sequence = 1 + (i / kQueues) % 999;
    t.number = fmt::format("{}{:03}", d.queues[static_cast<std::size_t>(q)].prefix, t.sequence);
    t.issuedAt = t.arrivalAt = morning() + Milliseconds{static_cast<long>(i) * 7919 % (8 * 3600 * 1000)};
    if (i % 20 == 3) t.priority = PriorityClass::Elderly;
    if (i % 50 == 7) {
      t.channel = Channel::Appointment;
      t.appointmentSlot = morning() + std::chrono::hours{9};
    }
    if (i % 100 == 11) t.targetWindow = 1 + i % kWindows;
    if (i % 100 == 61) t.targetKind = static_cast<WindowKind>(i % 4);
    t.history.push_back({t.issuedAt, TicketState::Waiting, std::nullopt, "取号"});
    s.tickets.emplace(t.id, std::move(t));
  }
  s.nextTicketId = static_cast<TicketId>(waiting + 1);
  for (const auto& q : d.queues) s.lastSequence[q.id] = 0;
  return Hall{d, std::move(s)};
}

const TimePoint kNow = morning() + std::chrono::hours{8} + std::chrono::minutes{30};

/// The decision alone: what CallNext would pick, and the explanation.
void BM_CallNextDecision(benchmark::State& state) {
  Hall hall = hallWithWaiting(static_cast<int>(state.range(0)));
  int window = 0;
  for (auto _ : state) {
    auto decision = hall.peekNext(1 + window, kNow);
    benchmark::DoNotOptimize(decision);
    window = (window + 1) % kWindows;
  }
}

/// A full call through execute (decide + apply), then the ticket is put back
/// (no-show and reactivation, untimed) so the number waiting stays the same.
void BM_CallNextExecute(benchmark::State& state) {
  Hall hall = hallWithWaiting(static_cast<int>(state.range(0)));
  int window = 0;
  for (auto _ : state) {
    const WindowNumber w = 1 + window;
    auto called = hall.execute(cmd::CallNext{w}, kNow);
    state.PauseTiming();
    if (called && !called.value().empty()) {
      const TicketId id = std::get<ev::TicketCalled>(called.value().front()).ticket;
      hall.execute(cmd::MarkNoShow{w}, kNow);
      hall.execute(cmd::Reactivate{id}, kNow);
    }
    window = (window + 1) % kWindows;
    state.ResumeTiming();
  }
}

/// Issuing one ticket (numbering, index insert); cancelled untimed to keep the count.
void BM_IssueTicket(benchmark::State& state) {
  Hall hall = hallWithWaiting(static_cast<int>(state.range(0)));
  const auto& items = hall.definition().items;
  std::size_t item = 0;
  for (auto _ : state) {
    auto issued = hall.execute(cmd::IssueTicket{items[item].code}, kNow);
    state.PauseTiming();
    if (issued && !issued.value().empty()) {
      hall.execute(cmd::Cancel{std::get<ev::TicketIssued>(issued.value().front()).ticket.id, ""}, kNow);
    }
    item = (item + 1) % items.size();
    state.ResumeTiming();
  }
}

// Fixed iterations keep every queue under its 999 numbers and the journal small; the
// repetitions give the median.
BENCHMARK(BM_CallNextDecision)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_CallNextExecute)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Iterations(20'000)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_IssueTicket)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Iterations(20'000)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
