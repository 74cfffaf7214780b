// The monitor's 预约 list (BookingList) against a dispatcher the test plays, answering when
// the test says: the states in words, the counts, a burst of news while an answer is awaited
// making one more request (not one each), nothing asked offline, a refusal in the
// interface's language. The real dispatcher: monitor_bookings_test.cpp.
#include "jiujin/console/booking_list.hpp"

#include <gtest/gtest.h>

namespace jiujin::console {
namespace {

using nlohmann::json;

json aBooking(const char* code, const char* from, const char* to, const char* state, json ticket, bool late) {
  return json{{"code", code}, {"item", "370199-GG-0005"}, {"item_name", "老年优待证办理"}, {"date", "2026-12-07"},
              {"from", from}, {"to", to},  {"state", state}, {"ticket", ticket}, {"late", late},
              {"phone", "138****5678"}};
}

class Bookings : public ::testing::Test {
 protected:
  BookingList list{[this](client::Request request, ReplyHandler done) {
    asked.push_back(request.type());
    waiting.push_back(std::move(done));
  }};
  std::vector<std::string> asked;
  std::vector<ReplyHandler> waiting;

  void answer(const json& result) {
    ASSERT_FALSE(waiting.empty());
    auto done = std::move(waiting.front());
    waiting.erase(waiting.begin());
    client::Reply reply;
    reply.ok = true;
    reply.result = result;
    done(reply);
  }
  static json dayOf(json bookings, json counts) {
    return json{{"date", "2026-12-07"}, {"bookings", std::move(bookings)}, {"counts", std::move(counts)}};
  }
};

TEST_F(Bookings, EachStateInWordsAndTheDaysCounts) {
  list.setHall(nullptr, true);
  list.reload();
  EXPECT_EQ(list.emptyText(), QStringLiteral("正在读取预约…"));
  answer(dayOf({aBooking("11111111", "09:00", "09:30", "checked_in", "A017", false),
                aBooking("22222222", "09:00", "09:30", "missed", nullptr, false),
                aBooking("33333333", "09:30", "10:00", "checked_in", "A021", true),
                aBooking("44444444", "10:00", "10:30", "cancelled", nullptr, false),
                aBooking("55555555", "10:30", "11:00", "booked", nullptr, false)},
               {{"checked_in", 2}, {"missed", 1}, {"cancelled", 1}, {"booked", 1}}));
  auto& rows = *list.rows();
  ASSERT_EQ(rows.rowCount(), 5);
  EXPECT_EQ(rows.field(0, "stateText").toString(), QStringLiteral("已签到 A017"));
  EXPECT_EQ(rows.field(1, "stateText").toString(), QStringLiteral("未到"));
  EXPECT_EQ(rows.field(2, "stateText").toString(), QStringLiteral("已签到 A021 · 迟到"));
  EXPECT_EQ(rows.field(3, "stateText").toString(), QStringLiteral("已取消"));
  EXPECT_EQ(rows.field(4, "stateText").toString(), QStringLiteral("已预约"));
  EXPECT_EQ(rows.field(4, "time").toString(), QStringLiteral("10:30–11:00"));
  EXPECT_EQ(list.summary(), QStringLiteral("预约 5 · 已签到 2 · 未到 1 · 已取消 1"));
  EXPECT_TRUE(list.open());
  EXPECT_TRUE(list.emptyText().isEmpty());
}

TEST_F(Bookings, NewsWhileAnAnswerIsAwaitedAskOnceMoreNotOnceEach) {
  list.setHall(nullptr, true);
  list.reload();
  list.bookingNews();
  list.bookingNews();
  list.bookingNews();
  EXPECT_EQ(asked.size(), 1u) << "one request in flight";
  answer(dayOf({aBooking("11111111", "09:00", "09:30", "booked", nullptr, false)}, {{"booked", 1}}));
  ASSERT_EQ(asked.size(), 2u) << "the news that came meanwhile: one more";
  answer(dayOf({aBooking("11111111", "09:00", "09:30", "checked_in", "A001", false)}, {{"checked_in", 1}}));
  EXPECT_EQ(asked.size(), 2u);
  EXPECT_EQ(list.checkedIn(), 1);
  EXPECT_EQ(asked.front(), "booking_list");
}

TEST_F(Bookings, NothingIsAskedOfflineAndARefusalIsSaidInTheInterfacesLanguage) {
  list.reload();
  EXPECT_TRUE(asked.empty());
  list.setHall(nullptr, true);
  list.setLanguage(true);
  list.reload();
  QStringList refused;
  QObject::connect(&list, &BookingList::refused, [&](const QString& reason) { refused << reason; });
  client::Reply reply;
  reply.error = {"forbidden", "无权限", "not allowed for this role", ""};
  waiting.front()(reply);
  EXPECT_EQ(refused, QStringList{QStringLiteral("not allowed for this role")});
  EXPECT_FALSE(list.loaded());
}

}  // namespace
}  // namespace jiujin::console
