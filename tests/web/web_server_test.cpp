// The web server on a real socket with a hall of the test's own (FakeHall): pages, the event
// stream and its push, and everything a hostile phone can send — without a crash, with a page.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "jiujin/web/booking_pages.hpp"
#include "jiujin/web/web_server.hpp"
#include "support/http_client.hpp"

namespace jiujin::web {
namespace {

using namespace std::chrono_literals;
using testing::EventReader;
const std::string kToken = "TestTokenTestTokenTestToken1";  // shaped like a real one

class FakeHall : public TicketSource {
 public:
  void resolve(const std::string& token, std::function<void(Resolution)> done) override {
    ++lookups;
    done(token == kToken ? Resolution{TokenAnswer::Found, 1} : Resolution{TokenAnswer::Unknown, 0});
  }
  std::optional<TicketView> view(core::TicketId ticket) override {
    std::lock_guard lock(mutex);
    if (ticket != 1) return TicketView{};
    return current;
  }
  bool live() override { return true; }
  void follow(core::TicketId) override { ++following; }
  void unfollow(core::TicketId) override { --following; }
  ItemFigures itemFigures() override { return {{"370199-GG-0001", core::WaitEstimate{3, std::chrono::seconds(600), 1}}}; }
  std::string hallName() override { return "城关镇便民服务中心"; }
  void rate(const std::string& token, core::Rating rating, std::function<void(RatingAnswer)> done) override {
    std::lock_guard lock(mutex);
    ratings.emplace_back(token, rating);
    done(ratingAnswer);
  }

  // 预约: answers as the dispatcher gives them (docs/protocol.md), the requests recorded.
  // `done` runs after the lock is let go: the server may ask again from inside it.
  void bookingSlots(const core::ItemCode& item, BookingDone done) override {
    {
      std::lock_guard lock(mutex);
      asked.push_back("slots " + item);
    }
    BookingAnswer a;
    a.kind = BookingAnswer::Kind::Ok;
    a.result = nlohmann::json{
        {"item", item}, {"open", true}, {"per_phone_per_day", 2}, {"early_minutes", 30}, {"late_minutes", 15},
        {"late", "walk_in"},
        {"days", {{{"date", "2026-12-07"},
                   {"slots", {{{"start", 1796634000000}, {"end", 1796635800000}, {"from", "09:00"}, {"to", "09:30"},
                               {"capacity", 2}, {"free", 0}, {"session", ""}},
                              {{"start", 1796635800000}, {"end", 1796637600000}, {"from", "09:30"}, {"to", "10:00"},
                               {"capacity", 2}, {"free", 2}, {"session", ""}}}}}}}};
    done(a);
  }
  void book(const core::ItemCode& item, core::TimePoint start, const std::string& phone, BookingDone done) override {
    BookingAnswer a;
    {
      std::lock_guard lock(mutex);
      asked.push_back(fmt::format("book {} {} {}", item, start.time_since_epoch().count(), phone));
      a = bookAnswer;
    }
    done(a);
  }
  void booking(const std::string& code, BookingDone done) override {
    BookingAnswer a;
    {
      std::lock_guard lock(mutex);
      asked.push_back("booking " + code);
      if (code != "12345678") {
        a.kind = BookingAnswer::Kind::Refused;
        a.code = "not_found";
      } else {
        a.kind = BookingAnswer::Kind::Ok;
        a.result = nlohmann::json{{"booking", bookingNow}};
      }
    }
    done(a);
  }
  void cancelBooking(const std::string& code, BookingDone done) override {
    BookingAnswer a;
    {
      std::lock_guard lock(mutex);
      asked.push_back("cancel " + code);
      bookingNow["state"] = "cancelled";
      a.kind = BookingAnswer::Kind::Ok;
      a.result = nlohmann::json{{"booking", bookingNow}};
    }
    done(a);
  }

  std::vector<std::string> asked;
  BookingAnswer bookAnswer = [] {
    BookingAnswer a;
    a.kind = BookingAnswer::Kind::Ok;
    a.result = nlohmann::json{{"booking", {{"code", "12345678"}}}};
    return a;
  }();
  nlohmann::json bookingNow{{"code", "12345678"}, {"item", "370199-GG-0001"}, {"item_name", "生育服务登记"},
                            {"date", "2026-12-07"}, {"from", "09:30"}, {"to", "10:00"}, {"state", "booked"},
                            {"check_in_from", 1796634000000}, {"ticket", nullptr}};  // 09:00

  std::mutex mutex;
  TicketView current = [] {
    TicketView v;
    v.phase = Phase::Waiting;
    v.number = "A017";
    v.item = "户口迁移";
    v.peopleAhead = 4;
    v.waitSeconds = 600;
    return v;
  }();
  std::atomic<int> lookups{0};
  std::atomic<int> following{0};
  std::vector<std::pair<std::string, core::Rating>> ratings;  ///< what the server asked to record
  RatingAnswer ratingAnswer = RatingAnswer::Accepted;
};

Guide guide() {
  Guide g;
  g.hoursZh = "办理时间：周一至周五 08:30-17:30";
  g.hoursEn = "Hours: Mon-Fri 08:30-17:30";
  core::ServiceItem birth;
  birth.code = "370199-GG-0001";
  birth.name = "生育服务登记";
  birth.category = "公共服务";
  birth.materials = {"夫妻双方居民身份证", "户口簿", "结婚证"};
  birth.fees = "不收费";
  birth.legalBasis = "《中华人民共和国人口与计划生育法》第二十条";
  core::ServiceItem move = birth;
  move.code = "370199-HJ-0002";
  move.name = "户口迁移";
  move.category = "户籍";
  move.kind = core::ItemKind::Promised;
  move.promisedWorkingDays = 5;
  move.materials = {"<b>迁移证</b>"};
  g.items = {{birth, "综合受理", {"1号窗口", "2号窗口"}, true}, {move, "户籍", {"3号窗口"}, false}};
  return g;
}

class WebServerTest : public ::testing::Test {
 protected:
  void startServer(ServerSettings settings = {}) {
    settings.listen = "127.0.0.1";
    settings.port = 0;
    server = std::make_unique<WebServer>(io, settings, hall, guide());
    ASSERT_EQ(server->start(), "");
    port = server->port();
    thread = std::thread([this] { io.run(); });
  }
  void TearDown() override {
    if (server) boost::asio::post(io, [this] { server->stop(); });
    io.stop();
    if (thread.joinable()) thread.join();
  }
  /// The hall changes: the feed would publish this.
  void callTicket(int window) {
    TicketView v;
    {
      std::lock_guard lock(hall.mutex);
      hall.current.phase = Phase::Called;
      hall.current.window = window;
      v = hall.current;
    }
    boost::asio::post(io, [this, v] { server->publish({{1, v}}, true); });
  }
  ServerCounters counters() {
    std::promise<ServerCounters> p;
    boost::asio::post(io, [&] { p.set_value(server->counters()); });
    return p.get_future().get();
  }

  boost::asio::io_context io;
  FakeHall hall;
  std::unique_ptr<WebServer> server;
  std::thread thread;
  int port = 0;
};

TEST_F(WebServerTest, TheStatusPageOfAGoodTokenShowsTheTicketInChineseAndInEnglish) {
  startServer();
  const auto zh = testing::get(port, "/t/" + kToken);
  ASSERT_EQ(zh.status, 200) << zh.body;
  EXPECT_NE(zh.headers.find("text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(zh.headers.find("Referrer-Policy: no-referrer"), std::string::npos);
  EXPECT_NE(zh.body.find("A017"), std::string::npos);
  EXPECT_NE(zh.body.find("前面还有 4 人"), std::string::npos);
  const auto en = testing::get(port, "/t/" + kToken + "?lang=en");
  EXPECT_NE(en.body.find("4 people ahead of you"), std::string::npos);
  EXPECT_EQ(testing::get(port, "/static/status.js").status, 200);
  EXPECT_EQ(testing::get(port, "/static/web.css").status, 200);
}

TEST_F(WebServerTest, TheGuideListsTheItemsWithTodaysWaitingAndSearches) {
  startServer();
  const auto home = testing::get(port, "/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("办事指南"), std::string::npos);
  EXPECT_NE(home.body.find("生育服务登记"), std::string::npos);
  EXPECT_NE(home.body.find("户口迁移"), std::string::npos);
  EXPECT_NE(home.body.find("等候 3 人 · 约 10 分钟"), std::string::npos);
  EXPECT_NE(home.body.find("等候 —"), std::string::npos) << "an item without figures says so";
  const auto found = testing::get(port, "/?q=%E6%88%B7%E5%8F%A3");  // 户口
  EXPECT_NE(found.body.find("户口迁移"), std::string::npos);
  EXPECT_EQ(found.body.find("生育服务登记"), std::string::npos);
  const auto hostile = testing::get(port, "/?q=%3Cscript%3E");
  EXPECT_EQ(hostile.body.find("<script>"), std::string::npos);
  EXPECT_NE(hostile.body.find("没有找到相关事项"), std::string::npos);
  EXPECT_NE(testing::get(port, "/?lang=en").body.find("Service guide"), std::string::npos);
}

TEST_F(WebServerTest, AnItemPageTellsEverythingToBringAndWhereAndWhen) {
  startServer();
  const auto page = testing::get(port, "/items/370199-GG-0001");
  ASSERT_EQ(page.status, 200);
  for (const char* text : {"夫妻双方居民身份证", "户口簿", "结婚证", "不收费", "即办", "综合受理：1号窗口、2号窗口",
                           "办理时间", "周一至周五 08:30-17:30", "人口与计划生育法"})
    EXPECT_NE(page.body.find(text), std::string::npos) << text;
  EXPECT_EQ(page.body.find("办理时间："), std::string::npos) << "the catalog's own label is not said twice";
  const auto promised = testing::get(port, "/items/370199-HJ-0002?lang=en");
  EXPECT_NE(promised.body.find("5 working days"), std::string::npos);
  EXPECT_NE(promised.body.find("&lt;b&gt;"), std::string::npos) << "catalog text is escaped";
  EXPECT_EQ(testing::get(port, "/items/no-such-item").status, 404);
}

TEST_F(WebServerTest, AnUnknownTokenGetsAClearPageAndAMalformedOneNoLookUp) {
  startServer();
  const auto unknown = testing::get(port, "/t/BBBBBBBBBBBBBBBBBBBBBBBBBBBB");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("号票二维码无效或已过期"), std::string::npos);
  const int before = hall.lookups;
  EXPECT_EQ(testing::get(port, "/t/%3Cscript%3E").status, 404);
  EXPECT_EQ(testing::get(port, "/t/" + std::string(200, 'A')).status, 404);
  EXPECT_EQ(hall.lookups, before) << "a token of the wrong shape never reaches the dispatcher";
  EXPECT_EQ(testing::get(port, "/nothing-here").status, 404);
}

TEST_F(WebServerTest, APageFollowingTheTicketIsToldAtOnceWhenItIsCalled) {
  startServer();
  EventReader page(port, "/t/" + kToken + "/events");
  const auto first = page.next(5s);
  ASSERT_TRUE(first) << "no first event";
  EXPECT_EQ(page.status(), 200);
  EXPECT_EQ(nlohmann::json::parse(*first)["phase"], "waiting");
  callTicket(3);
  const auto called = page.next(5s);
  ASSERT_TRUE(called);
  const auto message = nlohmann::json::parse(*called);
  EXPECT_EQ(message["phase"], "called");
  EXPECT_EQ(message["headline"], "请到3号窗口");
  EXPECT_EQ(hall.following, 1);
}

TEST_F(WebServerTest, ThePublishOfAnUnchangedViewSendsNothing) {
  startServer();
  EventReader page(port, "/t/" + kToken + "/events");
  ASSERT_TRUE(page.next(5s));
  callTicket(3);
  ASSERT_TRUE(page.next(5s));
  callTicket(3);  // the same view again
  EXPECT_FALSE(page.next(300ms)) << "an unchanged view was pushed again";
}

TEST_F(WebServerTest, AClosedPageStopsBeingFollowed) {
  startServer();
  {
    EventReader page(port, "/t/" + kToken + "/events");
    ASSERT_TRUE(page.next(5s));
    EXPECT_EQ(hall.following, 1);
  }
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (hall.following != 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  EXPECT_EQ(hall.following, 0);
  EXPECT_EQ(counters().streams, 0u);
}

TEST_F(WebServerTest, TooManyRequestsFromOneAddressGet429AndAPage) {
  ServerSettings settings;
  settings.requestsPerMinute = 10;
  startServer(settings);
  int refused = 0;
  for (int i = 0; i < 15; ++i)
    if (testing::get(port, "/static/web.css").status == 429) ++refused;
  EXPECT_EQ(refused, 5);
  const auto page = testing::get(port, "/t/" + kToken);
  EXPECT_EQ(page.status, 429);
  EXPECT_NE(page.body.find("访问过于频繁"), std::string::npos);
}

TEST_F(WebServerTest, StreamsPerAddressAreLimited) {
  ServerSettings settings;
  settings.streamsPerAddress = 3;
  startServer(settings);
  std::vector<EventReader> pages;
  for (int i = 0; i < 3; ++i) {
    pages.emplace_back(port, "/t/" + kToken + "/events");
    ASSERT_TRUE(pages.back().next(5s)) << i;
  }
  EventReader fourth(port, "/t/" + kToken + "/events");
  EXPECT_FALSE(fourth.next(1s));
  EXPECT_EQ(fourth.status(), 429);
}

TEST_F(WebServerTest, OversizedAndMalformedRequestsGetAnErrorAndTheServerGoesOn) {
  startServer();
  const auto huge = testing::exchange(port, "GET /t/" + kToken + " HTTP/1.1\r\nHost: h\r\nX-Big: " +
                                                std::string(20000, 'x') + "\r\n\r\n");
  EXPECT_EQ(huge.status, 413);
  const auto body = testing::exchange(port, "POST /t/x HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n" +
                                                std::string(100000, 'x'));
  EXPECT_EQ(body.status, 413);
  EXPECT_EQ(testing::exchange(port, "BLAH\r\n\r\n").status, 400);
  EXPECT_EQ(testing::exchange(port, "DELETE / HTTP/1.1\r\nHost: h\r\n\r\n").status, 405);
  EXPECT_EQ(testing::exchange(port, "GET /\x01\x02 HTTP/1.1\r\n\r\n").status, 400);
  EXPECT_EQ(testing::get(port, "/t/" + kToken).status, 200) << "the server still serves";
}

// The flood: many connections sending garbage, half-requests, binary noise and oversized
// lines at once. Every one gets an error or is closed; afterwards the server answers as before.
TEST_F(WebServerTest, AFloodOfMalformedRequestsNeitherCrashesNorStopsTheServer) {
  ServerSettings settings;
  settings.requestsPerMinute = 1000000;
  settings.requestTimeout = 1000ms;
  startServer(settings);
  const std::vector<std::string> garbage = {
      "GET / HTTP/1.1\r\n",                                  // never finished: the timeout closes it
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",        // a TLS hello
      "GET /t/" + std::string(9000, 'A') + " HTTP/1.1\r\n\r\n",  // request line over the limit
      "GET / HTTP/9.9\r\n\r\n",
      "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      std::string(5000, '\0'),
      "GET /t/" + kToken + "/events HTTP/1.1\r\n\r\n",
  };
  std::vector<std::thread> attackers;
  std::atomic<int> answered{0};
  for (int t = 0; t < 8; ++t) {
    attackers.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto r = testing::exchange(port, garbage[(t + i) % garbage.size()], 1500ms);
        if (r.status != 0) ++answered;
      }
    });
  }
  for (auto& a : attackers) a.join();
  EXPECT_GT(answered, 100);
  const auto after = testing::get(port, "/t/" + kToken);
  EXPECT_EQ(after.status, 200) << "the server must answer after the flood";
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (counters().connections > 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  EXPECT_EQ(counters().connections, 0u) << "every connection of the flood was closed";
}

TEST_F(WebServerTest, ConnectionsBeyondTheLimitAreClosedAtOnce) {
  ServerSettings settings;
  settings.maxConnections = 16;
  startServer(settings);
  std::vector<EventReader> pages;
  for (int i = 0; i < 16; ++i) pages.emplace_back(port, "/t/" + kToken + "/events?n=" + std::to_string(i));
  for (auto& p : pages) (void)p.next(2s);
  EventReader extra(port, "/t/" + kToken + "/events");
  EXPECT_FALSE(extra.next(1s));
  EXPECT_EQ(extra.status(), 0);
}

// 评价二维码: the status page carries the rating form; only a form from our own page (its CSRF
// token, bound to the ticket token; no other site's Origin) with one of the five levels is
// passed to the dispatcher.
class RatingForm : public WebServerTest {
 protected:
  void SetUp() override {
    {
      std::lock_guard lock(hall.mutex);
      hall.current.phase = Phase::Done;
      hall.current.window = 1;
      hall.current.canRate = true;
    }
    startServer();
    const auto page = testing::get(port, "/t/" + kToken);
    ASSERT_EQ(page.status, 200);
    csrf = testing::csrfIn(page.body);
    ASSERT_EQ(csrf.size(), 32u) << page.body;
    EXPECT_NE(page.body.find("非常不满意"), std::string::npos);
    EXPECT_EQ(page.body.find("id=\"rate\" class=\"rate\" method=\"post\" action=\"/t/" + kToken + "/rate\" hidden"),
              std::string::npos)
        << "the form is shown while the pad awaits the rating";
  }
  std::size_t ratingsAsked() {
    std::lock_guard lock(hall.mutex);
    return hall.ratings.size();
  }
  std::string csrf;
};

TEST_F(RatingForm, ARatingFromThePageIsPassedOnAndThePageShownAgain) {
  const auto r = testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + csrf + "&rating=very_dissatisfied",
                                   "Origin: http://hall\r\n");
  EXPECT_EQ(r.status, 303) << r.body;
  EXPECT_NE(r.headers.find("Location: /t/" + kToken), std::string::npos) << r.headers;
  std::lock_guard lock(hall.mutex);
  ASSERT_EQ(hall.ratings.size(), 1u);
  EXPECT_EQ(hall.ratings[0].first, kToken);
  EXPECT_EQ(hall.ratings[0].second, core::Rating::VeryDissatisfied);
}

TEST_F(RatingForm, ARefusedRatingGetsThePageThatSaysWhy) {
  {
    std::lock_guard lock(hall.mutex);
    hall.ratingAnswer = RatingAnswer::Refused;
  }
  const auto r = testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + csrf + "&rating=satisfied");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("每次办件只能评价一次"), std::string::npos);
}

TEST_F(RatingForm, AFormWithoutOurTokenOrFromAnotherSiteIsRefusedAndNothingIsRated) {
  EXPECT_EQ(testing::postForm(port, "/t/" + kToken + "/rate", "rating=satisfied").status, 403);
  EXPECT_EQ(testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + std::string(32, '0') + "&rating=satisfied").status,
            403);
  EXPECT_EQ(testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + csrf + "&rating=satisfied",
                              "Origin: http://evil.example\r\n")
                .status,
            403);
  EXPECT_EQ(testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + csrf + "&rating=satisfied",
                              "Sec-Fetch-Site: cross-site\r\n")
                .status,
            403);
  // Our no-referrer pages make a browser send "Origin: null": another site's frame says so too.
  EXPECT_EQ(testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + csrf + "&rating=satisfied",
                              "Origin: null\r\nSec-Fetch-Site: cross-site\r\n")
                .status,
            403);
  EXPECT_EQ(testing::postForm(port, "/t/" + kToken + "/rate", "csrf=" + csrf + "&rating=satisfied",
                              "Origin: null\r\n")
                .status,
            403);
  // Another ticket's page's token does not fit this ticket.
  const std::string other = "OtherTokenOtherTokenOtherTo1";
  EXPECT_EQ(testing::postForm(port, "/t/" + other + "/rate", "csrf=" + csrf + "&rating=satisfied").status, 403);
  EXPECT_EQ(ratingsAsked(), 0u);
}

TEST_F(RatingForm, MalformedRatingsAreRefusedWithoutAskingTheDispatcher) {
  const std::string target = "/t/" + kToken + "/rate";
  EXPECT_EQ(testing::postForm(port, target, "csrf=" + csrf + "&rating=great").status, 400);
  EXPECT_EQ(testing::postForm(port, target, "csrf=" + csrf + "&rating=").status, 400);
  EXPECT_EQ(testing::postForm(port, target, "csrf=" + csrf + "&rating=" + std::string(3000, 's')).status, 400);
  EXPECT_EQ(testing::postForm(port, target, "csrf=" + csrf + "&rating=satisfied&pad=" + std::string(5000, 'x')).status,
            413);
  EXPECT_EQ(testing::exchange(port, "POST " + target + " HTTP/1.1\r\nHost: hall\r\nContent-Type: text/plain\r\n"
                                    "Content-Length: 16\r\nConnection: close\r\n\r\nrating=satisfied")
                .status,
            400);
  EXPECT_EQ(testing::get(port, target).status, 405);
  EXPECT_EQ(testing::postForm(port, "/t/not%20a%20token/rate", "csrf=" + csrf + "&rating=satisfied").status, 404);
  EXPECT_EQ(ratingsAsked(), 0u);
  // And the server still answers.
  EXPECT_EQ(testing::get(port, "/healthz").status, 200);
}

TEST_F(RatingForm, TheFormIsHiddenWhenThereIsNothingToRate) {
  {
    std::lock_guard lock(hall.mutex);
    hall.current.canRate = false;
    hall.current.rating = "satisfied";
  }
  const auto page = testing::get(port, "/t/" + kToken);
  EXPECT_NE(page.body.find("action=\"/t/" + kToken + "/rate\" hidden"), std::string::npos);
  EXPECT_NE(page.body.find("感谢您的评价：满意"), std::string::npos);
}

class BookingPages : public WebServerTest {
 protected:
  void SetUp() override { startServer(); }
  std::vector<std::string> asked() {
    std::lock_guard lock(hall.mutex);
    return hall.asked;
  }
};

TEST_F(BookingPages, ABookableItemOffersBookingAndTheSlotPageShowsWhatIsLeft) {
  EXPECT_NE(testing::get(port, "/items/370199-GG-0001").body.find("href=\"/book/370199-GG-0001\""), std::string::npos);
  EXPECT_EQ(testing::get(port, "/items/370199-HJ-0002").body.find("/book/"), std::string::npos)
      << "no session takes 户口迁移";
  EXPECT_EQ(testing::get(port, "/book/370199-HJ-0002").status, 404);
  const auto page = testing::get(port, "/book/370199-GG-0001");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("12月7日 周一"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"1796634000000\" required disabled"), std::string::npos) << "a full slot";
  EXPECT_NE(page.body.find("已约满"), std::string::npos);
  EXPECT_NE(page.body.find("余 2 个"), std::string::npos);
  EXPECT_NE(page.body.find("每个手机号每天最多预约 2 次"), std::string::npos);
  EXPECT_FALSE(testing::csrfIn(page.body).empty());
  const auto english = testing::get(port, "/book/370199-GG-0001?lang=en");
  EXPECT_NE(english.body.find("Mon 7 Dec"), std::string::npos);
  EXPECT_NE(english.body.find("2 left"), std::string::npos);
}

TEST_F(BookingPages, TheFormBooksAndRedirectsToTheBookingsOwnPage) {
  const std::string csrf = testing::csrfIn(testing::get(port, "/book/370199-GG-0001").body);
  const auto r = testing::postForm(port, "/book/370199-GG-0001", "csrf=" + csrf + "&slot=1796635800000&phone=13800000001");
  EXPECT_EQ(r.status, 303);
  EXPECT_NE(r.headers.find("/b/12345678"), std::string::npos) << r.headers;
  EXPECT_EQ(asked().back(), "book 370199-GG-0001 1796635800000 13800000001");
  const auto page = testing::get(port, "/b/12345678");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("1234 5678"), std::string::npos);
  EXPECT_NE(page.body.find("<svg class=\"qr\""), std::string::npos);
  EXPECT_NE(page.body.find("09:00 起"), std::string::npos) << "when check-in opens (check_in_from)";
  EXPECT_EQ(page.body.find("13800000001"), std::string::npos) << "no personal data on any page";
}

TEST_F(BookingPages, ARefusalIsShownOnTheSlotPageInTheResidentsLanguage) {
  {
    std::lock_guard lock(hall.mutex);
    hall.bookAnswer = BookingAnswer{BookingAnswer::Kind::Refused, {}, "booking_limit", "同一手机号每天最多预约 2 次。",
                                    "one phone number may hold 2 bookings a day"};
  }
  const std::string csrf = testing::csrfIn(testing::get(port, "/book/370199-GG-0001").body);
  const auto r = testing::postForm(port, "/book/370199-GG-0001", "csrf=" + csrf + "&slot=1796635800000&phone=13800000001");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("同一手机号每天最多预约 2 次。"), std::string::npos);
  const auto en = testing::postForm(port, "/book/370199-GG-0001?lang=en", "csrf=" + csrf + "&slot=1796635800000&phone=1");
  EXPECT_NE(en.body.find("one phone number may hold 2 bookings a day"), std::string::npos);
  const auto noSlot = testing::postForm(port, "/book/370199-GG-0001", "csrf=" + csrf + "&phone=13800000001");
  EXPECT_NE(noSlot.body.find("请先选择一个时段"), std::string::npos);
}

TEST_F(BookingPages, FormsFromElsewhereOrWithoutTheirTokenBookAndCancelNothing) {
  const std::string csrf = testing::csrfIn(testing::get(port, "/book/370199-GG-0001").body);
  const std::size_t before = asked().size();
  EXPECT_EQ(testing::postForm(port, "/book/370199-GG-0001", "slot=1796635800000&phone=13800000001").status, 403);
  EXPECT_EQ(testing::postForm(port, "/book/370199-GG-0001", "csrf=" + csrf + "&slot=1796635800000&phone=13800000001",
                              "Origin: http://evil.example\r\n")
                .status,
            403);
  EXPECT_EQ(testing::postForm(port, "/b/12345678/cancel", "csrf=" + csrf).status, 403)
      << "the slot page's token is not the booking's";
  EXPECT_EQ(testing::postForm(port, "/book/370199-GG-0001", "csrf=" + csrf + "&slot=9x&phone=1").status, 409);
  EXPECT_EQ(testing::get(port, "/b/1234").status, 404);
  EXPECT_EQ(testing::get(port, "/b/12345679").status, 404) << "the dispatcher knows no such booking";
  EXPECT_EQ(testing::get(port, "/b/12345678/cancel").status, 405);
  const auto all = asked();
  for (std::size_t i = before; i < all.size(); ++i)
    EXPECT_TRUE(all[i].rfind("book ", 0) != 0 && all[i].rfind("cancel", 0) != 0) << all[i];
}

TEST_F(BookingPages, CancellingFromTheBookingsPage) {
  const std::string csrf = testing::csrfIn(testing::get(port, "/b/12345678").body);
  ASSERT_FALSE(csrf.empty());
  const auto r = testing::postForm(port, "/b/12345678/cancel", "csrf=" + csrf);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(asked().back(), "cancel 12345678");
  const auto page = testing::get(port, "/b/12345678");
  EXPECT_NE(page.body.find("预约已取消"), std::string::npos);
  EXPECT_EQ(page.body.find("<svg"), std::string::npos) << "no code to scan once cancelled";
  EXPECT_EQ(page.body.find("/cancel"), std::string::npos);
}

TEST(BookingCode, GroupedAndAsAScannableQrCode) {
  EXPECT_EQ(groupedCode("12345678"), "1234 5678");
  EXPECT_EQ(groupedCode("123"), "123");
  const std::string svg = qrSvg("12345678");
  EXPECT_EQ(svg.rfind("<svg class=\"qr\"", 0), 0u);
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << "version 1 (21 modules) and the quiet zone";
}

}  // namespace
}  // namespace jiujin::web
