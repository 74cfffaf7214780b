// The pages' words and markup: Chinese first, English on request, nothing unescaped.
#include <gtest/gtest.h>

#include "jiujin/web/pages.hpp"
#include "jiujin/web/rate_limiter.hpp"

namespace jiujin::web {
namespace {

TicketView called() {
  TicketView v;
  v.phase = Phase::Called;
  v.number = "A017";
  v.item = "户口迁移";
  v.window = 3;
  v.windowName = "3号窗口";
  return v;
}

TEST(Pages, LanguageIsChineseUnlessTheQueryAsksForEnglish) {
  EXPECT_EQ(langOf(""), Lang::Zh);
  EXPECT_EQ(langOf("lang=en"), Lang::En);
  EXPECT_EQ(langOf("x=1&lang=en"), Lang::En);
  EXPECT_EQ(langOf("lang=english"), Lang::Zh);
  EXPECT_EQ(langOf("lang=zh"), Lang::Zh);
}

TEST(Pages, TheStatusPageShowsTheCallInLargeWordsAndFollowsTheStream) {
  const std::string page = statusPage(Lang::Zh, "城关镇便民服务中心", "tok_en-1", called(), true);
  EXPECT_NE(page.find("<html lang=\"zh-CN\">"), std::string::npos);
  EXPECT_NE(page.find("请到3号窗口"), std::string::npos);
  EXPECT_NE(page.find("A017"), std::string::npos);
  EXPECT_NE(page.find("data-token=\"tok_en-1\""), std::string::npos);
  EXPECT_NE(page.find("/static/status.js"), std::string::npos);
  EXPECT_NE(page.find("href=\"?lang=en\""), std::string::npos);
  EXPECT_EQ(page.find("http"), std::string::npos) << "nothing from outside the hall";
  const std::string en = statusPage(Lang::En, "Hall", "t", called(), false);
  EXPECT_NE(en.find("Please go to window 3"), std::string::npos);
  EXPECT_NE(en.find("id=\"stale\" class=\"notice\">"), std::string::npos) << "not live: the notice shows";
}

TEST(Pages, WhatComesFromTheHallFileIsEscaped) {
  TicketView v = called();
  v.item = "<script>alert(1)</script>";
  const std::string page = statusPage(Lang::Zh, "\"><img src=x>", "t", v, true);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;"), std::string::npos);
}

TEST(Pages, TheStatusMessageCarriesTheWordsAndTheLiveness) {
  const auto message = statusMessage(called(), Lang::Zh, false);
  EXPECT_EQ(message["phase"], "called");
  EXPECT_EQ(message["headline"], "请到3号窗口");
  EXPECT_EQ(message["window"], 3);
  EXPECT_EQ(message["live"], false);
}

TEST(Pages, TheRatingFormOffersTheFiveLevelsInThePadsWordsWithItsToken) {
  TicketView done;
  done.phase = Phase::Done;
  done.number = "A017";
  done.window = 3;
  done.canRate = true;
  const std::string page = statusPage(Lang::Zh, "大厅", "tok", done, true, "c0ffee");
  EXPECT_NE(page.find("<form id=\"rate\" class=\"rate\" method=\"post\" action=\"/t/tok/rate\">"), std::string::npos);
  EXPECT_NE(page.find("name=\"csrf\" value=\"c0ffee\""), std::string::npos);
  std::size_t at = 0;
  for (const char* level : {"非常满意", "满意", "基本满意", "不满意", "非常不满意"}) {
    at = page.find(std::string(">") + level + "</button>", at);
    ASSERT_NE(at, std::string::npos) << level << " missing or out of order";
  }
  EXPECT_EQ(wordingOf(done, Lang::Zh).detail, "请为本次服务评价");
  const std::string en = statusPage(Lang::En, "Hall", "tok", done, true, "c0ffee");
  EXPECT_NE(en.find("action=\"/t/tok/rate?lang=en\""), std::string::npos);
  EXPECT_NE(en.find(">Very dissatisfied</button>"), std::string::npos);
  done.canRate = false;
  done.rating = "basically_satisfied";
  EXPECT_NE(statusPage(Lang::Zh, "大厅", "tok", done, true, "c").find("action=\"/t/tok/rate\" hidden>"),
            std::string::npos);
  EXPECT_EQ(wordingOf(done, Lang::Zh).detail, "感谢您的评价：基本满意");
  EXPECT_EQ(wordingOf(done, Lang::En).detail, "Thank you for your rating: Basically satisfied");
}

TEST(Pages, EveryProblemHasAPageInBothLanguagesAndAStatus) {
  for (Problem p : {Problem::UnknownToken, Problem::NotFound, Problem::TooMany, Problem::TooLarge,
                    Problem::BadRequest, Problem::Unavailable, Problem::Busy, Problem::RatingRefused,
                    Problem::StalePage}) {
    EXPECT_GE(httpStatusOf(p), 400);
    EXPECT_NE(problemPage(Lang::Zh, "大厅", p).find("<main"), std::string::npos);
    EXPECT_NE(problemPage(Lang::En, "Hall", p).find("lang=\"en\""), std::string::npos);
  }
  EXPECT_NE(problemPage(Lang::Zh, "大厅", Problem::UnknownToken).find("二维码只在取号当天有效"), std::string::npos);
}

TEST(RateLimiter, AnAddressGetsItsBurstThenWaitsForTokensAndOthersAreNotTouched) {
  RateLimiter limiter(60);  // one a second, a burst of 60
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(limiter.admit("10.0.0.1", t0)) << i;
  EXPECT_FALSE(limiter.admit("10.0.0.1", t0));
  EXPECT_TRUE(limiter.admit("10.0.0.2", t0));
  EXPECT_FALSE(limiter.admit("10.0.0.1", t0 + std::chrono::milliseconds(500)));
  EXPECT_TRUE(limiter.admit("10.0.0.1", t0 + std::chrono::milliseconds(1100)));
}

TEST(RateLimiter, AFloodOfAddressesKeepsTheTableBounded) {
  RateLimiter limiter(60, 100);
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 10000; ++i) limiter.admit("10.1." + std::to_string(i), t0);
  EXPECT_LE(limiter.addresses(), 100u);
}

}  // namespace
}  // namespace jiujin::web
