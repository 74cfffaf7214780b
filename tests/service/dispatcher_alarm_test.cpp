// Alarms as the hall manager meets them on a real dispatcher: durable, with ids, acknowledged
// and followed up (回访) by a manager only, still there after a restart.
#include <gtest/gtest.h>

#include "jiujin/client/event_stream.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

void openWindowWithClerk(RunningHall& hall, int w) {
  auto console = hall.channel(hall.as("console", w));
  ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", w}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", w}})), "ok");
}

/// Serves one ticket at window 1 and rates it `rating`.
void serveAndRate(RunningHall& hall, const std::string& rating) {
  auto kiosk = hall.channel(hall.as("kiosk"));
  auto console = hall.channel(hall.as("console", 1));
  ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("start_service", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("complete", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("evaluate", {{"window", 1}, {"rating", rating}})), "ok");
}

json alarmsOfKind(RunningHall& hall, const std::string& kind) {
  auto monitor = hall.channel(hall.as("manager"));
  const auto snapshot = monitor->request("snapshot", json::object());
  EXPECT_EQ(outcomeOf(snapshot), "ok");
  json found = json::array();
  for (const auto& a : snapshot.result["alarms"])
    if (a["kind"] == kind) found.push_back(a);
  return found;
}

TEST(DispatcherAlarms, BadRatingIsPublishedWithAnIdAndAnOpenFollowUp) {
  RunningHall hall;
  openWindowWithClerk(hall, 1);
  std::vector<json> news;
  client::StreamHandlers handlers;
  handlers.onNews = [&](const std::string& topic, const json& message) {
    if (topic == "alarm.bad_rating") news.push_back(message["alarm"]);
  };
  client::EventStream stream(hall.context, hall.as("display"), handlers);
  const auto syncBound = std::chrono::steady_clock::now() + 10s;
  while (!stream.synced() && std::chrono::steady_clock::now() < syncBound) stream.poll(20ms);
  ASSERT_TRUE(stream.synced());

  serveAndRate(hall, "dissatisfied");
  const auto bound = std::chrono::steady_clock::now() + 10s;
  while (news.empty() && std::chrono::steady_clock::now() < bound) stream.poll(20ms);
  ASSERT_EQ(news.size(), 1u);
  EXPECT_GT(news[0]["id"].get<std::int64_t>(), 0);
  EXPECT_EQ(news[0]["window"], 1);
  EXPECT_EQ(news[0]["follow_up"]["state"], "open");
  EXPECT_TRUE(news[0]["acknowledged"].is_null());

  const auto inSnapshot = alarmsOfKind(hall, "bad_rating");
  ASSERT_EQ(inSnapshot.size(), 1u);
  EXPECT_EQ(inSnapshot[0]["id"], news[0]["id"]);
}

TEST(DispatcherAlarms, AGoodRatingRaisesNoAlarm) {
  RunningHall hall;
  openWindowWithClerk(hall, 1);
  serveAndRate(hall, "satisfied");
  EXPECT_TRUE(alarmsOfKind(hall, "bad_rating").empty());
}

TEST(DispatcherAlarms, OnlyAManagerClosesAFollowUpAndItStaysClosedAfterARestart) {
  RunningHall hall;
  openWindowWithClerk(hall, 1);
  serveAndRate(hall, "very_dissatisfied");
  const auto alarms = alarmsOfKind(hall, "bad_rating");
  ASSERT_EQ(alarms.size(), 1u);
  const auto id = alarms[0]["id"].get<std::int64_t>();

  auto console = hall.channel(hall.as("console", 1));
  EXPECT_EQ(console->request("close_follow_up", {{"alarm", id}, {"note", "自己办结"}}).error.code, "forbidden");
  EXPECT_EQ(console->request("acknowledge_alarm", {{"alarm", id}}).error.code, "forbidden");

  auto manager = hall.channel(hall.as("manager"));
  EXPECT_EQ(manager->request("close_follow_up", {{"alarm", id}, {"note", ""}}).error.code, "invalid_argument");
  EXPECT_EQ(manager->request("close_follow_up", {{"alarm", id + 100}, {"note", "x"}}).error.code, "not_found");
  EXPECT_EQ(manager->request("close_follow_up", {{"alarm", id}, {"note", "x"}, {"extra", 1}}).error.code,
            "invalid_argument");
  const auto closed = manager->request("close_follow_up", {{"alarm", id}, {"note", "已电话回访，居民表示理解"}});
  ASSERT_EQ(outcomeOf(closed), "ok");
  EXPECT_EQ(closed.result["alarm"]["follow_up"]["state"], "closed");
  EXPECT_EQ(closed.result["alarm"]["follow_up"]["closed_by"], "loopback:test-manager");
  EXPECT_EQ(manager->request("close_follow_up", {{"alarm", id}, {"note", "again"}}).error.code, "illegal_transition");

  hall.dispatcher->kill9();
  hall.restart();
  const auto after = alarmsOfKind(hall, "bad_rating");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["follow_up"]["state"], "closed");
  EXPECT_EQ(after[0]["follow_up"]["note"], "已电话回访，居民表示理解");
  EXPECT_FALSE(after[0]["acknowledged"].is_null());
}

TEST(DispatcherAlarms, DeviceFaultsAreCountedAndEachOutageIsAnAlarmToAcknowledge) {
  RunningHall hall;
  auto gateway = hall.channel(hall.as("devices"));
  const auto report = [&](const char* status) {
    return gateway->request("device_report", {{"device", "kp-1"}, {"kind", "keypad"}, {"window", 1},
                                              {"status", status}, {"detail", "test"}});
  };
  ASSERT_EQ(outcomeOf(report("online")), "ok");
  ASSERT_EQ(outcomeOf(report("offline")), "ok");
  ASSERT_EQ(outcomeOf(report("offline")), "ok");  // unchanged: no new fault
  ASSERT_EQ(outcomeOf(report("online")), "ok");
  ASSERT_EQ(outcomeOf(report("error")), "ok");

  auto manager = hall.channel(hall.as("manager"));
  const auto snapshot = manager->request("snapshot", json::object());
  ASSERT_EQ(outcomeOf(snapshot), "ok");
  ASSERT_EQ(snapshot.result["devices"].size(), 1u);
  EXPECT_EQ(snapshot.result["devices"][0]["faults"], 2);
  EXPECT_EQ(snapshot.result["devices"][0]["status"], "error");

  // Not answering and answering wrongly are different faults for whoever goes to look.
  const auto outages = alarmsOfKind(hall, "device_offline");
  ASSERT_EQ(outages.size(), 1u);
  EXPECT_EQ(outages[0]["zh"], "设备 kp-1 离线：test");
  const auto errors = alarmsOfKind(hall, "device_error");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]["zh"], "设备 kp-1 工作异常：test");
  EXPECT_EQ(errors[0]["en"], "device kp-1 is in error: test");
  const auto id = outages[0]["id"].get<std::int64_t>();
  const auto acked = manager->request("acknowledge_alarm", {{"alarm", id}});
  ASSERT_EQ(outcomeOf(acked), "ok");
  EXPECT_EQ(acked.result["alarm"]["acknowledged"]["by"], "loopback:test-manager");
  EXPECT_TRUE(acked.result["alarm"]["follow_up"].is_null());
  EXPECT_EQ(manager->request("close_follow_up", {{"alarm", id}, {"note", "x"}}).error.code, "invalid_argument");
  EXPECT_EQ(manager->request("acknowledge_alarm", {{"alarm", "one"}}).error.code, "invalid_argument");
}

}  // namespace
}  // namespace jiujin::testing
