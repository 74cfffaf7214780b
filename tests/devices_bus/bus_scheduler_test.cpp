#include "jiujin/devices/bus_scheduler.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;
using TimePoint = BusScheduler::TimePoint;

const TimePoint t0{};
const ModbusError timeout{ModbusErrorKind::Timeout, 0, "no reply in time"};

// A hall's window 3: display, keypad and evaluation pad on one bus.
BusScheduler windowThreeBus(HealthPolicy policy = {}) {
  BusScheduler bus(policy);
  bus.addDevice({"display-3", 3});
  bus.addDevice({"keypad-3", 33});
  bus.addDevice({"pad-3", 63});
  return bus;
}

// Sends the next frame and reports it answered.
Frame sendAnswered(BusScheduler& bus, TimePoint now) {
  auto frame = bus.next(now);
  EXPECT_TRUE(frame.has_value());
  if (!frame) return {};
  bus.complete(*frame, std::nullopt, now);
  return *frame;
}

TEST(BusScheduler, ACallDisplayWriteGoesBeforeDuePolls) {
  auto bus = windowThreeBus();
  bus.addPollJob({"keypad-3", 0x100, 4, BusPriority::KeypadPoll, 200ms}, t0);
  bus.addPollJob({"pad-3", 0x200, 4, BusPriority::PadPoll, 500ms}, t0);
  bus.submitWrite("display-3", 0, {0x4130, 0x3031}, BusPriority::CallDisplay, t0 + 10ms);
  const auto first = sendAnswered(bus, t0 + 10ms);
  EXPECT_EQ(first.kind, Frame::Kind::Write);
  EXPECT_EQ(first.deviceId, "display-3");
  EXPECT_EQ(sendAnswered(bus, t0 + 10ms).deviceId, "keypad-3");
  EXPECT_EQ(sendAnswered(bus, t0 + 10ms).deviceId, "pad-3");
}

TEST(BusScheduler, AStripWriteAfterACallGoesAfterTheCallDisplayAndBeforeDuePolls) {
  auto bus = windowThreeBus();
  bus.addDevice({"strip", 100});
  bus.addPollJob({"keypad-3", 0x100, 4, BusPriority::KeypadPoll, 200ms}, t0);
  bus.submitWrite("strip", 0, {0x4130}, BusPriority::CallStrip, t0 + 10ms);
  bus.submitWrite("display-3", 0, {0x4130}, BusPriority::CallDisplay, t0 + 10ms);
  EXPECT_EQ(sendAnswered(bus, t0 + 10ms).deviceId, "display-3");
  EXPECT_EQ(sendAnswered(bus, t0 + 10ms).deviceId, "strip");
  EXPECT_EQ(sendAnswered(bus, t0 + 10ms).deviceId, "keypad-3");
}

TEST(BusScheduler, KeypadPollsGoBeforePadPollsAndPadPollsBeforeRefreshes) {
  auto bus = windowThreeBus();
  bus.submitWrite("display-3", 0, {1}, BusPriority::Background, t0);
  bus.addPollJob({"pad-3", 0x200, 4, BusPriority::PadPoll, 500ms}, t0);
  bus.addPollJob({"keypad-3", 0x100, 4, BusPriority::KeypadPoll, 200ms}, t0);
  EXPECT_EQ(sendAnswered(bus, t0).deviceId, "keypad-3");
  EXPECT_EQ(sendAnswered(bus, t0).deviceId, "pad-3");
  EXPECT_EQ(sendAnswered(bus, t0).deviceId, "display-3");
}

// A bus of keypads 1..3 whose "key pending" checks have all been due for a while.
BusScheduler keypadRound() {
  BusScheduler bus;
  for (int k = 1; k <= 3; ++k) {
    bus.addDevice({fmt::format("keypad-{}", k), 20 + k});
    bus.addPollJob({fmt::format("keypad-{}", k), 0x00, 1, BusPriority::KeypadPoll, 700ms}, t0);
  }
  return bus;
}

TEST(BusScheduler, APressedKeysFifoIsReadBeforeTheRoundGoesOn) {
  auto bus = keypadRound();
  EXPECT_EQ(sendAnswered(bus, t0 + 50ms).deviceId, "keypad-1");
  // keypad-1 said a key waits: its FIFO is read next, though keypad-2 and -3 waited longer
  ASSERT_TRUE(bus.submitRead("keypad-1", 0x00, 9, BusPriority::KeyRead, t0 + 50ms));
  const auto read = sendAnswered(bus, t0 + 50ms);
  EXPECT_EQ(read.deviceId, "keypad-1");
  EXPECT_EQ(read.kind, Frame::Kind::Poll);
  EXPECT_EQ(read.count, 9);
  // and once: the round goes on
  EXPECT_EQ(sendAnswered(bus, t0 + 50ms).deviceId, "keypad-2");
  EXPECT_EQ(sendAnswered(bus, t0 + 50ms).deviceId, "keypad-3");
  EXPECT_FALSE(bus.next(t0 + 60ms));
}

TEST(BusScheduler, ADueWriteGoesBeforeTheCheckOfAnIdleDevice) {
  auto bus = windowThreeBus();
  // given the display's check fell due long ago, and a refresh of its text was queued just now
  bus.addPollJob({"display-3", 0x0F, 1, BusPriority::Check, 2s}, t0);
  bus.submitWrite("display-3", 0, {0x4130}, BusPriority::Background, t0 + 10s);
  // then the write goes first, the check only when nothing else is due
  EXPECT_EQ(sendAnswered(bus, t0 + 10s).kind, Frame::Kind::Write);
  const auto check = sendAnswered(bus, t0 + 10s);
  EXPECT_EQ(check.kind, Frame::Kind::Poll);
  EXPECT_EQ(check.priority, BusPriority::Check);
}

TEST(BusScheduler, ARetunedPollIsReadOnlyAtItsNewClassAndInterval) {
  auto bus = windowThreeBus();
  bus.addPollJob({"pad-3", 0x12, 3, BusPriority::PadPoll, 400ms}, t0);
  EXPECT_EQ(sendAnswered(bus, t0).deviceId, "pad-3");  // its baseline
  // when no rating is awaited any more, it is only checked, once an hour
  ASSERT_TRUE(bus.retunePoll("pad-3", 0x12, BusPriority::Check, 1h, t0));
  EXPECT_FALSE(bus.next(t0 + 10min));
  // when a rating is awaited again, it is read at its pad interval
  ASSERT_TRUE(bus.retunePoll("pad-3", 0x12, BusPriority::PadPoll, 400ms, t0 + 10min));
  EXPECT_FALSE(bus.next(t0 + 10min + 399ms));
  const auto read = bus.next(t0 + 10min + 400ms);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->priority, BusPriority::PadPoll);
  EXPECT_FALSE(bus.retunePoll("pad-3", 0x99, BusPriority::Check, 1h, t0)) << "no such poll";
}

TEST(BusScheduler, AQueuedReadWaitsWhileItsDeviceIsOffTheLine) {
  auto bus = windowThreeBus(HealthPolicy{1, 500ms, 10s});
  bus.submitWrite("keypad-3", 9, {1}, BusPriority::Background, t0);
  auto frame = bus.next(t0);
  bus.complete(*frame, timeout, t0);
  ASSERT_FALSE(bus.health("keypad-3")->online);
  bus.submitRead("keypad-3", 0, 9, BusPriority::KeyRead, t0);
  EXPECT_FALSE(bus.next(t0 + 100ms));
  auto probe = bus.next(t0 + 500ms);
  ASSERT_TRUE(probe);
  EXPECT_EQ(probe->kind, Frame::Kind::Probe);
}

TEST(BusScheduler, WithinAClassTheLongestWaitingGoesFirst) {
  BusScheduler bus;
  bus.addDevice({"display-1", 1});
  bus.addDevice({"display-2", 2});
  bus.submitWrite("display-2", 0, {2}, BusPriority::CallDisplay, t0);
  bus.submitWrite("display-1", 0, {1}, BusPriority::CallDisplay, t0 + 1ms);
  EXPECT_EQ(sendAnswered(bus, t0 + 2ms).deviceId, "display-2");
  EXPECT_EQ(sendAnswered(bus, t0 + 2ms).deviceId, "display-1");
}

TEST(BusScheduler, NothingElseIsSentWhileAFrameIsOnTheWire) {
  auto bus = windowThreeBus();
  bus.submitWrite("display-3", 0, {1}, BusPriority::Background, t0);
  auto onWire = bus.next(t0);
  ASSERT_TRUE(onWire);
  bus.submitWrite("display-3", 0x10, {2}, BusPriority::CallDisplay, t0);
  EXPECT_FALSE(bus.next(t0));
  bus.complete(*onWire, std::nullopt, t0);
  EXPECT_TRUE(bus.next(t0));
}

TEST(BusScheduler, APollIsRepeatedAfterItsInterval) {
  auto bus = windowThreeBus();
  bus.addPollJob({"keypad-3", 0x100, 4, BusPriority::KeypadPoll, 200ms}, t0);
  sendAnswered(bus, t0);
  EXPECT_FALSE(bus.next(t0 + 199ms));
  EXPECT_EQ(bus.nextDueAt(), t0 + 200ms);
  EXPECT_TRUE(bus.next(t0 + 200ms));
}

TEST(BusScheduler, ANewerWriteToTheSameRegistersReplacesTheQueuedOneAndKeepsTheMoreUrgentClass) {
  auto bus = windowThreeBus();
  bus.submitWrite("display-3", 0, {0x1111}, BusPriority::Background, t0);
  bus.submitWrite("display-3", 0, {0x2222}, BusPriority::CallDisplay, t0 + 5ms);
  bus.addPollJob({"keypad-3", 0x100, 4, BusPriority::KeypadPoll, 200ms}, t0);
  EXPECT_EQ(bus.pendingWrites(), 1u);
  const auto frame = sendAnswered(bus, t0 + 5ms);
  EXPECT_EQ(frame.values, std::vector<std::uint16_t>{0x2222});
  EXPECT_EQ(frame.priority, BusPriority::CallDisplay);
}

TEST(BusScheduler, AnOfflineDeviceGetsOnlyBackedOffProbes) {
  auto bus = windowThreeBus(HealthPolicy{2, 500ms, 10s});
  bus.addPollJob({"keypad-3", 0x100, 4, BusPriority::KeypadPoll, 100ms}, t0);
  for (int i = 0; i < 2; ++i) {
    auto frame = bus.next(t0 + i * 100ms);
    ASSERT_TRUE(frame);
    bus.complete(*frame, timeout, t0 + i * 100ms);
  }
  ASSERT_FALSE(bus.health("keypad-3")->online);
  EXPECT_FALSE(bus.next(t0 + 599ms)) << "no polls for an offline keypad, probe not due yet";
  auto probe = bus.next(t0 + 600ms);
  ASSERT_TRUE(probe);
  EXPECT_EQ(probe->kind, Frame::Kind::Probe);
  bus.complete(*probe, timeout, t0 + 600ms);
  EXPECT_EQ(bus.nextDueAt(), t0 + 1600ms);
}

TEST(BusScheduler, WritesToAnOfflineDeviceAreHeldAsTheLatestContentAndSentWhenItReturns) {
  auto bus = windowThreeBus(HealthPolicy{1, 500ms, 10s});
  bus.submitWrite("display-3", 0, {0xA001}, BusPriority::CallDisplay, t0);
  auto frame = bus.next(t0);
  bus.complete(*frame, timeout, t0);
  ASSERT_FALSE(bus.health("display-3")->online);
  for (std::uint16_t n = 0xA002; n <= 0xA009; ++n) bus.submitWrite("display-3", 0, {n}, BusPriority::CallDisplay, t0);
  EXPECT_EQ(bus.pendingWrites(), 1u) << "coalesced, not queued forever";
  EXPECT_FALSE(bus.next(t0 + 100ms)) << "held while offline";

  auto probe = bus.next(t0 + 500ms);
  ASSERT_TRUE(probe);
  EXPECT_EQ(bus.complete(*probe, std::nullopt, t0 + 500ms).change, HealthChange::CameBack);
  const auto resent = sendAnswered(bus, t0 + 501ms);
  EXPECT_EQ(resent.values, std::vector<std::uint16_t>{0xA009});
}

TEST(BusScheduler, AFailedWriteIsSentAgainUnlessNewerContentArrived) {
  auto bus = windowThreeBus(HealthPolicy{3, 500ms, 10s});
  bus.submitWrite("display-3", 0, {1}, BusPriority::CallDisplay, t0);
  auto first = bus.next(t0);
  bus.submitWrite("display-3", 0, {2}, BusPriority::CallDisplay, t0);  // while {1} is on the wire
  bus.complete(*first, timeout, t0);
  EXPECT_EQ(sendAnswered(bus, t0).values, std::vector<std::uint16_t>{2});
  EXPECT_FALSE(bus.next(t0));

  bus.submitWrite("display-3", 0, {3}, BusPriority::CallDisplay, t0);
  auto third = bus.next(t0);
  bus.complete(*third, timeout, t0);
  EXPECT_EQ(sendAnswered(bus, t0).values, std::vector<std::uint16_t>{3});
}

TEST(BusScheduler, ADisplayThatRefusesWritesIsProbedWithTheWriteItRefused) {
  // given a display that answers reads but refuses every write (exception 01)
  const ModbusError refused{ModbusErrorKind::Exception, 1, "display-3: exception 1 (illegal function)"};
  auto bus = windowThreeBus(HealthPolicy{2, 500ms, 10s});
  bus.submitWrite("display-3", 0, {0xA001}, BusPriority::CallDisplay, t0);
  for (int i = 0; i < 2; ++i) {
    auto frame = bus.next(t0);
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->kind, Frame::Kind::Write) << "a refused write goes again, like a timed-out one";
    bus.complete(*frame, refused, t0);
  }
  // then it is in error, and its probe is the held write, not a read it would answer
  const auto health = bus.health("display-3");
  EXPECT_FALSE(health->online);
  EXPECT_TRUE(health->refusing);
  EXPECT_FALSE(bus.next(t0 + 499ms));
  auto probe = bus.next(t0 + 500ms);
  ASSERT_TRUE(probe);
  EXPECT_EQ(probe->kind, Frame::Kind::Write);
  EXPECT_EQ(probe->values, std::vector<std::uint16_t>{0xA001});
  bus.complete(*probe, refused, t0 + 500ms);
  EXPECT_EQ(bus.nextDueAt(), t0 + 1500ms) << "backed off";
  EXPECT_EQ(bus.pendingWrites(), 1u) << "still held";
}

TEST(BusScheduler, AKeypadThatRefusesItsPollIsProbedWithThatRead) {
  const ModbusError refused{ModbusErrorKind::Exception, 2, "keypad-3: exception 2 (illegal data address)"};
  auto bus = windowThreeBus(HealthPolicy{1, 500ms, 10s});
  bus.addPollJob({"keypad-3", 0x100, 9, BusPriority::KeypadPoll, 100ms}, t0);
  auto poll = bus.next(t0);
  ASSERT_TRUE(poll);
  bus.complete(*poll, refused, t0);
  auto probe = bus.next(t0 + 500ms);
  ASSERT_TRUE(probe);
  EXPECT_EQ(probe->kind, Frame::Kind::Probe);
  EXPECT_EQ(probe->address, 0x100);
  EXPECT_EQ(probe->count, 9);
}

// A vendor's display whose commit register is apart from its text: two frames for one content.
const std::vector<WriteBlock> kTextThenCommit{{0x0010, {0x0041, 0x0030}}, {0x0030, {7}}};

TEST(BusScheduler, FramesOfOneWriteGoInOrderTextBeforeCommit) {
  auto bus = windowThreeBus();
  ASSERT_TRUE(bus.submitWrites("display-3", kTextThenCommit, BusPriority::CallDisplay, t0));
  EXPECT_EQ(sendAnswered(bus, t0).address, 0x0010);
  EXPECT_EQ(sendAnswered(bus, t0).address, 0x0030);
  EXPECT_FALSE(bus.next(t0));
}

TEST(BusScheduler, AFailedTextFrameIsSentAgainAndThenItsCommitNeverTheCommitFirst) {
  auto bus = windowThreeBus(HealthPolicy{3, 500ms, 10s});
  bus.submitWrites("display-3", kTextThenCommit, BusPriority::CallDisplay, t0);
  auto text = bus.next(t0);
  ASSERT_TRUE(text);
  bus.complete(*text, timeout, t0);  // the text frame is lost
  EXPECT_EQ(sendAnswered(bus, t0 + 1ms).address, 0x0010) << "the text again";
  EXPECT_EQ(sendAnswered(bus, t0 + 2ms).address, 0x0030) << "then its commit";
  EXPECT_FALSE(bus.next(t0 + 3ms));
}

TEST(BusScheduler, AFailedCommitSendsTheTextAgainBeforeTheCommit) {
  auto bus = windowThreeBus(HealthPolicy{3, 500ms, 10s});
  bus.submitWrites("display-3", kTextThenCommit, BusPriority::CallDisplay, t0);
  sendAnswered(bus, t0);
  auto commit = bus.next(t0);
  ASSERT_TRUE(commit);
  bus.complete(*commit, timeout, t0);
  EXPECT_EQ(sendAnswered(bus, t0).address, 0x0010);
  EXPECT_EQ(sendAnswered(bus, t0).address, 0x0030);
}

TEST(BusScheduler, NewContentWhileTheTextIsOnTheWireGoesOutWholeAfterIt) {
  auto bus = windowThreeBus();
  bus.submitWrites("display-3", kTextThenCommit, BusPriority::CallDisplay, t0);
  auto oldText = bus.next(t0);
  ASSERT_TRUE(oldText);
  const std::vector<WriteBlock> newer{{0x0010, {0x0042, 0x0031}}, {0x0030, {8}}};
  bus.submitWrites("display-3", newer, BusPriority::CallDisplay, t0);
  bus.complete(*oldText, std::nullopt, t0);
  const auto text = sendAnswered(bus, t0);
  EXPECT_EQ(text.values, (std::vector<std::uint16_t>{0x0042, 0x0031})) << "the old commit is not sent";
  EXPECT_EQ(sendAnswered(bus, t0).values, std::vector<std::uint16_t>{8});
  EXPECT_FALSE(bus.next(t0));
}

TEST(BusScheduler, UnknownDevicesAndBadAddressesAreRefused) {
  BusScheduler bus;
  EXPECT_FALSE(bus.addDevice({"display-1", 300}));
  EXPECT_TRUE(bus.addDevice({"display-1", 1}));
  EXPECT_FALSE(bus.addDevice({"display-1", 2}));
  EXPECT_FALSE(bus.submitWrite("display-9", 0, {1}, BusPriority::CallDisplay, t0));
  EXPECT_FALSE(bus.submitWrite("display-1", 0, {}, BusPriority::CallDisplay, t0));
  EXPECT_FALSE(bus.addPollJob({"keypad-9", 0, 1, BusPriority::KeypadPoll, 100ms}, t0));
}

}  // namespace
}  // namespace jiujin::devices
