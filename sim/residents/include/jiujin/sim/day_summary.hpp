#pragma once
// The day in figures, from the hall's state (so a second run's summary covers the whole
// day, both runs): tickets by outcome, waits, ratings. Pure.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/core/state.hpp"

namespace jiujin::sim {

struct DaySummary {
  std::string hall;
  std::string date;  ///< YYYY-MM-DD
  int issued = 0;    ///< residents' tickets (transfers are not new residents)
  int priority = 0;  ///< of which 绿色通道
  int appointments = 0;
  int completed = 0;    ///< tickets completed, including those completed after a transfer
  int noShow = 0;
  int transferred = 0;  ///< tickets handed on to another window or queue
  int cancelled = 0;
  int expired = 0;
  int unfinished = 0;  ///< still waiting, called or being served
  int waitsMeasured = 0;
  /// From arrival to first call, in simulated minutes (the hall's real waits × speed).
  double meanWaitMinutes = 0;
  double p90WaitMinutes = 0;
  std::map<core::Rating, int> ratings;
  int notRated = 0;
  double speed = 1;
  std::string simulatedFrom, simulatedTo;  ///< HH:MM of the simulator's clock this run
};

/// `speed` turns the dispatcher's real waits into simulated ones.
DaySummary summarize(const core::HallState& state, double speed);

/// Readable lines: "issued: 283", "wait_mean_min: 12.4", "rating.very_satisfied: 180", …
std::string toText(const DaySummary& summary);
nlohmann::json toJson(const DaySummary& summary);

}  // namespace jiujin::sim
