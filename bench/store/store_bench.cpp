// Figures for the store, printed (run by hand: `cmake --build B --target jiujin_store_bench`,
// then `B/bench/store/jiujin_store_bench` from a folder on the disk the hall will use).
//  1. raw SQLite: one-row INSERT + COMMIT in WAL/FULL, the physical limit of one durable change;
//  2. the store's commit path, one command per commit (goal: at most 1.3x the raw cost);
//  3. group commit as the service does it: 32 commands, their audit rows and replies in one
//     transaction (goal: at least 5x the raw rate);
//  4. recovery with 100,000 tickets in the journal (goal: under 1 s).
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "jiujin/store/hall_store.hpp"

namespace {

using namespace jiujin;
using namespace jiujin::core;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// A hall with 26 queues (A…Z) so a day holds ~26,000 numbers, and 32 windows.
HallDefinition benchHall() {
  HallDefinition d;
  d.name = "bench hall";
  WorkProfile all;
  for (char c = 'A'; c <= 'Z'; ++c) {
    const std::string q(1, c);
    d.queues.push_back(QueueDef{q, q, "queue " + q});
    ServiceItem item;
    item.code = "ITEM-" + q;
    item.name = "item " + q;
    item.queue = q;
    d.items.push_back(item);
    all.entries.push_back(ProfileEntry{q, 1.0, std::nullopt, false});
  }
  for (int w = 1; w <= 32; ++w) d.windows.push_back(WindowDef{w, "window", WindowKind::General, all});
  return d;
}

TimePoint at(int day, std::int64_t ms) {
  return TimePoint{std::chrono::sys_days{std::chrono::year{2024} / 3 / 1} + std::chrono::days{day}} + 8h +
         Milliseconds{ms};
}

struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    std::string pattern = (std::filesystem::current_path() / "jiujin-store-bench-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
};

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "store bench: {}\n", what);
  std::exit(1);
}

double rawSingleRowCommits(const std::filesystem::path& path, int n) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) die("raw open");
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(v) VALUES ('{\"type\":\"ticket.called\",\"window\":3}')", -1, &insert, nullptr);
  const auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    if (sqlite3_step(insert) != SQLITE_DONE) die("raw insert");
    sqlite3_reset(insert);
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) die("raw commit");
  }
  const double s = secondsSince(start);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return s / n;
}

/// Opens the day and staffs every window.
void openDay(Hall& hall, store::HallStore& s, int day) {
  std::vector<Event> events;
  auto run = [&](const Command& c) {
    auto r = hall.execute(c, at(day, 0));
    if (r.ok()) events.insert(events.end(), r.value().begin(), r.value().end());
  };
  run(cmd::OpenDay{Date{std::chrono::floor<std::chrono::days>(at(day, 0))}});
  for (int w = 1; w <= 32; ++w) {
    run(cmd::ClerkLogin{w, "clerk-" + std::to_string(w)});
    run(cmd::OpenWindow{w});
  }
  if (!s.append(events, hall).ok()) die("open day");
}

double storeOneCommandPerCommit(const std::filesystem::path& path, int n) {
  auto s = store::HallStore::open(path);
  if (!s.ok()) die(s.error().message);
  Hall hall = std::move(s.value()->recover(benchHall()).value().hall);
  openDay(hall, *s.value(), 0);
  // The life of a ticket at window 1: issue, call, start, complete — one commit each.
  const std::array<Command, 4> cycle{cmd::IssueTicket{"ITEM-A"}, cmd::CallNext{1}, cmd::StartService{1},
                                     cmd::Complete{1}};
  const auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    auto r = hall.execute(cycle[static_cast<std::size_t>(i) % cycle.size()], at(0, i));
    if (!r.ok()) die(r.error().en);
    if (!s.value()->append(r.value(), hall).ok()) die("append");
  }
  return secondsSince(start) / n;
}

struct GroupFigures {
  double perSecond;
  double commandsPerCommit;
};

GroupFigures groupCommit(const std::filesystem::path& path, int perBatch, int batches) {
  auto s = store::HallStore::open(path);
  if (!s.ok()) die(s.error().message);
  Hall hall = std::move(s.value()->recover(benchHall()).value().hall);
  openDay(hall, *s.value(), 0);
  const auto start = Clock::now();
  for (int b = 0; b < batches; ++b) {
    // What the dispatcher's loop does with the requests that arrived together.
    std::vector<Event> events;
    store::BatchRecords records;
    records.at = at(0, b);
    for (int p = 0; p < perBatch; ++p) {
      const std::string item = std::string("ITEM-") + static_cast<char>('A' + p % 26);
      auto r = hall.execute(cmd::IssueTicket{item}, at(0, b));
      if (!r.ok()) die(r.error().en);
      events.insert(events.end(), r.value().begin(), r.value().end());
      records.audit.push_back(store::AuditRecord{at(0, b), "kiosk", "kiosk", "", "issue_ticket",
                                                 nlohmann::json{{"item", item}}, true, "ok"});
      records.replies.push_back(store::StoredReply{fmt::format("kiosk\n{}-{}", b, p), R"({"ok":true})"});
    }
    if (!s.value()->append(events, hall, records).ok()) die("append");
  }
  const double seconds = secondsSince(start);
  return {perBatch * batches / seconds, static_cast<double>(perBatch)};
}

void buildJournal(const std::filesystem::path& path, int tickets, int perDay) {
  store::StoreOptions options;
  options.durability = store::Durability::Normal;  // building the fixture only
  auto s = store::HallStore::open(path, options);
  if (!s.ok()) die(s.error().message);
  Hall hall = std::move(s.value()->recover(benchHall()).value().hall);
  std::vector<Event> batch;
  auto run = [&](const Command& c, TimePoint now) {
    auto r = hall.execute(c, now);
    if (!r.ok()) die(r.error().en);
    batch.insert(batch.end(), r.value().begin(), r.value().end());
  };
  int day = -1;
  for (int i = 0; i < tickets; ++i) {
    if (i % perDay == 0) {
      if (day >= 0) run(cmd::CloseDay{}, at(day, 36'000'000));
      if (!batch.empty() && !s.value()->append(batch, hall).ok()) die("append");
      batch.clear();
      ++day;
      openDay(hall, *s.value(), day);
    }
    run(cmd::IssueTicket{std::string("ITEM-") + static_cast<char>('A' + i % 26)}, at(day, i % perDay * 1000));
    if (i % 10 == 0) {  // one in ten is served right away at one of the windows
      const int w = 1 + (i / 10) % 32;
      run(cmd::CallNext{w}, at(day, i % perDay * 1000 + 1));
      run(cmd::StartService{w}, at(day, i % perDay * 1000 + 2));
      run(cmd::Complete{w}, at(day, i % perDay * 1000 + 3));
    }
    if (batch.size() >= 100) {
      if (!s.value()->append(batch, hall).ok()) die("append");
      batch.clear();
    }
  }
  if (!batch.empty() && !s.value()->append(batch, hall).ok()) die("append");
}

}  // namespace

int main() {
  Scratch scratch;
  fmt::print("store figures, files in {}\n", scratch.dir.string());

  const int n = 2000;
  const double raw = rawSingleRowCommits(scratch.dir / "raw.db", n);
  const double one = storeOneCommandPerCommit(scratch.dir / "one.db", n);
  fmt::print("raw SQLite WAL/FULL single-row INSERT+COMMIT : {:8.1f} us  ({:7.0f}/s)\n", raw * 1e6, 1 / raw);
  fmt::print("store, one command per commit               : {:8.1f} us  ({:7.0f}/s)  = {:.2f}x raw (goal <= 1.3x)\n",
             one * 1e6, 1 / one, one / raw);

  const auto group = groupCommit(scratch.dir / "group.db", 32, 400);
  fmt::print("store, 32 commands + audit + replies a commit: {:8.0f} commands/s = {:.1f}x raw rate (goal >= 5x), "
             "{:.1f} commands per commit\n",
             group.perSecond, group.perSecond * raw, group.commandsPerCommit);

  const auto path = scratch.dir / "recovery.db";
  const auto buildStart = Clock::now();
  buildJournal(path, 100'000, 5'000);
  fmt::print("journal of 100,000 tickets over 20 days built in {:.1f} s ({:.1f} MB)\n", secondsSince(buildStart),
             static_cast<double>(std::filesystem::file_size(path)) / 1e6);
  for (bool check : {true, false}) {
    store::StoreOptions options;
    options.checkIntegrityOnOpen = check;
    const auto openStart = Clock::now();
    auto s = store::HallStore::open(path, options);
    if (!s.ok()) die(s.error().message);
    const double opened = secondsSince(openStart);
    const auto recoverStart = Clock::now();
    auto recovered = s.value()->recover(benchHall());
    if (!recovered.ok()) die(recovered.error().message);
    const double recoveredIn = secondsSince(recoverStart);
    fmt::print("open ({} quick_check) {:6.3f} s, recover {:6.3f} s: {} tickets today, last seq {} (goal < 1 s)\n",
               check ? "with" : "without", opened, recoveredIn, recovered.value().hall.state().tickets.size(),
               recovered.value().lastSeq);
  }
  return 0;
}
