// What the hall's IT person meets of a running dispatcher (docs/installation.md): its log —
// plain lines with their fields, or journal entries under systemd, never a resident's personal
// data — and the disk-space alarm read off the real filesystem of its database.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "../base/fake_journald.hpp"
#include "jiujin/client/event_stream.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A resident's personal data, as a clerk types it when accepting a case.
constexpr const char* kName = "欧阳秀英";
constexpr const char* kIdNumber = "370102199001011234";
constexpr const char* kPhone = "13812345678";

/// Sets environment variables for the programs a test starts, and puts them back after.
class Environment {
 public:
  Environment(std::initializer_list<std::pair<const char*, const char*>> values) {
    for (const auto& [name, value] : values) {
      const char* old = std::getenv(name);
      saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
      ::setenv(name, value, 1);
    }
  }
  ~Environment() {
    for (const auto& [name, value] : saved_) {
      if (value) ::setenv(name.c_str(), value->c_str(), 1);
      else ::unsetenv(name.c_str());
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

json acceptance(const std::string& item) {
  return json{{"window", 1},
              {"item", item},
              {"applicant", {{"name", kName}, {"idNumber", kIdNumber}, {"phone", kPhone}}},
              {"channel", "window"},
              {"materials", json::array({{{"name", "居民身份证"}, {"status", "received"}}})},
              {"request", std::string("高龄津贴申领，联系电话 ") + kPhone}};
}

/// A morning with a case holding personal data: a clerk logs in, accepts the case, one
/// acceptance is refused, the case is read back; a ticket is issued and called; a call with
/// nobody waiting is refused.
void aMorningWithACase(RunningHall& hall) {
  auto console = hall.channel(hall.as("console", 1));
  ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
  const auto accepted = console->request("accept_case", acceptance("T-0002"));
  ASSERT_EQ(outcomeOf(accepted), "ok");
  EXPECT_EQ(outcomeOf(console->request("accept_case", acceptance("NO-SUCH-ITEM"))).substr(0, 12), "unknown_item");
  EXPECT_EQ(outcomeOf(console->request("case", {{"number", accepted.result["case"]["number"]}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
  auto kiosk = hall.channel(hall.as("kiosk"));
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", "k-1"}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  EXPECT_NE(outcomeOf(console->request("call_next", {{"window", 2}})), "ok");
}

void expectNoPersonalData(const std::string& log) {
  EXPECT_EQ(log.find(kName), std::string::npos) << "the resident's name is in the log:\n" << log;
  EXPECT_EQ(log.find(kIdNumber), std::string::npos) << "the resident's ID number is in the log:\n" << log;
  EXPECT_EQ(log.find(kPhone), std::string::npos) << "the resident's phone is in the log:\n" << log;
}

TEST(DispatcherLog, ARunWithACaseLogsItsRequestsWithTheirFieldsAndNoPersonalData) {
  // given a dispatcher saying everything it has to say, on a plain stream
  const Environment env{{"JIUJIN_LOG_LEVEL", "debug"}, {"JIUJIN_LOG_OUTPUT", "text"}};
  RunningHall hall;
  aMorningWithACase(hall);
  ASSERT_EQ(hall.dispatcher->terminate(), 0);
  const std::string& log = hall.dispatcher->output();

  // then no line holds the resident's name, ID number or phone
  expectNoPersonalData(log);
  // and the lines say what they are about: the request, the window, the ticket
  EXPECT_NE(log.find("<7>dispatcher.service: [request="), std::string::npos) << log;
  EXPECT_NE(log.find(" window=1 ticket=A001] call_next done"), std::string::npos) << log;
  EXPECT_NE(log.find("window=1] accept_case done"), std::string::npos) << log;
  EXPECT_NE(log.find(" window=2] call_next refused"), std::string::npos) << log;
  EXPECT_NE(log.find("<5>dispatcher: stopped"), std::string::npos) << log;
}

TEST(DispatcherLog, UnderTheJournalEachLineIsAnEntryWithPriorityCategoryAndFields) {
  FakeJournald journald;
  if (!journald.available()) GTEST_SKIP() << "no stand-in journald here: " << journald.whyNot();
  const Environment env{{"JIUJIN_LOG_LEVEL", "debug"}, {"JIUJIN_LOG_OUTPUT", "journal"}};
  std::string stream;
  {
    RunningHall hall;
    aMorningWithACase(hall);
    ASSERT_EQ(hall.dispatcher->terminate(), 0);
    stream = hall.dispatcher->output();
  }
  const auto entries = journald.drain();
  ASSERT_FALSE(entries.empty()) << "nothing reached the journal socket; stderr:\n" << stream;
  std::string everything;
  const JournalEntry* refused = nullptr;
  const JournalEntry* called = nullptr;
  const JournalEntry* stopped = nullptr;
  for (const auto& e : entries) {
    for (const auto& [name, value] : e) everything += name + "=" + value + "\n";
    const std::string& message = e.at("MESSAGE");
    if (message.starts_with("call_next refused")) refused = &e;
    if (message.starts_with("call_next done")) called = &e;
    if (message == "stopped") stopped = &e;
    EXPECT_EQ(e.at("SYSLOG_IDENTIFIER"), "jiujin-dispatcher");
  }
  expectNoPersonalData(everything);
  ASSERT_NE(refused, nullptr) << everything;
  EXPECT_EQ(refused->at("PRIORITY"), "6");
  EXPECT_EQ(refused->at("CATEGORY"), "dispatcher.service");
  EXPECT_EQ(refused->at("WINDOW"), "2");
  EXPECT_FALSE(refused->at("REQUEST_ID").empty());
  ASSERT_NE(called, nullptr) << everything;
  EXPECT_EQ(called->at("PRIORITY"), "7");
  EXPECT_EQ(called->at("TICKET"), "A001");
  EXPECT_EQ(called->at("WINDOW"), "1");
  ASSERT_NE(stopped, nullptr) << everything;
  EXPECT_EQ(stopped->at("PRIORITY"), "5");
  // nothing went to stderr but the READY line: every log line went to the journal
  EXPECT_EQ(stream.find("dispatcher.service"), std::string::npos) << stream;
}

TEST(DispatcherDiskAlarm, ARealDispatcherRaisesTheAlarmFromTheFreeSpaceOfItsDatabaseFolder) {
  TestHallOptions options;
  // a threshold above what this machine has free: the database's disk is "low" at once
  options.dispatcherArgs = {"--disk-alarm-mb", "1048576"};
  RunningHall hall(options);
  const auto free = std::filesystem::space(hall.hall.database.parent_path()).available;
  if (free >= (1048576ull << 20)) GTEST_SKIP() << "this machine has more than 1 TB free";
  // the manager's monitor: the snapshot's alarms, then the alarm news (the check runs every tick)
  json alarm;
  client::StreamHandlers handlers;
  handlers.onSnapshot = [&](const client::Snapshot& snapshot) {
    for (const auto& a : snapshot.alarms)
      if (a["kind"] == "disk_space_low") alarm = a;
  };
  handlers.onNews = [&](const std::string& topic, const json& message) {
    if (topic == "alarm.disk_space_low") alarm = message["alarm"];
  };
  client::EventStream monitor(hall.context, hall.as("manager"), handlers);
  const auto deadline = Clock::now() + std::chrono::seconds(15);
  while (alarm.is_null() && Clock::now() < deadline) monitor.poll(std::chrono::milliseconds(100));
  ASSERT_FALSE(alarm.is_null()) << "no disk_space_low alarm within 15 s";
  EXPECT_NE(alarm["en"].get<std::string>().find("below 1048576 MB"), std::string::npos) << alarm.dump();
}

TEST(DispatcherDiskAlarm, AThresholdOutOfItsRangeIsRefusedAtStart) {
  TempDir dir;
  const TestHall hall = writeTestHall(dir.path());
  std::string output;
  EXPECT_NE(runProgram({dispatcherBinary().string(), "--config", hall.hallFile.string(), "--db", hall.database.string(),
                        "--commands", "tcp://127.0.0.1:0", "--events", "tcp://127.0.0.1:0", "--disk-alarm-mb", "8"},
                       output),
            0);
  EXPECT_NE(output.find("--disk-alarm-mb"), std::string::npos) << output;
}

}  // namespace
}  // namespace jiujin::testing
