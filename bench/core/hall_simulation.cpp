#include "hall_simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <queue>
#include <random>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace jiujin::bench {
namespace {

using namespace core;
using std::chrono::duration_cast;

/// An item as residents really bring it: how often, and how long it really takes.
struct ItemTruth {
  const char* code;
  const char* queue;
  int priorMinutes;      ///< what the hall was configured with
  double share;          ///< of arrivals
  double trueFactor;     ///< real median ÷ prior: the hall has to learn this
};

constexpr ItemTruth kItems[] = {
    {"birth", "general", 3, .08, 1.3},          {"elder_allowance", "general", 4, .08, 0.8},
    {"employment", "general", 6, .08, 1.2},     {"elder_card", "general", 2, .06, 1.0},
    {"hukou_move", "police", 8, .06, 1.4},      {"id_card", "police", 4, .08, 0.9},
    {"tax_invoice", "tax", 5, .07, 1.1},        {"tax_register", "tax", 9, .05, 0.8},
    {"property_transfer", "property", 12, .05, 1.3}, {"property_query", "property", 6, .05, 0.7},
    {"pension", "social", 5, .09, 1.2},         {"medical", "social", 3, .08, 0.9},
    {"pickup", "issuing", 2, .17, 0.8},
};
constexpr int kPickup = -1;  ///< "resident" of a transferred ticket: the pickup (last item)
constexpr double kTrueScale = 0.65;  // the priors are pessimistic: the hall must learn
constexpr double kServiceSigma = 0.45;

TimePoint clock(double hours) {
  using namespace std::chrono;
  const auto day = sys_days{year{2024} / 3 / 15};
  return day + duration_cast<Milliseconds>(duration<double, std::ratio<3600>>(hours));
}
double secondsBetween(TimePoint a, TimePoint b) { return std::chrono::duration<double>(b - a).count(); }
Milliseconds seconds(double s) { return Milliseconds{static_cast<Milliseconds::rep>(s * 1000)}; }

enum class Happening { Arrival, OpenWindow, StartService, EndService, Recall, NoShow, Rate, BreakStart, BreakEnd, Tick, Close };

struct Scheduled {
  TimePoint at;
  long order;  ///< keeps same-time happenings in the order they were scheduled
  Happening what;
  int window = 0;
  int resident = 0;
  double minutes = 0;
  bool operator>(const Scheduled& o) const { return std::tie(at, order) > std::tie(o.at, o.order); }
};

struct Resident {
  TimePoint arrival;
  int item = 0;
  PriorityClass priority = PriorityClass::Normal;
};

class Simulation {
 public:
  explicit Simulation(const SimulationOptions& options)
      : options_(options), rng_(options.seed), hall_(districtCentre()) {}

  SimulationResult run() {
    scheduleDay();
    while (!agenda_.empty()) {
      const Scheduled next = agenda_.top();
      agenda_.pop();
      handle(next);
      if (next.what != Happening::Close) callWhereIdle(next.at);
    }
    return std::move(result_);
  }

 private:
  void at(TimePoint t, Happening what, int window = 0, int resident = 0, double minutes = 0) {
    agenda_.push({t, order_++, what, window, resident, minutes});
  }

  void scheduleDay() {
    execute(cmd::OpenDay{dateOf(clock(8))}, clock(8));
    for (const auto& w : hall_.definition().windows) {
      execute(cmd::ClerkLogin{w.number, "clerk" + std::to_string(w.number)}, clock(8.4));
      const bool late = w.number >= 6 && w.number <= 8;  // three clerks start at 10:00
      at(clock(late ? 10.0 : 8.5), Happening::OpenWindow, w.number);
    }
    // Lunch: some windows pause, the rest keep 午间不间断服务.
    for (int w : {1, 2, 3, 9, 10, 18, 19, 24}) at(clock(12.0), Happening::BreakStart, w, 0, 60);
    for (int w : {14, 15}) at(clock(12.5), Happening::BreakStart, w, 0, 60);
    // Short breaks: every 20 minutes some window steps away for 5–15 minutes.
    for (double h = 9.0; h < 16.5; h += 1.0 / 3) {
      at(clock(h), Happening::BreakStart, 1 + below(30), 0, 5 + below(11));
    }
    std::vector<double> hours;
    std::normal_distribution<double> morning{10.0, 0.67}, afternoon{14.5, 0.75};
    std::uniform_real_distribution<double> uniform{8.5, 16.5};
    while (static_cast<int>(hours.size()) < options_.residents) {
      const double u = uniform01();
      const double h = u < 0.35 ? morning(rng_) : u < 0.65 ? afternoon(rng_) : uniform(rng_);
      if (h >= 8.5 && h <= 16.5) hours.push_back(h);
    }
    std::sort(hours.begin(), hours.end());
    for (double h : hours) {
      Resident r{clock(h), pickItem(), PriorityClass::Normal};
      if (uniform01() < 0.06) r.priority = PriorityClass::Elderly;
      residents_.push_back(r);
      at(r.arrival, Happening::Arrival, 0, static_cast<int>(residents_.size()) - 1);
    }
    for (double h = 8.5; h < 17.5; h += 1.0 / 120) at(clock(h), Happening::Tick);
    at(clock(17.5), Happening::Close);
  }

  void handle(const Scheduled& s) {
    switch (s.what) {
      case Happening::Arrival: arrive(s.resident, s.at); break;
      case Happening::OpenWindow: execute(cmd::OpenWindow{s.window}, s.at); break;
      case Happening::StartService: {
        execute(cmd::StartService{s.window}, s.at);
        at(s.at + seconds(serviceSeconds(s.resident)), Happening::EndService, s.window, s.resident);
        break;
      }
      case Happening::EndService: endService(s); break;
      case Happening::Recall: execute(cmd::Recall{s.window}, s.at); break;
      case Happening::NoShow: execute(cmd::MarkNoShow{s.window}, s.at); finishAt(s.window, s.at); break;
      case Happening::Rate:
        execute(cmd::Evaluate{s.window, static_cast<Rating>(1 + below(3))}, s.at);
        break;
      case Happening::BreakStart:
        if (isBusy(s.window)) {
          breakWanted_[s.window] = s.minutes;
        } else {
          takeBreak(s.window, s.minutes, s.at);
        }
        break;
      case Happening::BreakEnd: execute(cmd::ResumeWindow{s.window}, s.at); break;
      case Happening::Tick: record(hall_.tick(s.at)); break;
      case Happening::Close: execute(cmd::CloseDay{}, s.at); break;
    }
  }

  void arrive(int index, TimePoint now) {
    const Resident& r = residents_[static_cast<std::size_t>(index)];
    const ItemTruth& item = kItems[r.item];
    WaitSample sample;
    if (options_.recordEstimates) {
      const WaitEstimate estimate = hall_.estimateForItem(item.code, r.priority, now);
      sample.hall = static_cast<double>(estimate.wait.count());
      sample.naive = estimate.peopleAhead * meanServiceSeconds() / std::max(1, windowsAtWork());
      sample.priority = isPriority(r.priority);
    }
    auto events = execute(cmd::IssueTicket{item.code, Channel::Kiosk, r.priority}, now);
    if (events.empty()) return;
    const TicketId id = std::get<ev::TicketIssued>(events.front()).ticket.id;
    residentOf_[id] = index;
    if (options_.recordEstimates) waiting_[id] = {now, sample};
  }

  void endService(const Scheduled& s) {
    const ItemTruth& item = itemOf(s.resident);
    const bool needsCertificate = std::string_view{item.queue} == "general" && uniform01() < 0.06;
    if (needsCertificate) {
      execute(cmd::Transfer{s.window, WindowKind::Issuing, "领取证照"}, s.at);
    } else {
      const double took = secondsBetween(startedAt_[s.window], s.at);
      servedSeconds_ += took;
      ++servedCount_;
      execute(cmd::Complete{s.window}, s.at);
      if (uniform01() < 0.8) at(s.at + Seconds{15}, Happening::Rate, s.window);
    }
    finishAt(s.window, s.at);
  }

  /// The window is free again: take a break it was promised, else it will call next.
  void finishAt(int window, TimePoint now) {
    auto wanted = breakWanted_.find(window);
    if (wanted == breakWanted_.end()) return;
    takeBreak(window, wanted->second, now);
    breakWanted_.erase(wanted);
  }

  void takeBreak(int window, double minutes, TimePoint now) {
    if (hall_.state().windows.at(window).state != WindowState::Idle) return;
    execute(cmd::PauseWindow{window, "暂离"}, now);
    at(now + seconds(minutes * 60), Happening::BreakEnd, window);
  }

  void callWhereIdle(TimePoint now) {
    for (const auto& [number, w] : hall_.state().windows) {
      if (w.state != WindowState::Idle || !hall_.peekNext(number, now)) continue;
      auto events = execute(cmd::CallNext{number}, now);
      if (events.empty()) continue;
      const auto& called = std::get<ev::TicketCalled>(events.front());
      const Ticket& t = hall_.state().tickets.at(called.ticket);
      // A transferred resident only picks up a certificate at the issuing window.
      const int resident = t.channel == Channel::Transfer ? kPickup : residentOf_[t.id];
      if (t.channel != Channel::Transfer && uniform01() < 0.03) {
        at(now + Seconds{60}, Happening::Recall, number, resident);
        at(now + Seconds{120}, Happening::NoShow, number, resident);
      } else {
        startedAt_[number] = now + Seconds{30};
        at(now + Seconds{30}, Happening::StartService, number, resident);
      }
    }
  }

  std::vector<Event> execute(const Command& c, TimePoint now) {
    auto r = hall_.execute(c, now);
    if (!r) return {};
    record(r.value());
    return std::move(r).value();
  }

  void record(const std::vector<Event>& events) {
    result_.events += static_cast<long>(events.size());
    for (const auto& e : events) {
      if (std::holds_alternative<ev::TicketIssued>(e)) ++result_.issued;
      if (std::holds_alternative<ev::ServiceCompleted>(e)) ++result_.completed;
      if (std::holds_alternative<ev::TicketTransferred>(e)) ++result_.transferred;
      if (const auto* closed = std::get_if<ev::DayClosed>(&e)) result_.expired += static_cast<int>(closed->expired.size());
      if (const auto* called = std::get_if<ev::TicketCalled>(&e)) {
        ++result_.called;
        auto it = waiting_.find(called->ticket);
        if (it == waiting_.end()) continue;
        WaitSample sample = it->second.second;
        sample.actual = secondsBetween(it->second.first, called->at);
        result_.samples.push_back(sample);
        waiting_.erase(it);
      }
    }
  }

  bool isBusy(int window) const {
    const auto s = hall_.state().windows.at(window).state;
    return s == WindowState::Calling || s == WindowState::Serving;
  }

  int windowsAtWork() const {
    int n = 0;
    for (const auto& [number, w] : hall_.state().windows) {
      n += w.state == WindowState::Idle || w.state == WindowState::Calling || w.state == WindowState::Serving;
    }
    return n;
  }

  /// The naive estimate's mean service time: today's services so far, else the priors' mean.
  double meanServiceSeconds() const {
    if (servedCount_ > 0) return servedSeconds_ / servedCount_;
    double prior = 0;
    for (const auto& i : kItems) prior += i.share * i.priorMinutes * 60;
    return prior;
  }

  double serviceSeconds(int resident) {
    const ItemTruth& item = itemOf(resident);
    std::normal_distribution<double> z{0.0, 1.0};
    const double median = item.priorMinutes * 60 * item.trueFactor * kTrueScale;
    return std::max(30.0, median * std::exp(kServiceSigma * z(rng_)));
  }

  const ItemTruth& itemOf(int resident) const {
    return resident == kPickup ? kItems[std::size(kItems) - 1] : kItems[residents_[static_cast<std::size_t>(resident)].item];
  }

  int pickItem() {
    double u = uniform01();
    for (int i = 0; i < static_cast<int>(std::size(kItems)); ++i) {
      u -= kItems[i].share;
      if (u <= 0) return i;
    }
    return 0;
  }

  double uniform01() { return std::uniform_real_distribution<double>{0.0, 1.0}(rng_); }
  int below(int n) { return static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }

  SimulationOptions options_;
  std::mt19937_64 rng_;
  Hall hall_;
  std::priority_queue<Scheduled, std::vector<Scheduled>, std::greater<>> agenda_;
  long order_ = 0;
  std::vector<Resident> residents_;
  std::unordered_map<TicketId, int> residentOf_;
  std::unordered_map<TicketId, std::pair<TimePoint, WaitSample>> waiting_;
  std::unordered_map<int, double> breakWanted_;
  std::unordered_map<int, TimePoint> startedAt_;
  double servedSeconds_ = 0;
  int servedCount_ = 0;
  SimulationResult result_;
};

}  // namespace

HallDefinition districtCentre() {
  HallDefinition d;
  d.name = "模拟区政务服务中心";
  d.queues = {{"general", "A", "综合受理"}, {"police", "B", "户籍"}, {"tax", "C", "税务"},
              {"property", "D", "不动产"},  {"social", "E", "社保"}, {"issuing", "F", "统一发证"}};
  for (const auto& truth : kItems) {
    ServiceItem item;
    item.code = truth.code;
    item.name = truth.code;
    item.queue = truth.queue;
    item.typicalServiceMinutes = truth.priorMinutes;
    d.items.push_back(item);
  }
  auto window = [&](int number, WindowKind kind, std::vector<ProfileEntry> entries) {
    d.windows.push_back({number, std::to_string(number) + "号窗口", kind, {std::move(entries)}});
  };
  const ProfileEntry socialWhenLong{"social", 1.0, Minutes{15}, false};
  for (int w = 1; w <= 8; ++w) window(w, WindowKind::General, {{"general"}, socialWhenLong});
  for (int w = 9; w <= 13; ++w) window(w, WindowKind::Specialist, {{"police"}});
  for (int w = 14; w <= 17; ++w) window(w, WindowKind::Specialist, {{"tax"}});
  for (int w = 18; w <= 23; ++w) window(w, WindowKind::Specialist, {{"property"}});
  for (int w = 24; w <= 27; ++w) window(w, WindowKind::Specialist, {{"social"}, {"general", 0.5}});
  for (int w = 28; w <= 29; ++w) window(w, WindowKind::Issuing, {{"issuing"}, {"general", 1.0, Minutes{20}, false}});
  window(30, WindowKind::Complaints, {{"general"}, {"police", 1.0, Minutes{15}, false}});
  return d;
}

SimulationResult simulateDay(const SimulationOptions& options) { return Simulation{options}.run(); }

}  // namespace jiujin::bench
