// The one asynchronous command channel: replies in order from a stand-in dispatcher, start
// and stop over and over, a stop with requests queued and one in flight, a full queue.
// Every wait is bounded; nothing sleeps.
#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "jiujin/client/async_command_channel.hpp"

namespace jiujin::client {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

/// A ROUTER that answers each request with its type, or holds every request while asked to.
class StandInDispatcher {
 public:
  explicit StandInDispatcher(bool answer) : answer_(answer), router_(context_, zmq::socket_type::router) {
    router_.set(zmq::sockopt::linger, 0);
    router_.bind("tcp://127.0.0.1:*");
    endpoint = router_.get(zmq::sockopt::last_endpoint);
    thread_ = std::thread([this] { serve(); });
  }
  ~StandInDispatcher() {
    stop_ = true;
    thread_.join();
  }

  std::string endpoint;
  std::atomic<int> received{0};

 private:
  void serve() {
    while (!stop_) {
      zmq::pollitem_t item{router_.handle(), 0, ZMQ_POLLIN, 0};
      if (zmq::poll(&item, 1, 20ms) <= 0) continue;
      std::vector<zmq::message_t> frames;
      (void)zmq::recv_multipart(router_, std::back_inserter(frames));
      ++received;
      if (!answer_) continue;
      const json request = json::parse(frames.back().to_string_view());
      const std::string reply =
          json{{"v", 1}, {"id", request["id"]}, {"ok", true}, {"result", {{"type", request["type"]}, {"body", request["body"]}}}}
              .dump();
      std::array<zmq::const_buffer, 3> parts{zmq::buffer(frames[0].data(), frames[0].size()), zmq::const_buffer(),
                                             zmq::buffer(reply)};
      zmq::send_multipart(router_, parts);
    }
  }

  const bool answer_;
  zmq::context_t context_{1};
  zmq::socket_t router_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

ConnectionOptions to(const std::string& endpoint, std::chrono::milliseconds timeout) {
  ConnectionOptions o;
  o.commands = endpoint;
  o.identity = StatedIdentity{"console", 1, "async-channel-test"};
  o.requestTimeout = timeout;
  o.attempts = 1;
  return o;
}

Reply within(std::future<Reply>& reply, std::chrono::seconds bound) {
  if (reply.wait_for(bound) != std::future_status::ready) {
    ADD_FAILURE() << "no answer within " << bound.count() << " s";
    return {};
  }
  return reply.get();
}

TEST(AsyncCommandChannel, AnswersRequestsInTheOrderTheyWereSent) {
  StandInDispatcher dispatcher(true);
  zmq::context_t context(1);
  AsyncCommandChannel channel(to(dispatcher.endpoint, 5s));
  channel.start(context);
  std::vector<std::future<Reply>> replies;
  for (int window = 1; window <= 5; ++window) replies.push_back(channel.send(requests::callNext(window)));
  for (int window = 1; window <= 5; ++window) {
    const Reply reply = within(replies[window - 1], 20s);
    ASSERT_TRUE(reply.ok) << reply.error.code;
    EXPECT_EQ(reply.result["type"], "call_next");
    EXPECT_EQ(reply.result["body"]["window"], window);
  }
  channel.stop();
}

TEST(AsyncCommandChannel, StartAndStopInALoopAnswersEveryRequestExactlyOnce) {
  // Nobody answers: requests stay in flight or queued until stop() ends them.
  StandInDispatcher silent(false);
  AsyncCommandChannel channel(to(silent.endpoint, 30s));
  std::atomic<int> answered{0};
  std::atomic<int> stopped{0};
  int sent = 0;
  for (int round = 0; round < 100; ++round) {
    channel.start();
    // Rounds without requests stop a worker that is (about to start) waiting on an empty
    // queue — where a wake-up could be lost; the others stop it mid-request.
    for (int i = 0; i < round % 3; ++i) {
      ++sent;
      channel.send(requests::ping(), [&](const Reply& reply) {
        ++answered;
        if (!reply.ok && reply.error.code == "stopped") ++stopped;
      });
    }
    channel.stop();  // must return: a 30 s request in flight is interrupted, not awaited
  }
  EXPECT_EQ(answered.load(), sent);
  EXPECT_EQ(stopped.load(), sent);
}

TEST(AsyncCommandChannel, StopWithRequestsQueuedBehindOneInFlightAnswersAllStopped) {
  StandInDispatcher silent(false);
  AsyncCommandChannel channel(to(silent.endpoint, 30s));
  channel.start();
  std::future<Reply> inFlight = channel.send(requests::callNext(1));
  std::vector<std::future<Reply>> queued;
  for (int i = 0; i < 5; ++i) queued.push_back(channel.send(requests::recall(1)));
  // Wait (bounded) until the first request reached the dispatcher: it is in flight.
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (silent.received.load() == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  ASSERT_EQ(silent.received.load(), 1);
  channel.stop();
  EXPECT_EQ(within(inFlight, 1s).error.code, "stopped");
  for (auto& reply : queued) EXPECT_EQ(within(reply, 1s).error.code, "stopped");
  EXPECT_EQ(silent.received.load(), 1) << "queued requests are never sent after stop";
}

TEST(AsyncCommandChannel, RequestsSentWhileStoppedWaitForTheNextStart) {
  StandInDispatcher dispatcher(true);
  AsyncCommandChannel channel(to(dispatcher.endpoint, 5s));
  std::future<Reply> early = channel.send(requests::ping());
  EXPECT_EQ(early.wait_for(0s), std::future_status::timeout);
  channel.start();
  const Reply reply = within(early, 20s);
  EXPECT_TRUE(reply.ok) << reply.error.code;
}

TEST(AsyncCommandChannel, AFullQueueDropsItsOldestRequest) {
  AsyncCommandChannel channel(to("tcp://127.0.0.1:1", 5s), 2);
  std::future<Reply> oldest = channel.send(requests::ping());
  std::future<Reply> second = channel.send(requests::ping());
  std::future<Reply> third = channel.send(requests::ping());
  EXPECT_EQ(within(oldest, 1s).error.code, "dropped");
  EXPECT_EQ(channel.dropped(), 1u);
  channel.stop();
  EXPECT_EQ(within(second, 1s).error.code, "stopped");
  EXPECT_EQ(within(third, 1s).error.code, "stopped");
}

}  // namespace
}  // namespace jiujin::client
