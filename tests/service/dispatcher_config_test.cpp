// The hall file while the hall runs: reload_config and SIGHUP apply an edited file all at once
// or not at all; a file edited while the dispatcher was stopped is in force after the restart;
// opening hours decide when residents may take tickets.
#include <signal.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "jiujin/client/event_stream.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Replaces the first `from` in the hall file with `to`.
void editHallFile(const RunningHall& hall, const std::string& from, const std::string& to) {
  std::string text = readFile(hall.hall.hallFile);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(hall.hall.hallFile) << text;
}

/// Window 3's profile as the dispatcher holds it.
json profileOfWindow3(RunningHall& hall) {
  auto manager = hall.channel(hall.as("manager"));
  const auto snapshot = manager->request("snapshot", json::object());
  EXPECT_EQ(outcomeOf(snapshot), "ok");
  for (const auto& w : snapshot.result["definition"]["windows"])
    if (w["number"] == 3) return w["profile"];
  return json();
}

const std::string kWindow3Profile = R"(profile = [{ queue = "general" }, { queue = "social" }]

[[clerk]])";
const std::string kWindow3SocialOnly = R"(profile = [{ queue = "social" }]

[[clerk]])";

TEST(DispatcherConfig, ReloadAppliesAnEditedWindowProfileAndOnlyAManagerMayAskForIt) {
  RunningHall hall;
  ASSERT_EQ(profileOfWindow3(hall)["entries"].size(), 2u);
  editHallFile(hall, kWindow3Profile, kWindow3SocialOnly);

  auto console = hall.channel(hall.as("console", 3));
  EXPECT_EQ(console->request("reload_config", json::object()).error.code, "forbidden");
  ASSERT_EQ(profileOfWindow3(hall)["entries"].size(), 2u);

  auto manager = hall.channel(hall.as("manager"));
  const auto reloaded = manager->request("reload_config", json::object());
  ASSERT_EQ(outcomeOf(reloaded), "ok");
  EXPECT_EQ(reloaded.result["definition_changed"], true);
  EXPECT_EQ(reloaded.result["clerks"], 3);  // c01, c02 and the manager m01
  EXPECT_GT(reloaded.result["seq"].get<std::uint64_t>(), 0u);
  const auto profile = profileOfWindow3(hall);
  ASSERT_EQ(profile["entries"].size(), 1u);
  EXPECT_EQ(profile["entries"][0]["queue"], "social");

  // Reloading the same file again changes nothing.
  const auto again = manager->request("reload_config", json::object());
  ASSERT_EQ(outcomeOf(again), "ok");
  EXPECT_EQ(again.result["definition_changed"], false);
}

TEST(DispatcherConfig, AFileWithErrorsIsRefusedWithEveryLineAndTheHallKeepsItsConfiguration) {
  RunningHall hall;
  // Two mistakes at once: a profile naming a queue that does not exist, and a window bound twice.
  editHallFile(hall, kWindow3Profile, R"(profile = [{ queue = "housing" }]

[[clerk]])");
  editHallFile(hall, "number = 2", "number = 1");
  auto manager = hall.channel(hall.as("manager"));
  const auto refused = manager->request("reload_config", json::object());
  ASSERT_FALSE(refused.ok);
  EXPECT_EQ(refused.error.code, "invalid_config");
  EXPECT_NE(refused.error.en.find("hall.toml:"), std::string::npos) << refused.error.en;
  EXPECT_NE(refused.error.en.find("housing"), std::string::npos) << refused.error.en;
  // …and a third the second one causes: the manager m01 may use window 2, which is gone.
  EXPECT_NE(refused.error.en.find("3 error(s)"), std::string::npos) << refused.error.en;
  EXPECT_EQ(profileOfWindow3(hall)["entries"].size(), 2u);

  // The running hall still works as before.
  auto kiosk = hall.channel(hall.as("kiosk"));
  EXPECT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
}

TEST(DispatcherConfig, SighupReloadsTheHallFile) {
  RunningHall hall;
  int definitionUpdates = 0;
  client::StreamHandlers handlers;
  handlers.onEvent = [&](std::uint64_t, const std::string& topic, const json&) {
    if (topic == "hall.definition_updated") ++definitionUpdates;
  };
  client::EventStream stream(hall.context, hall.as("display"), handlers);
  const auto syncBound = std::chrono::steady_clock::now() + 10s;
  while (!stream.synced() && std::chrono::steady_clock::now() < syncBound) stream.poll(20ms);
  ASSERT_TRUE(stream.synced());

  editHallFile(hall, kWindow3Profile, kWindow3SocialOnly);
  hall.dispatcher->signal(SIGHUP);
  const auto bound = std::chrono::steady_clock::now() + 10s;
  while (definitionUpdates == 0 && std::chrono::steady_clock::now() < bound) stream.poll(20ms);
  ASSERT_EQ(definitionUpdates, 1);
  ASSERT_EQ(profileOfWindow3(hall)["entries"].size(), 1u);
}

TEST(DispatcherConfig, AFileEditedWhileStoppedIsInForceAfterTheRestartAndTicketsAreKept) {
  RunningHall hall;
  auto kiosk = hall.channel(hall.as("kiosk"));
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0003"}})), "ok");
  ASSERT_EQ(hall.dispatcher->terminate(), 0);
  editHallFile(hall, kWindow3Profile, kWindow3SocialOnly);
  hall.restart();
  EXPECT_EQ(profileOfWindow3(hall)["entries"].size(), 1u);
  auto again = hall.channel(hall.as("kiosk"));
  const auto status = again->request("ticket_status", {{"number", "B001"}});
  ASSERT_EQ(outcomeOf(status), "ok");
  EXPECT_EQ(status.result["ticket"]["state"], "waiting");
}

/// A weekday that is not today (hall-local), in the hall file's spelling.
std::string notToday() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  constexpr const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  return kDays[(local.tm_wday + 3) % 7];
}

std::string today() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  constexpr const char* kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  return kDays[local.tm_wday];
}

TEST(DispatcherConfig, OutsideOpeningHoursTheKioskIsRefusedWithTheHoursButAManagerMayIssue) {
  TestHallOptions options;
  options.hours = "days = [\"" + notToday() + "\"]\nopen = \"08:30-17:30\"\n";
  RunningHall hall(options);
  auto kiosk = hall.channel(hall.as("kiosk"));
  const auto refused = kiosk->request("issue_ticket", {{"item", "T-0001"}});
  ASSERT_FALSE(refused.ok);
  EXPECT_EQ(refused.error.code, "outside_hours");
  EXPECT_NE(refused.error.zh.find("办理时间"), std::string::npos) << refused.error.zh;
  EXPECT_NE(refused.error.zh.find("08:30-17:30"), std::string::npos) << refused.error.zh;
  auto manager = hall.channel(hall.as("manager"));
  EXPECT_EQ(outcomeOf(manager->request("issue_ticket", {{"item", "T-0001"}})), "ok");
}

TEST(DispatcherConfig, HoursIgnoredOnTheCommandLineLetTheKioskIssueAtAnyTime) {
  TestHallOptions options;
  options.hours = "days = [\"" + notToday() + "\"]\nopen = \"08:30-17:30\"\n";
  options.dispatcherArgs = {"--hours", "ignore"};
  RunningHall hall(options);
  auto kiosk = hall.channel(hall.as("kiosk"));
  EXPECT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
}

TEST(DispatcherConfig, InAnAppointmentOnlySessionOnlyResidentsWithAnAppointmentGetATicket) {
  TestHallOptions options;
  options.hours = "days = [\"" + notToday() + "\"]\nopen = \"08:30-17:30\"\n" +
                  "appointment_only = [{ days = [\"" + today() + "\"], time = \"00:00-24:00\" }]\n";
  RunningHall hall(options);
  auto kiosk = hall.channel(hall.as("kiosk"));
  EXPECT_EQ(kiosk->request("issue_ticket", {{"item", "T-0001"}}).error.code, "appointments_only");
  const auto slot = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  EXPECT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}, {"channel", "appointment"},
                                                      {"appointmentSlot", slot}})),
            "ok");
}

}  // namespace
}  // namespace jiujin::testing
