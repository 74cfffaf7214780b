// End to end with real processes: jiujin-dispatcher, jiujin-bussim and jiujin-devices on a
// temporary copy of the township hall. Hands on keys go through the simulator's control
// socket; the hall is read back from the dispatcher the way its programs read it.
#include <gtest/gtest.h>

#include "support/running_devices.hpp"

namespace jiujin::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class DeviceFlows : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(hall.started()) << hall.failure(); }

  /// Presses a key on window 3's keypad and waits for the hall event it causes.
  void pressAndWait(const std::string& key, const std::string& eventType) {
    ASSERT_TRUE(contains(hall.control("press w3-keypad " + key), "ok")) << key;
    ASSERT_TRUE(hall.waitForMessage(eventType, [](const json& e) { return e.value("window", 0) == 3; }, 10s))
        << "no " << eventType << " after " << key << "\n" << hall.gatewayOutput();
  }

  json ticket(const std::string& number) {
    return hall.request("display", "ticket_status", {{"number", number}}).value("ticket", json::object());
  }

  RunningDevices hall;
};

TEST_F(DeviceFlows, CallNextOnWindow3KeypadCallsATicketShownOnItsDisplayAndTheStrip) {
  hall.staff(3, "c01");
  const std::string number = hall.issueGeneral();
  ASSERT_EQ(number, "A001");
  pressAndWait("call_next", "ticket.called");
  EXPECT_EQ(ticket(number).value("state", ""), "called");
  EXPECT_TRUE(hall.waitUntil([&] { return contains(hall.show("w3-display"), "text=\"A001 请到3号窗口\""); }, 10s))
      << hall.show("w3-display");
  EXPECT_TRUE(hall.waitUntil([&] { return contains(hall.show("main-strip"), "line1=\"A001 请到3号窗口\""); }, 10s))
      << hall.show("main-strip");
  EXPECT_TRUE(hall.waitUntil([&] { return contains(hall.show("w3-keypad"), "number=\"A001\""); }, 10s))
      << hall.show("w3-keypad");
}

TEST_F(DeviceFlows, SatisfiedOnThePadIsStoredOnceForTheTicketItsItemWindowAndClerk) {
  hall.staff(3, "c01");
  const std::string number = hall.issueGeneral();
  pressAndWait("call_next", "ticket.called");
  pressAndWait("start", "ticket.service_started");
  pressAndWait("complete", "ticket.completed");
  ASSERT_TRUE(hall.waitUntil([&] { return contains(hall.show("w3-pad"), "state=prompting"); }, 10s))
      << hall.show("w3-pad");
  const std::string pad = hall.show("w3-pad");
  EXPECT_TRUE(contains(pad, "ticket=\"A001\"")) << pad;
  EXPECT_TRUE(contains(pad, "clerk_number=\"c01\"")) << pad;
  EXPECT_TRUE(contains(pad, "clerk_name=\"王芳\"")) << pad;

  ASSERT_TRUE(contains(hall.control("rate w3-pad 2"), "ok"));  // 2 = 满意
  ASSERT_TRUE(hall.waitForMessage("ticket.evaluated", [](const json&) { return true; }, 10s)) << hall.gatewayOutput();
  const json t = ticket(number);
  EXPECT_EQ(t.value("evaluation", ""), "rated");
  EXPECT_EQ(t.value("rating", ""), "satisfied");
  EXPECT_EQ(t.value("item", ""), "370199-GG-0001");
  EXPECT_EQ(t.value("window", 0), 3);
  EXPECT_EQ(t.value("clerk", ""), "c01");

  // A second press: the pad ignores it, and the gateway never sends a second evaluation.
  EXPECT_TRUE(contains(hall.control("rate w3-pad 5"), "error"));
  const auto polled = hall.requestsSeenBy("w3-pad");
  ASSERT_TRUE(hall.waitUntil([&] { return hall.requestsSeenBy("w3-pad") >= polled + 3; }, 10s));
  EXPECT_EQ(hall.countMessages("ticket.evaluated"), 1);
  const json audit = hall.request("manager", "audit_export", {{"limit", 5000}});
  int evaluations = 0;
  for (const auto& row : audit.value("rows", json::array())) evaluations += row.value("type", "") == "evaluate";
  EXPECT_EQ(evaluations, 1);
}

TEST_F(DeviceFlows, NoRatingWithinTheTimeoutRecordsNotRatedAndThePadGoesIdle) {
  // The hall file allows 1–10 minutes; a manager's definition update shortens the rule to
  // "at the next tick" so the test does not wait a minute.
  json definition = hall.request("display", "snapshot", json::object()).value("definition", json::object());
  definition["rules"]["evaluationTimeoutMinutes"] = 0;
  hall.request("admin", "update_definition", {{"definition", definition}});

  hall.staff(3, "c01");
  const std::string number = hall.issueGeneral();
  pressAndWait("call_next", "ticket.called");
  pressAndWait("start", "ticket.service_started");
  pressAndWait("complete", "ticket.completed");
  ASSERT_TRUE(hall.waitForMessage("ticket.evaluation_timed_out", [](const json& e) { return e.value("window", 0) == 3; },
                                  10s));
  EXPECT_EQ(ticket(number).value("evaluation", ""), "not_rated");
  EXPECT_TRUE(hall.waitUntil([&] { return !contains(hall.show("w3-pad"), "state=prompting"); }, 10s))
      << hall.show("w3-pad");
  EXPECT_TRUE(contains(hall.control("rate w3-pad 1"), "error"));
  EXPECT_EQ(hall.countMessages("ticket.evaluated"), 0);
}

struct FaultCase {
  std::string name;
  std::string inject;
  std::string clear;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const FaultCase& fault, std::ostream* out) { *out << fault.name; }

class DeviceFault : public DeviceFlows, public ::testing::WithParamInterface<FaultCase> {};

TEST_P(DeviceFault, DisplayGoesOfflineWhileTheHallKeepsCallingAndReturnsShowingTheCurrentTicket) {
  const FaultCase& fault = GetParam();
  hall.staff(3, "c01");
  ASSERT_TRUE(hall.waitUntil([&] { return contains(hall.show("w3-display"), "text=\"综合受理三\""); }, 10s))
      << hall.show("w3-display");
  const auto isW3 = [](const json& m) { return m.value("device", json::object()).value("id", "") == "w3-display"; };
  // The gateway reported every device online when it started: count returns after that.
  ASSERT_TRUE(hall.waitUntil([&] { return hall.countMessages("device.online", isW3) > 0; }, 10s));
  const int onlineBefore = hall.countMessages("device.online", isW3);
  ASSERT_TRUE(contains(hall.control(fault.inject), "ok")) << fault.inject;

  // The hall keeps issuing and calling, and each command's round trip stays short.
  std::string current;
  for (int i = 0; i < 2; ++i) {
    const auto started = std::chrono::steady_clock::now();
    current = hall.issueGeneral();
    if (i > 0) hall.request("manager", "complete", {{"window", 3}});
    hall.request("manager", "call_next", {{"window", 3}});
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s) << "issue + call round trips with " << fault.name;
    if (i == 0) hall.request("manager", "start_service", {{"window", 3}});
  }
  ASSERT_TRUE(hall.waitForMessage("device.offline", isW3, 15s)) << hall.gatewayOutput();

  ASSERT_TRUE(contains(hall.control(fault.clear), "ok")) << fault.clear;
  ASSERT_TRUE(hall.waitUntil([&] { return hall.countMessages("device.online", isW3) > onlineBefore; }, 20s))
      << hall.gatewayOutput();
  EXPECT_TRUE(hall.waitUntil([&] { return contains(hall.show("w3-display"), "text=\"" + current + " 请到3号窗口\""); }, 10s))
      << hall.show("w3-display");
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, DeviceFault,
    ::testing::Values(FaultCase{"absent", "fault w3-display absent", "clear w3-display"},
                      FaultCase{"silent", "fault w3-display silent", "clear w3-display"},
                      FaultCase{"bad_crc", "fault w3-display bad_crc", "clear w3-display"},
                      FaultCase{"garbage", "fault w3-display garbage", "clear w3-display"},
                      FaultCase{"slow", "fault w3-display slow", "clear w3-display"},
                      FaultCase{"port_vanishes", "vanish rs485-1", "restore rs485-1"}),
    [](const ::testing::TestParamInfo<FaultCase>& faultCase) { return faultCase.param.name; });

}  // namespace
}  // namespace jiujin::testing
