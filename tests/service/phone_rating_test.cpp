// 评价二维码 on a real dispatcher (docs/web.md): the phone (role web) rates the ticket its QR
// token names — once per service, whichever of pad and phone comes first, only after
// completion — and a bad rating opens the same 回访 follow-up as the pad's.
#include <gtest/gtest.h>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

class PhoneRating : public ::testing::Test {
 protected:
  void SetUp() override {
    auto clerk = hall.as("console", 1);
    clerk.requestTimeout = std::chrono::seconds(30);  // the PIN check is slow on purpose (argon2id)
    console = hall.channel(clerk);
    ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
    const auto issued = kiosk->request("issue_ticket", {{"item", "T-0001"}});
    ASSERT_EQ(outcomeOf(issued), "ok");
    token = issued.result["token"].get<std::string>();
    ticket = issued.result["ticket"]["id"].get<std::int64_t>();
  }
  void serve() {
    ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("start_service", {{"window", 1}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("complete", {{"window", 1}})), "ok");
  }
  std::string codeOf(const client::Reply& reply) { return reply.ok ? "ok" : reply.error.code; }
  std::string rate(const std::string& rating) {
    return codeOf(web->request("rate_ticket", {{"token", token}, {"rating", rating}}));
  }
  json ticketNow() {
    const auto status = web->request("ticket_status", {{"token", token}});
    EXPECT_EQ(outcomeOf(status), "ok");
    return status.result["ticket"];
  }
  json badRatingAlarms() {
    auto manager = hall.channel(hall.as("manager"));
    const auto snapshot = manager->request("snapshot", json::object());
    json found = json::array();
    for (const auto& a : snapshot.result["alarms"])
      if (a["kind"] == "bad_rating") found.push_back(a);
    return found;
  }

  RunningHall hall;
  std::unique_ptr<client::CommandChannel> kiosk = hall.channel(hall.as("kiosk"));
  std::unique_ptr<client::CommandChannel> web = hall.channel(hall.as("web"));
  std::unique_ptr<client::CommandChannel> console;
  std::string token;
  std::int64_t ticket = 0;
};

TEST_F(PhoneRating, ThePhoneRatesOnceByTokenAndThePadIsThenRefused) {
  serve();
  EXPECT_EQ(rate("satisfied"), "ok");
  EXPECT_EQ(ticketNow()["rating"], "satisfied");
  EXPECT_EQ(codeOf(console->request("evaluate", {{"window", 1}, {"rating", "very_dissatisfied"}})), "already_evaluated");
  EXPECT_EQ(rate("very_satisfied"), "already_evaluated");
  EXPECT_EQ(ticketNow()["rating"], "satisfied");
}

TEST_F(PhoneRating, ThePadFirstThenThePhoneIsRefused) {
  serve();
  ASSERT_EQ(outcomeOf(console->request("evaluate", {{"window", 1}, {"rating", "basically_satisfied"}})), "ok");
  EXPECT_EQ(rate("very_dissatisfied"), "already_evaluated");
  EXPECT_EQ(ticketNow()["rating"], "basically_satisfied");
  EXPECT_TRUE(badRatingAlarms().empty());
}

TEST_F(PhoneRating, BeforeCompletionTheRatingIsRefused) {
  EXPECT_EQ(rate("satisfied"), "not_evaluable");
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  EXPECT_EQ(rate("satisfied"), "not_evaluable");
}

TEST_F(PhoneRating, ABadPhoneRatingOpensTheFollowUp) {
  serve();
  EXPECT_EQ(rate("very_dissatisfied"), "ok");
  const auto alarms = badRatingAlarms();
  ASSERT_EQ(alarms.size(), 1u);
  EXPECT_EQ(alarms[0]["window"], 1);
  EXPECT_EQ(alarms[0]["follow_up"]["state"], "open");
}

TEST_F(PhoneRating, OnlyAGenuineTokenRatesAndNeverATicketId) {
  serve();
  std::string forged = token;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(codeOf(web->request("rate_ticket", {{"token", forged}, {"rating", "satisfied"}})), "not_found");
  EXPECT_EQ(codeOf(web->request("rate_ticket", {{"ticket", ticket}, {"rating", "satisfied"}})), "invalid_argument");
  EXPECT_EQ(codeOf(web->request("rate_ticket", {{"token", token}, {"rating", "great"}})), "invalid_argument");
  EXPECT_EQ(codeOf(web->request("evaluate", {{"window", 1}, {"rating", "satisfied"}})), "forbidden")
      << "the web role rates by token only, never a window's pad";
  EXPECT_EQ(codeOf(kiosk->request("rate_ticket", {{"token", token}, {"rating", "satisfied"}})), "forbidden");
  EXPECT_FALSE(ticketNow().contains("rating") && !ticketNow()["rating"].is_null());
}

TEST_F(PhoneRating, ThePhoneRatingIsJournaledAndSurvivesARestart) {
  serve();
  ASSERT_EQ(rate("dissatisfied"), "ok");
  hall.restart();
  web = hall.channel(hall.as("web"));
  EXPECT_EQ(ticketNow()["rating"], "dissatisfied");
  EXPECT_EQ(ticketNow()["evaluation"], "rated");
  EXPECT_EQ(rate("satisfied"), "already_evaluated");
}

}  // namespace
}  // namespace jiujin::testing
