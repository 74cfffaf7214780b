// The statistics' reads (store::readPeriodHistory): the period's tickets with their first
// call, the attendance events, nothing from other days, a bad row named, and the journal
// read through its (day, type) index rather than scanned whole.
#include <gtest/gtest.h>

#include "jiujin/store/database.hpp"
#include "jiujin/store/period_history.hpp"
#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

const Date kFirstDay{2024y / 3 / 11};
Date dayAfter(int n) { return Date{std::chrono::sys_days{kFirstDay} + std::chrono::days{n}}; }

/// Day n: three tickets; the first is called, recalled and served at window 1, the second
/// transferred from window 2 to the tax queue (window 2 then pauses
/// and resumes), the third waits.
void dayWithARecallAndATransfer(HallDriver& d, const Hall& hall, Date day) {
  int m = 0;
  auto t = [&] { return morning(day, m += 5); };
  d.run(cmd::OpenDay{day}, t());
  staffWindow(d, hall, 1, "张敏", t());
  staffWindow(d, hall, 2, "李强", t());
  for (int i = 0; i < 3; ++i) d.run(cmd::IssueTicket{"GAOLING"}, t());
  d.run(cmd::CallNext{1}, t());
  d.run(cmd::Recall{1}, t());
  d.run(cmd::StartService{1}, t());
  d.run(cmd::Complete{1}, t());
  d.run(cmd::CallNext{2}, t());
  d.run(cmd::StartService{2}, t());
  d.run(cmd::Transfer{2, QueueId{"tax"}, ""}, t());
  d.run(cmd::PauseWindow{2, "午休"}, t());
  d.run(cmd::ResumeWindow{2}, t());
  d.run(cmd::CloseDay{}, t());
}

class PeriodHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = HallStore::open(dir / "hall.db");
    ASSERT_TRUE(store.ok());
    Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
    HallDriver d(hall, [&](const std::vector<Event>& e, const Hall& h) { ASSERT_TRUE(store.value()->append(e, h).ok()); });
    for (int i = 0; i < 3; ++i) dayWithARecallAndATransfer(d, hall, dayAfter(i));
    for (const auto& r : d.refusals) ADD_FAILURE() << r;
  }
  Database open() {
    auto db = Database::open(dir / "hall.db", Database::Mode::OpenExisting);
    EXPECT_TRUE(db.ok());
    return std::move(db).value();
  }
  TempFolder dir;
};

TEST_F(PeriodHistoryTest, ADayHoldsItsOwnTicketsWithTheirFirstCallAndTheParentsArrival) {
  Database db = open();
  auto read = readPeriodHistory(db, dayAfter(1), dayAfter(1));
  ASSERT_TRUE(read.ok()) << read.error().message;
  const auto& tickets = read.value().tickets;
  ASSERT_EQ(tickets.size(), 4u) << "three issued and the transferred child, that day only";
  for (const auto& t : tickets) EXPECT_EQ(dateOf(t.issuedAt), dayAfter(1)) << t.number;

  const Ticket& recalled = tickets[0];
  EXPECT_EQ(recalled.recalls, 1);
  EXPECT_EQ(recalled.state, TicketState::Completed);
  ASSERT_EQ(recalled.history.size(), 1u);
  EXPECT_EQ(recalled.history[0].state, TicketState::Called);
  EXPECT_LT(recalled.history[0].at, *recalled.calledAt) << "the first call, not the recall the report row keeps";

  const Ticket& child = tickets[3];
  ASSERT_TRUE(child.transferredFrom.has_value());
  EXPECT_EQ(*child.transferredFrom, tickets[1].id);
  EXPECT_EQ(child.arrivalAt, tickets[1].arrivalAt) << "a transferred ticket arrived with its parent";
  EXPECT_NE(child.issuedAt, child.arrivalAt);
  EXPECT_TRUE(tickets[2].history.empty()) << "never called";
}

TEST_F(PeriodHistoryTest, AttendanceEventsOfThePeriodInJournalOrder) {
  Database db = open();
  auto read = readPeriodHistory(db, dayAfter(0), dayAfter(1));
  ASSERT_TRUE(read.ok()) << read.error().message;
  const auto& events = read.value().attendance;
  int opened = 0, closed = 0, paused = 0;
  for (const auto& e : events) {
    opened += std::holds_alternative<ev::DayOpened>(e);
    closed += std::holds_alternative<ev::DayClosed>(e);
    paused += std::holds_alternative<ev::WindowPaused>(e);
    EXPECT_FALSE(std::holds_alternative<ev::TicketIssued>(e)) << "only what moves attendance";
  }
  EXPECT_EQ(opened, 2);
  EXPECT_EQ(closed, 2);
  EXPECT_EQ(paused, 2);
  EXPECT_TRUE(std::is_sorted(events.begin(), events.end(),
                             [](const Event& a, const Event& b) { return timeOf(a) < timeOf(b); }));
  EXPECT_EQ(read.value().lastEvent, timeOf(events.back()));
  EXPECT_EQ(readPeriodHistory(db, dayAfter(1), dayAfter(1)).value().tickets.size(), 4u);
  EXPECT_EQ(read.value().tickets.size(), 8u);
}

TEST_F(PeriodHistoryTest, AnUnreadableJournalRowIsAnErrorNamingIt) {
  Database db = open();
  ASSERT_TRUE(db.exec("UPDATE journal SET payload = '{\"not\":\"an event\"}' WHERE seq = "
                      "(SELECT min(seq) FROM journal WHERE type = 'window.paused' AND day = '2024-03-12')")
                  .ok());
  auto read = readPeriodHistory(db, dayAfter(1), dayAfter(1));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, StoreErrorCode::BadData);
  EXPECT_NE(read.error().message.find("journal row"), std::string::npos) << read.error().message;
  EXPECT_TRUE(readPeriodHistory(db, dayAfter(2), dayAfter(2)).ok()) << "other days still read";
}

/// SQLite's plan for a statement, one line per step.
std::string planOf(Database& db, const std::string& sql) {
  auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
  EXPECT_TRUE(plan.ok());
  std::string text;
  while (plan.ok() && plan.value().step().value()) text += plan.value().text(3) + "\n";
  return text;
}

TEST_F(PeriodHistoryTest, TheJournalIsReadByDayAndTypeNotScannedWhole) {
  Database db = open();
  EXPECT_EQ(db.queryInteger("PRAGMA user_version").value(), HallStore::schemaVersion());
  for (const std::string where : {"day BETWEEN '2024-03-12' AND '2024-03-12' AND type = 'ticket.called'",
                                  "day BETWEEN '2024-03-12' AND '2024-03-12' AND type IN ('day.opened', 'window.paused')"}) {
    const std::string plan = planOf(db, "SELECT seq FROM journal WHERE " + where);
    EXPECT_NE(plan.find("journal_by_day_type"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("SCAN journal"), std::string::npos) << plan;
  }
}

}  // namespace
}  // namespace jiujin::store
