#pragma once
// The case register (办件台账) in the hall's database: table `cases`, one row per case,
// written from the hall's state in the same transaction as the journal events that changed
// the case (HallStore::append), so the register never disagrees with recovery. Filter
// columns are plain and indexed; the case itself, applicant included, is its protocol JSON.
// A year of a district (100,000 cases) is listed and filtered in milliseconds
// (bench/store/case_register_bench.cpp). Only the SQL lives here.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jiujin/core/case.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/store/database.hpp"

namespace jiujin::store {

/// Which cases a list shows: every filter given must hold. Ordered by case id (the order of
/// registration) — with `dueBefore`, by promised date, then id — and a page starts after
/// the case `after` in that order.
struct CaseFilter {
  std::optional<core::CaseState> state;
  std::optional<core::ItemCode> item;
  std::optional<core::ClerkId> clerk;
  std::optional<core::WindowNumber> window;
  std::optional<core::Date> dueBefore;  ///< promised date before this day
  core::CaseId after = 0;
  int limit = 100;
};

/// A list counts its matching cases up to this many.
inline constexpr std::int64_t kCountedCases = 10'000;

struct CasePage {
  std::vector<core::Case> cases;
  /// Cases matching the filter, every page together, counted up to kCountedCases (which
  /// then means "that many or more").
  std::int64_t total = 0;
};

/// Decided cases and those decided by their promised date (限时办结).
struct OnTimeCount {
  int decided = 0;
  int onTime = 0;
  bool operator==(const OnTimeCount&) const = default;
};

struct OnTimeFigures {
  std::map<core::ItemCode, OnTimeCount> byItem;
  std::map<core::WindowNumber, OnTimeCount> byWindow;  ///< the window that accepted the case
  std::map<core::ClerkId, OnTimeCount> byClerk;        ///< the clerk who accepted it
  OnTimeCount all;
};

/// Writes the case's row as it is now (insert or replace), inside the caller's transaction.
StoreStatus writeCase(Database& db, const core::Case& c, std::int64_t lastSeq);
/// The same through a statement of prepareCaseWrite(), kept by a caller that writes often.
StoreResult<Statement> prepareCaseWrite(Database& db);
StoreStatus writeCase(Statement& prepared, const core::Case& c, std::int64_t lastSeq);
/// The same with the case's JSON text already made (protocol::toJson(c), dumped).
StoreStatus writeCase(Statement& prepared, const core::Case& c, std::int64_t lastSeq, std::string_view body);
StoreResult<CasePage> listCases(Database& db, const CaseFilter& filter);
StoreResult<std::optional<core::Case>> findCase(Database& db, const std::string& number);
/// Cases decided on the days `from` … `to`, both included.
StoreResult<OnTimeFigures> readOnTime(Database& db, core::Date from, core::Date to);
/// Blanks the ID number and phone of cases closed before `before` (the end of the archive
/// period), inside the caller's transaction; returns how many cases it touched.
StoreResult<std::int64_t> anonymiseClosedCases(Database& db, core::TimePoint before);

}  // namespace jiujin::store
