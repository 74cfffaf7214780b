#include "jiujin/sim/day_summary.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "jiujin/core/names.hpp"

namespace jiujin::sim {

namespace {

constexpr core::Rating kRatings[] = {core::Rating::VerySatisfied, core::Rating::Satisfied, core::Rating::Basic,
                                     core::Rating::Dissatisfied, core::Rating::VeryDissatisfied};

}  // namespace

DaySummary summarize(const core::HallState& state, double speed) {
  DaySummary s;
  s.speed = speed;
  if (state.day) {
    const auto& d = *state.day;
    s.date = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                         static_cast<unsigned>(d.day()));
  }
  std::vector<double> waits;
  for (const auto& [id, t] : state.tickets) {
    const bool resident = t.channel != core::Channel::Transfer;
    if (resident) {
      ++s.issued;
      if (core::isPriority(t.priority)) ++s.priority;
      if (t.channel == core::Channel::Appointment) ++s.appointments;
      if (t.calledAt) {
        const double realSeconds = std::chrono::duration<double>(*t.calledAt - t.arrivalAt).count();
        waits.push_back(std::max(0.0, realSeconds) * speed / 60.0);
      }
    }
    switch (t.state) {
      case core::TicketState::Completed: ++s.completed; break;
      case core::TicketState::NoShow: ++s.noShow; break;
      case core::TicketState::Transferred: ++s.transferred; break;
      case core::TicketState::Cancelled: ++s.cancelled; break;
      case core::TicketState::Expired: ++s.expired; break;
      default: ++s.unfinished; break;
    }
    if (t.rating) ++s.ratings[*t.rating];
    if (t.evaluation == core::EvaluationStatus::NotRated) ++s.notRated;
  }
  s.waitsMeasured = static_cast<int>(waits.size());
  if (!waits.empty()) {
    double sum = 0;
    for (double w : waits) sum += w;
    s.meanWaitMinutes = sum / static_cast<double>(waits.size());
    std::sort(waits.begin(), waits.end());
    // Nearest-rank percentile.
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(waits.size())));
    s.p90WaitMinutes = waits[std::max<std::size_t>(rank, 1) - 1];
  }
  return s;
}

std::string toText(const DaySummary& s) {
  std::string out = fmt::format("hall: {}\ndate: {}\nspeed: {}\nsimulated: {}-{}\n", s.hall, s.date, s.speed,
                                s.simulatedFrom, s.simulatedTo);
  out += fmt::format("issued: {}\npriority: {}\nappointments: {}\ncompleted: {}\nno_show: {}\ntransferred: {}\n",
                     s.issued, s.priority, s.appointments, s.completed, s.noShow, s.transferred);
  out += fmt::format("cancelled: {}\nexpired: {}\nunfinished: {}\n", s.cancelled, s.expired, s.unfinished);
  out += fmt::format("wait_mean_min: {:.1f}\nwait_p90_min: {:.1f}\n", s.meanWaitMinutes, s.p90WaitMinutes);
  for (const auto r : kRatings) {
    const auto found = s.ratings.find(r);
    out += fmt::format("rating.{}: {}  # {}\n", core::toString(r), found == s.ratings.end() ? 0 : found->second,
                       core::zhName(r));
  }
  out += fmt::format("not_rated: {}\n", s.notRated);
  return out;
}

nlohmann::json toJson(const DaySummary& s) {
  nlohmann::json ratings = nlohmann::json::object();
  for (const auto r : kRatings) {
    const auto found = s.ratings.find(r);
    ratings[core::toString(r)] = found == s.ratings.end() ? 0 : found->second;
  }
  return {{"hall", s.hall},           {"date", s.date},
          {"speed", s.speed},         {"issued", s.issued},
          {"priority", s.priority},   {"appointments", s.appointments},
          {"completed", s.completed}, {"no_show", s.noShow},
          {"transferred", s.transferred}, {"cancelled", s.cancelled},
          {"expired", s.expired},     {"unfinished", s.unfinished},
          {"wait_mean_min", s.meanWaitMinutes}, {"wait_p90_min", s.p90WaitMinutes},
          {"ratings", ratings},       {"not_rated", s.notRated}};
}

}  // namespace jiujin::sim
