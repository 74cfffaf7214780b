// The dispatcher as a real process, driven over ZeroMQ the way the hall's programs drive it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include <zmq_addon.hpp>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

/// Clerk c01 logs in at window `w` (PIN 1234) and opens it.
void openWindowWithClerk(RunningHall& hall, int w) {
  auto console = hall.channel(hall.as("console", w));
  ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", w}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", w}})), "ok");
}

TEST(DispatcherFlow, TicketIsIssuedCalledServedAndRated) {
  RunningHall hall;
  openWindowWithClerk(hall, 1);
  auto kiosk = hall.channel(hall.as("kiosk"));
  auto console = hall.channel(hall.as("console", 1));

  const auto issued = kiosk->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", "k-1"}});
  ASSERT_EQ(outcomeOf(issued), "ok");
  EXPECT_EQ(issued.result["ticket"]["number"], "A001");
  EXPECT_EQ(issued.result["people_ahead"], 0);
  const auto ticketId = issued.result["ticket"]["id"].get<std::uint64_t>();

  const auto called = console->request("call_next", {{"window", 1}});
  ASSERT_EQ(outcomeOf(called), "ok");
  EXPECT_EQ(called.result["ticket"]["id"], ticketId);
  EXPECT_EQ(called.result["ticket"]["state"], "called");
  EXPECT_GT(called.result["seq"].get<std::uint64_t>(), issued.result["seq"].get<std::uint64_t>());

  ASSERT_EQ(outcomeOf(console->request("start_service", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("complete", {{"window", 1}})), "ok");
  const auto prompted = console->request("request_evaluation", {{"window", 1}});
  ASSERT_TRUE(prompted.ok || prompted.error.code == "illegal_transition") << outcomeOf(prompted);
  ASSERT_EQ(outcomeOf(console->request("evaluate", {{"window", 1}, {"rating", "very_satisfied"}})), "ok");

  const auto status = kiosk->request("ticket_status", {{"number", "A001"}});
  ASSERT_EQ(outcomeOf(status), "ok");
  EXPECT_EQ(status.result["ticket"]["state"], "completed");
  EXPECT_EQ(status.result["ticket"]["rating"], "very_satisfied");

  const auto stats = kiosk->request("statistics", json::object());
  ASSERT_EQ(outcomeOf(stats), "ok");
  EXPECT_EQ(stats.result["tickets"]["by_state"]["completed"], 1);
}

TEST(DispatcherFlow, RetriedIssueWithTheSameKeyReturnsTheSameTicket) {
  RunningHall hall;
  auto first = hall.channel(hall.as("kiosk"));
  auto retry = hall.channel(hall.as("kiosk"));  // a new connection, as after a timeout
  const auto a = first->request("issue_ticket", {{"item", "T-0003"}, {"requestKey", "kiosk-1/778"}});
  const auto b = retry->request("issue_ticket", {{"item", "T-0003"}, {"requestKey", "kiosk-1/778"}});
  ASSERT_EQ(outcomeOf(a), "ok");
  ASSERT_EQ(outcomeOf(b), "ok");
  EXPECT_EQ(a.result["ticket"]["id"], b.result["ticket"]["id"]);
  EXPECT_EQ(b.result["ticket"]["number"], "B001");
  const auto c = first->request("issue_ticket", {{"item", "T-0003"}, {"requestKey", "kiosk-1/779"}});
  EXPECT_EQ(c.result["ticket"]["number"], "B002");
}

TEST(DispatcherFlow, ClerkLoginWithWrongPinIsRefusedAndTheRightPinIsAccepted) {
  RunningHall hall;
  auto console = hall.channel(hall.as("console", 2));
  EXPECT_EQ(console->request("call_next", {{"window", 2}}).error.code, "not_logged_in");
  EXPECT_EQ(console->request("clerk_login", {{"window", 2}, {"clerk", "c02"}, {"pin", "9999"}}).error.code, "wrong_pin");
  EXPECT_EQ(console->request("clerk_login", {{"window", 2}, {"clerk", "nobody"}, {"pin", "1234"}}).error.code,
            "wrong_pin");
  // c01 may only work at windows 1 and 3.
  EXPECT_EQ(console->request("clerk_login", {{"window", 2}, {"clerk", "c01"}, {"pin", "1234"}}).error.code,
            "clerk_not_allowed");
  EXPECT_EQ(outcomeOf(console->request("clerk_login", {{"window", 2}, {"clerk", "c02"}, {"pin", "1234"}})), "ok");
  EXPECT_EQ(outcomeOf(console->request("open_window", {{"window", 2}})), "ok");
  EXPECT_EQ(console->request("call_next", {{"window", 2}}).error.code, "no_ticket_waiting");
}

TEST(DispatcherFlow, AConsoleStartingInARunningSessionConfirmsTheClerksPinAndChangesNothing) {
  RunningHall hall;
  auto before = hall.channel(hall.as("console", 2));
  ASSERT_EQ(outcomeOf(before->request("clerk_login", {{"window", 2}, {"clerk", "c02"}, {"pin", "1234"}})), "ok");
  // given the console restarted while c02 stays logged in
  auto console = hall.channel(hall.as("console", 2));
  const auto seqBefore = hall.channel(hall.as("display"))->request("snapshot", json::object()).result["seq"];
  // then only c02's own PIN unlocks it
  EXPECT_EQ(console->request("confirm_clerk", {{"window", 2}, {"clerk", "c02"}, {"pin", "9999"}}).error.code,
            "wrong_pin");
  EXPECT_EQ(console->request("confirm_clerk", {{"window", 2}, {"clerk", "c01"}, {"pin", "1234"}}).error.code,
            "not_logged_in")
      << "another clerk's PIN proves nothing about c02's session";
  const auto ok = console->request("confirm_clerk", {{"window", 2}, {"clerk", "c02"}, {"pin", "1234"}});
  ASSERT_EQ(outcomeOf(ok), "ok");
  EXPECT_EQ(ok.result["clerk"], "c02");
  EXPECT_EQ(ok.result["window"], 2);
  // and confirming changes nothing in the hall
  EXPECT_EQ(hall.channel(hall.as("display"))->request("snapshot", json::object()).result["seq"], seqBefore);
  // a console may confirm only at its own window, and only where someone is logged in
  auto other = hall.channel(hall.as("console", 3));
  EXPECT_EQ(other->request("confirm_clerk", {{"window", 2}, {"clerk", "c02"}, {"pin", "1234"}}).error.code,
            "forbidden");
  EXPECT_EQ(other->request("confirm_clerk", {{"window", 3}, {"clerk", "c01"}, {"pin", "1234"}}).error.code,
            "not_logged_in");
}

TEST(DispatcherSecurity, ConsoleCommandForAnotherWindowIsForbiddenAndAudited) {
  RunningHall hall;
  openWindowWithClerk(hall, 1);
  auto console = hall.channel(hall.as("console", 3));
  const auto refused = console->request("call_next", {{"window", 1}});
  EXPECT_EQ(refused.error.code, "forbidden");
  EXPECT_FALSE(refused.error.zh.empty());

  auto admin = hall.channel(hall.as("admin"));
  const auto audit = admin->request("audit_export", {{"after", 0}, {"limit", 1000}, {"verify", true}});
  ASSERT_EQ(outcomeOf(audit), "ok");
  bool recorded = false;
  for (const auto& row : audit.result["rows"]) {
    if (row["type"] == "call_next" && row["result"] == "forbidden" && row["role"] == "console") recorded = true;
  }
  EXPECT_TRUE(recorded) << audit.result.dump(2);
  EXPECT_TRUE(audit.result["verification"]["intact"].get<bool>());
}

TEST(DispatcherSecurity, KioskMayIssueButNotCallAndDisplayMayOnlyRead) {
  RunningHall hall;
  auto kiosk = hall.channel(hall.as("kiosk"));
  EXPECT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
  EXPECT_EQ(kiosk->request("call_next", {{"window", 1}}).error.code, "forbidden");
  EXPECT_EQ(kiosk->request("broadcast_notice", {{"text", "x"}}).error.code, "forbidden");
  auto display = hall.channel(hall.as("display"));
  EXPECT_EQ(display->request("issue_ticket", {{"item", "T-0001"}}).error.code, "forbidden");
  EXPECT_EQ(outcomeOf(display->request("snapshot", json::object())), "ok");
  EXPECT_EQ(display->request("audit_export", json::object()).error.code, "forbidden");
}

TEST(DispatcherRobustness, MalformedRequestsGetErrorsAndTheServiceGoesOn) {
  RunningHall hall;
  zmq::socket_t raw(hall.context, zmq::socket_type::dealer);
  raw.set(zmq::sockopt::linger, 0);
  raw.connect(hall.commands);
  auto ask = [&](const std::string& frame) -> json {
    std::array<zmq::const_buffer, 2> parts{zmq::const_buffer(), zmq::buffer(frame)};
    zmq::send_multipart(raw, parts);
    zmq::pollitem_t item{raw.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(5000)) <= 0) return json();
    std::vector<zmq::message_t> reply;
    (void)zmq::recv_multipart(raw, std::back_inserter(reply));
    return json::parse(reply.back().to_string_view(), nullptr, false);
  };
  EXPECT_EQ(ask("not json")["error"]["code"], "bad_request");
  EXPECT_EQ(ask("[1,2]")["error"]["code"], "bad_request");
  EXPECT_EQ(ask(R"({"v":2,"id":"a","type":"ping"})")["error"]["code"], "unsupported_version");
  const json unknown = ask(R"({"v":1,"id":"b","type":"make_coffee","as":{"role":"admin"}})");
  EXPECT_EQ(unknown["error"]["code"], "unknown_command");
  EXPECT_EQ(unknown["id"], "b");
  EXPECT_EQ(ask(R"({"v":1,"id":"c","type":"call_next","body":{"window":1,"colour":"red"},"as":{"role":"admin"}})")
                ["error"]["code"],
            "invalid_argument");
  EXPECT_EQ(ask(R"({"v":1,"id":"d","type":"call_next","body":{"window":"one"},"as":{"role":"admin"}})")["error"]["code"],
            "invalid_argument");
  EXPECT_EQ(ask(R"({"v":1,"id":"e","type":"ping","as":{"role":"emperor"}})")["error"]["code"], "bad_request");

  // An oversized message closes that connection without an answer…
  zmq::socket_t flood(hall.context, zmq::socket_type::dealer);
  flood.set(zmq::sockopt::linger, 0);
  flood.connect(hall.commands);
  const std::string huge(200 * 1024, 'x');
  std::array<zmq::const_buffer, 2> parts{zmq::const_buffer(), zmq::buffer(huge)};
  zmq::send_multipart(flood, parts);
  // …and everyone else is still served.
  EXPECT_EQ(ask(R"({"v":1,"id":"f","type":"ping"})")["ok"], true);
}

TEST(DispatcherRobustness, SlowPinChecksDoNotHoldUpOtherClients) {
  // Each PIN check is a deliberately slow argon2id verification. Eight logins sent at once:
  // the PIN throttle lets the first three (its free attempts) be checked, one after another
  // on the verifier's thread, and refuses the other five at once with a back-off. A ping sent
  // after them is answered before the last check ends, because the command thread never
  // waits for a check.
  RunningHall hall;
  zmq::socket_t consoles(hall.context, zmq::socket_type::dealer);
  consoles.set(zmq::sockopt::linger, 0);
  consoles.connect(hall.commands);
  constexpr int kLogins = 8;
  constexpr int kChecked = 3;  // PinThrottle::Rules::freeAttempts
  for (int i = 0; i < kLogins; ++i) {
    const json request{{"v", 1}, {"id", "login-" + std::to_string(i)}, {"type", "clerk_login"},
                       {"body", {{"window", 2}, {"clerk", "c02"}, {"pin", "000" + std::to_string(i)}}},
                       {"as", {{"role", "console"}, {"window", 2}}}};
    const std::string text = request.dump();
    std::array<zmq::const_buffer, 2> parts{zmq::const_buffer(), zmq::buffer(text)};
    zmq::send_multipart(consoles, parts);
  }
  auto display = hall.channel(hall.as("display"));
  ASSERT_EQ(outcomeOf(display->request("ping", json::object())), "ok");

  // The answer of each login by its id; the wrong PINs that had been told by the time the
  // ping was answered.
  std::map<std::string, std::string> codes;
  std::vector<zmq::message_t> reply;
  const auto take = [&] {
    const json r = json::parse(reply.back().to_string_view());
    codes[r["id"].get<std::string>()] = r["error"]["code"].get<std::string>();
    reply.clear();
  };
  while (zmq::recv_multipart(consoles, std::back_inserter(reply), zmq::recv_flags::dontwait)) take();
  const auto checkedBeforePing = std::count_if(codes.begin(), codes.end(), [](const auto& c) { return c.second == "wrong_pin"; });
  EXPECT_LT(checkedBeforePing, kChecked) << "the ping waited for every PIN check";

  // Every login is still answered, each with its own id: the checked ones a wrong PIN, the
  // others a back-off.
  const auto bound = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (codes.size() < kLogins && std::chrono::steady_clock::now() < bound) {
    zmq::pollitem_t item{consoles.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(100)) <= 0) continue;
    (void)zmq::recv_multipart(consoles, std::back_inserter(reply));
    take();
  }
  ASSERT_EQ(codes.size(), static_cast<std::size_t>(kLogins));
  for (int i = 0; i < kLogins; ++i)
    EXPECT_EQ(codes["login-" + std::to_string(i)], i < kChecked ? "wrong_pin" : "pin_backoff") << "login " << i;
}

}  // namespace
}  // namespace jiujin::testing
