// Exactly once across restarts: the dispatcher is killed after a command's batch is committed
// and before its reply leaves (the named fault --fault-crash-before-reply). The client, which
// never saw a reply, sends the same request again to the restarted dispatcher and must get the
// original reply — and the command must have run once.
#include <gtest/gtest.h>
#include "support/raw_client.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

/// Sends `type` once under a crash-before-reply fault for it, restarts the dispatcher without
/// the fault, and sends the same request again; returns that second reply.
json crashThenRetry(RunningHall& hall, const std::string& id, const std::string& type, const json& body) {
  hall.hallOptions.dispatcherArgs = {"--fault-crash-before-reply", type};
  hall.restart();
  RawClient client(hall.context, hall.commands);
  EXPECT_FALSE(client.ask(id, type, body, 3s).has_value()) << "the fault should have stopped the reply";
  EXPECT_EQ(hall.dispatcher->waitForExit(10s), 128 + SIGKILL) << "the dispatcher should have died by the fault";
  hall.hallOptions.dispatcherArgs.clear();
  hall.restart();
  const auto reply = client.ask(id, type, body, 10s);
  EXPECT_TRUE(reply.has_value()) << "the restarted dispatcher did not answer the retry";
  return reply ? json::parse(*reply) : json();
}

json snapshotState(RunningHall& hall) {
  auto channel = hall.channel(hall.as("manager"));
  const auto reply = channel->request("snapshot");
  EXPECT_TRUE(reply.ok) << outcomeOf(reply);
  return reply.result["state"];
}

int auditRowsOf(RunningHall& hall, const std::string& type) {
  auto channel = hall.channel(hall.as("manager"));
  const auto reply = channel->request("audit_export", {{"after", 0}, {"limit", 5000}});
  EXPECT_TRUE(reply.ok) << outcomeOf(reply);
  int n = 0;
  for (const auto& row : reply.result["rows"]) n += row["type"] == type && row["ok"] == true;
  return n;
}

TEST(DispatcherExactlyOnce, AnIssueRetriedAfterACrashBeforeTheReplyGetsTheOriginalTicketAndNoSecond) {
  RunningHall hall;
  // Issued at a counter on a resident's behalf: no requestKey, so only the request id links
  // the retry to the first attempt.
  const json retried = crashThenRetry(hall, "counter-7", "issue_ticket", {{"item", "T-0001"}});
  ASSERT_EQ(retried.value("ok", false), true) << retried.dump();
  EXPECT_EQ(retried["result"]["ticket"]["number"], "A001");
  EXPECT_FALSE(retried["result"].contains("repeated")) << "the original reply, not a repeat";
  const json state = snapshotState(hall);
  EXPECT_EQ(state["tickets"].size(), 1u) << "the retry must not issue a second ticket";
  EXPECT_EQ(auditRowsOf(hall, "issue_ticket"), 1) << "one execution, one audit row";
}

TEST(DispatcherExactlyOnce, ARecallRetriedAfterACrashBeforeTheReplyCountsOnce) {
  RunningHall hall;
  {
    auto console = hall.channel(hall.as("manager"));
    ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", "k1"}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  }
  const json retried = crashThenRetry(hall, "console-1-recall", "recall", {{"window", 1}});
  ASSERT_EQ(retried.value("ok", false), true) << retried.dump();
  const json state = snapshotState(hall);
  ASSERT_EQ(state["tickets"].size(), 1u);
  EXPECT_EQ(state["tickets"][0]["recalls"], 1) << state["tickets"][0].dump();
  EXPECT_EQ(auditRowsOf(hall, "recall"), 1);
}

TEST(DispatcherExactlyOnce, ACommandAnsweredBeforeARestartIsAnsweredTheSameAfterIt) {
  RunningHall hall;
  RawClient client(hall.context, hall.commands);
  const auto first = client.ask("kiosk-9/1", "issue_ticket", {{"item", "T-0003"}}, 10s);
  ASSERT_TRUE(first.has_value());
  hall.dispatcher->kill9();
  hall.restart();
  const auto again = client.ask("kiosk-9/1", "issue_ticket", {{"item", "T-0003"}}, 10s);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *first) << "byte for byte the reply it gave before the restart";
  EXPECT_EQ(snapshotState(hall)["tickets"].size(), 1u);
}

}  // namespace
}  // namespace jiujin::testing

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// A client that resends before the first answer came (its timeout was shorter than a slow
// commit) may put both copies into the dispatcher's same turn: the second must get the
// first's answer, not run again. Found by the long day replay: a doubled start_service was
// refused (illegal_transition) and audited; a doubled recall or counter issue would count twice.
TEST(DispatcherExactlyOnce, CopiesOfOneRequestInOneTurnRunOnceAndGetTheSameAnswer) {
  RunningHall hall;
  {
    auto console = hall.channel(hall.as("manager"));
    ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("issue_ticket", {{"item", "T-0001"}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  }
  RawClient client(hall.context, hall.commands, "manager", "impatient-console");
  for (int copy = 0; copy < 3; ++copy) client.send("recall-1", "recall", {{"window", 1}});
  for (int copy = 0; copy < 3; ++copy) client.send("counter-1", "issue_ticket", {{"item", "T-0003"}});
  std::vector<std::string> recalls, issues;
  for (int copy = 0; copy < 3; ++copy) {
    const auto reply = client.awaitReply("recall-1", 10s);
    ASSERT_TRUE(reply.has_value()) << "copy " << copy << " of the recall got no answer";
    recalls.push_back(*reply);
  }
  for (int copy = 0; copy < 3; ++copy) {
    const auto reply = client.awaitReply("counter-1", 10s);
    ASSERT_TRUE(reply.has_value()) << "copy " << copy << " of the issue got no answer";
    issues.push_back(*reply);
  }
  EXPECT_EQ(json::parse(recalls[0]).value("ok", false), true) << recalls[0];
  const auto summary = [](const std::string& reply) { return json::parse(reply).value("result", json::object()).value("seq", 0); };
  for (int copy = 1; copy < 3; ++copy) {
    EXPECT_TRUE(recalls[copy] == recalls[0]) << "copy " << copy << " of the recall answered seq " << summary(recalls[copy])
                                             << " instead of " << summary(recalls[0]);
    EXPECT_TRUE(issues[copy] == issues[0]) << "copy " << copy << " of the issue answered seq " << summary(issues[copy])
                                           << " instead of " << summary(issues[0]);
  }
  const json state = snapshotState(hall);
  EXPECT_EQ(state["tickets"].size(), 2u) << "one ticket for the three copies of the counter's issue";
  EXPECT_EQ(state["tickets"][0].value("recalls", 0), 1) << "one recall for three copies";
  EXPECT_EQ(auditRowsOf(hall, "recall"), 1);
  EXPECT_EQ(auditRowsOf(hall, "issue_ticket"), 2);
}

}  // namespace
}  // namespace jiujin::testing
