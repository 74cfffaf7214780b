// 预约 on the real dispatcher (docs/booking.md), on its test-only clock file so that the slots,
// the check-in window and the days pass exactly: book with a phone number, the slot's
// capacity and the per-phone limit, cancel, check in early / on time / late at the kiosk, a
// missed booking counting against the phone, walk-ins never refused, the phone number never
// stored, and a booking exactly once across a kill -9 between commit and reply.
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/raw_client.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono;
using namespace std::chrono_literals;

constexpr const char* kBookingToml = R"toml(
[booking]
advance_days = 7
per_phone_per_day = 2
early_minutes = 30
late_minutes = 15
no_show_limit = 1

[[booking.session]]
queue = "general"
days = ["working"]
time = "09:00-10:00"
slot_minutes = 30
capacity = 2
)toml";

/// 2026-12-07 is a Monday.
std::int64_t msAt(int day, int hour, int minute) {
  const auto t = sys_days{year{2026} / December / day} + hours{hour} + minutes{minute};
  return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

TestHallOptions bookingHall(const std::filesystem::path& clock) {
  TestHallOptions o;
  o.extraToml = kBookingToml;
  o.dispatcherArgs = {"--test-clock-file", clock.string()};
  return o;
}

/// Writes the clock whole, then renames it over the old one (the dispatcher never reads half).
void setClock(const std::filesystem::path& file, int day, int hour, int minute) {
  const auto temp = file.string() + ".new";
  std::ofstream(temp) << fmt::format("2026-12-{:02}T{:02}:{:02}:00\n", day, hour, minute);
  std::filesystem::rename(temp, file);
}

class DispatcherBooking : public ::testing::Test {
 protected:
  // The dispatcher takes its test clock only with this consent in its environment (docs/testing.md).
  static void SetUpTestSuite() { ::setenv("JIUJIN_TEST_CLOCK", "i-am-a-test", 1); }
  static void TearDownTestSuite() { ::unsetenv("JIUJIN_TEST_CLOCK"); }

  std::string codeOf(const client::Reply& reply) { return reply.ok ? "ok" : reply.error.code; }
  client::Reply book(const std::string& phone, std::int64_t start) {
    return web->request("book", {{"item", "T-0001"}, {"start", start}, {"phone", phone}});
  }
  /// A turn of the dispatcher after the clock moved: it reads the file at every turn.
  void tickTo(int day, int hour, int minute) {
    setClock(clock, day, hour, minute);
    ASSERT_TRUE(web->request("ping").ok);
  }

  /// Monday 2026-12-07 08:00 before the dispatcher starts.
  std::filesystem::path clock = [] {
    auto file = std::filesystem::temp_directory_path() /
                ("jiujin-booking-clock-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    setClock(file, 7, 8, 0);
    return file;
  }();
  RunningHall hall{bookingHall(clock)};
  std::unique_ptr<client::CommandChannel> web = hall.channel(hall.as("web"));
  std::unique_ptr<client::CommandChannel> kiosk = hall.channel(hall.as("kiosk"));
  std::unique_ptr<client::CommandChannel> manager = hall.channel(hall.as("manager"));

  ~DispatcherBooking() override { std::filesystem::remove(clock); }
};

TEST_F(DispatcherBooking, TheSlotsOfTheDaysAheadWithWhatIsLeft) {
  const auto slots = web->request("booking_slots", {{"item", "T-0001"}});
  ASSERT_EQ(outcomeOf(slots), "ok");
  EXPECT_EQ(slots.result["open"], true);
  const auto& days = slots.result["days"];
  ASSERT_FALSE(days.empty());
  EXPECT_EQ(days[0]["date"], "2026-12-07");
  ASSERT_EQ(days[0]["slots"].size(), 2u);
  EXPECT_EQ(days[0]["slots"][0]["from"], "09:00");
  EXPECT_EQ(days[0]["slots"][0]["start"], msAt(7, 9, 0));
  EXPECT_EQ(days[0]["slots"][0]["free"], 2);
  // Monday to Monday: the weekend has no working-day session.
  std::vector<std::string> dates;
  for (const auto& d : days) dates.push_back(d["date"]);
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11",
                                             "2026-12-14"}));
  ASSERT_EQ(outcomeOf(book("13800000001", msAt(7, 9, 0))), "ok");
  const auto after = web->request("booking_slots", {{"item", "T-0001"}, {"date", "2026-12-07"}});
  EXPECT_EQ(after.result["days"][0]["slots"][0]["free"], 1);
  EXPECT_EQ(after.result["days"].size(), 1u) << "one day asked for";
}

TEST_F(DispatcherBooking, CapacityThePhonesLimitAndAClearRefusalForEachMistake) {
  EXPECT_EQ(outcomeOf(book("13800000001", msAt(8, 9, 0))), "ok");
  EXPECT_EQ(outcomeOf(book("13800000002", msAt(8, 9, 0))), "ok");
  EXPECT_EQ(codeOf(book("13800000003", msAt(8, 9, 0))), "slot_full");
  EXPECT_EQ(outcomeOf(book("13800000001", msAt(8, 9, 30))), "ok");
  EXPECT_EQ(codeOf(book("13800000001", msAt(8, 9, 30))), "booking_limit") << "two a day per phone";
  EXPECT_EQ(outcomeOf(book("13800000001", msAt(9, 9, 30))), "ok") << "another day is another day";
  EXPECT_EQ(codeOf(book("13800000004", msAt(8, 9, 15))), "slot_unknown");
  EXPECT_EQ(codeOf(book("13800000004", msAt(12, 9, 0))), "slot_unknown") << "a Saturday";
  EXPECT_EQ(codeOf(book("13800000004", msAt(15, 9, 0))), "booking_closed") << "eight days ahead";
  EXPECT_EQ(codeOf(book("12345", msAt(8, 9, 30))), "invalid_argument");
  EXPECT_EQ(codeOf(book("23800000004", msAt(8, 9, 30))), "invalid_argument") << "not a mobile number";
  EXPECT_EQ(codeOf(web->request("book", {{"item", "NOPE"}, {"start", msAt(8, 9, 30)}, {"phone", "13800000004"}})),
            "not_found");
  EXPECT_EQ(codeOf(kiosk->request("book", {{"item", "T-0001"}, {"start", msAt(8, 9, 30)}, {"phone", "13800000004"}})),
            "forbidden") << "the kiosk checks in; it does not book";
}

TEST_F(DispatcherBooking, ThePhoneNumberIsNeverStoredNorShownButMaskedToTheManager) {
  const auto made = book("13912345678", msAt(8, 9, 0));
  ASSERT_EQ(outcomeOf(made), "ok");
  const auto& booking = made.result["booking"];
  EXPECT_FALSE(booking.contains("phone")) << "the phone's page gets no personal data";
  EXPECT_EQ(booking["code"].get<std::string>().size(), 8u);
  const auto list = manager->request("booking_list", {{"date", "2026-12-08"}});
  ASSERT_EQ(outcomeOf(list), "ok");
  ASSERT_EQ(list.result["bookings"].size(), 1u);
  EXPECT_EQ(list.result["bookings"][0]["phone"], "139****5678");
  EXPECT_EQ(codeOf(web->request("booking_list", json::object())), "forbidden");
  hall.dispatcher.reset();  // everything on disk
  for (const auto& file : std::filesystem::directory_iterator(hall.dir.path())) {
    std::ifstream in(file.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("13912345678"), std::string::npos) << file.path() << " holds the phone number";
  }
}

TEST_F(DispatcherBooking, CheckInTooEarlyThenOnTimeGivesATicketWithTheSlotOnce) {
  const auto made = book("13800000001", msAt(7, 9, 0));
  ASSERT_EQ(outcomeOf(made), "ok");
  const std::string code = made.result["booking"]["code"];
  const auto early = kiosk->request("check_in", {{"code", code}});
  EXPECT_EQ(codeOf(early), "too_early");
  EXPECT_NE(early.error.zh.find("08:30"), std::string::npos) << early.error.zh;
  tickTo(7, 8, 40);
  const auto in = kiosk->request("check_in", {{"code", code}});
  ASSERT_EQ(outcomeOf(in), "ok");
  EXPECT_EQ(in.result["ticket"]["channel"], "appointment");
  EXPECT_EQ(in.result["ticket"]["appointmentSlot"], msAt(7, 9, 0));
  EXPECT_EQ(in.result["late"], false);
  EXPECT_EQ(in.result["booking"]["state"], "checked_in");
  EXPECT_EQ(in.result["booking"]["ticket"], in.result["ticket"]["number"]);
  EXPECT_TRUE(in.result["token"].is_string()) << "the ticket's QR token, for the printed ticket";
  const auto again = kiosk->request("check_in", {{"code", code}});
  ASSERT_EQ(outcomeOf(again), "ok");
  EXPECT_EQ(again.result["repeated"], true);
  EXPECT_EQ(again.result["ticket"]["id"], in.result["ticket"]["id"]) << "a second scan, the same ticket";
  const auto state = manager->request("snapshot").result["state"];
  EXPECT_EQ(state["tickets"].size(), 1u);
  EXPECT_EQ(codeOf(web->request("cancel_booking", {{"code", code}})), "already_checked_in");
}

TEST_F(DispatcherBooking, ALateResidentGetsAnOrdinaryTicketAndAnotherDaysCodeIsRefused) {
  const auto today = book("13800000001", msAt(7, 9, 0));
  const auto tomorrow = book("13800000001", msAt(8, 9, 0));
  ASSERT_EQ(outcomeOf(today), "ok");
  ASSERT_EQ(outcomeOf(tomorrow), "ok");
  tickTo(7, 9, 16);
  const auto late = kiosk->request("check_in", {{"code", today.result["booking"]["code"]}});
  ASSERT_EQ(outcomeOf(late), "ok");
  EXPECT_EQ(late.result["late"], true);
  EXPECT_TRUE(late.result["ticket"]["appointmentSlot"].is_null()) << "the slot's priority is lost";
  EXPECT_EQ(late.result["ticket"]["channel"], "appointment");
  EXPECT_EQ(codeOf(kiosk->request("check_in", {{"code", tomorrow.result["booking"]["code"]}})), "other_day");
  EXPECT_EQ(codeOf(kiosk->request("check_in", {{"code", "00000000"}})), "not_found");
}

TEST_F(DispatcherBooking, ACancelledBookingFreesItsPlaceAndCannotBeCheckedIn) {
  const auto a = book("13800000001", msAt(7, 9, 0));
  ASSERT_EQ(outcomeOf(book("13800000002", msAt(7, 9, 0))), "ok");
  ASSERT_EQ(codeOf(book("13800000003", msAt(7, 9, 0))), "slot_full");
  const std::string code = a.result["booking"]["code"];
  const auto cancelled = web->request("cancel_booking", {{"code", code}});
  ASSERT_EQ(outcomeOf(cancelled), "ok");
  EXPECT_EQ(cancelled.result["booking"]["state"], "cancelled");
  EXPECT_EQ(codeOf(web->request("cancel_booking", {{"code", code}})), "cancelled");
  EXPECT_EQ(outcomeOf(book("13800000003", msAt(7, 9, 0))), "ok") << "the place is free again";
  tickTo(7, 8, 45);
  EXPECT_EQ(codeOf(kiosk->request("check_in", {{"code", code}})), "cancelled");
}

TEST_F(DispatcherBooking, WalkInsAreNeverRefusedBecauseOfBookings) {
  for (const auto& [phone, minute] : {std::pair{"13800000001", 0}, {"13800000002", 0}, {"13800000003", 30},
                                      {"13800000004", 30}})
    ASSERT_EQ(outcomeOf(book(phone, msAt(7, 9, minute))), "ok");
  tickTo(7, 9, 5);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}})), "ok");
}

TEST_F(DispatcherBooking, AMissedBookingCountsAgainstThePhoneTheNextDays) {
  const auto made = book("13800000001", msAt(7, 9, 0));
  ASSERT_EQ(outcomeOf(made), "ok");
  tickTo(8, 8, 0);
  const auto missed = web->request("booking", {{"code", made.result["booking"]["code"]}});
  ASSERT_EQ(outcomeOf(missed), "ok");
  EXPECT_EQ(missed.result["booking"]["state"], "missed");
  EXPECT_EQ(codeOf(book("13800000001", msAt(9, 9, 0))), "no_show_limit") << "no_show_limit = 1";
  EXPECT_EQ(outcomeOf(book("13800000002", msAt(9, 9, 0))), "ok");
}

TEST_F(DispatcherBooking, ABookingSurvivesAKillBetweenCommitAndReplyExactlyOnce) {
  const json body{{"item", "T-0001"}, {"start", msAt(8, 9, 0)}, {"phone", "13800000001"}};
  hall.hallOptions.dispatcherArgs.insert(hall.hallOptions.dispatcherArgs.end(), {"--fault-crash-before-reply", "book"});
  hall.restart();
  RawClient client(hall.context, hall.commands, "web", "phone-page");
  EXPECT_FALSE(client.ask("book-1", "book", body, 3s).has_value()) << "the fault should have stopped the reply";
  EXPECT_EQ(hall.dispatcher->waitForExit(10s), 128 + SIGKILL);
  hall.hallOptions.dispatcherArgs.resize(2);  // the clock file only
  hall.restart();
  const auto retried = client.ask("book-1", "book", body, 10s);
  ASSERT_TRUE(retried.has_value());
  const json reply = json::parse(*retried);
  ASSERT_EQ(reply.value("ok", false), true) << reply.dump();
  manager = hall.channel(hall.as("manager"));
  const auto list = manager->request("booking_list", {{"date", "2026-12-08"}});
  ASSERT_EQ(list.result["bookings"].size(), 1u) << "the retry must not book twice";
  EXPECT_EQ(list.result["bookings"][0]["code"], reply["result"]["booking"]["code"]);
}

TEST(DispatcherBookingOff, AHallWithoutSessionsSaysItTakesNoBookings) {
  RunningHall hall;
  auto web = hall.channel(hall.as("web"));
  const auto slots = web->request("booking_slots", {{"item", "T-0001"}});
  ASSERT_EQ(outcomeOf(slots), "ok");
  EXPECT_EQ(slots.result["open"], false);
  EXPECT_TRUE(slots.result["days"].empty());
  const auto refused = web->request("book", {{"item", "T-0001"}, {"start", msAt(8, 9, 0)}, {"phone", "13800000001"}});
  EXPECT_FALSE(refused.ok);
  EXPECT_EQ(refused.error.code, "booking_closed");
}

}  // namespace
}  // namespace jiujin::testing
