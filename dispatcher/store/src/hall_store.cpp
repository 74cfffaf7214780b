#include "jiujin/store/hall_store.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "event_columns.hpp"
#include "hall_store_impl.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "new_hall_file.hpp"
#include "open_checks.hpp"
#include "schema.hpp"

namespace jiujin::store {

using nlohmann::json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::optional<std::int64_t> millis(const std::optional<core::TimePoint>& t) {
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

StoreResult<Statement> prepared(Database& db, const char* sql) { return db.prepare(sql); }

}  // namespace

std::string dayOf(core::TimePoint at) { return protocol::dateToString(core::dateOf(at)); }

StoreResult<std::unique_ptr<HallStore>> HallStore::open(const std::filesystem::path& path,
                                                        const StoreOptions& options) {
  auto lock = HallLock::acquire(path);
  if (!lock.ok()) return lock.error();
  // A new hall only where no file exists: an existing file (even a 0-byte one) is never one.
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (ec) return StoreError{StoreErrorCode::Io, fmt::format("cannot look at {}: {}", path.string(), ec.message())};
    if (auto s = createHallFile(path); !s.ok()) return s.error();
  }
  if (auto s = checkLooksLikeSqlite(path); !s.ok()) return s.error();
  auto db = Database::open(path, Database::Mode::OpenExisting);
  if (!db.ok()) return db.error();
  if (auto s = checkWritable(db.value()); !s.ok()) return s.error();
  if (auto s = checkSchema(db.value(), options); !s.ok()) return s.error();

  auto impl = std::make_unique<Impl>(std::move(lock).value(), std::move(db).value(), options);
  Database& d = impl->db;
  // WAL: readers (reports) never block the committer, and a commit is one append + fsync.
  if (auto s = d.exec("PRAGMA journal_mode = WAL"); !s.ok()) return s.error();
  if (auto s = d.exec(options.durability == Durability::Full ? "PRAGMA synchronous = FULL"
                                                              : "PRAGMA synchronous = NORMAL");
      !s.ok()) {
    return s.error();
  }
  if (auto s = migrate(d); !s.ok()) return s.error();
  if (options.maxSizeBytes > 0) {
    auto pageSize = d.queryInteger("PRAGMA page_size");
    if (!pageSize.ok()) return pageSize.error();
    const auto pages = std::max<std::int64_t>(1, options.maxSizeBytes / pageSize.value());
    if (auto s = d.exec(fmt::format("PRAGMA max_page_count = {}", pages)); !s.ok()) return s.error();
  }

  auto insertEvent = prepared(d, "INSERT INTO journal(seq, day, at_ms, type, ticket_id, window_no, payload) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto upsertTicket = prepared(
      d, "INSERT INTO ticket(id, day, number, item, queue, channel, priority, state, window_no, clerk, "
         "issued_ms, called_ms, started_ms, ended_ms, recalls, evaluation, rating, transferred_from, "
         "transferred_to, request_key, last_seq) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
         "?21) "
         "ON CONFLICT(id) DO UPDATE SET state = excluded.state, window_no = excluded.window_no, "
         "clerk = excluded.clerk, called_ms = excluded.called_ms, started_ms = excluded.started_ms, "
         "ended_ms = excluded.ended_ms, recalls = excluded.recalls, evaluation = excluded.evaluation, "
         "rating = excluded.rating, transferred_to = excluded.transferred_to, last_seq = excluded.last_seq");
  auto insertSnapshot =
      prepared(d, "INSERT INTO snapshot(seq, day, at_ms, definition, state) VALUES (?1, ?2, ?3, ?4, ?5)");
  auto markExpired = prepared(d, "UPDATE ticket SET state = 'expired', last_seq = ?2 WHERE id = ?1");
  auto deleteOlderSnapshots = prepared(d, "DELETE FROM snapshot WHERE seq < ?1");
  auto upsertCase = prepareCaseWrite(d);
  for (auto* s : {&insertEvent, &upsertTicket, &insertSnapshot, &markExpired, &deleteOlderSnapshots, &upsertCase}) {
    if (!s->ok()) return s->error();
  }
  impl->insertEvent = std::move(insertEvent).value();
  impl->upsertTicket = std::move(upsertTicket).value();
  impl->insertSnapshot = std::move(insertSnapshot).value();
  impl->markExpired = std::move(markExpired).value();
  impl->deleteOlderSnapshots = std::move(deleteOlderSnapshots).value();
  impl->upsertCase = std::move(upsertCase).value();

  auto last = d.queryInteger(
      "SELECT max(coalesce((SELECT max(seq) FROM journal), 0), coalesce((SELECT max(seq) FROM snapshot), 0))");
  if (!last.ok()) return last.error();
  impl->lastSeq = last.value();
  if (auto s = impl->audit.reload(); !s.ok()) return s.error();
  return std::unique_ptr<HallStore>(new HallStore(std::move(impl)));
}

HallStore::HallStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HallStore::~HallStore() = default;

Seq HallStore::lastSeq() const { return impl_->lastSeq; }
const std::filesystem::path& HallStore::path() const { return impl_->db.path(); }
int HallStore::schemaVersion() { return knownSchemaVersion(); }

StoreResult<Recovered> HallStore::recover(const core::HallDefinition& definition) {
  Database& db = impl_->db;
  auto badData = [&](Seq seq, const std::string& what) {
    return StoreError{StoreErrorCode::BadData,
                      fmt::format("{}: row {} cannot be replayed: {}", db.path().filename().string(), seq, what)};
  };

  std::optional<core::Hall> hall;
  Seq from = 0;
  std::string day;
  {
    auto latest = db.prepare("SELECT seq, definition, state, coalesce(day, '') FROM snapshot ORDER BY seq DESC LIMIT 1");
    if (!latest.ok()) return latest.error();
    auto row = latest.value().step();
    if (!row.ok()) return row.error();
    if (row.value()) {
      from = latest.value().integer(0);
      const auto def = protocol::hallDefinitionFromJson(json::parse(latest.value().text(1), nullptr, false));
      if (!def.ok()) return badData(from, "snapshot definition: " + def.error().en);
      const auto state = protocol::hallStateFromJson(json::parse(latest.value().text(2), nullptr, false));
      if (!state.ok()) return badData(from, "snapshot state: " + state.error().en);
      hall.emplace(def.value(), state.value());
      day = latest.value().text(3);
    }
  }
  if (!hall) {
    // A journal without a base snapshot would have to start at 1; the store always writes
    // snapshot 0 before the first event, so this only happens to a damaged file.
    auto rows = db.queryInteger("SELECT count(*) FROM journal");
    if (!rows.ok()) return rows.error();
    if (rows.value() > 0) return badData(0, "the journal has no base snapshot");
    hall.emplace(definition);
    auto tx = Transaction::begin(db);
    if (!tx.ok()) return tx.error();
    Statement& s = impl_->insertSnapshot;
    s.bind(1, std::int64_t{0}).bindNull(2).bind(3, std::int64_t{0});
    s.bind(4, dump(protocol::toJson(definition))).bind(5, dump(protocol::toJson(hall->state())));
    if (auto r = s.run(); !r.ok()) return r.error();
    if (auto r = tx.value().commit(); !r.ok()) return r.error();
  }

  auto tail = db.prepare("SELECT seq, day, payload FROM journal WHERE seq > ?1 ORDER BY seq");
  if (!tail.ok()) return tail.error();
  tail.value().bind(1, from);
  Seq expected = from + 1;
  int replayed = 0;
  for (;;) {
    auto row = tail.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    const Seq seq = tail.value().integer(0);
    if (seq != expected) return badData(seq, fmt::format("expected row {} (a gap in the journal)", expected));
    auto event = protocol::eventFromJson(json::parse(tail.value().text(2), nullptr, false));
    if (!event.ok()) return badData(seq, event.error().en);
    hall->apply(event.value());
    day = tail.value().text(1);
    ++expected;
    ++replayed;
  }
  impl_->lastSeq = expected - 1;
  impl_->eventsSinceSnapshot = replayed;
  impl_->currentDay = day;
  return Recovered{std::move(*hall), expected - 1};
}

namespace {

StoreStatus writeTicket(Statement& s, const core::Ticket& t, const std::string& day, Seq seq) {
  s.bind(1, static_cast<std::int64_t>(t.id)).bind(2, day).bind(3, t.number).bind(4, t.item).bind(5, t.queue);
  s.bind(6, std::string_view{core::toString(t.channel)}).bind(7, std::string_view{core::toString(t.priority)});
  s.bind(8, std::string_view{core::toString(t.state)});
  s.bind(9, t.window ? std::optional<std::int64_t>{*t.window} : std::nullopt);
  s.bind(10, t.clerk);
  s.bind(11, static_cast<std::int64_t>(t.issuedAt.time_since_epoch().count()));
  s.bind(12, millis(t.calledAt)).bind(13, millis(t.startedAt)).bind(14, millis(t.endedAt));
  s.bind(15, std::int64_t{t.recalls}).bind(16, std::string_view{core::toString(t.evaluation)});
  s.bind(17, t.rating ? std::optional<std::string_view>{core::toString(*t.rating)} : std::nullopt);
  s.bind(18, t.transferredFrom ? std::optional<std::int64_t>(static_cast<std::int64_t>(*t.transferredFrom))
                               : std::nullopt);
  s.bind(19, t.transferredTo ? std::optional<std::int64_t>(static_cast<std::int64_t>(*t.transferredTo))
                             : std::nullopt);
  s.bind(20, t.requestKey).bind(21, seq);
  return s.run();
}

/// Deletes what is older than the retention allows, inside the caller's transaction.
StoreStatus pruneOlderDays(Database& db, int retentionDays, const core::Date& today) {
  if (retentionDays <= 0) return Done{};
  const core::Date cutoff{std::chrono::sys_days{today} - std::chrono::days{retentionDays}};
  const std::string before = protocol::dateToString(cutoff);
  // Journal rows are only deleted up to the latest snapshot: recovery starts there.
  for (const char* sql : {
           "DELETE FROM journal WHERE day < ?1 AND seq <= (SELECT coalesce(max(seq), 0) FROM snapshot)",
           "DELETE FROM ticket WHERE day < ?1",
           "DELETE FROM bookings WHERE day < ?1",
           "DELETE FROM snapshot WHERE (day IS NULL OR day < ?1) AND seq < (SELECT max(seq) FROM snapshot)",
       }) {
    auto s = db.prepare(sql);
    if (!s.ok()) return s.error();
    s.value().bind(1, before);
    if (auto r = s.value().run(); !r.ok()) return r.error();
  }
  return Done{};
}

}  // namespace

StoreStatus HallStore::beginBatch() {
  if (impl_->batch) return Done{};
  auto tx = Transaction::begin(impl_->db);
  if (!tx.ok()) return tx.error();
  impl_->batch.emplace(std::move(tx).value());
  return Done{};
}

void HallStore::abandonBatch() {
  impl_->batch.reset();  // rolls back
  (void)impl_->audit.reload();
}

AuditTrail& HallStore::audit() { return impl_->audit; }
const AuditTrail& HallStore::audit() const { return impl_->audit; }
AlarmTable& HallStore::alarms() { return impl_->alarms; }
BookingTable& HallStore::bookings() { return impl_->bookings; }
ReplyTable& HallStore::replies() { return impl_->replies; }

StoreResult<Seq> HallStore::append(std::span<const core::Event> events, const core::Hall& after,
                                   const BatchRecords& records) {
  Impl& m = *impl_;
  const Seq first = m.lastSeq + 1;
  if (events.empty() && records.audit.empty() && records.replies.empty() && !m.batch) return first;
  if (auto s = beginBatch(); !s.ok()) return s.error();
  // Whatever fails below, the batch's transaction is rolled back and the audit head restored.
  struct Abandon {
    HallStore* store;
    bool armed = true;
    ~Abandon() { if (armed) store->abandonBatch(); }
  } abandon{this};

  if (auto r = m.audit.append(records.audit); !r.ok()) return r.error();
  if (auto r = m.replies.record(records.replies, records.at); !r.ok()) return r.error();
  if (events.empty()) {
    if (auto r = m.batch->commit(); !r.ok()) return r.error();
    m.batch.reset();
    abandon.armed = false;
    m.audit.commitAppended();
    return first;
  }

  std::string day = m.currentDay;
  std::optional<core::Date> openedDay;
  bool dayBoundary = false;
  std::map<core::TicketId, Seq> changed;  // ticket → last row that changed it
  std::map<core::CaseId, Seq> changedCases;
  std::set<core::TicketId> expired;
  Seq seq = first;
  for (const core::Event& event : events) {
    if (const auto* opened = std::get_if<core::ev::DayOpened>(&event)) {
      day = protocol::dateToString(opened->date);
      openedDay = opened->date;
      dayBoundary = true;
    }
    if (const auto* closed = std::get_if<core::ev::DayClosed>(&event)) {
      dayBoundary = true;
      expired.insert(closed->expired.begin(), closed->expired.end());
    }
    if (day.empty()) day = dayOf(core::timeOf(event));
    Statement& s = m.insertEvent;
    s.bind(1, seq).bind(2, day).bind(3, static_cast<std::int64_t>(core::timeOf(event).time_since_epoch().count()));
    s.bind(4, std::string_view{protocol::eventType(event)});
    const auto ticket = ticketOf(event);
    s.bind(5, ticket ? std::optional<std::int64_t>(static_cast<std::int64_t>(*ticket)) : std::nullopt);
    const auto window = windowOf(event);
    s.bind(6, window ? std::optional<std::int64_t>(*window) : std::nullopt);
    const json payload = protocol::toJson(event);
    s.bind(7, dump(payload));
    if (auto r = s.run(); !r.ok()) return r.error();
    if (const auto* registered = std::get_if<core::ev::CaseRegistered>(&event)) {
      // The new case's register row and the next snapshot reuse this encoding of it.
      if (auto body = payload.find("case"); body != payload.end()) m.caseBodies.remember(registered->registered, dump(*body));
    }
    for (core::TicketId id : ticketsChangedBy(event)) changed[id] = seq;
    if (const auto id = caseOf(event)) changedCases[*id] = seq;
    ++seq;
  }
  const Seq last = seq - 1;

  const auto& tickets = after.state().tickets;
  for (const auto& [id, rowSeq] : changed) {
    if (auto it = tickets.find(id); it != tickets.end()) {
      if (auto r = writeTicket(m.upsertTicket, it->second, day, rowSeq); !r.ok()) return r.error();
    } else if (expired.contains(id)) {
      // The core may drop a closed day's tickets from its state; the report row still
      // has to say how the ticket ended.
      m.markExpired.bind(1, static_cast<std::int64_t>(id)).bind(2, rowSeq);
      if (auto r = m.markExpired.run(); !r.ok()) return r.error();
    }
  }

  // A case closed long enough ago may have left the hall's state in this batch (day open):
  // its row was written by the batch that closed it.
  for (const auto& [id, rowSeq] : changedCases) {
    if (auto it = after.state().cases.find(id); it != after.state().cases.end()) {
      if (auto r = writeCase(m.upsertCase, it->second, rowSeq, m.caseBodies.bodyOf(it->second)); !r.ok()) {
        return r.error();
      }
    }
  }
  if (openedDay && m.options.caseArchiveDays > 0) {
    const auto cutoff = std::chrono::sys_days{*openedDay} - std::chrono::days{m.options.caseArchiveDays};
    if (auto r = anonymiseClosedCases(m.db, core::TimePoint{cutoff}); !r.ok()) return r.error();
  }

  const int sinceSnapshot = m.eventsSinceSnapshot + static_cast<int>(events.size());
  // A snapshot costs as much as the day's tickets and the open cases; taking one no more
  // often than every "tickets today + cases in the state" events keeps that cost constant per
  // event, and the replayed tail short.
  const int interval = std::max(m.options.snapshotEvery,
                                static_cast<int>(after.state().tickets.size() + after.state().cases.size()));
  const bool snapshotDue = dayBoundary || sinceSnapshot >= interval;
  if (snapshotDue) {
    Statement& s = m.insertSnapshot;
    const auto& state = after.state();
    s.bind(1, last);
    s.bind(2, state.day ? std::optional<std::string>{protocol::dateToString(*state.day)} : std::nullopt);
    s.bind(3, static_cast<std::int64_t>(core::timeOf(events.back()).time_since_epoch().count()));
    s.bind(4, dump(protocol::toJson(after.definition()))).bind(5, m.caseBodies.stateText(state));
    if (auto r = s.run(); !r.ok()) return r.error();
    // Recovery only ever reads the latest snapshot; the journal is the history.
    if (auto r = m.deleteOlderSnapshots.bind(1, last).run(); !r.ok()) return r.error();
  }
  if (openedDay && m.options.retentionDays > 0) {
    // After the snapshot just written, older days are no longer needed for recovery.
    if (auto r = pruneOlderDays(m.db, m.options.retentionDays, *openedDay); !r.ok()) return r.error();
  }
  if (openedDay) {
    if (auto r = m.replies.prune(); !r.ok()) return r.error();
  }
  if (auto r = m.batch->commit(); !r.ok()) return r.error();
  m.batch.reset();
  abandon.armed = false;
  m.audit.commitAppended();

  m.lastSeq = last;
  m.eventsSinceSnapshot = snapshotDue ? 0 : sinceSnapshot;
  m.currentDay = day;
  return first;
}

StoreResult<CasePage> HallStore::listCases(const CaseFilter& filter) { return store::listCases(impl_->db, filter); }

StoreResult<std::optional<core::Case>> HallStore::findCase(const std::string& number) {
  return store::findCase(impl_->db, number);
}

StoreStatus HallStore::pruneHistory(const core::Date& today) {
  auto tx = Transaction::begin(impl_->db);
  if (!tx.ok()) return tx.error();
  if (auto r = pruneOlderDays(impl_->db, impl_->options.retentionDays, today); !r.ok()) return r.error();
  return tx.value().commit();
}

}  // namespace jiujin::store
