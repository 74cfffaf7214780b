// Many commands, one transaction each group, each answered only after its commit.
#include <thread>

#include <gtest/gtest.h>

#include "jiujin/store/group_committer.hpp"
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

TEST(GroupCommit, ConcurrentSubmittersShareCommitsAndEveryAnswerIsDurable) {
  TempFolder dir;
  constexpr int kThreads = 8;
  constexpr int kEach = 40;
  const Date day = 2024y / 3 / 15;
  std::uint64_t commits = 0;
  {
    auto store = HallStore::open(dir / "hall.db");
    ASSERT_TRUE(store.ok());
    Hall hall = std::move(store.value()->recover(townshipHall()).value().hall);
    GroupCommitter committer(*store.value(), hall);
    ASSERT_TRUE(committer.submit(cmd::OpenDay{day}, morning(day, 0)).get().ok());

    std::vector<std::thread> kiosks;
    std::vector<std::vector<std::future<GroupCommitter::Outcome>>> answers(kThreads);
    for (int k = 0; k < kThreads; ++k) {
      kiosks.emplace_back([&, k] {
        for (int i = 0; i < kEach; ++i) {
          answers[k].push_back(committer.submit(
              cmd::IssueTicket{"GAOLING", Channel::Kiosk, PriorityClass::Normal, std::nullopt,
                               "kiosk-" + std::to_string(k) + ":" + std::to_string(i)},
              morning(day, 1)));
        }
      });
    }
    for (auto& t : kiosks) t.join();
    for (auto& perKiosk : answers) {
      for (auto& answer : perKiosk) {
        auto outcome = answer.get();
        ASSERT_TRUE(outcome.ok()) << outcome.error().message;
        ASSERT_TRUE(outcome.value().ok()) << outcome.value().error().en;
        EXPECT_EQ(outcome.value().value().size(), 1u);
      }
    }
    commits = committer.commits();
  }
  EXPECT_LE(commits, 1u + kThreads * kEach);

  auto store = HallStore::open(dir / "hall.db");
  ASSERT_TRUE(store.ok());
  auto recovered = store.value()->recover(townshipHall());
  ASSERT_TRUE(recovered.ok());
  const auto& hall = recovered.value().hall;
  EXPECT_EQ(hall.state().tickets.size(), static_cast<std::size_t>(kThreads * kEach));
  std::set<std::string> numbers;
  for (const auto& [id, t] : hall.state().tickets) numbers.insert(t.number);
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * kEach)) << "a number was given twice";
  for (int k = 0; k < kThreads; ++k) {
    for (int i = 0; i < kEach; ++i) {
      EXPECT_TRUE(hall.ticketByRequestKey("kiosk-" + std::to_string(k) + ":" + std::to_string(i)));
    }
  }
}

}  // namespace
}  // namespace jiujin::store
