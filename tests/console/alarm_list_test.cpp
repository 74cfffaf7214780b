// The monitor's alarm list: copies of one alarm arrive by news, command results and
// snapshots in any order, and the list shows the newest state of each, newest alarm first.
#include <gtest/gtest.h>

#include "jiujin/console/alarm_list.hpp"
#include "jiujin/console/dispatcher_access.hpp"

namespace {

using jiujin::console::AlarmFamily;
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

TEST(AlarmList, PutsTheFollowUpToDoAboveANewerDeviceAlarm) {
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
  EXPECT_EQ(rows[0].value("alarmId").toLongLong(), 1);
  EXPECT_EQ(rows[0].value("followUp").toString(), QStringLiteral("open"));
  EXPECT_EQ(rows[0].value("window").toInt(), 1);
  EXPECT_EQ(rows[1].value("alarmId").toLongLong(), 2);
  EXPECT_EQ(rows[1].value("at").toString(), QStringLiteral("09:30:00"));
  EXPECT_EQ(rows[1].value("followUp").toString(), QString());
  EXPECT_EQ(rows[1].value("device").toString(), QStringLiteral("w1-pad"));
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

  // The open follow-up first, then the others newest first.
  const auto english = list.rows(kToday, true);
  ASSERT_EQ(english.size(), 3);
  EXPECT_TRUE(english[0].value("followUpOpen").toBool());
  EXPECT_FALSE(english[0].value("followUpClosed").toBool());
  EXPECT_EQ(english[0].value("shownText").toString(), QStringLiteral("window 1 was rated dissatisfied"));
  EXPECT_FALSE(english[1].value("followUpOpen").toBool());
  EXPECT_FALSE(english[1].value("followUpClosed").toBool());
  EXPECT_EQ(english[1].value("shownText").toString(), QStringLiteral("1号窗口收到“不满意”评价"));  // no English text
  EXPECT_FALSE(english[2].value("followUpOpen").toBool());
  EXPECT_TRUE(english[2].value("followUpClosed").toBool());

  const auto chinese = list.rows(kToday);
  EXPECT_EQ(chinese[0].value("shownText").toString(), QStringLiteral("1号窗口收到“不满意”评价"));
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
  EXPECT_EQ(rows[0].value("alarmId").toLongLong(), 2);  // its 回访 is still to do: on top
  EXPECT_EQ(rows[1].value("alarmId").toLongLong(), 3);
  EXPECT_EQ(rows[1].value("at").toString(), QStringLiteral("05-06 17:00"));
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

json deviceOffline(std::int64_t id, std::int64_t when, const std::string& device = "w2-pad") {
  return json{{"id", id},
              {"kind", "device_offline"},
              {"at", when},
              {"zh", "设备 " + device + " 离线：requests=1076 timeouts=778"},
              {"en", "device " + device + " is offline: requests=1076 timeouts=778"},
              {"device", device},
              {"window", 2},
              {"acknowledged", nullptr},
              {"follow_up", nullptr}};
}

json waitOverTarget(std::int64_t id, std::int64_t when, const std::string& queue = "general") {
  return json{{"id", id},     {"kind", "wait_over_target"}, {"at", when},
              {"zh", "等候超时"}, {"en", "waited too long"},   {"queue", queue},
              {"ticket", id}, {"acknowledged", nullptr},     {"follow_up", nullptr}};
}

TEST(AlarmList, ADeviceThatFlapsIsOneEpisodeWithEveryAlarmInItsDetails) {
  AlarmList list;
  for (int i = 0; i < 20; ++i) list.put(deviceOffline(10 + i, at(9, i)));
  list.put(deviceOffline(40, at(9, 30), "w3-pad"));
  const auto rows = list.rows(kToday, false, [](const json& newest, int count) {
    return QStringLiteral("%1 ×%2").arg(QString::fromStdString(newest["device"].get<std::string>())).arg(count);
  });
  ASSERT_EQ(rows.size(), 2);
  EXPECT_EQ(rows[0].value("title").toString(), QStringLiteral("w3-pad ×1"));
  EXPECT_EQ(rows[1].value("title").toString(), QStringLiteral("w2-pad ×20"));
  EXPECT_EQ(rows[1].value("count").toInt(), 20);
  EXPECT_EQ(rows[1].value("ids").toList().size(), 20);
  EXPECT_EQ(rows[1].value("alarmId").toLongLong(), 29);  // the newest
  EXPECT_EQ(rows[1].value("at").toString(), QStringLiteral("09:19:00"));
  EXPECT_EQ(rows[1].value("firstAt").toString(), QStringLiteral("09:00:00"));
  // The dispatcher's raw words are there on demand, newest first, the oldest summed up.
  const QStringList details = rows[1].value("details").toString().split(QLatin1Char('\n'));
  ASSERT_EQ(details.size(), 13);
  EXPECT_TRUE(details[0].startsWith(QStringLiteral("09:19:00")));
  EXPECT_TRUE(details[0].contains(QStringLiteral("timeouts=778")));
  EXPECT_TRUE(details[12].contains(QStringLiteral("8")));
}

TEST(AlarmList, AnAcknowledgedEpisodeIsApartFromTheFlapsThatCameAfterIt) {
  AlarmList list;
  json early = deviceOffline(1, at(8, 0));
  early["acknowledged"] = {{"at", at(8, 5)}, {"by", "m01"}};
  list.put(early);
  list.put(deviceOffline(2, at(10, 0)));
  list.put(deviceOffline(3, at(10, 5)));
  const auto rows = list.rows(kToday);
  ASSERT_EQ(rows.size(), 2);
  EXPECT_FALSE(rows[0].value("acknowledged").toBool());
  EXPECT_EQ(rows[0].value("count").toInt(), 2);
  EXPECT_TRUE(rows[1].value("acknowledged").toBool());
  EXPECT_EQ(rows[1].value("acknowledgedBy").toString(), QStringLiteral("m01"));
}

TEST(AlarmList, FollowUpsAndWaitingStayOnTopOfAFloodOfDeviceAlarms) {
  AlarmList list;
  list.put(badRating(1, at(8, 0)));
  list.put(waitOverTarget(2, at(8, 30)));
  list.put(waitOverTarget(3, at(8, 40)));
  for (int i = 0; i < 240; ++i) list.put(deviceOffline(100 + i, at(9, 0) + i * 1000, "w" + std::to_string(i % 12) + "-pad"));
  const auto rows = list.rows(kToday);
  ASSERT_EQ(rows.size(), 2 + 12);
  EXPECT_EQ(rows[0].value("kind").toString(), QStringLiteral("bad_rating"));
  EXPECT_EQ(rows[1].value("kind").toString(), QStringLiteral("wait_over_target"));
  EXPECT_EQ(rows[1].value("count").toInt(), 2);  // one queue: one episode
  EXPECT_EQ(rows[2].value("family").toString(), QStringLiteral("device"));
}

TEST(AlarmList, FiltersByFamilyAndListsWhatAcknowledgeAllWouldAcknowledge) {
  AlarmList list;
  list.put(badRating(1, at(8, 0)));
  list.put(waitOverTarget(2, at(8, 30)));
  list.put(deviceOffline(3, at(9, 0)));
  list.put(deviceOffline(4, at(9, 5), "w5-pad"));
  json acked = deviceOffline(5, at(7, 0));
  acked["acknowledged"] = {{"at", at(7, 1)}, {"by", "m01"}};
  list.put(acked);
  const auto devices = list.rows(kToday, false, {}, AlarmFamily::Device);
  ASSERT_EQ(devices.size(), 3);
  for (const auto& row : devices) EXPECT_EQ(row.value("family").toString(), QStringLiteral("device"));
  EXPECT_EQ(list.unacknowledgedIds(AlarmFamily::Device), (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(list.unacknowledged(AlarmFamily::Device), 2);
  EXPECT_EQ(list.unacknowledged(AlarmFamily::FollowUp), 1);
  EXPECT_EQ(list.unacknowledgedIds().size(), 4u);
  EXPECT_TRUE(jiujin::console::familyFromKey("waiting") == AlarmFamily::Waiting);
  EXPECT_FALSE(jiujin::console::familyFromKey("").has_value());
  EXPECT_TRUE(list.rows(kToday, false, {}, AlarmFamily::Case).isEmpty());
}

}  // namespace
