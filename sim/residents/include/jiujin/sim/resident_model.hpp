#pragma once
// Who comes to the hall, when, for what, and how they behave — the simulator's assumptions
// about residents and clerks in one place. Pure: every draw comes from the generator passed
// in, so a seed gives the same day.
//
// Arrivals are a Poisson process whose rate has a morning peak (about 10:00) and an
// afternoon peak (about 15:00) over a base rate, drawn by thinning. Items follow a mix by
// queue (综合受理 most, then 社保医保, 户籍, 不动产, 出件, 有诉即办), about one resident in ten
// is 绿色通道 (elderly mostly), a few come with an appointment. Service times are
// log-normal around the item's typical minutes.
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "jiujin/core/model.hpp"
#include "jiujin/core/state.hpp"
#include "jiujin/sim/day_clock.hpp"

namespace jiujin::sim {

using Random = std::mt19937_64;

struct ArrivalProfile {
  SimSeconds open = 8.5 * 3600;    ///< arrivals start
  SimSeconds close = 17.5 * 3600;  ///< and stop
  double residentsPerDay = 240;    ///< expected arrivals over [open, close)
  double morningPeak = 10.0 * 3600;
  double afternoonPeak = 15.0 * 3600;
  double peakWidth = 50.0 * 60;  ///< seconds; a Gaussian bump's spread
  double morningWeight = 0.8;    ///< peak heights relative to the base rate
  double afternoonWeight = 0.55;
};

/// One resident walking in: what they come for and how they will behave.
struct Resident {
  SimSeconds arrival = 0;
  core::ItemCode item;
  core::PriorityClass priority = core::PriorityClass::Normal;
  /// An appointment slot this many simulated seconds after arrival, if any.
  std::optional<SimSeconds> appointmentIn;
};

class ArrivalModel {
 public:
  ArrivalModel(ArrivalProfile profile, const std::vector<core::ServiceItem>& items);

  /// Arrivals per simulated second at `t` (0 outside opening hours).
  double rate(SimSeconds t) const;
  /// Expected arrivals in [open, t].
  double expectedBy(SimSeconds t) const;
  /// The time by which `count` arrivals are expected (a later run continues the day from
  /// the tickets already issued); `close` if more than a day's worth.
  SimSeconds timeOfExpected(double count) const;
  /// The next resident strictly after `after`, or nothing once the hall stops taking people.
  std::optional<Resident> next(SimSeconds after, Random& random) const;
  const ArrivalProfile& profile() const { return profile_; }

 private:
  double shape(SimSeconds t) const;  ///< unnormalised rate
  core::ItemCode drawItem(Random& random) const;

  ArrivalProfile profile_;
  double scale_ = 1;     ///< shape → arrivals per second
  double maxShape_ = 1;  ///< for thinning
  std::vector<core::ItemCode> items_;
  std::vector<double> itemWeights_;
};

/// How people behave at the window, with the draws the clerks and residents make.
struct Behaviour {
  double priorityShare = 0.10;     ///< 绿色通道
  double appointmentShare = 0.07;  ///< booked a slot
  double absentShare = 0.03;       ///< called but never comes (过号)
  double transferShare = 0.35;     ///< of 承诺件 at front windows: result handed out at 统一发证
  double notRatedShare = 0.03;     ///< walk away without rating
  double serviceSigma = 0.45;      ///< log-normal spread of service times
  SimSeconds walkMin = 20, walkMax = 90;  ///< from the seat to the window
  SimSeconds recallEvery = 60;            ///< a clerk recalls an absent resident this often
  SimSeconds breakMin = 10 * 60, breakMax = 20 * 60;
  SimSeconds idleRecheck = 45;  ///< an idle clerk tries to call again after this
};

core::PriorityClass drawPriority(const Behaviour& b, Random& random);
/// Service time: log-normal with median `typicalMinutes`.
SimSeconds drawServiceSeconds(int typicalMinutes, const Behaviour& b, Random& random);
/// 好差评 as residents give it: mostly 非常满意/满意, some 基本满意, a few 差评; nothing
/// for those who walk away.
std::optional<core::Rating> drawRating(const Behaviour& b, Random& random);
double uniform(Random& random, double low, double high);
bool chance(Random& random, double p);

}  // namespace jiujin::sim
