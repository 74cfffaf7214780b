#pragma once
// The hall's durable state: one SQLite file per hall holding an append-only journal of
// events, periodic snapshots of the state, and report tables kept in the same
// transactions. See docs/storage.md for the layout and its trade-offs.
//
// Contract with the service (group commit): execute the commands that arrived together on
// the core, append all their events with ONE append() call, and acknowledge or publish
// nothing until it returns success. If append() fails, nothing of the batch is stored:
// rebuild the core with recover() so it matches the store again.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <span>
#include <vector>

#include "jiujin/core/events.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/store/alarm_table.hpp"
#include "jiujin/store/audit_trail.hpp"
#include "jiujin/store/booking_table.hpp"
#include "jiujin/store/case_register.hpp"
#include "jiujin/store/reply_table.hpp"
#include "jiujin/store/store_error.hpp"

namespace jiujin::store {

/// Journal sequence number: 1, 2, 3 … with no gaps for the life of the database.
using Seq = std::int64_t;

enum class Durability {
  /// synchronous=FULL: a commit survives power loss. The default.
  Full,
  /// synchronous=NORMAL: survives a crash of the process, but the last commits before a
  /// power loss may be lost (WAL stays consistent). Several times faster; see docs.
  Normal,
};

struct StoreOptions {
  Durability durability = Durability::Full;
  /// A snapshot is written (in the same transaction) once this many events, or as many
  /// events as the day has tickets if that is more, have been appended since the last one,
  /// and always at day open and day close. Older snapshots are then deleted.
  int snapshotEvery = 1000;
  /// Days of journal and ticket history kept for reports; 0 keeps everything. Older days
  /// are pruned when a new day opens, after that day's snapshot.
  int retentionDays = 400;
  /// A ceiling on the file's size in bytes (0: none), for a small box whose SD card the
  /// hall database must not fill. Reaching it fails appends like a full disk does.
  std::int64_t maxSizeBytes = 0;
  /// Run PRAGMA quick_check at open to refuse a damaged file (reads the whole file).
  bool checkIntegrityOnOpen = true;
  /// Days a closed case keeps the applicant's ID number and phone in the case register
  /// (the archive period, 年底整理存档); they are blanked at the first day open after. 0:
  /// kept. The journal's copy goes with the journal's retention (retentionDays).
  int caseArchiveDays = 0;
};

/// What a batch writes beside its events, in the same transaction.
struct BatchRecords {
  std::vector<AuditRecord> audit;     ///< one row per request that changed or tried to
  std::vector<StoredReply> replies;   ///< the replies the batch's requests will get
  core::TimePoint at;                 ///< when the batch ran
};

/// What recover() rebuilt.
struct Recovered {
  core::Hall hall;
  Seq lastSeq = 0;  ///< the last event replayed; the next append gets lastSeq + 1
};

class HallStore {
 public:
  /// Opens the hall's database, or creates it where no file exists. Refuses (and leaves
  /// untouched) a file that is empty, not SQLite, another program's, damaged, of a schema
  /// newer than this build knows or of one no Jiujin wrote; a file the hall could not save
  /// to (ReadOnly); and a database another dispatcher holds (lock file "<path>.lock").
  static StoreResult<std::unique_ptr<HallStore>> open(const std::filesystem::path& path,
                                                      const StoreOptions& options = {});
  ~HallStore();
  HallStore(const HallStore&) = delete;
  HallStore& operator=(const HallStore&) = delete;

  /// Rebuilds the hall: the latest snapshot, then every later event through Hall::apply.
  /// A fresh database starts from `definition` with an empty state; otherwise the
  /// definition in force at the snapshot is used (later DefinitionUpdated events replay).
  StoreResult<Recovered> recover(const core::HallDefinition& definition);

  /// Appends the events of one group of commands, with their audit rows and replies, in
  /// ONE transaction and returns the sequence number of the first event (lastSeq() + 1 when
  /// there are none). `after` is the hall once the events are applied: report rows and
  /// snapshots are taken from it. A batch with nothing to write stores nothing. Commits the
  /// batch transaction (also one begun by beginBatch() for other writes); on failure rolls
  /// it back, so nothing of the batch is stored.
  StoreResult<Seq> append(std::span<const core::Event> events, const core::Hall& after,
                          const BatchRecords& records = {});

  /// Opens the batch transaction now (if not open yet), for writes a batch makes before its
  /// append() — an alarm acknowledged by a request, say. append() commits them with the rest.
  StoreStatus beginBatch();
  /// Rolls back the open batch transaction, if any.
  void abandonBatch();

  /// The audit record, the alarms and the recent replies, on the store's own connection.
  /// Their writes belong in a batch (beginBatch() … append()).
  AuditTrail& audit();
  const AuditTrail& audit() const;
  AlarmTable& alarms();
  /// The bookings (预约); their writes belong in a batch like the alarms'.
  BookingTable& bookings();
  ReplyTable& replies();

  /// Deletes journal and ticket rows of days before `today - retentionDays`,
  /// never touching anything the latest snapshot's recovery needs.
  StoreStatus pruneHistory(const core::Date& today);

  /// The case register (case_register.hpp), on the store's connection: what the last
  /// commit holds.
  StoreResult<CasePage> listCases(const CaseFilter& filter);
  StoreResult<std::optional<core::Case>> findCase(const std::string& number);

  /// Writes the day's tickets and their events as CSV (UTF-8 with BOM, for Excel).
  StoreStatus exportDay(const core::Date& day, std::ostream& out);

  Seq lastSeq() const;
  const std::filesystem::path& path() const;

  /// The schema version this build writes (PRAGMA user_version).
  static int schemaVersion();

 private:
  struct Impl;
  explicit HallStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jiujin::store
