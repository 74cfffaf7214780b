// kill -9 at random moments under a stream of commands: whatever was acknowledged is there
// after the restart, numbers never repeat, and numbering goes on.
// JIUJIN_LONG_TESTS=1 runs 200 kills instead of 20.
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;

int rankOf(const std::string& state) {
  static const std::map<std::string, int> ranks{{"waiting", 0}, {"called", 1}, {"serving", 2}, {"completed", 3}};
  const auto it = ranks.find(state);
  return it == ranks.end() ? -1 : it->second;
}

/// What the dispatcher acknowledged: ticket id → furthest state confirmed.
struct Acknowledged {
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::uint64_t, int> rank;
  std::map<std::uint64_t, std::string> number;
  int replies = 0;
  int workersDone = 0;

  void workerDone() {
    std::lock_guard lock(mutex);
    ++workersDone;
    changed.notify_all();
  }

  void record(const client::Reply& reply) {
    std::lock_guard lock(mutex);
    ++replies;
    changed.notify_all();
    if (!reply.ok || !reply.result.contains("ticket")) return;
    const json& ticket = reply.result["ticket"];
    const auto id = ticket["id"].get<std::uint64_t>();
    rank[id] = std::max(rank.count(id) ? rank[id] : -1, rankOf(ticket["state"].get<std::string>()));
    number[id] = ticket["number"].get<std::string>();
  }
};

/// Issues tickets and serves them at window 1 until the dispatcher stops answering.
void driveHall(RunningHall& hall, Acknowledged& acked, int worker, int iteration) {
  auto options = hall.as("manager");
  // Short: after the kill the last request waits this long for nothing.
  options.requestTimeout = std::chrono::milliseconds(600);
  options.attempts = 1;
  auto channel = hall.channel(options);
  for (int i = 0;; ++i) {
    client::Reply reply;
    if (worker == 0 || i % 3 != 0) {
      reply = channel->request("issue_ticket", {{"item", i % 2 ? "T-0001" : "T-0003"},
                                                {"requestKey", fmt::format("w{}-{}-{}", worker, iteration, i)}});
    } else {
      static const char* steps[] = {"call_next", "start_service", "complete"};
      reply = channel->request(steps[(i / 3) % 3], {{"window", 1}});
    }
    if (!reply.ok && reply.error.code == "timeout") return acked.workerDone();
    acked.record(reply);
  }
}

TEST(DispatcherCrash, KillNineAtRandomMomentsLosesNothingAcknowledged) {
  const bool longRun = std::getenv("JIUJIN_LONG_TESTS") != nullptr;
  const int kills = longRun ? 200 : 20;
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE(fmt::format("seed {}", seed));
  std::mt19937 random(seed);

  RunningHall hall;
  {
    auto manager = hall.channel(hall.as("manager"));
    ASSERT_EQ(outcomeOf(manager->request("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", "1234"}})), "ok");
    ASSERT_EQ(outcomeOf(manager->request("open_window", {{"window", 1}})), "ok");
  }
  Acknowledged acked;
  int maxSequenceSeen = 0;
  for (int kill = 0; kill < kills; ++kill) {
    const int killAfter = std::uniform_int_distribution<int>(1, 25)(random);
    int before = 0;
    {
      std::lock_guard lock(acked.mutex);
      before = acked.replies;
      acked.workersDone = 0;
    }
    std::thread a([&] { driveHall(hall, acked, 0, kill); });
    std::thread b([&] { driveHall(hall, acked, 1, kill); });
    {
      std::unique_lock lock(acked.mutex);
      acked.changed.wait_for(lock, std::chrono::seconds(20), [&] {
        return acked.replies >= before + killAfter || acked.workersDone == 2;
      });
    }
    hall.dispatcher->kill9();
    a.join();
    b.join();
    hall.restart();

    auto reader = hall.channel(hall.as("display"));
    const auto snapshot = reader->request("snapshot", json::object());
    ASSERT_EQ(outcomeOf(snapshot), "ok");
    std::map<std::uint64_t, json> tickets;
    std::set<std::string> numbers;
    for (const auto& [key, t] : snapshot.result["state"]["tickets"].items()) {
      const auto id = t["id"].get<std::uint64_t>();
      tickets[id] = t;
      EXPECT_TRUE(numbers.insert(t["number"].get<std::string>()).second) << "number repeated: " << t["number"];
      maxSequenceSeen = std::max(maxSequenceSeen, t["sequence"].get<int>());
    }
    std::lock_guard lock(acked.mutex);
    for (const auto& [id, rank] : acked.rank) {
      const auto found = tickets.find(id);
      ASSERT_NE(found, tickets.end()) << "acknowledged ticket " << acked.number[id] << " lost after kill " << kill;
      EXPECT_EQ(found->second["number"], acked.number[id]);
      EXPECT_GE(rankOf(found->second["state"].get<std::string>()), rank)
          << "ticket " << acked.number[id] << " went back after kill " << kill;
    }
  }
  // Numbering continues after the last restart.
  auto kiosk = hall.channel(hall.as("kiosk"));
  const auto next = kiosk->request("issue_ticket", {{"item", "T-0001"}});
  ASSERT_EQ(outcomeOf(next), "ok");
  EXPECT_GT(next.result["ticket"]["sequence"].get<int>(), 0);
  std::lock_guard lock(acked.mutex);
  for (const auto& [id, number] : acked.number) EXPECT_NE(number, next.result["ticket"]["number"]);
  EXPECT_GT(acked.rank.size(), static_cast<std::size_t>(kills));
}

}  // namespace
}  // namespace jiujin::testing
