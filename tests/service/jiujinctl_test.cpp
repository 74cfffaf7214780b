// jiujinctl as an operator types it.
#include <fstream>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

std::vector<std::string> ctl(const RunningHall& hall, std::vector<std::string> args) {
  std::vector<std::string> argv{jiujinctlBinary().string(), "--endpoint", hall.commands, "--events", hall.events};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

TEST(Jiujinctl, IssuesATicketAndPrintsJsonForScripts) {
  RunningHall hall;
  std::string out;
  ASSERT_EQ(runProgram(ctl(hall, {"--role", "kiosk", "--json", "issue", "T-0001"}), out), 0) << out;
  const json reply = json::parse(out);
  EXPECT_EQ(reply["ok"], true);
  EXPECT_EQ(reply["result"]["ticket"]["number"], "A001");
  std::string human;
  ASSERT_EQ(runProgram(ctl(hall, {"ticket", "A001"}), human), 0);
  EXPECT_NE(human.find("A001"), std::string::npos);
}

TEST(Jiujinctl, ARefusalExitsWithOneAndSaysWhyInBothLanguages) {
  RunningHall hall;
  std::string out;
  EXPECT_EQ(runProgram(ctl(hall, {"--role", "kiosk", "call", "1"}), out), 1);
  EXPECT_NE(out.find("forbidden"), std::string::npos);
  EXPECT_NE(out.find("无权"), std::string::npos);
}

TEST(Jiujinctl, NoDispatcherExitsWithThree) {
  std::string out;
  EXPECT_EQ(runProgram({jiujinctlBinary().string(), "--endpoint", "tcp://127.0.0.1:1", "--timeout", "200",
                        "--attempts", "1", "ping"},
                       out),
            3);
}

TEST(Jiujinctl, ConfigCheckFailsOnABrokenHallFile) {
  TempDir dir;
  const auto hall = writeTestHall(dir.path());
  std::string good;
  EXPECT_EQ(runProgram({jiujinctlBinary().string(), "config", "check", hall.hallFile.string()}, good), 0) << good;
  std::ofstream(hall.hallFile, std::ios::app) << "\n[[window]]\nnumber = 1\nprofile = [{ queue = \"nowhere\" }]\n";
  std::string bad;
  EXPECT_NE(runProgram({jiujinctlBinary().string(), "config", "check", hall.hallFile.string()}, bad), 0);
  EXPECT_NE(bad.find("hall.toml"), std::string::npos) << bad;
}

TEST(Jiujinctl, KeysNewWritesAZ85KeyPair) {
  TempDir dir;
  std::string out;
  ASSERT_EQ(runProgram({jiujinctlBinary().string(), "keys", "new", (dir.path() / "kiosk-9").string()}, out), 0);
  std::string secret, pub;
  std::ifstream(dir.path() / "kiosk-9.key") >> secret;
  std::ifstream(dir.path() / "kiosk-9.pub") >> pub;
  EXPECT_EQ(secret.size(), 40u);
  EXPECT_EQ(pub.size(), 40u);
  EXPECT_EQ(client::publicKeyOf(secret), pub);
}

TEST(Jiujinctl, AuditVerifyFindsARowChangedInTheDatabase) {
  RunningHall hall;
  std::string out;
  ASSERT_EQ(runProgram(ctl(hall, {"--role", "kiosk", "issue", "T-0001"}), out), 0);
  ASSERT_EQ(runProgram(ctl(hall, {"--role", "kiosk", "call", "1"}), out), 1);
  std::string exported;
  ASSERT_EQ(runProgram(ctl(hall, {"audit", "export"}), exported), 0) << exported;
  EXPECT_NE(exported.find("\"forbidden\""), std::string::npos);
  ASSERT_EQ(hall.dispatcher->terminate(), 0);

  const std::string db = hall.hall.database.string();
  std::string intact;
  EXPECT_EQ(runProgram({jiujinctlBinary().string(), "audit", "verify", "--db", db}, intact), 0) << intact;

  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(handle,
                         "DROP TRIGGER audit_log_no_update;"
                         "UPDATE audit_log SET ok = 1, result = 'ok' WHERE result = 'forbidden';",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(handle);
  std::string tampered;
  EXPECT_EQ(runProgram({jiujinctlBinary().string(), "audit", "verify", "--db", db}, tampered), 1);
  EXPECT_NE(tampered.find("TAMPERED"), std::string::npos) << tampered;
}

TEST(Jiujinctl, DispatcherRefusesAnInvalidConfigurationWithExitTwo) {
  TempDir dir;
  const auto hall = writeTestHall(dir.path());
  std::ofstream(hall.hallFile, std::ios::app) << "\n[[window]]\nnumber = 1\nprofile = [{ queue = \"nowhere\" }]\n";
  std::string out;
  EXPECT_EQ(runProgram({dispatcherBinary().string(), "--config", hall.hallFile.string(), "--db",
                        hall.database.string(), "--commands", "tcp://127.0.0.1:0", "--events", "tcp://127.0.0.1:0"},
                       out),
            2);
  EXPECT_NE(out.find("hall.toml"), std::string::npos) << out;
}

TEST(Jiujinctl, DispatcherStopsCleanlyOnSigterm) {
  RunningHall hall;
  EXPECT_EQ(hall.dispatcher->terminate(), 0);
}

TEST(Jiujinctl, StatsGivesTheFiguresOfTheDaysAskedFor) {
  RunningHall hall;
  std::string issued;
  ASSERT_EQ(runProgram(ctl(hall, {"--role", "kiosk", "issue", "T-0001"}), issued), 0) << issued;
  // Today as the dispatcher counts it (the default period).
  std::string todays;
  ASSERT_EQ(runProgram(ctl(hall, {"--json", "stats"}), todays), 0) << todays;
  const std::string today = json::parse(todays)["result"]["figures"]["from"];

  std::string asked;
  ASSERT_EQ(runProgram(ctl(hall, {"--json", "stats", "--from", today, "--to", today}), asked), 0) << asked;
  const json figures = json::parse(asked)["result"]["figures"];
  EXPECT_EQ(figures["to"], today);
  EXPECT_EQ(figures["tickets"]["issued"], 1);
  EXPECT_EQ(figures["by_queue"]["general"]["issued"], 1);

  std::string human;
  ASSERT_EQ(runProgram(ctl(hall, {"stats", "--from", today, "--to", today}), human), 0) << human;
  EXPECT_NE(human.find("统计 figures " + today + " … " + today), std::string::npos) << human;
  EXPECT_NE(human.find("取号 issued 1 "), std::string::npos) << human;
  EXPECT_NE(human.find("按队列 by queue"), std::string::npos) << human;
  EXPECT_NE(human.find("综合受理"), std::string::npos) << human;

  // Days with no history: the period is echoed, nothing counted.
  std::string empty;
  ASSERT_EQ(runProgram(ctl(hall, {"stats", "--from", "2020-01-01", "--to", "2020-01-31"}), empty), 0) << empty;
  EXPECT_NE(empty.find("统计 figures 2020-01-01 … 2020-01-31"), std::string::npos) << empty;
  EXPECT_NE(empty.find("取号 issued 0 "), std::string::npos) << empty;
}

TEST(Jiujinctl, StatsRefusesABackwardPeriodAndABadDate) {
  RunningHall hall;
  std::string backward;
  EXPECT_EQ(runProgram(ctl(hall, {"stats", "--from", "2020-02-01", "--to", "2020-01-01"}), backward), 1);
  EXPECT_NE(backward.find("invalid_argument"), std::string::npos) << backward;
  std::string malformed;
  EXPECT_EQ(runProgram(ctl(hall, {"stats", "--from", "2020-2-1"}), malformed), 2);
  EXPECT_NE(malformed.find("YYYY-MM-DD"), std::string::npos) << malformed;
}

}  // namespace
}  // namespace jiujin::testing
