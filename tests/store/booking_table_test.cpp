// The bookings table on a real database file: a booking written in a batch is there after the
// commit and after a reopen, gone with a rolled-back batch; the counts the booking rules need.
#include "jiujin/store/booking_table.hpp"

#include "store_fixtures.hpp"

namespace jiujin::testing {
namespace {

using namespace std::chrono;

TimePoint at(Date d, int hour, int minute) {
  return time_point_cast<Milliseconds>(sys_days{d}) + hours{hour} + minutes{minute};
}

Date plus(Date d, int n) { return Date{sys_days{d} + days{n}}; }

Booking booking(std::string code, TimePoint start, std::string phone, std::string item = "GAOLING") {
  Booking b;
  b.code = std::move(code);
  b.item = std::move(item);
  b.queue = "general";
  b.start = start;
  b.end = start + minutes{30};
  b.phoneDigest = std::move(phone);
  b.phoneMasked = "138****5678";
  b.madeAt = start - hours{20};
  return b;
}

class BookingTableTest : public ::testing::Test {
 protected:
  void SetUp() override { reopen(); }
  void reopen() {
    store.reset();
    auto opened = store::HallStore::open(dir / "hall.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store = std::move(opened).value();
  }
  /// Writes in a batch and commits it, as the service does.
  void commit(const std::function<void(store::BookingTable&)>& write) {
    ASSERT_TRUE(store->beginBatch().ok());
    write(store->bookings());
    core::Hall hall(townshipHall());
    ASSERT_TRUE(store->append({}, hall, store::BatchRecords{{}, {{"c\n1", "{}"}}, at(monday, 8, 0)}).ok());
  }

  TempFolder dir;
  std::unique_ptr<store::HallStore> store;
  const Date monday = 2026y / December / 7d;
};

TEST_F(BookingTableTest, ABookingCommittedIsReadBackWholeAfterAReopen) {
  const Booking b = booking("12345678", at(monday, 9, 0), "digest-a");
  commit([&](store::BookingTable& t) { ASSERT_TRUE(t.insert(b).ok()); });
  reopen();
  auto found = store->bookings().find("12345678");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found.value().has_value());
  EXPECT_EQ(*found.value(), b);
  EXPECT_FALSE(store->bookings().find("87654321").value().has_value());
}

TEST_F(BookingTableTest, ABookingOfAnAbandonedBatchIsGone) {
  ASSERT_TRUE(store->beginBatch().ok());
  ASSERT_TRUE(store->bookings().insert(booking("12345678", at(monday, 9, 0), "digest-a")).ok());
  store->abandonBatch();
  reopen();
  EXPECT_FALSE(store->bookings().find("12345678").value().has_value());
}

TEST_F(BookingTableTest, CancelAndCheckInChangeOnlyABookedOne) {
  commit([&](store::BookingTable& t) {
    ASSERT_TRUE(t.insert(booking("11111111", at(monday, 9, 0), "digest-a")).ok());
    ASSERT_TRUE(t.insert(booking("22222222", at(monday, 9, 0), "digest-b")).ok());
  });
  commit([&](store::BookingTable& t) {
    ASSERT_TRUE(t.cancel("11111111", at(monday, 8, 10)).ok());
    ASSERT_TRUE(t.checkIn("11111111", at(monday, 8, 40), 7, "A007", false).ok());  // cancelled: no change
    ASSERT_TRUE(t.checkIn("22222222", at(monday, 8, 45), 8, "A008", true).ok());
    ASSERT_TRUE(t.cancel("22222222", at(monday, 8, 50)).ok());  // checked in: no change
  });
  const auto one = *store->bookings().find("11111111").value();
  EXPECT_EQ(one.state, BookingState::Cancelled);
  EXPECT_EQ(one.cancelledAt, at(monday, 8, 10));
  EXPECT_FALSE(one.ticket.has_value());
  const auto two = *store->bookings().find("22222222").value();
  EXPECT_EQ(two.state, BookingState::CheckedIn);
  EXPECT_EQ(two.ticket, TicketId{8});
  EXPECT_EQ(two.ticketNumber, "A008");
  EXPECT_TRUE(two.lateCheckIn);
  EXPECT_FALSE(two.cancelledAt.has_value());
}

TEST_F(BookingTableTest, CountsLeaveCancelledBookingsOut) {
  commit([&](store::BookingTable& t) {
    ASSERT_TRUE(t.insert(booking("11111111", at(monday, 9, 0), "digest-a")).ok());
    ASSERT_TRUE(t.insert(booking("22222222", at(monday, 9, 0), "digest-a", "SHEBAO")).ok());
    ASSERT_TRUE(t.insert(booking("33333333", at(monday, 9, 0), "digest-b")).ok());
    ASSERT_TRUE(t.insert(booking("44444444", at(monday, 9, 30), "digest-b")).ok());
    ASSERT_TRUE(t.insert(booking("55555555", at(plus(monday, 1), 9, 0), "digest-a")).ok());
    ASSERT_TRUE(t.cancel("33333333", at(monday, 8, 0)).ok());
  });
  auto& t = store->bookings();
  EXPECT_EQ(t.countInSlot(at(monday, 9, 0), {"GAOLING"}).value(), 1);
  EXPECT_EQ(t.countInSlot(at(monday, 9, 0), {"GAOLING", "SHEBAO"}).value(), 2);
  EXPECT_EQ(t.countInSlot(at(monday, 9, 0), {}).value(), 0);
  EXPECT_EQ(t.countForPhone("digest-a", monday).value(), 2);
  EXPECT_EQ(t.countForPhone("digest-b", monday).value(), 1) << "the cancelled one is not held";
  const auto counts = t.countsOfDay(monday).value();
  EXPECT_EQ(counts.size(), 3u);
  EXPECT_EQ(t.ofDay(monday).value().size(), 4u) << "the manager sees the cancelled one too";
  EXPECT_EQ(t.ofDay(monday).value().front().start, at(monday, 9, 0));
  // Missed: booked and never checked in, on days before today.
  EXPECT_EQ(t.countMissed("digest-a", plus(monday, -30), plus(monday, 1)).value(), 2);
  EXPECT_EQ(t.countMissed("digest-a", plus(monday, -30), monday).value(), 0);
  EXPECT_EQ(t.countMissed("digest-b", plus(monday, -30), plus(monday, 1)).value(), 1);
}

}  // namespace
}  // namespace jiujin::testing
