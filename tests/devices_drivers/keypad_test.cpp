#include "jiujin/devices/drivers/keypad.hpp"

#include <gtest/gtest.h>

#include "profile_support.hpp"

using namespace jiujin::devices::drivers;

namespace {
const KeypadMap kMap = test_support::shippedMap<KeypadMap>("jiujin-keypad-v1");
}

TEST(Keypad, PollReadsCountAndEveryEntryInOneFrame) {
  EXPECT_EQ(keypadPollRead(kMap), (RegisterRead{0, 9}));
}

TEST(Keypad, FifoRegistersDecodeToKeyEventsOldestFirst) {
  // count 2: {seq 41, call_next}, {seq 42, complete}
  const std::vector<std::uint16_t> regs{2, 41, 1, 42, 4, 0, 0, 0, 0};
  const auto events = decodeKeypadFifo(RegisterBlock{0, regs}, kMap);
  ASSERT_TRUE(events.ok()) << events.error().message;
  EXPECT_EQ(events.value(), (std::vector<KeyEvent>{{41, Key::CallNext, 1}, {42, Key::Complete, 4}}));
}

TEST(Keypad, UnknownKeyCodeIsKeptSoItCanStillBeAcknowledged) {
  const std::vector<std::uint16_t> regs{1, 7, 99, 0, 0, 0, 0, 0, 0};
  const auto events = decodeKeypadFifo(RegisterBlock{0, regs}, kMap);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->front(), (KeyEvent{7, Key::Unknown, 99}));
}

TEST(Keypad, CountAboveTheFifoDepthIsAnErrorValue) {
  const std::vector<std::uint16_t> regs{9, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(decodeKeypadFifo(RegisterBlock{0, regs}, kMap).error().code,
            CodecErrorCode::ValueOutOfRange);
}

TEST(Keypad, DeviceSideFifoEncodingDecodesToTheSameEvents) {
  const std::vector<KeyEvent> events{{65535, Key::Recall, 2}, {1, Key::NoShow, 5}};
  const auto writes = encodeKeypadFifo(events, kMap);
  ASSERT_EQ(writes.size(), 1u);
  const auto decoded = decodeKeypadFifo(RegisterBlock{writes[0].address, writes[0].values}, kMap);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded.value(), events);
}

TEST(Keypad, AckWritesTheHandledSequenceToTheAckRegister) {
  EXPECT_EQ(encodeKeypadAck(42, kMap), (RegisterWrite{0x0009, {42}}));
}

TEST(Keypad, SequenceNumbersWrapPastZero) {
  EXPECT_EQ(nextKeySeq(1), 2);
  EXPECT_EQ(nextKeySeq(65535), 1);
}

TEST(Keypad, PressSeenOnTwoPollsIsHandledOnce) {
  KeyEventDeduper deduper;
  const std::vector<KeyEvent> first{{41, Key::CallNext, 1}};
  const std::vector<KeyEvent> second{{41, Key::CallNext, 1}, {42, Key::Start, 3}};
  EXPECT_EQ(deduper.fresh(first).size(), 1u);
  const auto fresh = deduper.fresh(second);
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh.front().seq, 42);
}

TEST(Keypad, KeypadThatRestartsNumberingAfterPowerCycleIsStillHeard) {
  KeyEventDeduper deduper;
  (void)deduper.fresh(std::vector<KeyEvent>{{5000, Key::CallNext, 1}});
  EXPECT_EQ(deduper.fresh(std::vector<KeyEvent>{{1, Key::CallNext, 1}}).size(), 1u);
}

TEST(Keypad, PressesAfterAConfirmedAcknowledgementAreNewEvenUnderNumbersSeenBefore) {
  // given four presses handled and their acknowledgement answered
  KeyEventDeduper deduper;
  const std::vector<KeyEvent> before{{1, Key::CallNext, 1}, {2, Key::CallNext, 1}, {3, Key::CallNext, 1},
                                     {4, Key::CallNext, 1}};
  ASSERT_EQ(deduper.fresh(before).size(), 4u);
  deduper.acknowledged(4);
  // when the keypad, power-cycled, numbers its presses from 1 again
  // then every one of them is a new press
  EXPECT_EQ(deduper.fresh(std::vector<KeyEvent>{{1, Key::CallNext, 1}}).size(), 1u);
  EXPECT_EQ(deduper.fresh(std::vector<KeyEvent>{{1, Key::CallNext, 1}, {2, Key::Recall, 2}}).size(), 1u);
}

TEST(Keypad, AnAcknowledgementConfirmsOnlyTheEventsUpToItsSequence) {
  KeyEventDeduper deduper;
  (void)deduper.fresh(std::vector<KeyEvent>{{1, Key::CallNext, 1}});
  (void)deduper.fresh(std::vector<KeyEvent>{{1, Key::CallNext, 1}, {2, Key::Start, 3}});
  deduper.acknowledged(1);  // the ack of 2 is still on its way: 2 is still in the FIFO
  EXPECT_TRUE(deduper.fresh(std::vector<KeyEvent>{{2, Key::Start, 3}}).empty());
  EXPECT_EQ(deduper.unacknowledged(), (std::deque<std::uint16_t>{2}));
}

TEST(Keypad, RestartedKeypadWhoseAcknowledgementWasLostIsStillHeard) {
  // given presses 3 and 4 handled, their acknowledgement never answered
  KeyEventDeduper deduper;
  (void)deduper.fresh(std::vector<KeyEvent>{{3, Key::CallNext, 1}, {4, Key::Complete, 4}});
  // when the keypad shows 1, 2, 3: numbers that went backwards (3 after an unknown 1)
  const auto fresh = deduper.fresh(std::vector<KeyEvent>{{1, Key::CallNext, 1}, {2, Key::Start, 3}, {3, Key::Recall, 2}});
  // then it restarted: all three are new
  EXPECT_EQ(fresh.size(), 3u);
}

TEST(Keypad, SmallDisplayHoldsNumberAndWaitingCount) {
  const auto writes = encodeKeypadDisplay(KeypadDisplay{"A001", 12}, kMap);
  ASSERT_TRUE(writes.ok());
  ASSERT_EQ(writes->size(), 1u);
  EXPECT_EQ(writes->front(), (RegisterWrite{0x000A, {0x4130, 0x3031, 0, 0, 12}}));
  const auto back = decodeKeypadDisplay(RegisterBlock{0x000A, writes->front().values}, kMap);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), (KeypadDisplay{"A001", 12}));
}

TEST(Keypad, NumberTooLongForTheSmallDisplayIsRefused) {
  EXPECT_EQ(encodeKeypadDisplay(KeypadDisplay{"A0001-综合", 1}, kMap).error().code,
            CodecErrorCode::TextTooLong);
}
