#include "history_reader.hpp"

#include <fmt/format.h>

namespace jiujin::service::detail {

Outcome<store::Database*> HistoryReader::connection() {
  if (db_) return &*db_;
  auto opened = store::Database::open(path_, store::Database::Mode::OpenExisting);
  if (!opened.ok()) return errors::storageFailed(fmt::format("reading the history: {}", opened.error().message));
  if (auto readOnly = opened.value().exec("PRAGMA query_only = ON"); !readOnly.ok())
    return errors::storageFailed(fmt::format("reading the history: {}", readOnly.error().message));
  db_.emplace(std::move(opened).value());
  return &*db_;
}

Outcome<nlohmann::json> HistoryReader::figures(const FigurePeriod& period, const core::HallDefinition& definition,
                                               core::TimePoint now) {
  auto db = connection();
  if (!db) return db.error();
  auto figures = periodFigures(*db.value(), period, definition, now);
  if (!figures) db_.reset();
  return figures;
}

}  // namespace jiujin::service::detail
