// The monitor's alarm list: copies of one alarm arrive by news, command results and
// snapshots in any order, and the list shows the newest state of each, newest alarm first.
#include <gtest/gtest.h>

#include "jiujin/console/alarm_list.hpp"
#include "jiujin/console/dispatcher_access.hpp"

namespace {

using jiujin::console::AlarmList;
using nlohmann::json;
namespace core = jiujin::core;

/// 2024-05-07 at hh:mm, hall-local, as the dispatcher writes times.
std::int64_t at(int hh, int mm, int day = 7) {
  return jiujin::console::hallTime(QDateTime(QDate(2024, 5, day), QTime(hh, mm)))
      .time_since_epoch()
      .count();
}

const core::Date kToday{std::chrono::year{2024}, std::chrono::month{5}, std::chrono::day{7}};

json badRating(std::int64_t id, std::int64_t when) {
  return json{{"id", id},
              {"kind", "bad_rating"},
              {"at", when},
              {"zh", "1号窗口收到“不满意”评价"},
              {"en", "window 1 was rated dissatisfied"},
              {"window", 1},
              {"acknowledged", nullptr},
              {"follow_up", {{"state", "open"}, {"note", ""}}}};
}

TEST(AlarmList, ShowsTheNewestAlarmFirstWithItsFollowUp) {
  AlarmList list;
  list.put(badRating(1, at(9, 0)));
  list.put(json{{"id", 2},
                {"kind", "device_offline"},
                {"at", at(9, 30)},
                {"zh", "设备 w1-pad 离线"},
                {"en", "w1-pad offline"},
                {"device", "w1-pad"},
                {"acknowledged", nullptr},
                {"follow_up", nullptr}});
  const auto rows = list.rows(kToday);
  ASSERT_EQ(rows.size(), 2);
  EXPECT_EQ(rows[0].value("alarmId").toLongLong(), 2);
  EXPECT_EQ(rows[0].value("at").toString(), QStringLiteral("09:30:00"));
  EXPECT_EQ(rows[0].value("followUp").toString(), QString());
  EXPECT_EQ(rows[0].value("device").toString(), QStringLiteral("w1-pad"));
  EXPECT_EQ(rows[1].value("followUp").toString(), QStringLiteral("open"));
  EXPECT_EQ(rows[1].value("window").toInt(), 1);
  EXPECT_EQ(list.unacknowledged(), 2);
  EXPECT_EQ(list.openFollowUps(), 1);
}

TEST(AlarmList, AnOlderCopyArrivingLateDoesNotUndoTheAcknowledgementOrTheClosedFollowUp) {
  AlarmList list;
  json done = badRating(1, at(9, 0));
  done["acknowledged"] = {{"at", at(9, 5)}, {"by", "monitor"}};
  done["follow_up"] = {{"state", "closed"},
                       {"note", "已电话回访"},
                       {"closed_at", at(9, 20)},
                       {"closed_by", "monitor"}};
  list.put(done);
  // A snapshot taken before both, answered after the news.
  list.putAll(json::array({badRating(1, at(9, 0))}));
  const auto rows = list.rows(kToday);
  ASSERT_EQ(rows.size(), 1);
  EXPECT_TRUE(rows[0].value("acknowledged").toBool());
  EXPECT_EQ(rows[0].value("acknowledgedBy").toString(), QStringLiteral("monitor"));
  EXPECT_EQ(rows[0].value("acknowledgedAt").toString(), QStringLiteral("09:05:00"));
  EXPECT_EQ(rows[0].value("followUp").toString(), QStringLiteral("closed"));
  EXPECT_EQ(rows[0].value("followUpNote").toString(), QStringLiteral("已电话回访"));
  EXPECT_EQ(list.unacknowledged(), 0);
  EXPECT_EQ(list.openFollowUps(), 0);
}

TEST(AlarmList, SaysWhetherAFollowUpIsOpenOrClosedAndShowsTheTextInTheChosenLanguage) {
  AlarmList list;
  json closed = badRating(1, at(9, 0));
  closed["follow_up"] = {{"state", "closed"}, {"note", "已电话回访"}};
  list.put(closed);
  list.put(badRating(2, at(9, 10)));
  json chineseOnly = badRating(3, at(9, 20));
  chineseOnly.erase("en");
  chineseOnly["follow_up"] = nullptr;
  list.put(chineseOnly);

  const auto english = list.rows(kToday, true);
  ASSERT_EQ(english.size(), 3);
  EXPECT_FALSE(english[0].value("followUpOpen").toBool());
  EXPECT_FALSE(english[0].value("followUpClosed").toBool());
  EXPECT_EQ(english[0].value("shownText").toString(), QStringLiteral("1号窗口收到“不满意”评价"));  // no English text
  EXPECT_TRUE(english[1].value("followUpOpen").toBool());
  EXPECT_FALSE(english[1].value("followUpClosed").toBool());
  EXPECT_EQ(english[1].value("shownText").toString(), QStringLiteral("window 1 was rated dissatisfied"));
  EXPECT_FALSE(english[2].value("followUpOpen").toBool());
  EXPECT_TRUE(english[2].value("followUpClosed").toBool());

  const auto chinese = list.rows(kToday);
  EXPECT_EQ(chinese[1].value("shownText").toString(), QStringLiteral("1号窗口收到“不满意”评价"));
}

TEST(AlarmList, ForgetsSettledAlarmsOfEarlierDaysButKeepsOutstandingOnes) {
  AlarmList list;
  json settled = badRating(1, at(16, 0, 6));
  settled["acknowledged"] = {{"at", at(16, 5, 6)}, {"by", "monitor"}};
  settled["follow_up"] = {{"state", "closed"}, {"note", "已回访"}};
  json stillOpen = badRating(2, at(16, 30, 6));
  stillOpen["acknowledged"] = {{"at", at(16, 35, 6)}, {"by", "monitor"}};
  json unacknowledged =
      json{{"id", 3},           {"kind", "paper_out"},     {"at", at(17, 0, 6)},  {"zh", "缺纸"},
           {"en", "paper out"}, {"acknowledged", nullptr}, {"follow_up", nullptr}};
  list.putAll(json::array({settled, stillOpen, unacknowledged}));
  list.forgetSettledBefore(kToday);
  const auto rows = list.rows(kToday);
  ASSERT_EQ(rows.size(), 2);
  EXPECT_EQ(rows[0].value("alarmId").toLongLong(), 3);
  EXPECT_EQ(rows[0].value("at").toString(), QStringLiteral("05-06 17:00"));
  EXPECT_EQ(rows[1].value("alarmId").toLongLong(), 2);
}

TEST(AlarmList, AnAlarmWithoutAnIdIsListedButCannotBeActedOn) {
  AlarmList list;
  list.put(json{{"kind", "paper_low"}, {"at", at(8, 0)}, {"zh", "纸将用完"}});
  list.put(json{{"kind", "paper_low"}, {"at", at(8, 1)}, {"zh", "纸将用完"}});
  const auto rows = list.rows(kToday);
  ASSERT_EQ(rows.size(), 2);
  EXPECT_FALSE(rows[0].value("actionable").toBool());
  EXPECT_FALSE(rows[0].value("acknowledged").toBool());
}

}  // namespace
