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

// 评价二维码 end to end: completion offers the five levels on the page without a reload; the
// phone's rating goes through the dispatcher (role web), the pad is then refused, a second
// rating is refused, and the bad rating opens the 回访 follow-up.
TEST_F(WebWithDispatcher, APhoneRatesTheServiceOnceAndThePadIsThenRefused) {
  ASSERT_TRUE(web.ready()) << web.output();
  const std::string token = issue("k-1");
  testing::EventReader phone(web.port(), "/t/" + token + "/events");
  ASSERT_TRUE(phone.next(10s)) << "no first event";
  openWindowOne();
  ASSERT_EQ(outcomeOf(console->request("call_next", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("start_service", {{"window", 1}})), "ok");
  ASSERT_EQ(outcomeOf(console->request("complete", {{"window", 1}})), "ok");
  std::optional<json> offer;
  for (int i = 0; i < 8 && !offer; ++i) {
    const auto next = phone.next(10s);
    ASSERT_TRUE(next) << "the completion never reached the phone";
    const json message = json::parse(*next);
    if (message["phase"] == "done" && message["can_rate"] == true) offer = message;
  }
  ASSERT_TRUE(offer) << "no rating offered at completion";
  EXPECT_EQ((*offer)["detail"], "请为本次服务评价");

  const auto page = testing::get(web.port(), "/t/" + token);
  ASSERT_EQ(page.status, 200);
  const std::string csrf = testing::csrfIn(page.body);
  ASSERT_FALSE(csrf.empty());
  const auto rated = testing::postForm(web.port(), "/t/" + token + "/rate", "csrf=" + csrf + "&rating=very_dissatisfied",
                                       "Origin: http://hall\r\n");
  ASSERT_EQ(rated.status, 303) << rated.body;

  std::optional<json> thanks;
  for (int i = 0; i < 8 && !thanks; ++i) {
    const auto next = phone.next(10s);
    ASSERT_TRUE(next) << "the rating never reached the phone";
    const json message = json::parse(*next);
    if (message["rating"] == "very_dissatisfied") thanks = message;
  }
  ASSERT_TRUE(thanks);
  EXPECT_EQ((*thanks)["can_rate"], false);
  EXPECT_EQ((*thanks)["detail"], "感谢您的评价：非常不满意");

  EXPECT_EQ(outcomeOf(console->request("evaluate", {{"window", 1}, {"rating", "satisfied"}})).substr(0, 17),
            "already_evaluated");
  const auto again = testing::postForm(web.port(), "/t/" + token + "/rate", "csrf=" + csrf + "&rating=satisfied");
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("每次办件只能评价一次"), std::string::npos);

  auto manager = hall.channel(hall.as("manager"));
  const auto snapshot = manager->request("snapshot", json::object());
  int followUps = 0;
  for (const auto& a : snapshot.result["alarms"])
    if (a["kind"] == "bad_rating" && a["follow_up"]["state"] == "open") ++followUps;
  EXPECT_EQ(followUps, 1);
}

}  // namespace
}  // namespace jiujin::web
