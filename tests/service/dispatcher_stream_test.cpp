// The event stream as a display or console sees it: snapshot, events, silence, restart.
#include <gtest/gtest.h>

#include "jiujin/client/hall_mirror.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

/// Polls `mirror` until `done()` or the bound passes; returns done().
template <typename F>
bool pollUntil(client::HallMirror& mirror, F done, std::chrono::milliseconds bound = std::chrono::seconds(10)) {
  const auto deadline = Clock::now() + bound;
  while (!done() && Clock::now() < deadline) mirror.poll(std::chrono::milliseconds(20));
  return done();
}

std::uint64_t issue(client::CommandChannel& kiosk, const std::string& item) {
  const auto reply = kiosk.request("issue_ticket", {{"item", item}});
  EXPECT_EQ(outcomeOf(reply), "ok");
  return reply.result.value("seq", std::uint64_t{0});
}

/// The mirror's state equals the dispatcher's, compared at the same seq.
void expectMirrorMatches(RunningHall& hall, client::HallMirror& mirror) {
  auto display = hall.channel(hall.as("display"));
  const auto snapshot = display->request("snapshot", json::object());
  ASSERT_EQ(outcomeOf(snapshot), "ok");
  ASSERT_TRUE(pollUntil(mirror, [&] { return mirror.seq() >= snapshot.result["seq"].get<std::uint64_t>(); }));
  ASSERT_EQ(mirror.seq(), snapshot.result["seq"].get<std::uint64_t>());
  EXPECT_EQ(protocol::toJson(mirror.hall()->state()), snapshot.result["state"]);
}

TEST(DispatcherStream, LateMirrorSyncsFromTheSnapshotAndThenFollowsEvents) {
  RunningHall hall;
  auto kiosk = hall.channel(hall.as("kiosk"));
  for (int i = 0; i < 5; ++i) issue(*kiosk, "T-0001");

  int resets = 0;
  std::vector<std::uint64_t> seqs;
  client::MirrorHandlers handlers;
  handlers.onReset = [&] { ++resets; };
  handlers.onEvent = [&](std::uint64_t seq, const core::Event&) { seqs.push_back(seq); };
  client::HallMirror mirror(hall.context, hall.as("display"), handlers);
  ASSERT_TRUE(pollUntil(mirror, [&] { return mirror.synced(); }));
  EXPECT_EQ(mirror.hall()->state().tickets.size(), 5u);

  std::uint64_t last = 0;
  for (int i = 0; i < 3; ++i) last = issue(*kiosk, "T-0003");
  ASSERT_TRUE(pollUntil(mirror, [&] { return mirror.seq() >= last; }));
  EXPECT_EQ(mirror.hall()->state().tickets.size(), 8u);
  for (std::size_t i = 1; i < seqs.size(); ++i) EXPECT_EQ(seqs[i], seqs[i - 1] + 1) << "gap in the stream";
  expectMirrorMatches(hall, mirror);
}

TEST(DispatcherStream, DeadDispatcherIsNoticedWithinThreeSecondsAndTheMirrorResyncsAfterRestart) {
  RunningHall hall;
  auto kiosk = hall.channel(hall.as("kiosk"));
  issue(*kiosk, "T-0001");
  bool disconnected = false;
  client::MirrorHandlers handlers;
  handlers.onDisconnected = [&] { disconnected = true; };
  client::HallMirror mirror(hall.context, hall.as("display"), handlers);
  ASSERT_TRUE(pollUntil(mirror, [&] { return mirror.synced() && mirror.hall()->state().tickets.size() == 1; }));

  const auto killedAt = Clock::now();
  hall.dispatcher->kill9();
  ASSERT_TRUE(pollUntil(mirror, [&] { return disconnected; }, std::chrono::seconds(6)));
  const auto noticedAfter = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - killedAt);
  EXPECT_LE(noticedAfter.count(), 3000);
  EXPECT_FALSE(mirror.connected());

  hall.restart();
  auto kioskAgain = hall.channel(hall.as("kiosk"));
  const auto last = issue(*kioskAgain, "T-0001");
  ASSERT_TRUE(pollUntil(mirror, [&] { return mirror.synced() && mirror.seq() >= last; }));
  EXPECT_TRUE(mirror.connected());
  EXPECT_EQ(mirror.hall()->state().tickets.size(), 2u);
  EXPECT_GE(mirror.stream().resyncs(), 1u);
  expectMirrorMatches(hall, mirror);
}

TEST(DispatcherStream, DeviceReportsArePublishedAsNewsAndKeptInTheSnapshot) {
  RunningHall hall;
  std::vector<std::string> topics;
  client::MirrorHandlers handlers;
  handlers.onNews = [&](const std::string& topic, const json&) { topics.push_back(topic); };
  client::HallMirror mirror(hall.context, hall.as("display"), handlers);
  ASSERT_TRUE(pollUntil(mirror, [&] { return mirror.synced(); }));
  auto gateway = hall.channel(hall.as("devices"));
  ASSERT_EQ(outcomeOf(gateway->request("device_report", {{"device", "w1-pad"}, {"kind", "eval_pad"}, {"window", 1},
                                                         {"status", "offline"}, {"detail", "no reply"}})),
            "ok");
  ASSERT_TRUE(pollUntil(mirror, [&] { return topics.size() >= 2; }));
  EXPECT_EQ(topics[0], "device.offline");
  EXPECT_EQ(topics[1], "alarm.device_offline");
  EXPECT_EQ(mirror.devices()["w1-pad"]["status"], "offline");

  auto display = hall.channel(hall.as("display"));
  const auto snapshot = display->request("snapshot", json::object());
  ASSERT_EQ(snapshot.result["devices"].size(), 1u);
  EXPECT_EQ(snapshot.result["alarms"][0]["kind"], "device_offline");
}

}  // namespace
}  // namespace jiujin::testing
