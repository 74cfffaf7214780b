// Emulated devices driven through their request handler, with register values taken from the
// register maps in docs/devices.md (not from the drivers), plus the pad's and keypad's rules.
#include <gtest/gtest.h>

#include "jiujin/devices/sim/emulated_displays.hpp"
#include "jiujin/devices/sim/emulated_eval_pad.hpp"
#include "jiujin/devices/sim/emulated_keypad.hpp"

using namespace jiujin::devices::sim;
using namespace std::chrono_literals;

namespace {

DeviceProfile shipped(const char* name) {
  return loadDeviceProfile(builtinProfileDir() / (std::string(name) + ".toml")).value();
}

rtu::Request write(std::uint16_t address, std::vector<std::uint16_t> values) {
  const auto count = static_cast<std::uint16_t>(values.size());
  return {1, rtu::Function::WriteMultipleRegisters, address, count, std::move(values)};
}

rtu::Request read(std::uint16_t address, std::uint16_t count) {
  return {1, rtu::Function::ReadHoldingRegisters, address, count, {}};
}

const SimClock::time_point t0{};

// jiujin-eval-pad-v1: ticket 0x0000+4, clerk number 0x0004+4, clerk name 0x0008+8 (GB18030),
// timeout 0x0010, command 0x0011 (prompt 1, cancel 2); state, rating, rating_seq 0x0012..0x0014.
rtu::Request padPrompt(std::uint16_t timeoutSeconds) {
  std::vector<std::uint16_t> registers(18, 0);
  registers[0] = 0x4130;   // "A0"
  registers[1] = 0x3031;   // "01"
  registers[4] = 0x3033;   // "03"
  registers[5] = 0x3132;   // "12"
  registers[8] = 0xCDF5;   // 王
  registers[9] = 0xB7BC;   // 芳
  registers[16] = timeoutSeconds;
  registers[17] = 1;       // prompt
  return write(0, registers);
}

}  // namespace

TEST(EmulatedWindowDisplay, ShowsTheDocumentedRegistersOnceTheSequenceIsWritten) {
  EmulatedWindowDisplay display("d", 1, shipped("jiujin-window-display-v1"));
  // "A001 请" is 4130 3031 20C7 EB00 in GB18030; green 2, blinking, brightness 9.
  ASSERT_FALSE(display.handle(write(0, {0x4130, 0x3031, 0x20C7, 0xEB00}), t0).refused);
  ASSERT_FALSE(display.handle(write(0x000C, {2, 1, 9}), t0).refused);
  EXPECT_FALSE(display.shown()) << "nothing is shown before the content sequence";
  ASSERT_FALSE(display.handle(write(0x000F, {7}), t0).refused);
  EXPECT_EQ(display.describeShown(), "text=\"A001 请\" colour=green blink=1 brightness=9 seq=7");
}

TEST(EmulatedWindowDisplay, AColourTheProfileDoesNotNameIsShownAsUnreadable) {
  EmulatedWindowDisplay display("d", 1, shipped("jiujin-window-display-v1"));
  ASSERT_FALSE(display.handle(write(0x000C, {9, 0, 15, 1}), t0).refused);
  EXPECT_EQ(display.describeShown(), "unreadable=\"colour code 9 is not in the profile\"");
}

TEST(EmulatedWindowDisplay, ReadingPastItsSixteenRegistersIsAnIllegalAddress) {
  EmulatedWindowDisplay display("d", 1, shipped("jiujin-window-display-v1"));
  EXPECT_EQ(display.handle(read(0, 16), t0).values.size(), 16u);
  EXPECT_EQ(display.handle(read(10, 7), t0).refused, rtu::Exception::IllegalDataAddress);
}

TEST(EmulatedMainStrip, ShowsEveryLineTheNoticeAndTheScrollModeByName) {
  EmulatedMainStrip strip("s", 100, shipped("jiujin-main-strip-v1"));
  ASSERT_FALSE(strip.handle(write(0x0010, {0xC7EB, 0xB5BD}), t0).refused);  // line 2: 请到
  ASSERT_FALSE(strip.handle(write(0x0060, {0, 3, 15, 4}), t0).refused);     // still, 3/s, 15, seq 4
  EXPECT_EQ(strip.describeShown(),
            "line1=\"\" line2=\"请到\" line3=\"\" line4=\"\" notice=\"\" scroll=still brightness=15 seq=4");
}

TEST(EmulatedEvalPad, PromptNotAnsweredInTimeBecomesTimedOutAndRefusesLatePresses) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  ASSERT_FALSE(pad.handle(padPrompt(20), t0).refused);
  EXPECT_EQ(pad.describeShown(), "ticket=\"A001\" clerk_number=\"0312\" clerk_name=\"王芳\"");
  EXPECT_EQ(pad.state(t0 + 19s), PadState::Prompting);
  EXPECT_EQ(pad.state(t0 + 20s), PadState::TimedOut);
  EXPECT_FALSE(pad.rate(Rating::Satisfied, t0 + 21s).ok());
  // state timed_out 3, no rating 0, rating sequence 0
  EXPECT_EQ(pad.handle(read(0x0012, 3), t0 + 21s).values, (std::vector<std::uint16_t>{3, 0, 0}));
}

TEST(EmulatedEvalPad, ARatingIsPublishedWithItsCodeAndSequence) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  ASSERT_FALSE(pad.handle(padPrompt(30), t0).refused);
  EXPECT_EQ(pad.handle(read(0x0012, 3), t0).values, (std::vector<std::uint16_t>{1, 0, 0}));
  ASSERT_EQ(pad.rate(Rating::Dissatisfied, t0 + 1s).value(), 1);
  EXPECT_EQ(pad.handle(read(0x0012, 3), t0 + 1s).values, (std::vector<std::uint16_t>{2, 4, 1}));
}

TEST(EmulatedEvalPad, CancelReturnsToIdleWithoutARating) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  ASSERT_FALSE(pad.handle(padPrompt(20), t0).refused);
  ASSERT_FALSE(pad.handle({1, rtu::Function::WriteSingleRegister, 0x0011, 1, {2}}, t0).refused);
  EXPECT_EQ(pad.state(t0), PadState::Idle);
  EXPECT_EQ(pad.describeShown(), "prompt=none");
}

TEST(EmulatedEvalPad, StatusRegistersAreReadOnly) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  EXPECT_EQ(pad.handle(write(0x0013, {5}), t0).refused, rtu::Exception::IllegalDataAddress);
}

TEST(EmulatedEvalPad, EachAcceptedRatingAdvancesTheSequenceAcrossPrompts) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  ASSERT_FALSE(pad.handle(padPrompt(30), t0).refused);
  EXPECT_EQ(pad.rate(Rating::VerySatisfied, t0 + 1s).value(), 1);
  ASSERT_FALSE(pad.handle(padPrompt(30), t0 + 2s).refused);
  EXPECT_EQ(pad.rate(Rating::Basic, t0 + 3s).value(), 2);
}

TEST(EmulatedKeypad, PressesFillTheFifoRegistersOldestFirst) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  ASSERT_EQ(keypad.press("call_next").value(), 1);
  ASSERT_EQ(keypad.press("complete").value(), 2);
  // count, then {sequence, key code} × 4: call_next 1, complete 4
  EXPECT_EQ(keypad.handle(read(0, 9), t0).values,
            (std::vector<std::uint16_t>{2, 1, 1, 2, 4, 0, 0, 0, 0}));
}

TEST(EmulatedKeypad, AKeyTheProfileDoesNotNameIsRefused) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  const auto pressed = keypad.press("self_destruct");
  ASSERT_FALSE(pressed.ok());
  EXPECT_EQ(pressed.error().message, "kp has no key \"self_destruct\"");
  EXPECT_EQ(keypad.pending(), 0u);
}

TEST(EmulatedKeypad, AcknowledgingAnOlderSequenceDropsEveryEventUpToIt) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  for (const char* key : {"call_next", "start", "complete"}) ASSERT_TRUE(keypad.press(key));
  (void)keypad.handle({1, rtu::Function::WriteSingleRegister, 0x0009, 1, {2}}, t0);
  EXPECT_EQ(keypad.pending(), 1u);
  (void)keypad.handle({1, rtu::Function::WriteSingleRegister, 0x0009, 1, {99}}, t0);
  EXPECT_EQ(keypad.pending(), 1u) << "an unknown sequence drops nothing";
}

TEST(EmulatedKeypad, SequenceNumbersSkipZeroWhenTheyWrap) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  for (std::uint32_t seq = 1; seq <= 0xFFFF; ++seq) {
    ASSERT_EQ(keypad.press("recall").value(), seq);
    (void)keypad.handle({1, rtu::Function::WriteSingleRegister, 0x0009, 1, {static_cast<std::uint16_t>(seq)}}, t0);
  }
  EXPECT_EQ(keypad.press("recall").value(), 1);
}

TEST(EmulatedKeypad, PowerCycleEmptiesTheFifoAndRestartsNumbering) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  ASSERT_EQ(keypad.press("call_next").value(), 1);
  keypad.powerCycle();
  EXPECT_EQ(keypad.pending(), 0u);
  EXPECT_EQ(keypad.press("call_next").value(), 1);
}
