#include "year_of_history.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include "jiujin/core/hall.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::bench {

using namespace std::chrono_literals;
using namespace jiujin::core;

namespace {

[[noreturn]] void die(const std::string& what) {
  std::cerr << "history generator: " << what << '\n';
  std::exit(1);
}

/// A small deterministic generator: the same history on every run.
class Dice {
 public:
  int below(int n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state_ >> 33) % static_cast<unsigned long long>(n));
  }

 private:
  unsigned long long state_ = 20240507;
};

struct Counter {
  core::Hall& hall;
  std::vector<Event>& events;
  /// Executes `command` at `now`; a refusal is fine (e.g. nobody waiting) and adds nothing.
  bool run(const Command& command, TimePoint now) {
    auto result = hall.execute(command, now);
    if (!result) return false;
    for (auto& e : result.value()) events.push_back(std::move(e));
    return true;
  }
};

}  // namespace

HallDefinition historyHall(int windows) {
  HallDefinition d;
  d.name = "history bench hall";
  d.queues = {{"general", "A", "综合受理"}, {"social", "B", "社保医保"}, {"tax", "C", "税务"},
              {"housing", "D", "不动产"},  {"business", "E", "企业开办"}, {"civil", "F", "民政"}};
  WorkProfile everyQueue;
  for (const auto& q : d.queues) {
    ServiceItem item;
    item.code = "T-" + q.prefix;
    item.name = q.name + "事项";
    item.queue = q.id;
    d.items.push_back(item);
    everyQueue.entries.push_back(ProfileEntry{q.id});
  }
  for (int w = 1; w <= windows; ++w) {
    WindowDef window;
    window.number = w;
    window.name = fmt::format("窗口{}", w);
    window.profile = everyQueue;
    d.windows.push_back(window);
  }
  return d;
}

WrittenHistory writeYearOfHistory(const std::filesystem::path& path, const HistoryShape& shape, Date today) {
  const auto started = std::chrono::steady_clock::now();
  store::StoreOptions options;
  options.durability = store::Durability::Normal;  // a generator: speed over power-loss safety
  options.snapshotEvery = 1'000'000;               // at day open and close only
  options.checkIntegrityOnOpen = false;
  auto opened = store::HallStore::open(path, options);
  if (!opened.ok()) die(opened.error().message);
  store::HallStore& store = *opened.value();
  const HallDefinition definition = historyHall(shape.windows);
  auto recovered = store.recover(definition);
  if (!recovered.ok()) die(recovered.error().message);
  core::Hall hall = std::move(recovered.value().hall);

  Dice dice;
  WrittenHistory written;
  std::vector<Event> events;
  Counter counter{hall, events};
  const auto ratings = {Rating::VerySatisfied, Rating::VerySatisfied, Rating::Satisfied, Rating::Satisfied,
                        Rating::Basic, Rating::Dissatisfied};
  for (int back = shape.days; back >= 1; --back) {
    const auto day = std::chrono::sys_days{today} - std::chrono::days{back};
    const TimePoint open = TimePoint{day} + 8h + 30min;
    const TimePoint close = TimePoint{day} + 17h + 30min;
    events.clear();
    counter.run(cmd::OpenDay{Date{day}}, open - 30min);
    for (int w = 1; w <= shape.windows; ++w) {
      counter.run(cmd::ClerkLogin{w, fmt::format("c{:02}", w)}, open - 10min);
      counter.run(cmd::OpenWindow{w}, open - 10min);
    }
    std::vector<TimePoint> freeAt(static_cast<std::size_t>(shape.windows) + 1, open);
    std::vector<bool> serving(static_cast<std::size_t>(shape.windows) + 1, false);
    const int minutes = static_cast<int>(std::chrono::duration_cast<Minutes>(close - open).count());
    int issued = 0;
    for (int m = 0; m < minutes; ++m) {
      const TimePoint now = open + Minutes{m};
      // Arrivals spread evenly over the day, a few more or less each minute.
      const int due = static_cast<int>(static_cast<long long>(shape.ticketsPerDay) * (m + 1) / minutes);
      for (; issued < due; ++issued) {
        cmd::IssueTicket issue;
        issue.item = definition.items[static_cast<std::size_t>(dice.below(6))].code;
        if (counter.run(issue, now + Milliseconds{issued % 60'000})) ++written.tickets;
      }
      const TimePoint at = now + 59s;
      for (int w = 1; w <= shape.windows; ++w) {
        const auto i = static_cast<std::size_t>(w);
        if (serving[i] && freeAt[i] <= at) {
          counter.run(cmd::Complete{w}, at);
          counter.run(cmd::Evaluate{w, *(ratings.begin() + dice.below(6))}, at);
          serving[i] = false;
        }
        if (!serving[i] && counter.run(cmd::CallNext{w}, at)) {
          counter.run(cmd::StartService{w}, at);
          serving[i] = true;
          freeAt[i] = at + Minutes{4 + dice.below(12)};
        }
      }
    }
    for (int w = 1; w <= shape.windows; ++w) {
      counter.run(cmd::Complete{w}, close);
      counter.run(cmd::ClerkLogout{w}, close);
      counter.run(cmd::CloseWindow{w}, close);
    }
    counter.run(cmd::CloseDay{}, close + 1min);
    if (auto appended = store.append(events, hall); !appended.ok()) die(appended.error().message);
    written.events += static_cast<long long>(events.size());
  }
  written.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return written;
}

}  // namespace jiujin::bench
