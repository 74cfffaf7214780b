// Hundreds of clients at once: every request is answered, and every subscriber sees the
// event sequence without a gap.
#include <atomic>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <zmq_addon.hpp>

#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kThreads = 4;
constexpr int kClientsPerThread = 50;  // 200 clients
constexpr int kRounds = 4;             // 800 tickets

/// Subscribes to everything and records every journaled seq it receives.
class RawSubscriber {
 public:
  RawSubscriber(zmq::context_t& context, const std::string& endpoint) : socket_(context, zmq::socket_type::sub) {
    socket_.set(zmq::sockopt::rcvhwm, 100000);
    socket_.set(zmq::sockopt::linger, 0);
    socket_.set(zmq::sockopt::subscribe, "");
    socket_.connect(endpoint);
  }
  /// Receives for up to `bound`; returns the last heartbeat's seq seen, if any.
  void receiveFor(std::chrono::milliseconds bound) {
    const auto deadline = Clock::now() + bound;
    while (Clock::now() < deadline) {
      zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
      if (zmq::poll(&item, 1, std::chrono::milliseconds(20)) <= 0) continue;
      std::vector<zmq::message_t> frames;
      while (zmq::recv_multipart(socket_, std::back_inserter(frames), zmq::recv_flags::dontwait)) {
        const json m = json::parse(frames[1].to_string_view());
        if (frames[0].to_string_view() == "hb") heardHeartbeat = true;
        else if (m.contains("event")) seqs.push_back(m["seq"].get<std::uint64_t>());
        frames.clear();
      }
    }
  }
  bool heardHeartbeat = false;
  std::vector<std::uint64_t> seqs;

 private:
  zmq::socket_t socket_;
};

/// 50 DEALERs in one thread, each with one request in flight per round.
int issueFromManyClients(RunningHall& hall, int thread) {
  zmq::context_t& context = hall.context;
  std::vector<zmq::socket_t> clients;
  for (int i = 0; i < kClientsPerThread; ++i) {
    clients.emplace_back(context, zmq::socket_type::dealer);
    clients.back().set(zmq::sockopt::linger, 0);
    clients.back().connect(hall.commands);
  }
  int answered = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < kClientsPerThread; ++i) {
      const std::string request = json{{"v", 1},
                                       {"id", fmt::format("{}-{}-{}", thread, i, round)},
                                       {"type", "issue_ticket"},
                                       {"body", {{"item", i % 2 ? "T-0001" : "T-0003"}}},
                                       {"as", {{"role", "kiosk"}, {"name", fmt::format("kiosk-{}-{}", thread, i)}}}}
                                      .dump();
      std::array<zmq::const_buffer, 2> parts{zmq::const_buffer(), zmq::buffer(request)};
      zmq::send_multipart(clients[i], parts);
    }
    std::vector<zmq::pollitem_t> items;
    for (auto& c : clients) items.push_back({c.handle(), 0, ZMQ_POLLIN, 0});
    std::set<int> pending;
    for (int i = 0; i < kClientsPerThread; ++i) pending.insert(i);
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (!pending.empty() && Clock::now() < deadline) {
      if (zmq::poll(items, std::chrono::milliseconds(100)) <= 0) continue;
      for (int i = 0; i < kClientsPerThread; ++i) {
        if (!(items[i].revents & ZMQ_POLLIN)) continue;
        std::vector<zmq::message_t> reply;
        (void)zmq::recv_multipart(clients[i], std::back_inserter(reply));
        const json r = json::parse(reply.back().to_string_view());
        if (r["ok"] == true && r["id"] == fmt::format("{}-{}-{}", thread, i, round)) {
          ++answered;
          pending.erase(i);
        }
      }
    }
  }
  return answered;
}

TEST(DispatcherLoad, TwoHundredClientsAreAllAnsweredAndEverySubscriberSeesAGapFreeStream) {
  RunningHall hall;
  std::vector<std::unique_ptr<RawSubscriber>> subscribers;
  for (int i = 0; i < 5; ++i) subscribers.push_back(std::make_unique<RawSubscriber>(hall.context, hall.events));
  for (auto& s : subscribers) {
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (!s->heardHeartbeat && Clock::now() < deadline) s->receiveFor(std::chrono::milliseconds(50));
    ASSERT_TRUE(s->heardHeartbeat);
  }
  auto reader = hall.channel(hall.as("display"));
  const auto firstSeq = reader->request("ping", json::object()).result["seq"].get<std::uint64_t>();

  std::atomic<int> answered{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back([&, t] { answered += issueFromManyClients(hall, t); });
  // Subscribers read while the load runs (one thread, in turn: each has a deep queue).
  std::atomic<bool> loadDone{false};
  std::thread reading([&] {
    while (!loadDone)
      for (auto& s : subscribers) s->receiveFor(std::chrono::milliseconds(20));
  });
  for (auto& t : threads) t.join();
  loadDone = true;
  reading.join();
  EXPECT_EQ(answered.load(), kThreads * kClientsPerThread * kRounds);

  const auto lastSeq = reader->request("ping", json::object()).result["seq"].get<std::uint64_t>();
  EXPECT_EQ(lastSeq - firstSeq, static_cast<std::uint64_t>(kThreads * kClientsPerThread * kRounds));
  for (auto& s : subscribers) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while ((s->seqs.empty() || s->seqs.back() < lastSeq) && Clock::now() < deadline)
      s->receiveFor(std::chrono::milliseconds(50));
    ASSERT_FALSE(s->seqs.empty());
    EXPECT_LE(s->seqs.front(), firstSeq + 1);  // it may also have seen earlier events
    EXPECT_EQ(s->seqs.back(), lastSeq);
    for (std::size_t i = 1; i < s->seqs.size(); ++i) ASSERT_EQ(s->seqs[i], s->seqs[i - 1] + 1) << "gap at " << i;
  }
  const auto snapshot = reader->request("snapshot", json::object());
  EXPECT_EQ(snapshot.result["state"]["tickets"].size(), static_cast<std::size_t>(kThreads * kClientsPerThread * kRounds));
}

}  // namespace
}  // namespace jiujin::testing
