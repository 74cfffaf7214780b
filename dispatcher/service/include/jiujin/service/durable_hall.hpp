#pragma once
// The core together with its journal: the only way the service changes the hall. Events are
// made durable in one transaction per batch (group commit) before anyone hears of them; a
// failed commit puts the hall back to what the journal holds.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "jiujin/core/events.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/service/wire.hpp"
#include "jiujin/store/hall_store.hpp"

namespace jiujin::service {

class DurableHall {
 public:
  /// Opens (or creates) the hall's database and rebuilds the hall from its journal.
  /// `caseArchiveDays` > 0: a closed case's ID number and phone are blanked in the register
  /// that long after it closed (store::StoreOptions::caseArchiveDays).
  static Outcome<std::unique_ptr<DurableHall>> open(const std::filesystem::path& database,
                                                    const core::HallDefinition& definition,
                                                    bool synchronousFull, int caseArchiveDays = 0);
  ~DurableHall();
  DurableHall(const DurableHall&) = delete;
  DurableHall& operator=(const DurableHall&) = delete;

  core::Hall& hall() { return *hall_; }
  const core::Hall& hall() const { return *hall_; }
  /// The seq of the last durable event (0 for an empty journal).
  std::uint64_t lastSeq() const { return lastSeq_; }

  /// Makes `events` (already applied to hall()) durable in one transaction together with
  /// the batch's audit rows and replies (and any other write of the batch, e.g. alarms), and
  /// returns the seq of the first event. On failure nothing of the batch is stored and the
  /// hall is rebuilt from the journal.
  Outcome<std::uint64_t> commit(const std::vector<core::Event>& events, const store::BatchRecords& records);

  /// The store itself: audit record, alarms, replies, on the same connection and batch.
  store::HallStore& store() { return *store_; }
  const store::HallStore& store() const { return *store_; }

  /// Puts the hall back to what the journal holds, then applies `uncommitted` (events of the
  /// batch being built that are still wanted): undoes whatever a request that failed half-way
  /// did to the hall. On failure the hall is as it was and cannot be trusted.
  Outcome<bool> rollBack(const std::vector<core::Event>& uncommitted);

 private:
  DurableHall(std::unique_ptr<store::HallStore> store, core::HallDefinition definition);
  Outcome<bool> rebuild();

  std::unique_ptr<store::HallStore> store_;
  core::HallDefinition definition_;
  std::unique_ptr<core::Hall> hall_;
  std::uint64_t lastSeq_ = 0;
};

}  // namespace jiujin::service
