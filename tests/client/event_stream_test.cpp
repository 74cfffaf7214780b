// EventStream against a stand-in dispatcher made of real sockets: an XPUB for events (it
// tells when the subscription has arrived) and a ROUTER thread answering snapshots.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "jiujin/client/event_stream.hpp"

namespace jiujin::client {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

class StandInDispatcher {
 public:
  explicit StandInDispatcher(zmq::context_t& context) : publisher_(context, zmq::socket_type::xpub) {
    publisher_.set(zmq::sockopt::linger, 0);
    publisher_.bind("tcp://127.0.0.1:*");
    events = publisher_.get(zmq::sockopt::last_endpoint);
    zmq::socket_t router(context, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    router.bind("tcp://127.0.0.1:*");
    commands = router.get(zmq::sockopt::last_endpoint);
    thread_ = std::thread([this, r = std::move(router)]() mutable { answerSnapshots(r); });
  }
  ~StandInDispatcher() {
    stop_ = true;
    thread_.join();
  }

  /// Waits (bounded) until a subscriber's subscription arrived.
  bool awaitSubscriber() {
    zmq::pollitem_t item{publisher_.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(5000)) <= 0) return false;
    zmq::message_t subscription;
    return publisher_.recv(subscription).has_value();
  }

  void event(std::uint64_t seq, const std::string& epoch = "e1") {
    send("ticket.issued", json{{"v", 1}, {"seq", seq}, {"epoch", epoch}, {"event", {{"type", "ticket.issued"}}}});
  }
  void heartbeat(std::uint64_t seq, const std::string& epoch = "e1") {
    send("hb", json{{"v", 1}, {"seq", seq}, {"epoch", epoch}});
  }

  std::string commands;
  std::string events;
  std::atomic<std::uint64_t> snapshotSeq{0};
  std::atomic<int> snapshotsServed{0};
  std::atomic<int> snapshotEpoch{1};  ///< the snapshot says "e<n>"

 private:
  void send(const std::string& topic, const json& body) {
    const std::string text = body.dump();
    std::array<zmq::const_buffer, 2> parts{zmq::buffer(topic), zmq::buffer(text)};
    zmq::send_multipart(publisher_, parts);
  }

  void answerSnapshots(zmq::socket_t& router) {
    while (!stop_) {
      zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
      if (zmq::poll(&item, 1, std::chrono::milliseconds(50)) <= 0) continue;
      std::vector<zmq::message_t> frames;
      (void)zmq::recv_multipart(router, std::back_inserter(frames));
      const json request = json::parse(frames.back().to_string_view());
      const std::string reply =
          json{{"v", 1},
               {"id", request["id"]},
               {"ok", true},
               {"result", {{"seq", snapshotSeq.load()}, {"epoch", "e" + std::to_string(snapshotEpoch.load())}, {"state", json::object()}}}}
              .dump();
      ++snapshotsServed;
      std::array<zmq::const_buffer, 3> parts{zmq::buffer(frames[0].data(), frames[0].size()), zmq::const_buffer(),
                                             zmq::buffer(reply)};
      zmq::send_multipart(router, parts);
    }
  }

  zmq::socket_t publisher_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

struct Recorder {
  std::vector<std::uint64_t> events;
  std::vector<std::uint64_t> snapshots;
  int disconnects = 0;
  StreamHandlers handlers() {
    StreamHandlers h;
    h.onSnapshot = [this](const Snapshot& s) { snapshots.push_back(s.seq); };
    h.onEvent = [this](std::uint64_t seq, const std::string&, const json&) { events.push_back(seq); };
    h.onDisconnected = [this] { ++disconnects; };
    return h;
  }
};

ConnectionOptions optionsFor(const StandInDispatcher& d) {
  ConnectionOptions o;
  o.commands = d.commands;
  o.events = d.events;
  o.requestTimeout = std::chrono::milliseconds(2000);
  o.heartbeatTimeout = std::chrono::milliseconds(400);
  return o;
}

template <typename F>
bool pollUntil(EventStream& stream, F done, std::chrono::milliseconds bound = std::chrono::seconds(5)) {
  const auto deadline = Clock::now() + bound;
  while (!done() && Clock::now() < deadline) stream.poll(std::chrono::milliseconds(10));
  return done();
}

TEST(EventStream, EventsAfterTheSnapshotArePassedOnInOrder) {
  zmq::context_t context;
  StandInDispatcher dispatcher(context);
  dispatcher.snapshotSeq = 2;
  Recorder r;
  EventStream stream(context, optionsFor(dispatcher), r.handlers());
  ASSERT_TRUE(dispatcher.awaitSubscriber());
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.synced(); }));
  dispatcher.event(2);  // already in the snapshot: skipped
  dispatcher.event(3);
  dispatcher.event(4);
  ASSERT_TRUE(pollUntil(stream, [&] { return r.events.size() == 2; }));
  EXPECT_EQ(r.events, (std::vector<std::uint64_t>{3, 4}));
  EXPECT_EQ(stream.gaps(), 0u);
}

TEST(EventStream, AGapInTheSequenceTriggersANewSnapshot) {
  zmq::context_t context;
  StandInDispatcher dispatcher(context);
  dispatcher.snapshotSeq = 2;
  Recorder r;
  EventStream stream(context, optionsFor(dispatcher), r.handlers());
  ASSERT_TRUE(dispatcher.awaitSubscriber());
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.synced(); }));
  dispatcher.event(3);
  ASSERT_TRUE(pollUntil(stream, [&] { return r.events.size() == 1; }));
  dispatcher.snapshotSeq = 5;  // events 4 and 5 never reach the subscriber
  dispatcher.event(6);
  ASSERT_TRUE(pollUntil(stream, [&] { return r.events.size() == 2; }));
  EXPECT_EQ(r.events, (std::vector<std::uint64_t>{3, 6}));
  EXPECT_EQ(r.snapshots, (std::vector<std::uint64_t>{2, 5}));
  EXPECT_EQ(stream.gaps(), 1u);
  EXPECT_EQ(stream.resyncs(), 1u);
}

TEST(EventStream, AHeartbeatAheadOfTheLastEventRevealsLostEvents) {
  zmq::context_t context;
  StandInDispatcher dispatcher(context);
  dispatcher.snapshotSeq = 1;
  Recorder r;
  EventStream stream(context, optionsFor(dispatcher), r.handlers());
  ASSERT_TRUE(dispatcher.awaitSubscriber());
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.synced(); }));
  dispatcher.snapshotSeq = 4;
  dispatcher.heartbeat(4);
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.seq() == 4; }));
  EXPECT_EQ(r.snapshots, (std::vector<std::uint64_t>{1, 4}));
}

TEST(EventStream, SilenceLongerThanTheHeartbeatTimeoutIsReportedOnce) {
  zmq::context_t context;
  StandInDispatcher dispatcher(context);
  Recorder r;
  EventStream stream(context, optionsFor(dispatcher), r.handlers());
  ASSERT_TRUE(dispatcher.awaitSubscriber());
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.synced(); }));
  const auto start = Clock::now();
  ASSERT_TRUE(pollUntil(stream, [&] { return r.disconnects > 0; }, std::chrono::seconds(3)));
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(350));
  EXPECT_FALSE(stream.connected());
  stream.poll(std::chrono::milliseconds(100));
  EXPECT_EQ(r.disconnects, 1);
  // The dispatcher speaks again: the stream resyncs and is connected.
  dispatcher.heartbeat(0);
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.connected() && stream.synced(); }));
  EXPECT_EQ(r.snapshots.size(), 2u);
}

TEST(EventStream, ANewEpochMeansARestartedDispatcherAndASnapshot) {
  zmq::context_t context;
  StandInDispatcher dispatcher(context);
  dispatcher.snapshotSeq = 3;
  Recorder r;
  EventStream stream(context, optionsFor(dispatcher), r.handlers());
  ASSERT_TRUE(dispatcher.awaitSubscriber());
  ASSERT_TRUE(pollUntil(stream, [&] { return stream.synced(); }));
  dispatcher.snapshotEpoch = 2;
  dispatcher.heartbeat(3, "e2");
  ASSERT_TRUE(pollUntil(stream, [&] { return r.snapshots.size() == 2; }));
}

}  // namespace
}  // namespace jiujin::client
