// Key presses, ratings and health changes as dispatcher requests.
#include <gtest/gtest.h>

#include "jiujin/devices/gateway/device_requests.hpp"

namespace jiujin::devices::gateway {
namespace {

TEST(RequestForKey, CallNextCallsAtTheKeypadsWindow) {
  const auto request = requestForKey(drivers::Key::CallNext, 3, std::nullopt);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->type(), "call_next");
  EXPECT_EQ(request->body, (nlohmann::json{{"window", 3}}));
}

TEST(RequestForKey, EveryCounterKeyHasItsCommand) {
  EXPECT_EQ(requestForKey(drivers::Key::Recall, 1, {})->type(), "recall");
  EXPECT_EQ(requestForKey(drivers::Key::Start, 1, {})->type(), "start_service");
  EXPECT_EQ(requestForKey(drivers::Key::Complete, 1, {})->type(), "complete");
  EXPECT_EQ(requestForKey(drivers::Key::NoShow, 1, {})->type(), "mark_no_show");
  EXPECT_EQ(requestForKey(drivers::Key::RequestEvaluation, 1, {})->type(), "request_evaluation");
  const auto transfer = requestForKey(drivers::Key::Transfer, 1, {});
  EXPECT_EQ(transfer->type(), "transfer");
  EXPECT_EQ(transfer->body["to"]["kind"], "issuing");
}

TEST(RequestForKey, TransferGoesWhereTheKeypadIsConfiguredToSendIt) {
  const auto toWindow = requestForKey(drivers::Key::Transfer, 1, {}, core::TransferTarget{core::WindowNumber{7}});
  ASSERT_TRUE(toWindow);
  EXPECT_EQ(toWindow->body["to"], (nlohmann::json{{"window", 7}}));
  const auto toQueue = requestForKey(drivers::Key::Transfer, 1, {}, core::TransferTarget{core::QueueId{"social"}});
  EXPECT_EQ(toQueue->body["to"], (nlohmann::json{{"queue", "social"}}));
  const auto toKind = requestForKey(drivers::Key::Transfer, 1, {}, core::TransferTarget{core::WindowKind::Complaints});
  EXPECT_EQ(toKind->body["to"], (nlohmann::json{{"kind", "complaints"}}));
  EXPECT_EQ(toKind->body["window"], 1);
}

TEST(RequestForKey, PauseResumeResumesAPausedWindowAndPausesAnOther) {
  EXPECT_EQ(requestForKey(drivers::Key::PauseResume, 2, core::WindowState::Paused)->type(), "resume_window");
  EXPECT_EQ(requestForKey(drivers::Key::PauseResume, 2, core::WindowState::Idle)->type(), "pause_window");
  EXPECT_FALSE(requestForKey(drivers::Key::PauseResume, 2, std::nullopt));
}

TEST(RequestForKey, UnknownKeyAsksNothing) { EXPECT_FALSE(requestForKey(drivers::Key::Unknown, 2, {})); }

TEST(RequestForRating, SatisfiedIsTheWireNameOfKeyTwo) {
  const auto request = requestForRating(drivers::Rating::Satisfied, 3);
  EXPECT_EQ(request.type(), "evaluate");
  EXPECT_EQ(request.body, (nlohmann::json{{"window", 3}, {"rating", "satisfied"}}));
  EXPECT_EQ(requestForRating(drivers::Rating::VeryDissatisfied, 3).body["rating"], "very_dissatisfied");
}

TEST(HealthReport, OfflineDeviceIsReportedWithItsCountersAndLastError) {
  PlannedDevice device;
  device.id = "w3-display";
  device.bus = "rs485-1";
  device.kind = config::DeviceKind::WindowDisplay;
  device.window = 3;
  DeviceHealthReport health;
  health.deviceId = "w3-display";
  health.online = false;
  health.counters.requests = 40;
  health.counters.timeouts = 3;
  health.counters.lastError = "no reply from slave 3";
  const auto request = healthReport(device, health);
  EXPECT_EQ(request.type(), "device_report");
  EXPECT_EQ(request.body["device"], "w3-display");
  EXPECT_EQ(request.body["kind"], "window_display");
  EXPECT_EQ(request.body["status"], "offline");
  EXPECT_EQ(request.body["window"], 3);
  EXPECT_EQ(request.body["bus"], "rs485-1");
  const std::string detail = request.body["detail"];
  EXPECT_NE(detail.find("timeouts=3"), std::string::npos);
  EXPECT_NE(detail.find("no reply from slave 3"), std::string::npos);
}

TEST(HealthReport, DetailIsCutToTheServicesLimitAtACharacterBoundary) {
  PlannedDevice device;
  device.id = "main-strip";
  device.kind = config::DeviceKind::MainStrip;
  DeviceHealthReport health;
  for (int i = 0; i < 100; ++i) health.counters.lastError += "无应答";
  const std::string detail = healthReport(device, health).body["detail"];
  EXPECT_LE(detail.size(), 200u);
  EXPECT_NO_THROW((void)nlohmann::json(detail).dump());
  EXPECT_FALSE(healthReport(device, health).body.contains("window"));
}

}  // namespace
}  // namespace jiujin::devices::gateway
