// How good is the hall's waiting-time estimate? Simulated days (morning and afternoon
// peaks, log-normal service times per item, windows opening late and pausing): the mean
// absolute error of Hall::estimateForItem at issue against the wait that really happened,
// and of the naive estimate (people ahead × mean service time ÷ open windows).
// Goal: at least 30% lower error than naive.
//   usage: jiujin_core_wait_accuracy [days=10] [residents=3000]
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "hall_simulation.hpp"

int main(int argc, char** argv) {
  const int days = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;
  const int residents = argc > 2 ? std::max(10, std::atoi(argv[2])) : 3000;
  double hallError = 0, naiveError = 0, actual = 0;
  long samples = 0;
  fmt::print("{:>4} {:>7} {:>9} {:>13} {:>14}\n", "day", "tickets", "mean wait", "MAE hall (min)", "MAE naive (min)");
  for (int day = 1; day <= days; ++day) {
    const auto result = jiujin::bench::simulateDay({.seed = static_cast<std::uint64_t>(day), .residents = residents,
                                                    .recordEstimates = true});
    double h = 0, n = 0, a = 0;
    for (const auto& s : result.samples) {
      h += std::abs(s.hall - s.actual);
      n += std::abs(s.naive - s.actual);
      a += s.actual;
    }
    const double count = std::max<double>(1, static_cast<double>(result.samples.size()));
    fmt::print("{:>4} {:>7} {:>9.1f} {:>13.2f} {:>14.2f}\n", day, result.issued, a / count / 60, h / count / 60,
               n / count / 60);
    hallError += h;
    naiveError += n;
    actual += a;
    samples += static_cast<long>(result.samples.size());
  }
  const double count = std::max<double>(1, static_cast<double>(samples));
  const double improvement = naiveError > 0 ? 100.0 * (1.0 - hallError / naiveError) : 0.0;
  fmt::print("\n{} tickets called over {} days, mean actual wait {:.1f} min\n", samples, days, actual / count / 60);
  fmt::print("MAE hall estimate : {:.2f} min\n", hallError / count / 60);
  fmt::print("MAE naive estimate: {:.2f} min\n", naiveError / count / 60);
  fmt::print("improvement       : {:.1f}% (goal ≥ 30%)\n", improvement);
  return improvement >= 30.0 ? 0 : 1;
}
