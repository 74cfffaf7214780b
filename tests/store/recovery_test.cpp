// Recovery rebuilds exactly the hall that was stored: same state, same definition, same
// numbering, whatever the snapshot interval.
#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"
#include "store_fixtures.hpp"

namespace jiujin::store {
namespace {

using namespace jiujin::testing;

struct Stored {
  HallState state;
  HallDefinition definition;
  Seq lastSeq = 0;
};

/// Runs a closed day and a busy open day against a store at `path`, returns what the hall held.
Stored runTwoDays(const std::filesystem::path& path, const StoreOptions& options, std::set<std::size_t>* kinds) {
  auto store = HallStore::open(path, options);
  EXPECT_TRUE(store.ok()) << store.error().message;
  auto recovered = store.value()->recover(townshipHall());
  EXPECT_TRUE(recovered.ok()) << recovered.error().message;
  Hall hall = std::move(recovered.value().hall);
  HallDriver driver(hall, [&](const std::vector<Event>& events, const Hall& after) {
    auto appended = store.value()->append(events, after);
    ASSERT_TRUE(appended.ok()) << appended.error().message;
  });
  busyDay(driver, hall, 2024y / 3 / 14, true);
  busyDay(driver, hall, 2024y / 3 / 15, false);
  if (kinds != nullptr) *kinds = driver.kinds;
  for (const auto& r : driver.refusals) ADD_FAILURE() << "the scenario had a command refused: " << r;
  return Stored{hall.state(), hall.definition(), store.value()->lastSeq()};
}

class RecoveryWithSnapshotInterval : public ::testing::TestWithParam<int> {};

TEST_P(RecoveryWithSnapshotInterval, RebuiltHallIsIdenticalAfterEveryKindOfEvent) {
  TempFolder dir;
  StoreOptions options;
  options.snapshotEvery = GetParam();
  std::set<std::size_t> kinds;
  const Stored before = runTwoDays(dir / "hall.db", options, &kinds);
  EXPECT_EQ(kinds.size(), std::variant_size_v<Event>) << "the scenario must produce every kind of event";

  auto store = HallStore::open(dir / "hall.db", options);
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  EXPECT_EQ(recovered.value().lastSeq, before.lastSeq);
  EXPECT_EQ(recovered.value().hall.definition(), before.definition);
  EXPECT_EQ(recovered.value().hall.state(), before.state)
      << "before: " << protocol::toJson(before.state).dump() << "\nafter: "
      << protocol::toJson(recovered.value().hall.state()).dump();
}

INSTANTIATE_TEST_SUITE_P(Snapshots, RecoveryWithSnapshotInterval, ::testing::Values(1, 7, 1'000'000));

TEST(Recovery, NumberingContinuesAfterRecovery) {
  TempFolder dir;
  runTwoDays(dir / "hall.db", {}, nullptr);
  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok());
  Hall hall = std::move(recovered.value().hall);
  const TicketId expectedId = hall.state().nextTicketId;
  const Seq seqBefore = store.value()->lastSeq();

  auto issued = hall.execute(cmd::IssueTicket{"GAOLING"}, morning(2024y / 3 / 15, 120));
  ASSERT_TRUE(issued.ok()) << issued.error().en;
  auto first = store.value()->append(issued.value(), hall);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value(), seqBefore + 1);
  const auto& ticket = std::get<ev::TicketIssued>(issued.value().front()).ticket;
  EXPECT_EQ(ticket.id, expectedId);
  // The busy day issued A001…A00n; the next number is one past the highest.
  EXPECT_EQ(ticket.sequence, hall.state().lastSequence.at("general"));
  int highest = 0;
  for (const auto& [id, t] : hall.state().tickets) {
    if (t.queue == "general" && t.id != ticket.id) highest = std::max(highest, t.sequence);
  }
  EXPECT_EQ(ticket.sequence, highest + 1);
}

TEST(Recovery, TicketIssuedWithRequestKeyIsFoundAgainAfterRecovery) {
  TempFolder dir;
  runTwoDays(dir / "hall.db", {}, nullptr);
  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok());
  Hall hall = std::move(recovered.value().hall);
  const auto key = hall.ticketByRequestKey("kiosk-1:3");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(hall.state().tickets.at(*key).requestKey, "kiosk-1:3");
  // Issuing again under the same key gives nothing new.
  auto again = hall.execute(cmd::IssueTicket{"SHEBAO", Channel::Kiosk, PriorityClass::Elderly, std::nullopt, "kiosk-1:3"},
                            morning(2024y / 3 / 15, 200));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.value().empty());
}

TEST(Recovery, FreshDatabaseStartsFromTheGivenDefinitionWithNoDayOpen) {
  TempFolder dir;
  auto store = HallStore::open(dir / "new.db");
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok()) << recovered.error().message;
  EXPECT_EQ(recovered.value().lastSeq, 0);
  EXPECT_EQ(recovered.value().hall.definition(), townshipHall());
  EXPECT_EQ(recovered.value().hall.state(), Hall(townshipHall()).state());
}

}  // namespace
}  // namespace jiujin::store
