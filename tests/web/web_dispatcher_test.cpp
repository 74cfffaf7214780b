// End to end: a real jiujin-dispatcher, a real jiujin-web, a kiosk issuing through the client
// library and a phone (an HTTP client) following the ticket's event stream until it is called.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/running_hall.hpp"
#include "support/web_process.hpp"

namespace jiujin::web {
namespace {

using namespace std::chrono_literals;
using jiujin::testing::outcomeOf;
using jiujin::testing::RunningHall;
using nlohmann::json;

class WebWithDispatcher : public ::testing::Test {
 protected:
  WebWithDispatcher() : web(hall.hall.hallFile, hall.commands, hall.events) {}

  std::string issue(const std::string& key) {
    const auto reply = kiosk->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", key}});
    EXPECT_EQ(outcomeOf(reply), "ok");
    return reply.result.value("token", "");
  }
  void openWindowOne() {
    auto asClerk = hall.as("console", 1);
    asClerk.requestTimeout = 30s;  // the PIN check is slow on purpose (argon2id)
    console = hall.channel(asClerk);
    ASSERT_EQ(outcomeOf(console->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
    ASSERT_EQ(outcomeOf(console->request("open_window", {{"window", 1}})), "ok");
  }

  RunningHall hall;
  testing::WebProcess web;
  std::unique_ptr<client::CommandChannel> kiosk = hall.channel(hall.as("kiosk"));
  std::unique_ptr<client::CommandChannel> console;
};

TEST_F(WebWithDispatcher, APhoneFollowingItsTicketSeesTheCallPushed) {
  ASSERT_TRUE(web.ready()) << web.output();
  const std::string first = issue("k-1");
  const std::string mine = issue("k-2");
  ASSERT_EQ(mine.size(), 28u);

  const auto page = testing::get(web.port(), "/t/" + mine);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("A002"), std::string::npos);
  EXPECT_NE(page.body.find("前面还有 1 人"), std::string::npos);

  testing::EventReader phone(web.port(), "/t/" + mine + "/events");
  const auto waiting = phone.next(10s);
  ASSERT_TRUE(waiting) << "no first event";
  EXPECT_EQ(json::parse(*waiting)["phase"], "waiting");

  openWindowOne();
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");  // A001: one fewer ahead
  // Opening the window changes the expected wait too: events come until nobody is ahead.
  bool nobodyAhead = false;
  for (int i = 0; i < 5 && !nobodyAhead; ++i) {
    const auto next = phone.next(10s);
    ASSERT_TRUE(next) << "the call of the one ahead never reached the phone";
    nobodyAhead = json::parse(*next)["ahead"] == 0;
  }
  EXPECT_TRUE(nobodyAhead);
  ASSERT_EQ(outcomeOf(console->request("start_service", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("complete", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");  // A002: mine
  std::optional<json> called;
  for (int i = 0; i < 5 && !called; ++i) {
    const auto next = phone.next(10s);
    ASSERT_TRUE(next) << "the call never reached the phone";
    const json message = json::parse(*next);
    if (message["phase"] == "called") called = message;
  }
  ASSERT_TRUE(called);
  EXPECT_EQ((*called)["headline"], "请到1号窗口");
  EXPECT_EQ((*called)["number"], "A002");
  EXPECT_EQ((*called)["live"], true);
}

TEST_F(WebWithDispatcher, AForgedOrUnknownTokenGetsTheErrorPageAndTheServiceGoesOn) {
  ASSERT_TRUE(web.ready()) << web.output();
  const std::string token = issue("k-1");
  std::string forged = token;
  forged[10] = forged[10] == 'x' ? 'y' : 'x';
  const auto refused = testing::get(web.port(), "/t/" + forged);
  EXPECT_EQ(refused.status, 404);
  EXPECT_NE(refused.body.find("号票二维码无效或已过期"), std::string::npos);
  EXPECT_EQ(testing::get(web.port(), "/t/" + token + "?lang=en").status, 200);
}

}  // namespace
}  // namespace jiujin::web
