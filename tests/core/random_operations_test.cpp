// 100,000 seeded random operations over 20 windows and 8 queues; every invariant is checked
// after every step, and the journal replays to the same state at the end.
#include <random>
#include <set>

#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

constexpr int kQueues = 8;
constexpr int kWindows = 20;
constexpr int kOperations = 100'000;

class Dice {
 public:
  explicit Dice(std::uint64_t seed) : rng_(seed) {}
  int below(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

 private:
  std::mt19937_64 rng_;
};

HallDefinition bigHall(Dice& dice) {
  HallDefinition d;
  d.name = "随机测试大厅";
  for (int q = 0; q < kQueues; ++q) {
    const std::string id = "q" + std::to_string(q);
    d.queues.push_back({id, std::string(1, static_cast<char>('A' + q)), "队列" + std::to_string(q)});
    for (int i = 0; i < 2; ++i) {
      ServiceItem item;
      item.code = id + "-item" + std::to_string(i);
      item.queue = id;
      item.typicalServiceMinutes = 2 + dice.below(20);
      item.priorityAllowed = i == 0;
      d.items.push_back(item);
    }
  }
  for (int w = 1; w <= kWindows; ++w) {
    WindowDef def{w, std::to_string(w) + "号窗口", static_cast<WindowKind>(dice.below(4)), {}};
    const int entries = 1 + dice.below(3);
    for (int e = 0; e < entries; ++e) {
      ProfileEntry entry{"q" + std::to_string(dice.below(kQueues)), 0.5 + dice.below(4) * 0.5};
      if (e > 0 && dice.chance(30)) entry.onlyWhenOldestWaitsAtLeast = Minutes{dice.below(30)};
      if (e > 0 && dice.chance(20)) entry.onlyWhenNoDedicatedWindowOpen = true;
      def.profile.entries.push_back(entry);
    }
    d.windows.push_back(def);
  }
  return d;
}

/// What the hall's observable state must always satisfy.
void checkInvariants(const Hall& hall, const std::set<TicketId>& issuedToday) {
  const HallState& s = hall.state();
  int activeAtWindows = 0;
  for (const auto& [number, w] : s.windows) {
    const bool holds = w.state == WindowState::Calling || w.state == WindowState::Serving;
    ASSERT_EQ(holds, w.current.has_value()) << "window " << number;
    if (w.current) {
      ++activeAtWindows;
      const Ticket& t = s.tickets.at(*w.current);
      ASSERT_EQ(t.window, number) << "the active ticket points back to its window";
      ASSERT_EQ(t.state == TicketState::Called, w.state == WindowState::Calling);
      ASSERT_EQ(t.state == TicketState::Serving, w.state == WindowState::Serving);
    }
    if (w.state != WindowState::Closed) {
      ASSERT_TRUE(w.clerk.has_value()) << "open window without clerk";
    }
    if (w.pinned) {
      ASSERT_EQ(s.tickets.at(*w.pinned).state, TicketState::Waiting);
    }
    if (w.awaitingEvaluation) {
      const Ticket& t = s.tickets.at(*w.awaitingEvaluation);
      ASSERT_EQ(t.state, TicketState::Completed);
      ASSERT_EQ(t.evaluation, EvaluationStatus::Requested);
    }
  }
  int active = 0;
  std::set<std::pair<QueueId, std::string>> numbers;
  std::map<QueueId, int> waitingInQueue;
  ASSERT_EQ(s.tickets.size(), issuedToday.size()) << "no ticket lost or invented";
  for (const auto& [id, t] : s.tickets) {
    ASSERT_TRUE(issuedToday.contains(id));
    ASSERT_EQ(t.id, id);
    if (t.state == TicketState::Called || t.state == TicketState::Serving) ++active;
    if (t.channel != Channel::Transfer) {
      ASSERT_TRUE(numbers.insert({t.queue, t.number}).second) << "number " << t.number << " reused";
      ASSERT_LE(t.sequence, s.lastSequence.at(t.queue));
    }
    if (t.state == TicketState::Waiting && !t.targetWindow && !t.targetKind) ++waitingInQueue[t.queue];
    ASSERT_LT(id, s.nextTicketId);
  }
  ASSERT_EQ(active, activeAtWindows) << "a ticket is active at exactly one window";
  for (const auto& q : hall.definition().queues) {
    ASSERT_EQ(hall.estimateForQueue(q.id, TimePoint{}).peopleAhead, waitingInQueue[q.id]) << q.id;
  }
}

/// A cheap summary that changes whenever a command changes anything.
struct Fingerprint {
  std::size_t tickets = 0;
  std::size_t historySteps = 0;
  TicketId nextTicketId = 0;
  std::map<WindowNumber, WindowStatus> windows;
  std::map<QueueId, int> lastSequence;
  bool open = false;
  bool operator==(const Fingerprint&) const = default;
};
Fingerprint fingerprintOf(const HallState& s) {
  Fingerprint f{s.tickets.size(), 0, s.nextTicketId, s.windows, s.lastSequence, s.open};
  for (const auto& [id, t] : s.tickets) f.historySteps += t.history.size();
  return f;
}

Command randomCommand(Dice& dice, const Hall& hall, TimePoint now) {
  const auto& s = hall.state();
  const auto& d = hall.definition();
  auto window = [&] { return 1 + dice.below(kWindows + 1); };  // sometimes an unknown one
  // Mostly aim where the command makes sense, so the walk goes deep into the lifecycle.
  auto windowWhere = [&](auto wanted) {
    if (dice.chance(20)) return window();
    std::vector<WindowNumber> fit;
    for (const auto& [number, w] : s.windows) {
      if (wanted(w)) fit.push_back(number);
    }
    return fit.empty() ? window() : fit[static_cast<std::size_t>(dice.below(static_cast<int>(fit.size())))];
  };
  auto busyWindow = [&] { return windowWhere([](const WindowStatus& w) { return w.current.has_value(); }); };
  auto idleWindow = [&] { return windowWhere([](const WindowStatus& w) { return w.state == WindowState::Idle; }); };
  auto closedWindow = [&] { return windowWhere([](const WindowStatus& w) { return w.state == WindowState::Closed; }); };
  auto ratingWindow = [&] { return windowWhere([](const WindowStatus& w) { return w.awaitingEvaluation.has_value(); }); };
  auto someTicket = [&]() -> TicketId {
    if (s.tickets.empty() || dice.chance(3)) return 999'999;
    auto it = s.tickets.lower_bound(s.tickets.begin()->first + dice.below(static_cast<int>(s.tickets.size())));
    return it == s.tickets.end() ? s.tickets.begin()->first : it->first;
  };
  const int roll = dice.below(100);
  if (roll < 22) {
    cmd::IssueTicket c{d.items[static_cast<std::size_t>(dice.below(static_cast<int>(d.items.size())))].code};
    if (dice.chance(15)) c.priority = static_cast<PriorityClass>(1 + dice.below(4));
    if (dice.chance(10)) {
      c.channel = Channel::Appointment;
      c.appointmentSlot = now + Minutes{dice.below(60) - 20};
    }
    if (dice.chance(10)) c.requestKey = "key" + std::to_string(dice.below(400));
    if (dice.chance(2)) c.item = "nonexistent";
    return c;
  }
  if (roll < 40) return cmd::CallNext{idleWindow()};
  if (roll < 44) return cmd::Recall{busyWindow()};
  if (roll < 54) return cmd::StartService{busyWindow()};
  if (roll < 63) return cmd::Complete{busyWindow()};
  if (roll < 66) return cmd::MarkNoShow{busyWindow()};
  if (roll < 68) return cmd::Reactivate{someTicket()};
  if (roll < 71) {
    TransferTarget to = WindowKind::Issuing;
    const int kind = dice.below(3);
    if (kind == 0) to = QueueId{"q" + std::to_string(dice.below(kQueues + 1))};
    if (kind == 1) to = WindowNumber{window()};
    if (kind == 2) to = static_cast<WindowKind>(dice.below(4));
    return cmd::Transfer{busyWindow(), to, "随机转办"};
  }
  if (roll < 73) return cmd::Cancel{someTicket(), "随机取消"};
  if (roll < 76) return cmd::PauseWindow{window(), "暂停"};
  if (roll < 79) return cmd::ResumeWindow{window()};
  if (roll < 83) return cmd::OpenWindow{closedWindow()};
  if (roll < 85) return cmd::CloseWindow{window()};
  if (roll < 88) return cmd::ClerkLogin{closedWindow(), "clerk" + std::to_string(dice.below(30))};
  if (roll < 89) return cmd::ClerkLogout{window()};
  if (roll < 93) return cmd::Evaluate{ratingWindow(), static_cast<Rating>(dice.below(7))};
  if (roll < 94) return cmd::RequestEvaluation{ratingWindow()};
  if (roll < 96) return cmd::PinTicket{window(), someTicket()};
  if (roll < 97) {
    WorkProfile p;
    for (int e = 0, n = dice.below(4); e < n; ++e) {
      p.entries.push_back({"q" + std::to_string(dice.below(kQueues)), 0.5 + dice.below(3) * 0.5});
    }
    return cmd::SetWorkProfile{window(), p};
  }
  // About one day in 200 operations: closing, then reopened by the loop (refusals while closed too).
  if (roll == 99 && dice.chance(50)) return cmd::CloseDay{};
  return cmd::BroadcastNotice{"通知" + std::to_string(dice.below(10))};
}

TEST(RandomOperations, EveryInvariantHoldsAfterEachOfManySeededOperations) {
  Dice dice{20240315};
  const HallDefinition definition = bigHall(dice);
  Hall hall{definition};
  std::vector<Event> journal;
  std::set<TicketId> issuedToday;
  TimePoint now = at(8, 0);
  int refusals = 0;
  auto record = [&](const std::vector<Event>& events) {
    for (const auto& e : events) {
      if (std::holds_alternative<ev::DayOpened>(e)) issuedToday.clear();
      if (const auto* issued = std::get_if<ev::TicketIssued>(&e)) issuedToday.insert(issued->ticket.id);
      if (const auto* moved = std::get_if<ev::TicketTransferred>(&e)) issuedToday.insert(moved->child.id);
      journal.push_back(e);
    }
  };
  for (int step = 0; step < kOperations; ++step) {
    now += Milliseconds{dice.below(20'000)};
    if (!hall.state().open) {
      auto opened = hall.execute(cmd::OpenDay{dateOf(now)}, now);
      if (opened) record(opened.value());
    }
    if (dice.chance(10)) record(hall.tick(now));
    const Command command = randomCommand(dice, hall, now);
    const Fingerprint before = fingerprintOf(hall.state());
    const bool fullCompare = refusals % 25 == 0;
    const HallState fullBefore = fullCompare ? hall.state() : HallState{};
    auto result = hall.execute(command, now);
    if (result) {
      record(result.value());
    } else {
      ++refusals;
      ASSERT_FALSE(result.error().zh.empty());
      ASSERT_TRUE(fingerprintOf(hall.state()) == before) << "refused " << toString(result.error().code) << " changed state";
      if (fullCompare) {
        ASSERT_TRUE(hall.state() == fullBefore);
      }
    }
    ASSERT_NO_FATAL_FAILURE(checkInvariants(hall, issuedToday)) << "after step " << step;
  }
  // The walk must reach every corner of the lifecycle, not just bounce off refusals.
  std::map<std::size_t, int> eventsOfKind;
  for (const auto& e : journal) ++eventsOfKind[e.index()];
  auto count = [&](const Event& kind) { return eventsOfKind[kind.index()]; };
  EXPECT_GT(count(ev::TicketIssued{}), 5000);
  EXPECT_GT(count(ev::TicketCalled{}), 2000);
  EXPECT_GT(count(ev::ServiceCompleted{}), 800);
  EXPECT_GT(count(ev::TicketTransferred{}), 300);
  EXPECT_GT(count(ev::TicketNoShow{}), 300);
  EXPECT_GT(count(ev::TicketReactivated{}), 10);
  EXPECT_GT(count(ev::TicketEvaluated{}), 100);
  EXPECT_GT(count(ev::DayClosed{}), 10);
  EXPECT_GT(refusals, 1000);
  EXPECT_LT(refusals, kOperations * 9 / 10) << "most operations should do something";

  Hall replayed{definition};
  for (const auto& e : journal) replayed.apply(e);
  EXPECT_TRUE(replayed.state() == hall.state()) << "the journal rebuilds the state";
}

}  // namespace
}  // namespace jiujin::core::testing
