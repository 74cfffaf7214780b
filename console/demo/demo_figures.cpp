#include "demo_figures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "jiujin/core/names.hpp"

namespace jiujin::console::demo {

namespace {

using nlohmann::json;

double secondsBetween(core::TimePoint from, core::TimePoint to) {
  return static_cast<double>(std::chrono::duration_cast<core::Seconds>(to - from).count());
}

json durations(std::vector<double> values) {
  if (values.empty()) return json{{"count", 0}, {"mean_s", 0.0}, {"p90_s", 0.0}};
  std::sort(values.begin(), values.end());
  double total = 0;
  for (double v : values) total += v;
  const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(values.size())));
  return json{{"count", values.size()},
              {"mean_s", total / static_cast<double>(values.size())},
              {"p90_s", values[std::max<std::size_t>(rank, 1) - 1]}};
}

/// The hour of the (hall-local) day, as the dispatcher counts arrivals.
std::size_t hourOf(core::TimePoint t) {
  const auto sinceMidnight = t - std::chrono::floor<std::chrono::days>(t);
  return static_cast<std::size_t>(std::chrono::duration_cast<std::chrono::hours>(sinceMidnight).count());
}

bool satisfied(core::Rating r) {
  return r == core::Rating::VerySatisfied || r == core::Rating::Satisfied || r == core::Rating::Basic;
}

/// The tickets of one group (an item, a queue, a window, a clerk).
struct Group {
  std::string name;
  int issued = 0;
  int called = 0;
  int completed = 0;
  int noShow = 0;
  std::vector<double> waits;
  std::vector<double> services;
  std::map<core::Rating, int> ratings;

  void add(const core::Ticket& t) {
    if (t.channel != core::Channel::Transfer) ++issued;
    if (t.calledAt) {
      ++called;
      waits.push_back(secondsBetween(t.arrivalAt, *t.calledAt));
    }
    if (t.state == core::TicketState::Completed) ++completed;
    if (t.state == core::TicketState::NoShow) ++noShow;
    if (t.startedAt && t.endedAt) services.push_back(secondsBetween(*t.startedAt, *t.endedAt));
    if (t.rating) ++ratings[*t.rating];
  }

  json toJson() const {
    int rated = 0;
    int happy = 0;
    json levels = json::object();
    for (const core::Rating r : core::kRatingScale) {
      const auto it = ratings.find(r);
      const int n = it == ratings.end() ? 0 : it->second;
      levels[core::toString(r)] = n;
      rated += n;
      if (satisfied(r)) happy += n;
    }
    json out{{"issued", issued},         {"called", called},     {"completed", completed},
             {"no_show", noShow},        {"transferred", 0},     {"waiting", durations(waits)},
             {"service", durations(services)}, {"ratings", levels}, {"rated", rated},
             {"satisfaction_rate", rated ? static_cast<double>(happy) / rated : 0.0}};
    if (!name.empty()) out["name"] = name;
    return out;
  }
};

json table(const std::map<std::string, Group>& groups) {
  json out = json::object();
  for (const auto& [key, g] : groups) out[key] = g.toJson();
  return out;
}

}  // namespace

json dayFigures(const core::Hall& hall, core::TimePoint now, const LoginTimes& logins) {
  const auto& definition = hall.definition();
  Group all;
  std::map<std::string, Group> byItem;
  std::map<std::string, Group> byQueue;
  std::map<std::string, Group> byWindow;
  std::map<std::string, Group> byClerk;
  std::vector<int> arrivalsByHour(24, 0);
  int withinTarget = 0;
  for (const auto& item : definition.items) byItem[item.code].name = item.name;
  for (const auto& queue : definition.queues) byQueue[queue.id].name = queue.name;
  for (const auto& window : definition.windows) byWindow[std::to_string(window.number)].name = window.name;
  for (const auto& [id, t] : hall.state().tickets) {
    all.add(t);
    byItem[t.item].add(t);
    byQueue[t.queue].add(t);
    if (t.window) byWindow[std::to_string(*t.window)].add(t);
    if (t.clerk) byClerk[*t.clerk].add(t);
    if (t.channel != core::Channel::Transfer) ++arrivalsByHour[hourOf(t.arrivalAt)];
    if (t.calledAt && *t.calledAt - t.arrivalAt <= definition.rules.waitingTarget) ++withinTarget;
  }
  json clerks = table(byClerk);
  for (const auto& [number, w] : hall.state().windows) {
    if (!w.clerk || !clerks.contains(*w.clerk)) continue;
    const auto login = logins.find(*w.clerk);
    clerks[*w.clerk]["logged_in_s"] = secondsBetween(login == logins.end() ? w.since : login->second, now);
    clerks[*w.clerk]["paused_s"] = w.state == core::WindowState::Paused ? secondsBetween(w.since, now) : 0.0;
  }
  const json total = all.toJson();
  return json{{"tickets", json{{"issued", all.issued}, {"called", all.called}, {"completed", all.completed}}},
              {"waiting", total["waiting"]},
              {"service", total["service"]},
              {"within_target", json{{"share", all.called ? static_cast<double>(withinTarget) / all.called : 0.0}}},
              {"no_show_rate", all.called ? static_cast<double>(all.noShow) / all.called : 0.0},
              {"ratings", json{{"by_level", total["ratings"]},
                               {"rated", total["rated"]},
                               {"satisfaction_rate", total["satisfaction_rate"]}}},
              {"arrivals_by_hour", arrivalsByHour},
              {"by_item", table(byItem)},
              {"by_queue", table(byQueue)},
              {"by_window", table(byWindow)},
              {"by_clerk", clerks}};
}

}  // namespace jiujin::console::demo
