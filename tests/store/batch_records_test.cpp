// A batch's audit rows and replies are written in the same transaction as its events: all of
// them are durable together, or none is.
#include <gtest/gtest.h>

#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

AuditRecord auditOf(const std::string& type, TimePoint at) {
  return AuditRecord{at, "kiosk-1", "kiosk", "", type, nlohmann::json{{"item", "GAOLING"}}, true, "ok"};
}

BatchRecords recordsFor(const std::string& requestId, TimePoint at) {
  BatchRecords r;
  r.at = at;
  r.audit.push_back(auditOf("issue_ticket", at));
  r.replies.push_back(StoredReply{"kiosk-1\n" + requestId, R"({"v":1,"id":")" + requestId + R"(","ok":true})"});
  return r;
}

TEST(BatchRecords, EventsAuditRowsAndRepliesOfABatchAreStoredTogether) {
  TempFolder dir;
  const Date day = 2024y / 3 / 15;
  {
    auto store = HallStore::open(dir / "hall.db");
    ASSERT_TRUE(store.ok());
    Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
    auto events = hall.execute(cmd::OpenDay{day}, morning(day, 0)).value();
    auto issued = hall.execute(cmd::IssueTicket{"GAOLING"}, morning(day, 1)).value();
    events.insert(events.end(), issued.begin(), issued.end());
    ASSERT_TRUE(store.value()->append(events, hall, recordsFor("r-1", morning(day, 1))).ok());
    // A batch of refusals only: no events, still one transaction for its rows.
    ASSERT_TRUE(store.value()->append({}, hall, recordsFor("r-2", morning(day, 2))).ok());
  }
  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  const auto rows = store.value()->audit().read(0, 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 2u);
  EXPECT_TRUE(store.value()->audit().verify().value().intact());
  const auto replies = store.value()->replies().recent(10);
  ASSERT_TRUE(replies.ok());
  ASSERT_EQ(replies.value().size(), 2u);
  EXPECT_EQ(replies.value()[0].key, "kiosk-1\nr-1");
  EXPECT_EQ(replies.value()[1].key, "kiosk-1\nr-2");
}

TEST(BatchRecords, AFailedBatchStoresNoneOfItsRowsAndTheChainGoesOnIntact) {
  TempFolder dir;
  const Date day = 2024y / 3 / 15;
  const auto path = dir / "hall.db";
  {
    auto store = HallStore::open(path);
    ASSERT_TRUE(store.ok());
    Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
    ASSERT_TRUE(store.value()->append(hall.execute(cmd::OpenDay{day}, morning(day, 0)).value(), hall,
                                      recordsFor("r-1", morning(day, 0)))
                    .ok());
  }
  StoreOptions options;
  options.maxSizeBytes = static_cast<std::int64_t>(std::filesystem::file_size(path)) + 2 * 4096;
  auto store = HallStore::open(path, options);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
  // Too big for the space left: the batch fails as on a full disk.
  HallDefinition big = hall.definition();
  for (int i = 0; i < 400; ++i) {
    ServiceItem item = big.items.front();
    item.code = "ITEM-" + std::to_string(i);
    item.materials.assign(20, "身份证原件及复印件（须本人签字确认）");
    big.items.push_back(item);
  }
  auto events = hall.execute(cmd::UpdateDefinition{big}, morning(day, 5)).value();
  ASSERT_FALSE(store.value()->append(events, hall, recordsFor("r-big", morning(day, 5))).ok());
  EXPECT_EQ(store.value()->audit().lastRow(), 1) << "the head goes back to the stored row";
  EXPECT_EQ(store.value()->replies().recent(10).value().size(), 1u);

  hall = std::move(store.value()->recover(townshipHall()).value().hall);
  auto small = hall.execute(cmd::BroadcastNotice{"系统恢复"}, morning(day, 6)).value();
  ASSERT_TRUE(store.value()->append(small, hall, recordsFor("r-3", morning(day, 6))).ok());
  const auto rows = store.value()->audit().read(0, 10).value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].row, 2);
  EXPECT_TRUE(store.value()->audit().verify().value().intact());
}

TEST(BatchRecords, ARetriedKeyKeepsItsFirstReply) {
  TempFolder dir;
  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
  BatchRecords first;
  first.replies.push_back(StoredReply{"c\n1", "first"});
  BatchRecords second;
  second.replies.push_back(StoredReply{"c\n1", "second"});
  ASSERT_TRUE(store.value()->append({}, hall, first).ok());
  ASSERT_TRUE(store.value()->append({}, hall, second).ok());
  const auto replies = store.value()->replies().recent(10).value();
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "first");
}

}  // namespace
}  // namespace jiujin::store
