// Many commands, one transaction each group, each answered only after its commit.
#include <gtest/gtest.h>

#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

TEST(GroupCommit, ManyBatchesAppendGapFreeAndRecoverIdentically) {
  TempFolder dir;
  HallState before;
  {
    auto store = HallStore::open(dir / "hall.db");
    ASSERT_TRUE(store.ok());
    Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
    const Date day = 2024y / 3 / 15;
    std::vector<Event> batch = hall.execute(cmd::OpenDay{day}, morning(day, 0)).value();
    Seq expectedFirst = 1;
    for (int b = 0; b < 50; ++b) {
      // a group of ten commands, as the service collects them
      for (int i = 0; i < 10; ++i) {
        auto r = hall.execute(cmd::IssueTicket{i % 2 ? "SHEBAO" : "GAOLING"}, morning(day, b + 1));
        ASSERT_TRUE(r.ok()) << r.error().en;
        batch.insert(batch.end(), r.value().begin(), r.value().end());
      }
      auto first = store.value()->append(batch, hall);
      ASSERT_TRUE(first.ok()) << first.error().message;
      EXPECT_EQ(first.value(), expectedFirst);
      expectedFirst += static_cast<Seq>(batch.size());
      batch.clear();
    }
    EXPECT_EQ(store.value()->lastSeq(), 501);
    before = hall.state();
  }
  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  EXPECT_EQ(recovered.value().lastSeq, 501);
  EXPECT_EQ(recovered.value().hall.state(), before);
}

}  // namespace
}  // namespace jiujin::store
