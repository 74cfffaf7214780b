// The monitor's 预约 tab (BookingList) against the real dispatcher on its test clock
// (docs/booking.md): residents book on the phone (role web), check in at the kiosk, cancel;
// the monitor's list follows the dispatcher's booking news — its slow tick is stopped, so
// only the news can move it — in slot order, with the state in words and the day's counts.
// A hall without [booking] says so.
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "console_against_dispatcher.hpp"
#include "jiujin/client/request.hpp"
#include "support/running_hall.hpp"

namespace jiujin::console::test {
namespace {

using namespace std::chrono;
namespace requests = client::requests;

constexpr const char* kBookingToml = R"toml(
[booking]
advance_days = 7
early_minutes = 30
late_minutes = 15

[[booking.session]]
queue = "general"
days = ["working"]
time = "09:00-10:00"
slot_minutes = 30
capacity = 2
)toml";

/// 2026-12-07 (a Monday) at hour:minute, hall wall time.
core::TimePoint at(int hour, int minute) {
  return core::TimePoint(duration_cast<core::Milliseconds>(
      (sys_days{year{2026} / December / 7} + hours{hour} + minutes{minute}).time_since_epoch()));
}

/// Writes the dispatcher's test clock whole, then renames it over the old one.
void setClock(const std::filesystem::path& file, int hour, int minute) {
  const auto temp = file.string() + ".new";
  std::ofstream(temp) << fmt::format("2026-12-07T{:02}:{:02}:00\n", hour, minute);
  std::filesystem::rename(temp, file);
}

jiujin::testing::TestHallOptions bookingHall(const std::filesystem::path& clock) {
  jiujin::testing::TestHallOptions o;
  o.extraToml = kBookingToml;
  o.dispatcherArgs = {"--test-clock-file", clock.string()};
  return o;
}

class MonitorBookings : public ::testing::Test {
 protected:
  // The dispatcher takes its test clock only with this consent in its environment (docs/testing.md).
  static void SetUpTestSuite() { ::setenv("JIUJIN_TEST_CLOCK", "i-am-a-test", 1); }
  static void TearDownTestSuite() { ::unsetenv("JIUJIN_TEST_CLOCK"); }

  void SetUp() override {
    monitor_.setTicking(false);  // no 60-second fallback: the news alone must bring the changes
    console::followLink(monitor_, link_);
    link_.start();
    ASSERT_TRUE(waitFor([&] { return monitor_.online() && list().loaded(); }));
  }
  void TearDown() override { link_.stop(); }
  ~MonitorBookings() override { std::filesystem::remove(clock_); }

  BookingList& list() { return *monitor_.bookings(); }
  QString field(int row, const char* name) { return list().rows()->field(row, QString::fromLatin1(name)).toString(); }

  std::string book(core::TimePoint start, const std::string& phone) {
    const auto reply = web_->request(requests::book("T-0001", start, phone));
    EXPECT_TRUE(reply.ok) << jiujin::testing::outcomeOf(reply);
    return reply.ok ? reply.result["booking"]["code"].get<std::string>() : std::string();
  }
  /// Moves the dispatcher's clock and lets it take a turn (it reads the file at every turn).
  void tickTo(int hour, int minute) {
    setClock(clock_, hour, minute);
    ASSERT_TRUE(web_->request("ping").ok);
  }
  int rowOf(const std::string& code) {
    for (int r = 0; r < list().rows()->rowCount(); ++r)
      if (field(r, "code") == QString::fromStdString(code)) return r;
    return -1;
  }

  /// Monday 2026-12-07 08:00 before the dispatcher starts.
  std::filesystem::path clock_ = [] {
    auto file = std::filesystem::temp_directory_path() /
                ("jiujin-monitor-booking-clock-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    setClock(file, 8, 0);
    return file;
  }();
  jiujin::testing::RunningHall hall_{bookingHall(clock_)};
  std::unique_ptr<client::CommandChannel> web_ = hall_.channel(hall_.as("web"));
  std::unique_ptr<client::CommandChannel> kiosk_ = hall_.channel(hall_.as("kiosk"));
  clientqt::HallLink link_{hall_.as("manager")};
  HallMonitor monitor_{console::sendThrough(link_), {}};
};

TEST_F(MonitorBookings, TodaysBookingsFollowTheNewsInSlotOrderWithTheirStatesAndCounts) {
  // A hall that takes bookings, none yet today.
  EXPECT_TRUE(list().open());
  EXPECT_EQ(list().rows()->rowCount(), 0);
  EXPECT_EQ(list().emptyText(), QStringLiteral("今天还没有预约"));
  EXPECT_EQ(list().date(), QStringLiteral("2026-12-07")) << "the dispatcher's today";

  // Booked on the phone, the later slot first: the list is in slot order.
  const std::string late = book(at(9, 30), "13900001111");
  const std::string cancelled = book(at(9, 30), "13700002222");
  const std::string onTime = book(at(9, 0), "13812345678");
  ASSERT_TRUE(waitFor([&] { return list().rows()->rowCount() == 3; })) << list().rows()->rowCount();
  EXPECT_EQ(field(0, "code"), QString::fromStdString(onTime));
  EXPECT_EQ(field(0, "time"), QStringLiteral("09:00–09:30"));
  EXPECT_EQ(field(0, "itemName"), QStringLiteral("生育服务登记"));
  EXPECT_EQ(field(0, "stateText"), QStringLiteral("已预约"));
  EXPECT_EQ(field(0, "phone"), QStringLiteral("138****5678")) << "masked, as the dispatcher keeps it";
  EXPECT_EQ(field(1, "time"), QStringLiteral("09:30–10:00"));
  EXPECT_TRUE(list().emptyText().isEmpty());
  EXPECT_EQ(list().summary(), QStringLiteral("预约 3 · 已签到 0 · 未到 0 · 已取消 0"));

  // Checked in at the kiosk within the slot's window: the ticket's number on the row.
  tickTo(8, 45);
  const auto in = kiosk_->request(requests::checkIn(onTime));
  ASSERT_TRUE(in.ok) << jiujin::testing::outcomeOf(in);
  const QString ticket = QString::fromStdString(in.result["ticket"]["number"].get<std::string>());
  ASSERT_TRUE(waitFor([&] { return list().checkedIn() == 1; }));
  EXPECT_EQ(field(rowOf(onTime), "stateText"), QStringLiteral("已签到 %1").arg(ticket));
  EXPECT_EQ(field(rowOf(onTime), "state"), QStringLiteral("checked_in"));

  // Cancelled on the phone.
  ASSERT_TRUE(web_->request(requests::cancelBooking(cancelled)).ok);
  ASSERT_TRUE(waitFor([&] { return list().cancelled() == 1; }));
  EXPECT_EQ(field(rowOf(cancelled), "stateText"), QStringLiteral("已取消"));

  // Past the 09:30 slot's late limit (15 minutes): an ordinary ticket, the row says 迟到.
  tickTo(9, 50);
  const auto lateIn = kiosk_->request(requests::checkIn(late));
  ASSERT_TRUE(lateIn.ok) << jiujin::testing::outcomeOf(lateIn);
  ASSERT_TRUE(waitFor([&] { return list().checkedIn() == 2; }));
  const QString lateTicket = QString::fromStdString(lateIn.result["ticket"]["number"].get<std::string>());
  EXPECT_EQ(field(rowOf(late), "stateText"), QStringLiteral("已签到 %1 · 迟到").arg(lateTicket));
  EXPECT_TRUE(list().rows()->field(rowOf(late), QStringLiteral("late")).toBool());
  EXPECT_EQ(list().summary(), QStringLiteral("预约 3 · 已签到 2 · 未到 0 · 已取消 1"));
}

TEST_F(ConsoleAgainstDispatcher, AHallWithoutBookingsSaysSoOnTheMonitor) {
  auto& list = *monitor_->bookings();
  ASSERT_TRUE(waitFor([&] { return list.loaded(); }));
  EXPECT_FALSE(list.open());
  EXPECT_EQ(list.rows()->rowCount(), 0);
  EXPECT_EQ(list.emptyText(), QStringLiteral("本大厅未开通预约"));
}

}  // namespace
}  // namespace jiujin::console::test
