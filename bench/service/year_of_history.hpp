#pragma once
// A hall database holding a year of busy days, for benchmarks that read history. The days are
// played on the core (tickets issued through the day, called, served, rated at twelve windows)
// and appended through the store one day per transaction: the same journal, ticket report
// rows and snapshots a dispatcher would have written, in well under a minute.
#include <filesystem>

#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"

namespace jiujin::bench {

struct HistoryShape {
  int days = 366;           ///< ending the day before `today`
  int ticketsPerDay = 900;  ///< a district centre's ordinary day
  int windows = 12;
};

/// The hall the history is written for (give the same to the dispatcher that reads it).
core::HallDefinition historyHall(int windows);

struct WrittenHistory {
  long long tickets = 0;
  long long events = 0;
  double seconds = 0;
};

/// Writes the history into a new database at `path` (which must not exist).
WrittenHistory writeYearOfHistory(const std::filesystem::path& path, const HistoryShape& shape, core::Date today);

}  // namespace jiujin::bench
