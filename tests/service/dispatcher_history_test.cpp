// Statistics over the hall's history on the real dispatcher: the period is bounded, the
// history is read off the command thread and the reply still carries the live figures; and
// jiujinctl's unlock-clerk as a manager types it.
#include <chrono>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "jiujin/core/time.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string dayString(std::chrono::sys_days day) { return protocol::dateToString(core::Date{day}); }

std::chrono::sys_days today() {
  // The dispatcher runs on the machine's local time; so does this.
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&t, &local);
  return std::chrono::sys_days{std::chrono::year{local.tm_year + 1900} / (local.tm_mon + 1) / local.tm_mday};
}

TEST(DispatcherHistory, APeriodLongerThan366DaysIsRefusedAndAYearIsAnswered) {
  RunningHall hall;
  auto manager = hall.channel(hall.as("manager"));
  const auto end = today();
  const auto tooLong = manager->request("statistics", {{"from", dayString(end - std::chrono::days{366})},
                                                        {"to", dayString(end)}});
  ASSERT_FALSE(tooLong.ok);
  EXPECT_EQ(tooLong.error.code, "period_too_long");
  EXPECT_NE(tooLong.error.en.find("367 days"), std::string::npos) << tooLong.error.en;
  EXPECT_NE(tooLong.error.en.find("at most 366"), std::string::npos) << tooLong.error.en;

  const auto year = manager->request("statistics", {{"from", dayString(end - std::chrono::days{365})},
                                                     {"to", dayString(end)}});
  ASSERT_EQ(outcomeOf(year), "ok");
  EXPECT_EQ(year.result["figures"]["from"], dayString(end - std::chrono::days{365}));
}

TEST(DispatcherHistory, StatisticsCarryTheHistoryAndTheLiveHallTogether) {
  RunningHall hall;
  auto kiosk = hall.channel(hall.as("kiosk"));
  auto console = hall.channel(hall.as("console", 1));
  ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0003"}})), "ok");

  auto display = hall.channel(hall.as("display"));
  const auto stats = display->request("statistics", json::object());
  ASSERT_EQ(outcomeOf(stats), "ok");
  // From the history (the ticket report table):
  EXPECT_EQ(stats.result["figures"]["tickets"]["issued"], 2);
  EXPECT_EQ(stats.result["figures"]["tickets"]["called"], 1);
  // From the hall as it is when the reply goes out:
  EXPECT_EQ(stats.result["tickets"]["total"], 2);
  EXPECT_EQ(stats.result["windows"]["1"]["state"], "calling");

  // Many at once are all answered, and the hall keeps calling meanwhile.
  std::vector<std::unique_ptr<client::CommandChannel>> managers;
  for (int i = 0; i < 4; ++i) managers.push_back(hall.channel(hall.as("manager")));
  std::vector<std::thread> askers;
  std::vector<std::string> outcomes(managers.size());
  for (std::size_t i = 0; i < managers.size(); ++i)
    askers.emplace_back([&, i] { outcomes[i] = outcomeOf(managers[i]->request("statistics", json::object())); });
  EXPECT_EQ(outcomeOf(console->request("start_service", {{"window", 1}})), "ok");
  for (auto& t : askers) t.join();
  for (const auto& o : outcomes) EXPECT_EQ(o, "ok");
}

TEST(DispatcherHistory, StatisticsAreNotRecordedInTheAuditButARefusedOneIs) {
  RunningHall hall;
  auto manager = hall.channel(hall.as("manager"));
  ASSERT_EQ(outcomeOf(manager->request("statistics", json::object())), "ok");
  ASSERT_FALSE(manager->request("statistics", {{"from", "2020-01-01"}, {"to", "2024-01-01"}}).ok);
  const auto audit = manager->request("audit_export", {{"after", 0}});
  ASSERT_EQ(outcomeOf(audit), "ok");
  std::vector<std::string> results;
  for (const auto& row : audit.result["rows"])
    if (row["type"] == "statistics") results.push_back(row["result"]);
  EXPECT_EQ(results, std::vector<std::string>{"period_too_long"});
}

std::vector<std::string> ctl(const RunningHall& hall, std::vector<std::string> args) {
  std::vector<std::string> argv{jiujinctlBinary().string(), "--endpoint", hall.commands, "--events", hall.events};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

TEST(DispatcherHistory, JiujinctlUnlockClerkIsAManagersCommand) {
  RunningHall hall;
  std::string out;
  EXPECT_EQ(runProgram(ctl(hall, {"--role", "manager", "unlock-clerk", "c01"}), out), 0) << out;
  EXPECT_NE(out.find("clerk c01 was not locked"), std::string::npos) << out;
  std::string unknown;
  EXPECT_EQ(runProgram(ctl(hall, {"--role", "manager", "unlock-clerk", "nobody"}), unknown), 1) << unknown;
  EXPECT_NE(unknown.find("not_found"), std::string::npos) << unknown;
  std::string console;
  EXPECT_EQ(runProgram(ctl(hall, {"--role", "console", "--window", "1", "unlock-clerk", "c01"}), console), 1);
  EXPECT_NE(console.find("forbidden"), std::string::npos) << console;
}

}  // namespace
}  // namespace jiujin::testing
