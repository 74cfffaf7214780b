// What a resident is told about the people ahead — when the ticket is issued, when the kiosk
// retries the issue, when the ticket is looked up — is one answer, from the core, in the
// order the windows will really call; and a four-digit number is looked up like any other.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <thread>
#include <vector>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

/// "ok" or the refusal's code alone (outcomeOf adds the English message).
std::string codeOf(const client::Reply& reply) { return reply.ok ? "ok" : reply.error.code; }

using nlohmann::json;

class TicketStatus : public ::testing::Test {
 protected:
  /// Issues `item` under `key` (optionally 绿色通道); returns the reply's result.
  json issue(const std::string& key, const std::string& item = "T-0001", const std::string& priority = "normal") {
    const auto reply = kiosk->request("issue_ticket", {{"item", item}, {"requestKey", key}, {"priority", priority}});
    EXPECT_EQ(codeOf(reply), "ok") << key;
    return reply.result;
  }
  int aheadOf(const json& issued) {
    const auto reply = kiosk->request("ticket_status", {{"ticket", issued["ticket"]["id"]}});
    EXPECT_EQ(codeOf(reply), "ok");
    return reply.result.value("people_ahead", -1);
  }

  RunningHall hall;
  std::unique_ptr<client::CommandChannel> kiosk = hall.channel(hall.as("kiosk"));
};

TEST_F(TicketStatus, IssueRepeatedIssueAndTicketStatusGiveOneAnswerWithAGreenChannelTicket) {
  const json first = issue("k-1");
  const json second = issue("k-2");
  const json elder = issue("k-3", "T-0002", "elderly");  // 绿色通道: goes before both
  const json third = issue("k-4");
  EXPECT_EQ(first["people_ahead"], 0);
  EXPECT_EQ(second["people_ahead"], 1);
  EXPECT_EQ(elder["people_ahead"], 0);
  EXPECT_EQ(third["people_ahead"], 3);

  // Looked up now: the 绿色通道 ticket is ahead of the two issued before it.
  EXPECT_EQ(aheadOf(first), 1);
  EXPECT_EQ(aheadOf(second), 2);
  EXPECT_EQ(aheadOf(elder), 0);
  EXPECT_EQ(aheadOf(third), 3) << "the last one issued: what its issue reply said";

  // The kiosk retries an issue it got no answer to: the same ticket, and the same count.
  for (const auto& [key, issued] : {std::pair{"k-2", second}, {"k-3", elder}, {"k-4", third}}) {
    const json again = issue(key);
    EXPECT_EQ(again["repeated"], true) << key;
    EXPECT_EQ(again["ticket"]["id"], issued["ticket"]["id"]) << key;
    EXPECT_EQ(again["people_ahead"], aheadOf(issued)) << key << ": repeated issue and ticket_status differ";
  }

  // Window 1 calls the 绿色通道 ticket first; everyone behind it moves up one.
  auto asClerk = hall.as("console", 1);
  asClerk.requestTimeout = std::chrono::seconds(30);  // the PIN check is slow on purpose (argon2id)
  auto console = hall.channel(asClerk);
  ASSERT_EQ(codeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
  ASSERT_EQ(codeOf(console->request("open_window", {{"window", 1}})), "ok");
  const auto called = console->request("call_next", {{"window", 1}});
  ASSERT_EQ(codeOf(called), "ok");
  EXPECT_EQ(called.result["ticket"]["id"], elder["ticket"]["id"]);
  EXPECT_EQ(aheadOf(elder), 0) << "called: nobody is ahead any more";
  EXPECT_EQ(aheadOf(first), 0);
  EXPECT_EQ(aheadOf(third), 2);
  EXPECT_EQ(issue("k-4")["people_ahead"], 2);
}

TEST_F(TicketStatus, NumbersGoOnPastA999AndAreLookedUpByNumber) {
  // Ten kiosks at once, so the dispatcher commits their tickets in groups.
  constexpr int kKiosks = 10;
  constexpr int kEach = 100;
  std::vector<std::thread> kiosks;
  std::atomic<int> issued{0};
  for (int k = 0; k < kKiosks; ++k) {
    kiosks.emplace_back([&, k] {
      auto channel = hall.channel(hall.as("kiosk"));
      for (int i = 0; i < kEach; ++i) {
        const auto reply = channel->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", fmt::format("k{}-{}", k, i)}});
        if (reply.ok) ++issued;
      }
    });
  }
  for (auto& k : kiosks) k.join();
  ASSERT_EQ(issued.load(), kKiosks * kEach);
  const json last = issue("the-1001st");
  EXPECT_EQ(last["ticket"]["number"], "A1001");
  EXPECT_EQ(last["people_ahead"], 1000);
  const auto status = kiosk->request("ticket_status", {{"number", "A1000"}});
  ASSERT_EQ(codeOf(status), "ok");
  EXPECT_EQ(status.result["ticket"]["number"], "A1000");
  EXPECT_EQ(status.result["ticket"]["sequence"], 1000);
  EXPECT_EQ(status.result["people_ahead"], 999);
}

// The resident's QR code (docs/web.md, "Tokens"): the issuer alone gets an unguessable token,
// the same one on a retried issue, and it finds the ticket; a changed token finds nothing.
TEST_F(TicketStatus, ATokenFromTheIssueReplyFindsItsTicketAndAForgedOneNothing) {
  const json issued = issue("tok-1");
  ASSERT_TRUE(issued.contains("token")) << issued.dump();
  const std::string token = issued["token"];
  EXPECT_EQ(token.size(), 28u);
  EXPECT_EQ(token.find(issued["ticket"]["number"].get<std::string>()), std::string::npos);
  EXPECT_EQ(issue("tok-1")["token"], token) << "a retried issue gets the same token";
  EXPECT_NE(issue("tok-2")["token"], token);

  auto web = hall.channel(hall.as("web"));
  const auto found = web->request("ticket_status", {{"token", token}});
  ASSERT_EQ(codeOf(found), "ok");
  EXPECT_EQ(found.result["ticket"]["id"], issued["ticket"]["id"]);
  EXPECT_EQ(found.result["people_ahead"], 0);
  EXPECT_TRUE(found.result.contains("wait_s"));

  std::string forged = token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(codeOf(web->request("ticket_status", {{"token", forged}})), "not_found");
  EXPECT_EQ(codeOf(web->request("ticket_status", {{"token", "not-a-token"}})), "not_found");
  EXPECT_EQ(codeOf(web->request("ticket_status", {{"token", token}, {"number", "A001"}})), "invalid_argument");

  // The published event does not carry it: only the issuer (the kiosk that prints it) has it.
  const auto snapshot = web->request("snapshot", json::object());
  EXPECT_EQ(snapshot.result.dump().find(token), std::string::npos);
}

TEST_F(TicketStatus, TheWebRoleReadsButChangesNothing) {
  auto web = hall.channel(hall.as("web"));
  EXPECT_EQ(codeOf(web->request("items", json::object())), "ok");
  EXPECT_EQ(codeOf(web->request("issue_ticket", {{"item", "T-0001"}})), "forbidden");
  EXPECT_EQ(codeOf(web->request("call_next", {{"window", 1}})), "forbidden");
  EXPECT_EQ(codeOf(web->request("evaluate", {{"window", 1}, {"rating", "satisfied"}})), "forbidden");
}

TEST_F(TicketStatus, TokensOutliveARestartOfTheDispatcher) {
  const json issued = issue("tok-restart");
  hall.restart();
  auto web = hall.channel(hall.as("web"));
  const auto found = web->request("ticket_status", {{"token", issued["token"]}});
  ASSERT_EQ(codeOf(found), "ok") << "the key is kept beside the database";
  EXPECT_EQ(found.result["ticket"]["id"], issued["ticket"]["id"]);
}

}  // namespace
}  // namespace jiujin::testing
