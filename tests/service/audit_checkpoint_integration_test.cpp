// Signed audit checkpoints on the real jiujin-dispatcher, and jiujinctl holding the audit
// record against them after it was cut, emptied, recomputed — or left alone.
#include <fstream>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "jiujin/client/event_stream.hpp"
#include "jiujin/service/audit_checkpoint.hpp"
#include "jiujin/service/audit_log.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string ctlBinary() { return jiujinctlBinary().string(); }

/// A program's exit status and everything it printed.
struct Ran {
  int status = -1;
  std::string output;
};

Ran run(const std::vector<std::string>& argv) {
  Ran ran;
  ran.status = runProgram(argv, ran.output);
  return ran;
}

/// A hall whose dispatcher signs a checkpoint every 5 audit rows with a key from jiujinctl.
class SigningHall {
 public:
  SigningHall() {
    std::string out;
    if (runProgram({ctlBinary(), "keys", "new", "--audit", (hall.dir.path() / "hall-audit").string()}, out) != 0)
      throw std::runtime_error("keys new --audit failed: " + out);
    // The same hall, started again with an [audit] table.
    if (hall.dispatcher->terminate() != 0) throw std::runtime_error("the dispatcher did not stop");
    std::ofstream(hall.hall.hallFile, std::ios::app)
        << "\n[audit]\nsigning_key_file = \"hall-audit.key\"\ncheckpoint_every_rows = 5\n";
    hall.restart();
  }

  std::filesystem::path checkpoints() const { return hall.hall.database.string() + ".checkpoints"; }
  std::filesystem::path publicKey() const { return hall.dir.path() / "hall-audit.pub"; }

  RunningHall hall;
};

std::vector<std::string> withEndpoints(const RunningHall& hall, std::vector<std::string> args) {
  std::vector<std::string> argv{ctlBinary(), "--endpoint", hall.commands, "--events", hall.events};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

TEST(AuditCheckpointDispatcher, PublishesAndFilesASignedCheckpointOfTheChainHead) {
  SigningHall signing;
  RunningHall& hall = signing.hall;
  std::vector<json> published;
  client::StreamHandlers handlers;
  handlers.onNews = [&](const std::string& topic, const json& message) {
    if (topic == "audit.checkpoint") published.push_back(message);
  };
  client::EventStream stream(hall.context, hall.as("display"), handlers, {"audit."});
  auto kiosk = hall.channel(hall.as("kiosk"));
  // Each ticket is an audit row; the subscription may take a moment to reach the dispatcher,
  // so tickets go on until a checkpoint is heard.
  const auto bound = std::chrono::steady_clock::now() + 20s;
  while (published.empty() && std::chrono::steady_clock::now() < bound) {
    ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
    stream.poll(20ms);
  }
  ASSERT_FALSE(published.empty()) << "no audit.checkpoint within 20 s";
  EXPECT_EQ(published[0]["v"], 1);
  const auto checkpoint = service::auditCheckpointFromJson(published[0]);
  ASSERT_TRUE(checkpoint.ok()) << published[0].dump();
  const auto key = service::auditPublicKeyFrom(signing.publicKey().string());
  ASSERT_TRUE(key.ok()) << key.error().en;
  EXPECT_TRUE(service::signatureValid(checkpoint.value(), key.value()));
  EXPECT_EQ(checkpoint.value().hall, "370199101");

  // The same checkpoint is in the file, and signs the chain's own row and hash.
  const auto file = service::readCheckpointFile(signing.checkpoints());
  ASSERT_TRUE(file.ok()) << file.error().en;
  EXPECT_NE(std::find(file.value().checkpoints.begin(), file.value().checkpoints.end(), checkpoint.value()),
            file.value().checkpoints.end());
  auto manager = hall.channel(hall.as("manager"));
  const auto row = manager->request("audit_export", {{"after", checkpoint.value().row - 1}, {"limit", 1}});
  ASSERT_EQ(outcomeOf(row), "ok");
  EXPECT_EQ(row.result["rows"][0]["row"], checkpoint.value().row);
  EXPECT_EQ(row.result["rows"][0]["hash"], checkpoint.value().hash);
  EXPECT_EQ(row.result["previous_hash"].get<std::string>().size(), 64u);
  EXPECT_EQ(manager->request("audit_export", {{"after", 0}, {"limit", 1}}).result["previous_hash"],
            std::string(64, '0'));
  EXPECT_TRUE(manager->request("audit_export", {{"after", 1000000}, {"limit", 1}}).result["previous_hash"].is_null())
      << "no row 1000000, so no hash of it";

  // jiujinctl holds the live record against the file.
  const auto live = run(withEndpoints(hall, {"--role", "manager", "audit", "verify", "--checkpoint",
                                             signing.checkpoints().string(), "--audit-key",
                                             signing.publicKey().string()}));
  EXPECT_EQ(live.status, 0) << live.output;
  EXPECT_NE(live.output.find("intact up to checkpoint row"), std::string::npos) << live.output;

  // A partial export of the live record verifies on its own, and against the checkpoints
  // taken until it was made (a later one signs rows the export does not reach).
  const auto taken = hall.dir.path() / "taken.checkpoints";
  std::filesystem::copy_file(signing.checkpoints(), taken);
  const auto part = hall.dir.path() / "part.jsonl";
  const auto exported =
      run(withEndpoints(hall, {"--role", "manager", "audit", "export", "--after", "3", "--out", part.string()}));
  ASSERT_EQ(exported.status, 0) << exported.output;
  const auto alone = run({ctlBinary(), "audit", "verify", "--file", part.string()});
  EXPECT_EQ(alone.status, 0) << alone.output;
  EXPECT_NE(alone.output.find("rows 4–"), std::string::npos) << alone.output;
  const auto signedPart = run({ctlBinary(), "audit", "verify", "--file", part.string(), "--checkpoint", taken.string(),
                               "--audit-key", signing.publicKey().string()});
  EXPECT_EQ(signedPart.status, 0) << signedPart.output;
}

TEST(AuditCheckpointDispatcher, ADamagedSigningKeyStopsTheStartWithExitTwo) {
  TempDir dir;
  const auto hall = writeTestHall(dir.path());
  // The right shape for the hall file's check, but its halves do not belong together.
  std::ofstream(dir.path() / "hall-audit.key") << std::string(128, 'a') << '\n';
  std::ofstream(hall.hallFile, std::ios::app) << "\n[audit]\nsigning_key_file = \"hall-audit.key\"\n";
  const auto started = run({dispatcherBinary().string(), "--config", hall.hallFile.string(), "--db",
                            hall.database.string(), "--commands", "tcp://127.0.0.1:0", "--events", "tcp://127.0.0.1:0"});
  EXPECT_EQ(started.status, 2) << started.output;
  EXPECT_NE(started.output.find("damaged"), std::string::npos) << started.output;
}

TEST(AuditCheckpointDispatcher, WithoutAKeyNoCheckpointFileIsWritten) {
  RunningHall hall;
  auto kiosk = hall.channel(hall.as("kiosk"));
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
  EXPECT_EQ(hall.dispatcher->terminate(), 0);
  EXPECT_FALSE(std::filesystem::exists(hall.hall.database.string() + ".checkpoints"));
}

/// One hall run once for all the tampering below: tickets, then a stop (which signs the head).
class AuditTampering : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    signing_ = new SigningHall;
    auto kiosk = signing_->hall.channel(signing_->hall.as("kiosk"));
    for (int i = 0; i < 12; ++i) ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
    ASSERT_EQ(signing_->hall.dispatcher->terminate(), 0);
  }
  static void TearDownTestSuite() {
    delete signing_;
    signing_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(signing_, nullptr);
    std::filesystem::copy_file(signing_->hall.hall.database, db);
  }

  /// jiujinctl audit verify --db (copy) held against the hall's checkpoints (or `checkpoints`).
  Ran verify(const std::string& checkpoints = {}) const {
    return run({ctlBinary(), "audit", "verify", "--db", db.string(), "--checkpoint",
                checkpoints.empty() ? signing_->checkpoints().string() : checkpoints, "--audit-key",
                signing_->publicKey().string()});
  }

  /// jiujinctl audit verify --db (copy), the chain alone.
  Ran verifyChainOnly() const { return run({ctlBinary(), "audit", "verify", "--db", db.string()}); }

  void exec(const std::string& sql) const {
    sqlite3* handle = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(handle);
    sqlite3_close(handle);
  }

  std::int64_t lastRow() const { return service::AuditLog::open(db).value()->lastRow(); }

  static SigningHall* signing_;
  TempDir dir;
  std::filesystem::path db = dir.path() / "copy.db";
};

SigningHall* AuditTampering::signing_ = nullptr;

TEST_F(AuditTampering, TheUntouchedRecordIsIntactUpToTheCheckpointTakenAtStop) {
  const auto verified = verify();
  EXPECT_EQ(verified.status, 0) << verified.output;
  EXPECT_NE(verified.output.find("intact up to checkpoint row " + std::to_string(lastRow()) + " "), std::string::npos)
      << verified.output;
}

TEST_F(AuditTampering, CuttingTheNewestRowsExitsWithFour) {
  exec("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE row > (SELECT MAX(row) - 3 FROM audit_log);");
  const auto verified = verify();
  EXPECT_EQ(verified.status, 4) << verified.output;
  EXPECT_NE(verified.output.find("TRUNCATED"), std::string::npos) << verified.output;
  const auto chainOnly = verifyChainOnly();
  EXPECT_EQ(chainOnly.status, 0) << "without a checkpoint the chain alone cannot tell: " << chainOnly.output;
}

TEST_F(AuditTampering, EmptyingTheRecordExitsWithFour) {
  exec("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;");
  const auto verified = verify();
  EXPECT_EQ(verified.status, 4) << verified.output;
  EXPECT_NE(verified.output.find("every row was removed"), std::string::npos) << verified.output;
}

TEST_F(AuditTampering, RecomputingTheChainWithTheDocumentedFormulaExitsWithFive) {
  std::vector<service::AuditRow> rows = service::AuditLog::open(db).value()->read(0, 100000).value();
  ASSERT_GT(rows.size(), 3u);
  rows[2].record.type = "cancel";  // row 3 says something else happened
  std::string previous = service::kAuditGenesisHash;
  std::string sql = "DROP TRIGGER audit_log_no_update;";
  for (auto& row : rows) {
    row.hash = service::auditRowHash(previous, row.row, row.record);
    previous = row.hash;
    sql += "UPDATE audit_log SET type = '" + row.record.type + "', hash = '" + row.hash +
           "' WHERE row = " + std::to_string(row.row) + ";";
  }
  exec(sql);
  const auto chainOnly = verifyChainOnly();
  EXPECT_EQ(chainOnly.status, 0) << "the chain alone is fooled: " << chainOnly.output;
  const auto verified = verify();
  EXPECT_EQ(verified.status, 5) << verified.output;
  EXPECT_NE(verified.output.find("REWRITTEN"), std::string::npos) << verified.output;
}

TEST_F(AuditTampering, ChangingOneRowExitsWithOne) {
  exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET ok = 0 WHERE row = 2;");
  const auto verified = verify();
  EXPECT_EQ(verified.status, 1) << verified.output;
  EXPECT_NE(verified.output.find("TAMPERED at row 2"), std::string::npos) << verified.output;
}

TEST_F(AuditTampering, ACheckpointSignedWithAnotherKeyExitsWithSix) {
  const auto made = run({ctlBinary(), "keys", "new", "--audit", (dir.path() / "stranger").string()});
  ASSERT_EQ(made.status, 0) << made.output;
  const auto stranger = service::readAuditSecretKeyFile(dir.path() / "stranger.key");
  ASSERT_TRUE(stranger.ok()) << stranger.error().en;
  auto log = service::AuditLog::open(db);
  const auto forged =
      service::signCheckpoint("370199101", log.value()->lastRow(), log.value()->lastHash(),
                              core::TimePoint(core::Milliseconds(1700000000000)), stranger.value());
  const auto verified = verify(service::toJson(forged).dump());
  EXPECT_EQ(verified.status, 6) << verified.output;
  EXPECT_NE(verified.output.find("INVALID"), std::string::npos) << verified.output;
}

TEST_F(AuditTampering, APartialExportOfTheFileVerifiesAndItsCutCopyDoesNot) {
  const auto part = dir.path() / "part.jsonl";
  const auto exported = run({ctlBinary(), "audit", "export", "--db", db.string(), "--after", "7", "--out", part.string()});
  ASSERT_EQ(exported.status, 0) << exported.output;
  const std::vector<std::string> argv{ctlBinary(),     "--json",       "audit",
                                      "verify",        "--file",       part.string(),
                                      "--checkpoint",  signing_->checkpoints().string(),
                                      "--audit-key",   signing_->publicKey().string()};
  const auto verified = run(argv);
  ASSERT_EQ(verified.status, 0) << verified.output;
  const json report = json::parse(verified.output, nullptr, false);
  ASSERT_TRUE(report.is_object()) << verified.output;
  EXPECT_EQ(report["verdict"], "intact");
  EXPECT_EQ(report["after"], 7);
  EXPECT_EQ(report["signed_up_to"]["row"], lastRow());

  // The export's last line removed: the file now ends before the signed head.
  std::ifstream in(part);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  in.close();
  std::ofstream cut(part, std::ios::trunc);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) cut << lines[i] << '\n';
  cut.close();
  const auto cutVerified = run(argv);
  EXPECT_EQ(cutVerified.status, 4) << cutVerified.output;
}

}  // namespace
}  // namespace jiujin::testing
