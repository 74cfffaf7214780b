// History is kept for reports for the configured days, and a day exports as CSV.
#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "jiujin/store/database.hpp"
#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

/// One short day: two tickets issued, one served and rated at window 1.
void shortDay(HallDriver& d, const Hall& hall, Date day) {
  int m = 0;
  auto t = [&] { return morning(day, ++m); };
  d.run(cmd::OpenDay{day}, t());
  staffWindow(d, hall, 1, "张敏", t());
  d.run(cmd::IssueTicket{"GAOLING"}, t());
  d.run(cmd::IssueTicket{"GAOLING"}, t());
  d.run(cmd::CallNext{1}, t());
  d.run(cmd::StartService{1}, t());
  d.run(cmd::Complete{1}, t());
  d.run(cmd::RequestEvaluation{1}, t());
  d.run(cmd::Evaluate{1, Rating::Satisfied}, t());
  d.run(cmd::CloseDay{}, t());
}

std::int64_t count(const std::filesystem::path& path, const std::string& sql) {
  auto db = Database::open(path, Database::Mode::OpenExisting);
  EXPECT_TRUE(db.ok());
  auto n = db.value().queryInteger(sql);
  EXPECT_TRUE(n.ok()) << n.error().message;
  return n.ok() ? n.value() : -1;
}

class HistoryFixture : public ::testing::Test {
 protected:
  void runDays(int retentionDays, int days) {
    StoreOptions options;
    options.retentionDays = retentionDays;
    auto store = HallStore::open(dir / "hall.db", options);
    ASSERT_TRUE(store.ok());
    Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
    HallDriver d(hall, [&](const std::vector<Event>& e, const Hall& h) {
      ASSERT_TRUE(store.value()->append(e, h).ok());
    });
    for (int i = 0; i < days; ++i) shortDay(d, hall, Date{std::chrono::sys_days{2024y / 3 / 11} + std::chrono::days{i}});
    for (const auto& r : d.refusals) ADD_FAILURE() << r;
    finalState = hall.state();
  }
  TempFolder dir;
  HallState finalState;
};

TEST_F(HistoryFixture, DaysOlderThanTheRetentionArePrunedAtDayOpen) {
  runDays(2, 5);  // 11th … 15th; the 15th's opening keeps the 13th and later
  const auto path = dir / "hall.db";
  EXPECT_EQ(count(path, "SELECT count(*) FROM journal WHERE day < '2024-03-13'"), 0);
  EXPECT_EQ(count(path, "SELECT count(*) FROM ticket WHERE day < '2024-03-13'"), 0);
  EXPECT_GT(count(path, "SELECT count(*) FROM journal WHERE day = '2024-03-13'"), 0);
  EXPECT_EQ(count(path, "SELECT count(*) FROM ticket WHERE day = '2024-03-14'"), 2);
  // Pruning never touches what recovery needs.
  auto store = HallStore::open(path);
  ASSERT_TRUE(store.ok());
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  EXPECT_EQ(recovered.value().hall.state(), finalState);
}

TEST_F(HistoryFixture, RetentionZeroKeepsEverything) {
  runDays(0, 3);
  EXPECT_EQ(count(dir / "hall.db", "SELECT count(DISTINCT day) FROM ticket"), 3);
}

TEST_F(HistoryFixture, TicketHistoryIsQueryableByDayItemQueueWindowAndClerk) {
  runDays(0, 2);
  const auto path = dir / "hall.db";
  EXPECT_EQ(count(path, "SELECT count(*) FROM ticket WHERE day = '2024-03-12' AND item = 'GAOLING' AND "
                        "queue = 'general' AND window_no = 1 AND clerk = '张敏' AND state = 'completed' "
                        "AND rating = 'satisfied'"),
            1);
  EXPECT_EQ(count(path, "SELECT count(*) FROM ticket WHERE day = '2024-03-12' AND state = 'expired'"), 1);
}

TEST_F(HistoryFixture, ExportedDayIsUtf8CsvWithBomAndOneRowPerTicketEvent) {
  runDays(0, 2);
  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  std::ostringstream out;
  ASSERT_TRUE(store.value()->exportDay(2024y / 3 / 12, out).ok());
  const std::string csv = out.str();
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  std::vector<std::string> lines;
  std::istringstream in(csv.substr(3));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].rfind("票号,事项编码,队列", 0), 0u);
  // A001: issued, called, started, completed, evaluation requested, evaluated; A002: issued (expired at close).
  EXPECT_EQ(lines.size(), 1u + 6u + 1u);
  EXPECT_EQ(lines[1].rfind("A001,GAOLING,general,normal,kiosk,completed,1,张敏,satisfied,2024-03-12 09:03:00", 0), 0u)
      << lines[1];
  EXPECT_NE(lines[1].find("ticket.issued"), std::string::npos);
  EXPECT_NE(lines.back().find("A002"), std::string::npos);
  EXPECT_NE(lines.back().find("expired"), std::string::npos);

  std::ostringstream empty;
  ASSERT_TRUE(store.value()->exportDay(2024y / 1 / 1, empty).ok());
  const std::string header = empty.str();
  EXPECT_EQ(std::count(header.begin(), header.end(), '\n'), 1);
}

}  // namespace
}  // namespace jiujin::store
