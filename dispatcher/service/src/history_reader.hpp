#pragma once
// The hall's history as statistics read it: one SQLite connection beside the committer's,
// opened on first use and kept open, made read-only (PRAGMA query_only) so that nothing on
// this path can ever write. In WAL mode it reads the last committed state without blocking
// the committer, and the committer never waits for it.
//
// Used only on the dispatcher's history lane (OffThreadWork): one thread at a time, as an
// SQLite connection must be. Each query ends its statements, so no read transaction stays
// open between requests to hold back WAL checkpoints.
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "jiujin/core/model.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/service/statistics.hpp"
#include "jiujin/service/wire.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::service::detail {

class HistoryReader {
 public:
  explicit HistoryReader(std::filesystem::path database) : path_(std::move(database)) {}

  /// periodFigures over the kept connection. After a failure the connection is opened
  /// again on the next request (the file may have been repaired or the disk remounted).
  Outcome<nlohmann::json> figures(const FigurePeriod& period, const core::HallDefinition& definition,
                                  core::TimePoint now);

 private:
  Outcome<store::Database*> connection();

  std::filesystem::path path_;
  std::optional<store::Database> db_;
};

}  // namespace jiujin::service::detail
