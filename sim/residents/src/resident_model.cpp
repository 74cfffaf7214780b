#include "jiujin/sim/resident_model.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace jiujin::sim {

namespace {

// Share of arrivals per queue in a township centre: most come for 综合受理 items.
double queueShare(const core::QueueId& queue) {
  if (queue == "general") return 0.50;
  if (queue == "social") return 0.22;
  if (queue == "hukou") return 0.12;
  if (queue == "estate") return 0.07;
  if (queue == "issuing") return 0.06;
  if (queue == "complaints") return 0.03;
  return 0.05;
}

}  // namespace

double uniform(Random& random, double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(random);
}

bool chance(Random& random, double p) { return uniform(random, 0.0, 1.0) < p; }

ArrivalModel::ArrivalModel(ArrivalProfile profile, const std::vector<core::ServiceItem>& items)
    : profile_(profile) {
  // Items of one queue share that queue's share evenly.
  for (const auto& item : items) {
    const auto sameQueue = std::count_if(items.begin(), items.end(),
                                         [&](const core::ServiceItem& i) { return i.queue == item.queue; });
    items_.push_back(item.code);
    itemWeights_.push_back(queueShare(item.queue) / static_cast<double>(sameQueue));
  }
  const double total = expectedBy(profile_.close);  // with scale_ = 1: the shape's integral
  scale_ = total > 0 ? profile_.residentsPerDay / total : 0;
  maxShape_ = 1 + profile_.morningWeight + profile_.afternoonWeight;
}

double ArrivalModel::shape(SimSeconds t) const {
  if (t < profile_.open || t >= profile_.close) return 0;
  const auto bump = [&](double centre) {
    const double z = (t - centre) / profile_.peakWidth;
    return std::exp(-z * z);
  };
  return 1 + profile_.morningWeight * bump(profile_.morningPeak) + profile_.afternoonWeight * bump(profile_.afternoonPeak);
}

double ArrivalModel::rate(SimSeconds t) const { return scale_ * shape(t); }

double ArrivalModel::expectedBy(SimSeconds t) const {
  // The base rate integrates exactly; each Gaussian bump through erf.
  const double from = profile_.open;
  const double to = std::clamp(t, profile_.open, profile_.close);
  if (to <= from) return 0;
  const double w = profile_.peakWidth;
  const auto bumpIntegral = [&](double centre) {
    return std::sqrt(std::numbers::pi) / 2 * w * (std::erf((to - centre) / w) - std::erf((from - centre) / w));
  };
  return scale_ * ((to - from) + profile_.morningWeight * bumpIntegral(profile_.morningPeak) +
                   profile_.afternoonWeight * bumpIntegral(profile_.afternoonPeak));
}

SimSeconds ArrivalModel::timeOfExpected(double count) const {
  if (count <= 0) return profile_.open;
  if (count >= expectedBy(profile_.close)) return profile_.close;
  double low = profile_.open, high = profile_.close;
  for (int i = 0; i < 60; ++i) {
    const double mid = (low + high) / 2;
    (expectedBy(mid) < count ? low : high) = mid;
  }
  return high;
}

std::optional<Resident> ArrivalModel::next(SimSeconds after, Random& random) const {
  if (scale_ <= 0 || items_.empty()) return std::nullopt;
  const double maxRate = scale_ * maxShape_;
  SimSeconds t = std::max(after, profile_.open);
  std::exponential_distribution<double> gap(maxRate);
  while (true) {
    t += gap(random);
    if (t >= profile_.close) return std::nullopt;
    if (uniform(random, 0, maxRate) < rate(t)) break;  // thinning
  }
  Resident r;
  r.arrival = t;
  r.item = drawItem(random);
  return r;
}

core::ItemCode ArrivalModel::drawItem(Random& random) const {
  std::discrete_distribution<std::size_t> pick(itemWeights_.begin(), itemWeights_.end());
  return items_[pick(random)];
}

core::PriorityClass drawPriority(const Behaviour& b, Random& random) {
  if (!chance(random, b.priorityShare)) return core::PriorityClass::Normal;
  // 绿色通道 in a township hall: mostly the elderly.
  const double u = uniform(random, 0, 1);
  if (u < 0.70) return core::PriorityClass::Elderly;
  if (u < 0.85) return core::PriorityClass::Disabled;
  if (u < 0.95) return core::PriorityClass::Pregnant;
  return core::PriorityClass::Serviceman;
}

SimSeconds drawServiceSeconds(int typicalMinutes, const Behaviour& b, Random& random) {
  const double median = std::max(1, typicalMinutes) * 60.0;
  std::lognormal_distribution<double> draw(std::log(median), b.serviceSigma);
  return std::clamp(draw(random), 30.0, 6 * median);
}

std::optional<core::Rating> drawRating(const Behaviour& b, Random& random) {
  if (chance(random, b.notRatedShare)) return std::nullopt;
  const double u = uniform(random, 0, 1);
  if (u < 0.68) return core::Rating::VerySatisfied;
  if (u < 0.90) return core::Rating::Satisfied;
  if (u < 0.97) return core::Rating::Basic;
  if (u < 0.99) return core::Rating::Dissatisfied;
  return core::Rating::VeryDissatisfied;
}

}  // namespace jiujin::sim
