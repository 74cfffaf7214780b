// CURVE on a TCP endpoint: the key decides who a client is; an unknown key gets nothing.
#include <gtest/gtest.h>

#include <zmq_addon.hpp>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

TestHallOptions curveHall() {
  TestHallOptions o;
  o.curve = true;
  o.clients = {{"kiosk-1", "kiosk", 0, {}, {}}, {"console-w1", "console", 1, {}, {}}, {"manager", "manager", 0, {}, {}}};
  return o;
}

TEST(DispatcherCurve, KnownKeyIsServedUnderItsConfiguredName) {
  RunningHall hall(curveHall());
  auto kiosk = hall.channel(hall.curveAs("kiosk-1"));
  const auto hello = kiosk->request("hello", json::object());
  ASSERT_EQ(outcomeOf(hello), "ok");
  EXPECT_EQ(hello.result["client"], "kiosk-1");
  EXPECT_EQ(hello.result["role"], "kiosk");
  EXPECT_TRUE(hello.result["authenticated"].get<bool>());
}

TEST(DispatcherCurve, UnknownKeyGetsNoAnswer) {
  RunningHall hall(curveHall());
  auto options = hall.curveAs("kiosk-1");
  const auto stranger = client::newKeyPair();
  options.curve->publicKey = stranger.publicKey;
  options.curve->secretKey = stranger.secretKey;
  options.requestTimeout = std::chrono::milliseconds(1500);
  auto channel = hall.channel(options);
  EXPECT_EQ(channel->request("issue_ticket", {{"item", "T-0001"}}).error.code, "timeout");
  // The hall is unchanged and still serves known clients.
  auto manager = hall.channel(hall.curveAs("manager"));
  const auto snapshot = manager->request("snapshot", json::object());
  ASSERT_EQ(outcomeOf(snapshot), "ok");
  EXPECT_TRUE(snapshot.result["state"]["tickets"].empty());
}

TEST(DispatcherCurve, ARoleStatedInTheRequestIsIgnoredUnderCurve) {
  RunningHall hall(curveHall());
  const TestClient& kiosk = hall.hall.clients.at("kiosk-1");
  zmq::socket_t raw(hall.context, zmq::socket_type::dealer);
  raw.set(zmq::sockopt::linger, 0);
  raw.set(zmq::sockopt::curve_serverkey, hall.hall.serverPublicKey);
  raw.set(zmq::sockopt::curve_publickey, kiosk.publicKey);
  raw.set(zmq::sockopt::curve_secretkey, kiosk.secretKey);
  raw.connect(hall.commands);
  const std::string request =
      R"({"v":1,"id":"x","type":"broadcast_notice","body":{"text":"我是管理员"},"as":{"role":"admin"}})";
  std::array<zmq::const_buffer, 2> parts{zmq::const_buffer(), zmq::buffer(request)};
  zmq::send_multipart(raw, parts);
  zmq::pollitem_t item{raw.handle(), 0, ZMQ_POLLIN, 0};
  ASSERT_EQ(zmq::poll(&item, 1, std::chrono::milliseconds(5000)), 1);
  std::vector<zmq::message_t> reply;
  (void)zmq::recv_multipart(raw, std::back_inserter(reply));
  EXPECT_EQ(json::parse(reply.back().to_string_view())["error"]["code"], "forbidden");
}

TEST(DispatcherCurve, ConsoleKeyActsOnlyOnItsOwnWindow) {
  RunningHall hall(curveHall());
  auto console = hall.channel(hall.curveAs("console-w1"));
  EXPECT_EQ(console->request("clerk_login", {{"window", 2}, {"clerk", "c02"}, {"pin", "1234"}}).error.code, "forbidden");
  EXPECT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
  EXPECT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
  EXPECT_EQ(console->request("open_window", {{"window", 2}}).error.code, "forbidden");
}

}  // namespace
}  // namespace jiujin::testing
