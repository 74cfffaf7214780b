// The durable alarm record: ids, acknowledgements and 回访 follow-ups survive a reopen.
#include <gtest/gtest.h>

#include "jiujin/service/alarm_book.hpp"
#include "support/open_store.hpp"
#include "support/test_hall.hpp"

namespace jiujin::service {
namespace {

using namespace std::chrono_literals;

core::TimePoint at(int minutes) { return core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + std::chrono::minutes{minutes}; }

Alarm badRating(int minutes) {
  Alarm a{.kind = "bad_rating", .at = at(minutes), .zh = "3 号窗口收到不满意评价（A017），请回访",
          .en = "window 3 was rated dissatisfied (A017)"};
  a.ticket = 17;
  a.window = 3;
  a.followUp = FollowUp{};
  return a;
}

Alarm deviceOffline(int minutes) {
  Alarm a{.kind = "device_offline", .at = at(minutes), .zh = "设备 kp-3 离线", .en = "device kp-3 is offline"};
  a.device = "kp-3";
  return a;
}

/// The book over a hall database, and the batch its writes go into.
struct OpenBook {
  explicit OpenBook(const std::filesystem::path& file) : db(file), book(db.store()) {}
  AlarmBook* operator->() { return &book; }
  jiujin::testing::OpenStore db;
  AlarmBook book;
};

TEST(AlarmBook, GivesIncreasingIdsAndKeepsEveryFieldAcrossAReopen) {
  testing::TempDir dir;
  std::vector<Alarm> alarms{badRating(10), deviceOffline(11)};
  {
    OpenBook book(dir.path() / "hall.db");
    ASSERT_TRUE(book->record(alarms).ok());
    book.db.commit();
  }
  EXPECT_EQ(alarms[0].id, 1);
  EXPECT_EQ(alarms[1].id, 2);
  OpenBook book(dir.path() / "hall.db");
  const auto found = book->find(1);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value(), alarms[0]);
  EXPECT_EQ(book->find(2).value(), alarms[1]);
  EXPECT_EQ(book->find(3).error().code, "not_found");
}

TEST(AlarmBook, AcknowledgingTwiceKeepsTheFirstAcknowledgement) {
  testing::TempDir dir;
  OpenBook book(dir.path() / "hall.db");
  std::vector<Alarm> alarms{deviceOffline(0)};
  ASSERT_TRUE(book->record(alarms).ok());
  const auto first = book->acknowledge(1, at(5), "manager-1");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first.value().acknowledged.has_value());
  EXPECT_EQ(first.value().acknowledged->by, "manager-1");
  EXPECT_EQ(first.value().acknowledged->at, at(5));
  const auto second = book->acknowledge(1, at(9), "manager-2");
  EXPECT_EQ(second.value().acknowledged->by, "manager-1");
  EXPECT_EQ(second.value().acknowledged->at, at(5));
}

TEST(AlarmBook, FollowUpClosesOnceWithANoteAndAcknowledgesTheAlarm) {
  testing::TempDir dir;
  OpenBook book(dir.path() / "hall.db");
  std::vector<Alarm> alarms{badRating(0), deviceOffline(1)};
  ASSERT_TRUE(book->record(alarms).ok());

  EXPECT_EQ(book->closeFollowUp(1, "   ", at(30), "manager").error().code, "invalid_argument");
  EXPECT_EQ(book->closeFollowUp(1, std::string(501, 'x'), at(30), "manager").error().code, "invalid_argument");
  EXPECT_EQ(book->closeFollowUp(2, "没有回访", at(30), "manager").error().code, "invalid_argument");
  EXPECT_EQ(book->closeFollowUp(9, "没有这个告警", at(30), "manager").error().code, "not_found");
  EXPECT_FALSE(book->find(1).value().followUp->closed);

  const auto closed = book->closeFollowUp(1, "已电话回访，居民表示理解", at(30), "manager");
  ASSERT_TRUE(closed.ok());
  EXPECT_TRUE(closed.value().followUp->closed);
  EXPECT_EQ(closed.value().followUp->note, "已电话回访，居民表示理解");
  EXPECT_EQ(closed.value().followUp->closedAt, at(30));
  EXPECT_EQ(closed.value().followUp->closedBy, "manager");
  ASSERT_TRUE(closed.value().acknowledged.has_value());
  EXPECT_EQ(closed.value().acknowledged->at, at(30));

  EXPECT_EQ(book->closeFollowUp(1, "again", at(31), "manager").error().code, "illegal_transition");
}

TEST(AlarmBook, CurrentHoldsTodaysAlarmsAndOlderOnesStillOpen) {
  testing::TempDir dir;
  OpenBook book(dir.path() / "hall.db");
  const int yesterday = -24 * 60;
  std::vector<Alarm> alarms{deviceOffline(yesterday), deviceOffline(yesterday + 1), badRating(yesterday + 2),
                            badRating(yesterday + 3), deviceOffline(10)};
  ASSERT_TRUE(book->record(alarms).ok());
  ASSERT_TRUE(book->acknowledge(1, at(yesterday + 5), "m").ok());            // done yesterday
  ASSERT_TRUE(book->acknowledge(3, at(yesterday + 5), "m").ok());            // seen, follow-up still open
  ASSERT_TRUE(book->closeFollowUp(4, "已回访", at(yesterday + 6), "m").ok());  // done
  const auto current = book->current(at(0));
  ASSERT_TRUE(current.ok());
  std::vector<std::int64_t> ids;
  for (const auto& a : current.value()) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 3, 5}));
}

TEST(AlarmBook, AnAcknowledgementNotCommittedWithItsBatchIsNotKept) {
  testing::TempDir dir;
  {
    OpenBook book(dir.path() / "hall.db");
    std::vector<Alarm> alarms{deviceOffline(0)};
    ASSERT_TRUE(book->record(alarms).ok());
    book.db.commit();
    ASSERT_TRUE(book->acknowledge(1, at(5), "manager-1").ok());
    book.db.store().abandonBatch();  // the batch's commit failed
    EXPECT_FALSE(book->find(1).value().acknowledged.has_value());
  }
  OpenBook book(dir.path() / "hall.db");
  EXPECT_FALSE(book->find(1).value().acknowledged.has_value());
}

}  // namespace
}  // namespace jiujin::service
