// The case register through the real jiujin-dispatcher on its SQLite file: a case accepted,
// processed and handed over by clerks; its personal data whole only in the clerks' and
// managers' case replies, masked in every published event, snapshot, list and the audit
// record; 代办 only for clerks with the agent flag; the case kept across kill -9.
#include <chrono>

#include <gtest/gtest.h>

#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kIdNumber = "370102199001011234";
constexpr const char* kPhone = "13812345678";

template <typename F>
bool pollUntil(client::HallMirror& mirror, F done, std::chrono::milliseconds bound = std::chrono::seconds(10)) {
  const auto deadline = Clock::now() + bound;
  while (!done() && Clock::now() < deadline) mirror.poll(std::chrono::milliseconds(20));
  return done();
}

/// "ok" or the error code alone.
std::string codeOf(const client::Reply& reply) { return reply.ok ? "ok" : reply.error.code; }

json acceptance(int window, const std::string& channel = "window") {
  return json{{"window", window},
              {"item", "T-0002"},
              {"applicant", {{"name", "张三"}, {"idNumber", kIdNumber}, {"phone", kPhone}}},
              {"channel", channel},
              {"materials", json::array({{{"name", "居民身份证"}, {"status", "received"}}})},
              {"request", "高龄津贴申领"}};
}

void login(RunningHall& hall, int window, const std::string& clerk) {
  auto console = hall.channel(hall.as("console", window));
  ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", window}, {"clerk", clerk}, {"pin", "1234"}})), "ok");
}

TEST(DispatcherCases, ACaseIsAcceptedProcessedAndHandedOverWithItsPersonalDataOnlyWhereNeeded) {
  RunningHall hall;
  login(hall, 1, "c01");
  login(hall, 3, "c02");
  // a kiosk's mirror follows the hall from the start
  std::vector<core::Event> seen;
  client::MirrorHandlers handlers;
  handlers.onEvent = [&](std::uint64_t, const core::Event& e) { seen.push_back(e); };
  client::HallMirror kioskMirror(hall.context, hall.as("kiosk"), handlers);
  ASSERT_TRUE(pollUntil(kioskMirror, [&] { return kioskMirror.synced(); }));

  auto console = hall.channel(hall.as("console", 1));
  const auto accepted = console->request("accept_case", acceptance(1));
  ASSERT_EQ(outcomeOf(accepted), "ok");
  const std::string number = accepted.result["case"]["number"];
  EXPECT_EQ(number.substr(0, 10), "370199101-") << "the hall file's region code";
  EXPECT_EQ(accepted.result["case"]["state"], "accepted");
  EXPECT_EQ(accepted.result["case"]["applicant"]["idNumber"], kIdNumber) << "the clerk's reply is whole";
  EXPECT_EQ(accepted.result["events"][0]["case"]["applicant"]["idNumber"], "3701**********1234");
  EXPECT_TRUE(accepted.result["case"]["dueDate"].is_string());

  // the console sees the case whole, the kiosk masked
  auto kiosk = hall.channel(hall.as("kiosk"));
  const auto byKiosk = kiosk->request("case", {{"number", number}});
  ASSERT_EQ(outcomeOf(byKiosk), "ok");
  EXPECT_EQ(byKiosk.result["case"]["applicant"]["idNumber"], "3701**********1234");
  EXPECT_EQ(byKiosk.result["case"]["applicant"]["phone"], "138****5678");
  EXPECT_EQ(byKiosk.result["case"]["dueDate"], accepted.result["case"]["dueDate"]);
  EXPECT_EQ(console->request("case", {{"number", number}}).result["case"]["applicant"]["phone"], kPhone);
  EXPECT_EQ(codeOf(kiosk->request("case_list", json::object())), "forbidden");

  auto processed = console->request("start_case_processing", {{"window", 1}, {"case", number}});
  ASSERT_EQ(outcomeOf(processed), "ok");
  ASSERT_EQ(outcomeOf(console->request("decide_case", {{"window", 1}, {"case", number}, {"outcome", "approved"}})),
            "ok");
  auto issuing = hall.channel(hall.as("console", 3));
  EXPECT_EQ(codeOf(issuing->request("mark_case_ready", {{"window", 1}, {"case", number}})), "forbidden")
      << "a console acts at its own window only";
  ASSERT_EQ(outcomeOf(issuing->request("mark_case_ready", {{"window", 3}, {"case", number}})), "ok");
  const auto collected = issuing->request("collect_case", {{"window", 3}, {"case", number}, {"collectedBy", "张三"}});
  ASSERT_EQ(outcomeOf(collected), "ok");
  EXPECT_EQ(collected.result["case"]["state"], "collected");

  // the kiosk's mirror got every case event, none of them with the ID number or phone
  const auto last = collected.result["seq"].get<std::uint64_t>();
  ASSERT_TRUE(pollUntil(kioskMirror, [&] { return kioskMirror.seq() >= last; }));
  int caseEvents = 0;
  for (const auto& e : seen) {
    const std::string text = protocol::toJson(e).dump();
    if (text.find("\"case") != std::string::npos || text.find("caseId") != std::string::npos) ++caseEvents;
    EXPECT_EQ(text.find(kIdNumber), std::string::npos) << text;
    EXPECT_EQ(text.find(kPhone), std::string::npos) << text;
  }
  EXPECT_EQ(caseEvents, 5);
  const auto snapshot = kiosk->request("snapshot", json::object());
  EXPECT_EQ(snapshot.result["state"].dump().find(kIdNumber), std::string::npos);
  EXPECT_EQ(protocol::toJson(kioskMirror.hall()->state()), snapshot.result["state"])
      << "a mirror of masked events is the masked hall";

  // the manager's register lists it, masked; the audit record keeps the ID number masked too
  auto manager = hall.channel(hall.as("manager"));
  const auto list = manager->request("case_list", {{"state", "collected"}});
  ASSERT_EQ(outcomeOf(list), "ok");
  ASSERT_EQ(list.result["total"], 1);
  EXPECT_EQ(list.result["cases"][0]["number"], number);
  EXPECT_EQ(list.result["cases"][0]["applicant"]["idNumber"], "3701**********1234");
  const auto audit = manager->request("audit_export", json::object());
  ASSERT_EQ(outcomeOf(audit), "ok");
  EXPECT_EQ(audit.result["rows"].dump().find(kIdNumber), std::string::npos);
  EXPECT_NE(audit.result["rows"].dump().find("accept_case"), std::string::npos);

  // decided the day it was accepted: on time, for its item, window and clerk
  const auto stats = manager->request("statistics", json::object());
  ASSERT_EQ(outcomeOf(stats), "ok");
  const json& cases = stats.result["figures"]["cases"];
  EXPECT_EQ(cases["decided"], 1);
  EXPECT_EQ(cases["on_time"], 1);
  EXPECT_EQ(cases["on_time_rate"], 1.0);
  EXPECT_EQ(cases["by_item"]["T-0002"]["on_time"], 1);
  EXPECT_EQ(cases["by_window"]["1"]["decided"], 1);
  EXPECT_EQ(cases["by_clerk"]["c01"]["decided"], 1);
}

TEST(DispatcherCases, OnlyAnAgentClerkRegistersACaseForAnAbsentResident) {
  RunningHall hall;
  login(hall, 1, "c01");
  login(hall, 2, "c02");
  auto notAgent = hall.channel(hall.as("console", 1));
  const auto refused = notAgent->request("accept_case", acceptance(1, "agent"));
  EXPECT_EQ(codeOf(refused), "forbidden");
  auto agent = hall.channel(hall.as("console", 2));
  const auto registered = agent->request("accept_case", acceptance(2, "agent"));
  ASSERT_EQ(outcomeOf(registered), "ok");
  EXPECT_EQ(registered.result["case"]["channel"], "agent");
  EXPECT_EQ(registered.result["case"]["clerk"], "c02");
}

TEST(DispatcherCases, ACaseSurvivesKillNineAndCommandsGoOnAfterTheRestart) {
  RunningHall hall;
  login(hall, 1, "c01");
  auto console = hall.channel(hall.as("console", 1));
  auto missing = acceptance(1);
  missing["materials"][0]["status"] = "missing";
  const auto registered = console->request("accept_case", missing);
  ASSERT_EQ(outcomeOf(registered), "ok");
  const std::string number = registered.result["case"]["number"];
  EXPECT_EQ(registered.result["case"]["state"], "correction");
  EXPECT_TRUE(registered.result["case"]["dueDate"].is_null()) << "补正 time does not count by default";

  hall.dispatcher->kill9();
  hall.restart();  // the clerk stays logged in: the window's state is in the journal
  auto again = hall.channel(hall.as("console", 1));
  const auto found = again->request("case", {{"number", number}});
  ASSERT_EQ(outcomeOf(found), "ok");
  EXPECT_EQ(found.result["case"]["state"], "correction");
  EXPECT_EQ(found.result["case"]["applicant"]["idNumber"], kIdNumber);
  const auto supplied = again->request("supply_case_materials", {{"window", 1}, {"case", number}, {"received", {"居民身份证"}}});
  ASSERT_EQ(outcomeOf(supplied), "ok");
  EXPECT_EQ(supplied.result["case"]["state"], "accepted");
  EXPECT_TRUE(supplied.result["case"]["dueDate"].is_string());
  const auto next = again->request("accept_case", acceptance(1));
  ASSERT_EQ(outcomeOf(next), "ok");
  EXPECT_EQ(next.result["case"]["number"].get<std::string>().substr(0, 19), number.substr(0, 19));
  EXPECT_NE(next.result["case"]["number"], number) << "numbers go on after a restart";
  EXPECT_EQ(codeOf(again->request("case", {{"number", "370199101-20000101-0001"}})), "not_found");
}

}  // namespace
}  // namespace jiujin::testing
