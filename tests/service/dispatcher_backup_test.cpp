// `jiujinctl backup` against the real dispatcher while clients issue and call tickets, then
// `jiujinctl restore` into a fresh place and a fresh dispatcher: the restored hall is the
// hall at the backup's journal position — the same state the original's own journal gives
// when it is cut at that position — and the load went on across the backup.
#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

/// Issues tickets at a kiosk and calls them at window 1 until told to stop; counts answers.
class HallLoad {
 public:
  explicit HallLoad(RunningHall& hall) : hall_(hall) {
    thread_ = std::thread([this] { run(); });
  }
  ~HallLoad() { stop(); }
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }
  /// Waits (bounded) until at least `n` requests were answered.
  bool answered(int n, std::chrono::seconds within = std::chrono::seconds(60)) {
    std::unique_lock lock(mutex_);
    return answeredChanged_.wait_for(lock, within, [&] { return answered_ >= n; });
  }
  int answeredSoFar() {
    std::lock_guard lock(mutex_);
    return answered_;
  }
  int failures() {
    std::lock_guard lock(mutex_);
    return failures_;
  }

 private:
  void run() {
    auto kiosk = hall_.channel(hall_.as("kiosk"));
    auto console = hall_.channel(hall_.as("console", 1));
    count(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}}));
    count(console->request("open_window", {{"window", 1}}));
    for (int i = 0; !stopping_; ++i) {
      count(kiosk->request("issue_ticket", {{"item", i % 2 ? "T-0001" : "T-0003"}, {"requestKey", fmt::format("load/{}", i)}}));
      if (i % 3 == 0) count(console->request("call_next", {{"window", 1}}));
    }
  }
  void count(const client::Reply& reply) {
    std::lock_guard lock(mutex_);
    // call_next while the window still serves, or with nobody waiting, is an ordinary refusal.
    if (!reply.ok && reply.error.code != "no_ticket_waiting" && reply.error.code != "window_busy") {
      ++failures_;
      ADD_FAILURE() << "load request refused: " << reply.error.code << " " << reply.error.en;
    }
    ++answered_;
    answeredChanged_.notify_all();
  }

  RunningHall& hall_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable answeredChanged_;
  int answered_ = 0;
  int failures_ = 0;
};

/// The hall's state and journal position from a dispatcher's snapshot.
json stateOf(const std::string& commands, zmq::context_t& context) {
  client::ConnectionOptions options;
  options.commands = commands;
  options.identity = client::StatedIdentity{"manager", std::nullopt, "backup-test"};
  client::CommandChannel channel(context, options);
  const auto snapshot = channel.request("snapshot", json::object());
  EXPECT_EQ(outcomeOf(snapshot), "ok");
  return json{{"seq", snapshot.result.value("seq", -1)}, {"state", snapshot.result.value("state", json())}};
}

/// Runs SQL on a stopped hall's database file (the test's own reference, not the product's).
void runSql(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(handle);
}

std::int64_t integerOf(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  sqlite3_open(db.c_str(), &handle);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr);
  std::int64_t value = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return value;
}

TEST(DispatcherBackup, BackupTakenUnderLoadRestoresTheHallAtItsJournalPosition) {
  RunningHall hall;
  ASSERT_TRUE(hall.dispatcher->ready());
  const auto backup = hall.dir.path() / "backups" / "under-load.db";
  std::filesystem::create_directories(backup.parent_path());

  // given a kiosk and a window busy issuing and calling
  HallLoad load(hall);
  ASSERT_TRUE(load.answered(100));
  // when the hall is backed up while they go on
  std::string output;
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "backup", backup.string(), "--db", hall.hall.database.string()}, output), 0)
      << output;
  ASSERT_TRUE(load.answered(load.answeredSoFar() + 100)) << "the load stalled after the backup";
  load.stop();
  EXPECT_EQ(load.failures(), 0);
  const json original = stateOf(hall.commands, hall.context);
  ASSERT_EQ(hall.dispatcher->terminate(), 0);

  const std::int64_t backupSeq = integerOf(backup, "SELECT max(seq) FROM journal");
  ASSERT_GT(backupSeq, 0);
  EXPECT_NE(output.find(fmt::format("journal position {}", backupSeq)), std::string::npos) << output;
  // the backup was taken in the middle of the load, not before or after it
  ASSERT_LT(backupSeq, original["seq"].get<std::int64_t>());

  // then restoring it into a fresh place and starting a fresh dispatcher there …
  const auto fresh = hall.dir.path() / "fresh" / "hall.db";
  std::filesystem::create_directories(fresh.parent_path());
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "restore", backup.string(), "--db", fresh.string(), "--config",
                        hall.hall.hallFile.string()},
                       output),
            0)
      << output;
  json restored;
  {
    DispatcherProcess dispatcher(hall.hall.hallFile, fresh, hall.hallOptions.dispatcherArgs);
    ASSERT_TRUE(dispatcher.ready()) << dispatcher.output();
    restored = stateOf(dispatcher.commands(), hall.context);
    ASSERT_EQ(dispatcher.terminate(), 0);
  }

  // … gives the state the original's journal gives when cut at the backup's position.
  const auto reference = hall.dir.path() / "reference" / "hall.db";
  std::filesystem::create_directories(reference.parent_path());
  std::filesystem::copy_file(hall.hall.database, reference);
  if (std::filesystem::exists(hall.hall.database.string() + "-wal"))
    std::filesystem::copy_file(hall.hall.database.string() + "-wal", reference.string() + "-wal");
  ASSERT_GE(integerOf(reference, fmt::format("SELECT count(*) FROM snapshot WHERE seq <= {}", backupSeq)), 1)
      << "a snapshot after the backup's position replaced the earlier ones: the reference needs more journal";
  runSql(reference, fmt::format("DELETE FROM journal WHERE seq > {0}; DELETE FROM snapshot WHERE seq > {0};", backupSeq));
  json expected;
  {
    DispatcherProcess dispatcher(hall.hall.hallFile, reference, hall.hallOptions.dispatcherArgs);
    ASSERT_TRUE(dispatcher.ready()) << dispatcher.output();
    expected = stateOf(dispatcher.commands(), hall.context);
    ASSERT_EQ(dispatcher.terminate(), 0);
  }
  EXPECT_EQ(restored["seq"].get<std::int64_t>(), backupSeq);
  EXPECT_EQ(expected["seq"].get<std::int64_t>(), backupSeq);
  EXPECT_EQ(restored["state"], expected["state"]);
  EXPECT_NE(restored["state"], original["state"]) << "the load after the backup is not in it";
}

TEST(DispatcherBackup, RestoreIsRefusedWhileTheDispatcherRuns) {
  RunningHall hall;
  ASSERT_TRUE(hall.dispatcher->ready());
  const auto backup = hall.dir.path() / "copy.db";
  std::string output;
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "backup", backup.string(), "--db", hall.hall.database.string()}, output), 0)
      << output;
  // when the restore is asked for with the dispatcher still serving that database
  const auto before = std::filesystem::last_write_time(hall.hall.database);
  EXPECT_NE(runProgram({jiujinctlBinary().string(), "restore", backup.string(), "--db", hall.hall.database.string(),
                        "--config", hall.hall.hallFile.string()},
                       output),
            0);
  // then it is refused, and the database is where it was
  EXPECT_NE(output.find("restore refused"), std::string::npos) << output;
  EXPECT_EQ(std::filesystem::last_write_time(hall.hall.database), before);
  EXPECT_TRUE(std::filesystem::exists(backup));
}

TEST(DispatcherBackup, ABackupWithAnEditedAuditRecordIsRefusedAndTheDatabaseIsKept) {
  RunningHall hall;
  ASSERT_TRUE(hall.dispatcher->ready());
  auto kiosk = hall.channel(hall.as("kiosk"));
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", "k-1"}})), "ok");
  const auto backup = hall.dir.path() / "copy.db";
  std::string output;
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "backup", backup.string(), "--db", hall.hall.database.string()}, output), 0)
      << output;
  ASSERT_EQ(hall.dispatcher->terminate(), 0);
  // given a backup whose audit record was edited after the fact (the trigger dropped first)
  runSql(backup, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET body = '{}' WHERE row = 1;");
  // when it is restored
  EXPECT_NE(runProgram({jiujinctlBinary().string(), "restore", backup.string(), "--db", hall.hall.database.string(),
                        "--config", hall.hall.hallFile.string()},
                       output),
            0);
  // then the audit check refuses it and nothing was replaced or kept aside
  EXPECT_NE(output.find("restore refused"), std::string::npos) << output;
  bool keptAside = false;
  for (const auto& entry : std::filesystem::directory_iterator(hall.hall.database.parent_path()))
    keptAside = keptAside || entry.path().filename().string().find("before-restore") != std::string::npos;
  EXPECT_FALSE(keptAside);
  EXPECT_FALSE(std::filesystem::exists(hall.hall.database.string() + ".restoring"));
}

/// Every line of a checkpoint file, parsed.
std::vector<json> checkpointLines(const std::filesystem::path& file) {
  std::vector<json> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(json::parse(line));
  return lines;
}

TEST(DispatcherBackup, AfterARestoreTheCheckpointsMatchTheRestoredRecordAndLaterTamperingIsStillCaught) {
  // given a hall that signs a checkpoint of its audit chain every 5 rows
  RunningHall hall;
  std::string output;
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "keys", "new", "--audit", (hall.dir.path() / "hall-audit").string()},
                       output),
            0)
      << output;
  ASSERT_EQ(hall.dispatcher->terminate(), 0);
  std::ofstream(hall.hall.hallFile, std::ios::app)
      << "\n[audit]\nsigning_key_file = \"hall-audit.key\"\ncheckpoint_every_rows = 5\n";
  hall.restart();
  const std::filesystem::path checkpoints = hall.hall.database.string() + ".checkpoints";
  const auto issue = [&](int n, const std::string& key) {
    auto kiosk = hall.channel(hall.as("kiosk"));
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", fmt::format("{}/{}", key, i)}})),
                "ok");
  };
  issue(12, "before");
  const auto backup = hall.dir.path() / "copy.db";
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "backup", backup.string(), "--db", hall.hall.database.string()}, output), 0)
      << output;
  // and checkpoints of rows the backup does not hold
  issue(12, "after");
  ASSERT_EQ(hall.dispatcher->terminate(), 0);
  const std::int64_t backupHead = integerOf(backup, "SELECT max(row) FROM audit_log");
  const auto before = checkpointLines(checkpoints);
  ASSERT_FALSE(before.empty());
  ASSERT_GT(before.back()["row"].get<std::int64_t>(), backupHead);

  // when the backup is restored
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "restore", backup.string(), "--db", hall.hall.database.string(),
                        "--config", hall.hall.hallFile.string()},
                       output),
            0)
      << output;
  EXPECT_NE(output.find("now matches it"), std::string::npos) << output;

  // then the checkpoint file ends at the restored head, signed, and the old file is kept
  const auto after = checkpointLines(checkpoints);
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(after.back()["row"].get<std::int64_t>(), backupHead);
  for (const auto& c : after) EXPECT_LE(c["row"].get<std::int64_t>(), backupHead);
  bool keptAside = false;
  for (const auto& entry : std::filesystem::directory_iterator(hall.hall.database.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("hall.db.checkpoints.before-restore-")) keptAside = checkpointLines(entry.path()).size() == before.size();
  }
  EXPECT_TRUE(keptAside) << "the checkpoint file before the restore is not kept whole";
  const auto verify = [&] {
    return runProgram({jiujinctlBinary().string(), "audit", "verify", "--db", hall.hall.database.string(), "--checkpoint",
                       checkpoints.string(), "--audit-key", (hall.dir.path() / "hall-audit.pub").string()},
                      output);
  };
  EXPECT_EQ(verify(), 0) << "the restored record does not verify against its checkpoints:\n" << output;

  // and the next start finds the chain as signed, and goes on signing from it
  hall.restart();
  issue(6, "restored");
  ASSERT_EQ(hall.dispatcher->terminate(), 0);
  EXPECT_EQ(hall.dispatcher->output().find("dispatcher.audit"), std::string::npos)
      << "the dispatcher complained about the audit record:\n" << hall.dispatcher->output();
  EXPECT_GT(checkpointLines(checkpoints).back()["row"].get<std::int64_t>(), backupHead);
  EXPECT_EQ(verify(), 0) << output;

  // and a row of the restored record edited afterwards is caught
  runSql(hall.hall.database, fmt::format("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET body = '{{}}' WHERE row = {};",
                                         backupHead - 1));
  EXPECT_NE(verify(), 0) << "tampering after the restore went unnoticed:\n" << output;
}

}  // namespace
}  // namespace jiujin::testing
