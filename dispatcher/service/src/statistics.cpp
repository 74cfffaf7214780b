#include "jiujin/service/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/field_reader.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/store/case_register.hpp"
#include "jiujin/store/database.hpp"
#include "jiujin/store/period_history.hpp"

namespace jiujin::service {

using nlohmann::json;

namespace {

long long secondsBetween(core::TimePoint from, core::TimePoint to) {
  return std::chrono::duration_cast<core::Seconds>(to - from).count();
}

struct WaitFigures {
  int count = 0;
  long long totalSeconds = 0;
  long long maxSeconds = 0;
  void add(long long s) {
    ++count;
    totalSeconds += s;
    maxSeconds = std::max(maxSeconds, s);
  }
  json toJson() const {
    return json{{"count", count},
                {"average_s", count ? totalSeconds / count : 0},
                {"max_s", maxSeconds}};
  }
};

json estimateJson(const core::WaitEstimate& e) {
  return json{{"people_ahead", e.peopleAhead}, {"wait_s", e.wait.count()}, {"windows_serving", e.windowsServing}};
}

}  // namespace

json statistics(const core::Hall& hall, core::TimePoint now) {
  const auto& state = hall.state();
  std::map<std::string, int> byState;
  std::map<std::string, json> queues;
  std::map<std::string, WaitFigures> waitingNow;  // per queue, still waiting
  std::map<std::string, WaitFigures> waitedUntilCalled;
  std::map<std::string, int> issued;
  std::map<int, WaitFigures> serviceByWindow;
  std::map<std::string, int> ratings;
  for (const auto& [id, t] : state.tickets) {
    ++byState[core::toString(t.state)];
    ++issued[t.queue];
    if (t.state == core::TicketState::Waiting) waitingNow[t.queue].add(secondsBetween(t.arrivalAt, now));
    if (t.calledAt) waitedUntilCalled[t.queue].add(secondsBetween(t.arrivalAt, *t.calledAt));
    if (t.state == core::TicketState::Completed && t.startedAt && t.endedAt && t.window)
      serviceByWindow[*t.window].add(secondsBetween(*t.startedAt, *t.endedAt));
    if (t.rating) ++ratings[core::toString(*t.rating)];
  }
  for (const auto& q : hall.definition().queues) {
    queues[q.id] = json{{"name", q.name},
                        {"prefix", q.prefix},
                        {"issued", issued[q.id]},
                        {"waiting", waitingNow[q.id].toJson()},
                        {"waited_until_called", waitedUntilCalled[q.id].toJson()},
                        {"estimate", estimateJson(hall.estimateForQueue(q.id, now))}};
  }
  json windows = json::object();
  for (const auto& [number, w] : state.windows) {
    windows[std::to_string(number)] = json{{"state", core::toString(w.state)},
                                           {"clerk", w.clerk ? json(*w.clerk) : json()},
                                           {"current", w.current ? json(*w.current) : json()},
                                           {"served", serviceByWindow[number].toJson()},
                                           {"in_state_s", secondsBetween(w.since, now)}};
  }
  return json{{"at", now.time_since_epoch().count()},
              {"day_open", state.open},
              {"tickets", json{{"total", state.tickets.size()}, {"by_state", byState}}},
              {"queues", queues},
              {"windows", windows},
              {"ratings", ratings}};
}

json itemsWithWaits(const core::Hall& hall, core::TimePoint now) {
  json items = json::array();
  for (const auto& item : hall.definition().items) {
    const auto e = hall.estimateForItem(item.code, core::PriorityClass::Normal, now);
    items.push_back(json{{"code", item.code},
                         {"name", item.name},
                         {"category", item.category},
                         {"queue", item.queue},
                         {"kind", core::toString(item.kind)},
                         {"promised_working_days", item.promisedWorkingDays},
                         {"materials", item.materials},
                         {"fees", item.fees},
                         {"priority_allowed", item.priorityAllowed},
                         {"estimate", estimateJson(e)}});
  }
  return json{{"day_open", hall.state().open}, {"items", items}};
}

// ---------------------------------------------------------------------------------------
// Figures over days, from the durable history.

namespace {

/// Durations in seconds, summarised as count, mean and nearest-rank 90th percentile.
class Durations {
 public:
  void add(double seconds) { values_.push_back(seconds); }
  std::size_t count() const { return values_.size(); }
  double mean() const {
    if (values_.empty()) return 0.0;
    double total = 0.0;
    for (double v : values_) total += v;
    return total / static_cast<double>(values_.size());
  }
  double percentile90() const {
    if (values_.empty()) return 0.0;
    std::vector<double> sorted = values_;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(sorted.size())));
    return sorted[std::max<std::size_t>(rank, 1) - 1];
  }
  json toJson() const { return json{{"count", count()}, {"mean_s", mean()}, {"p90_s", percentile90()}}; }

 private:
  std::vector<double> values_;
};

double secondsOf(core::Milliseconds d) { return static_cast<double>(d.count()) / 1000.0; }

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

bool isSatisfied(core::Rating r) {
  return r == core::Rating::VerySatisfied || r == core::Rating::Satisfied || r == core::Rating::Basic;
}

/// Tickets counted one way (by item, queue, window or clerk).
struct TicketCounts {
  int issued = 0;     ///< arrivals (transfers excluded: the resident arrived once)
  int called = 0;
  int completed = 0;
  int noShow = 0;
  int transferred = 0;
  Durations waiting;
  Durations service;
  std::map<core::Rating, int> ratings;
  json toJson() const {
    int rated = 0;
    int satisfied = 0;
    json levels = json::object();
    for (core::Rating r : {core::Rating::VerySatisfied, core::Rating::Satisfied, core::Rating::Basic,
                           core::Rating::Dissatisfied, core::Rating::VeryDissatisfied}) {
      const auto it = ratings.find(r);
      const int n = it == ratings.end() ? 0 : it->second;
      levels[core::toString(r)] = n;
      rated += n;
      if (isSatisfied(r)) satisfied += n;
    }
    return json{{"issued", issued},
                {"called", called},
                {"completed", completed},
                {"no_show", noShow},
                {"transferred", transferred},
                {"waiting", waiting.toJson()},
                {"service", service.toJson()},
                {"ratings", levels},
                {"rated", rated},
                {"satisfaction_rate", share(static_cast<std::size_t>(satisfied), static_cast<std::size_t>(rated))}};
  }
};

/// When a ticket was first called (a recall moves calledAt, not the resident's wait).
std::optional<core::TimePoint> firstCall(const core::Ticket& t) {
  for (const auto& step : t.history)
    if (step.state == core::TicketState::Called) return step.at;
  return t.calledAt;
}

/// Logged-in and paused time per clerk, from window events in journal order.
class AttendanceClock {
 public:
  void apply(const core::Event& event) {
    std::visit([this](const auto& e) { on(e); }, event);
  }
  /// Closes whatever is still open at `end`.
  void finish(core::TimePoint end) { closeAll(end); }
  double loggedInSeconds(const core::ClerkId& clerk) const { return valueOr(loggedIn_, clerk); }
  double pausedSeconds(const core::ClerkId& clerk) const { return valueOr(paused_, clerk); }
  std::vector<core::ClerkId> clerks() const {
    std::vector<core::ClerkId> all;
    for (const auto& [clerk, s] : loggedIn_) all.push_back(clerk);
    return all;
  }

 private:
  struct Open {
    core::ClerkId clerk;
    core::TimePoint since;
    std::optional<core::TimePoint> pausedSince;
  };

  static double valueOr(const std::map<core::ClerkId, double>& m, const core::ClerkId& k) {
    const auto it = m.find(k);
    return it == m.end() ? 0.0 : it->second;
  }
  void closePause(Open& o, core::TimePoint at) {
    if (o.pausedSince) paused_[o.clerk] += secondsOf(at - *o.pausedSince);
    o.pausedSince.reset();
  }
  void close(core::WindowNumber window, core::TimePoint at) {
    const auto it = open_.find(window);
    if (it == open_.end()) return;
    closePause(it->second, at);
    loggedIn_[it->second.clerk] += secondsOf(at - it->second.since);
    open_.erase(it);
  }
  void closeAll(core::TimePoint at) {
    while (!open_.empty()) close(open_.begin()->first, at);
  }

  void on(const core::ev::ClerkLoggedIn& e) {
    close(e.window, e.at);
    open_[e.window] = Open{e.clerk, e.at, std::nullopt};
    loggedIn_.try_emplace(e.clerk, 0.0);
  }
  void on(const core::ev::ClerkLoggedOut& e) { close(e.window, e.at); }
  void on(const core::ev::WindowPaused& e) {
    if (auto it = open_.find(e.window); it != open_.end() && !it->second.pausedSince) it->second.pausedSince = e.at;
  }
  void on(const core::ev::WindowResumed& e) {
    if (auto it = open_.find(e.window); it != open_.end()) closePause(it->second, e.at);
  }
  void on(const core::ev::WindowClosed& e) {
    if (auto it = open_.find(e.window); it != open_.end()) closePause(it->second, e.at);
  }
  // A day's end ends every session: a login never runs across the night.
  void on(const core::ev::DayClosed& e) { closeAll(e.at); }
  void on(const core::ev::DayOpened& e) { closeAll(e.at); }
  template <typename Other>
  void on(const Other&) {}

  std::map<core::WindowNumber, Open> open_;
  std::map<core::ClerkId, double> loggedIn_;
  std::map<core::ClerkId, double> paused_;
};

/// Hour of the (hall-local) day, 0–23.
int hourOf(core::TimePoint t) {
  const auto sinceMidnight = t - std::chrono::floor<std::chrono::days>(t);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(sinceMidnight).count());
}

}  // namespace

Outcome<FigurePeriod> figurePeriodFromJson(const json& body, core::Date today) {
  protocol::FieldReader reader(body, {"from", "to"});
  const auto from = reader.date("from", protocol::Presence::OptionalOrNull);
  const auto to = reader.date("to", protocol::Presence::OptionalOrNull);
  if (reader.error()) return fromCoreError(*reader.error());
  FigurePeriod period{from.value_or(today), to.value_or(from.value_or(today))};
  if (std::chrono::sys_days{period.to} < std::chrono::sys_days{period.from}) {
    return ServiceError{"invalid_argument", "统计的结束日期早于开始日期", "\"to\" is before \"from\""};
  }
  const auto days = (std::chrono::sys_days{period.to} - std::chrono::sys_days{period.from}).count() + 1;
  if (days > kMaxFigureDays) {
    return ServiceError{"period_too_long",
                        fmt::format("统计期间为 {} 天，最长 {} 天，请分段查询", days, kMaxFigureDays),
                        fmt::format("the period has {} days; at most {} days per request", days, kMaxFigureDays)};
  }
  return period;
}

json periodFigures(const std::vector<core::Ticket>& tickets, const std::vector<core::Event>& events,
                   const core::HallDefinition& definition, core::TimePoint end) {
  const double targetSeconds = static_cast<double>(core::Seconds(definition.rules.waitingTarget).count());
  TicketCounts all;
  std::map<std::string, TicketCounts> byItem;
  std::map<std::string, TicketCounts> byQueue;
  std::map<int, TicketCounts> byWindow;
  std::map<std::string, TicketCounts> byClerk;
  std::size_t withinTarget = 0;
  int notRated = 0;
  std::vector<int> arrivals(24, 0);

  for (const core::Ticket& t : tickets) {
    std::vector<TicketCounts*> counts{&all, &byItem[t.item], &byQueue[t.queue]};
    if (t.window) counts.push_back(&byWindow[*t.window]);
    if (t.clerk) counts.push_back(&byClerk[*t.clerk]);
    const bool arrival = t.channel != core::Channel::Transfer;
    const auto called = firstCall(t);
    const bool served = t.startedAt && t.endedAt &&
                        (t.state == core::TicketState::Completed || t.state == core::TicketState::Transferred);
    for (TicketCounts* c : counts) {
      if (arrival) ++c->issued;
      if (called) {
        ++c->called;
        c->waiting.add(secondsOf(*called - t.issuedAt));
      }
      if (t.state == core::TicketState::Completed) ++c->completed;
      if (t.state == core::TicketState::NoShow) ++c->noShow;
      if (t.state == core::TicketState::Transferred) ++c->transferred;
      if (served) c->service.add(secondsOf(*t.endedAt - *t.startedAt));
      if (t.rating) ++c->ratings[*t.rating];
    }
    if (arrival) ++arrivals[static_cast<std::size_t>(hourOf(t.issuedAt))];
    if (called && secondsOf(*called - t.issuedAt) <= targetSeconds) ++withinTarget;
    if (t.evaluation == core::EvaluationStatus::NotRated) ++notRated;
  }

  AttendanceClock attendance;
  for (const core::Event& e : events) attendance.apply(e);
  attendance.finish(end);

  const auto names = [](const auto& list, const std::string& id) {
    for (const auto& entry : list)
      if (entry.id == id) return entry.name;
    return std::string();
  };
  json items = json::object();
  for (const auto& [code, c] : byItem) {
    json j = c.toJson();
    for (const auto& item : definition.items)
      if (item.code == code) j["name"] = item.name;
    items[code] = j;
  }
  json queues = json::object();
  for (const auto& [id, c] : byQueue) {
    json j = c.toJson();
    j["name"] = names(definition.queues, id);
    queues[id] = j;
  }
  json windows = json::object();
  for (const auto& [number, c] : byWindow) windows[std::to_string(number)] = c.toJson();
  json clerks = json::object();
  std::set<core::ClerkId> everyClerk;
  for (const auto& [id, c] : byClerk) everyClerk.insert(id);
  for (const auto& id : attendance.clerks()) everyClerk.insert(id);
  for (const auto& id : everyClerk) {
    json j = byClerk[id].toJson();
    j["logged_in_s"] = attendance.loggedInSeconds(id);
    j["paused_s"] = attendance.pausedSeconds(id);
    clerks[id] = j;
  }

  json totals = all.toJson();
  return json{{"tickets", totals},
              {"waiting", totals["waiting"]},
              {"service", totals["service"]},
              {"within_target", json{{"target_s", targetSeconds},
                                     {"count", withinTarget},
                                     {"share", share(withinTarget, all.waiting.count())}}},
              {"no_show_rate", share(static_cast<std::size_t>(all.noShow), static_cast<std::size_t>(all.called))},
              {"ratings", json{{"by_level", totals["ratings"]},
                               {"rated", totals["rated"]},
                               {"not_rated", notRated},
                               {"satisfaction_rate", totals["satisfaction_rate"]}}},
              {"arrivals_by_hour", arrivals},
              {"by_item", items},
              {"by_queue", queues},
              {"by_window", windows},
              {"by_clerk", clerks}};
}

Outcome<json> periodFigures(const std::filesystem::path& database, const FigurePeriod& period,
                            const core::HallDefinition& definition, core::TimePoint now) {
  auto db = store::Database::open(database, store::Database::Mode::OpenExisting);
  if (!db) {
    return errors::storageFailed(
        fmt::format("reading the figures from {}: {}", database.filename().string(), db.error().message));
  }
  return periodFigures(db.value(), period, definition, now);
}

namespace {

/// 限时办结: cases decided in the period, and the share decided by their promised date.
json onTimeJson(const store::OnTimeCount& c) {
  return json{{"decided", c.decided},
              {"on_time", c.onTime},
              {"on_time_rate", c.decided == 0 ? json() : json(static_cast<double>(c.onTime) / c.decided)}};
}

json caseFigures(const store::OnTimeFigures& f) {
  json figures = onTimeJson(f.all);
  json byItem = json::object();
  for (const auto& [item, c] : f.byItem) byItem[item] = onTimeJson(c);
  json byWindow = json::object();
  for (const auto& [window, c] : f.byWindow) byWindow[std::to_string(window)] = onTimeJson(c);
  json byClerk = json::object();
  for (const auto& [clerk, c] : f.byClerk) byClerk[clerk] = onTimeJson(c);
  figures["by_item"] = std::move(byItem);
  figures["by_window"] = std::move(byWindow);
  figures["by_clerk"] = std::move(byClerk);
  return figures;
}

}  // namespace

Outcome<json> periodFigures(store::Database& database, const FigurePeriod& period,
                            const core::HallDefinition& definition, core::TimePoint now) {
  const auto failed = [&](const store::StoreError& e) {
    return errors::storageFailed(
        fmt::format("reading the figures from {}: {}", database.path().filename().string(), e.message));
  };
  auto history = store::readPeriodHistory(database, period.from, period.to);
  if (!history) return failed(history.error());
  const auto today = std::chrono::sys_days{core::dateOf(now)};
  const bool reachesToday = std::chrono::sys_days{period.from} <= today && today <= std::chrono::sys_days{period.to};
  json figures = periodFigures(history.value().tickets, history.value().attendance, definition,
                               reachesToday ? now : history.value().lastEvent);
  auto onTime = store::readOnTime(database, period.from, period.to);
  if (!onTime) return failed(onTime.error());
  figures["cases"] = caseFigures(onTime.value());
  figures["from"] = protocol::dateToString(period.from);
  figures["to"] = protocol::dateToString(period.to);
  return figures;
}

}  // namespace jiujin::service
