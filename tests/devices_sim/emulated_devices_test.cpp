#include <gtest/gtest.h>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/sim/emulated_eval_pad.hpp"
#include "jiujin/devices/sim/emulated_keypad.hpp"

using namespace jiujin::devices::drivers;
using namespace jiujin::devices::sim;
using namespace std::chrono_literals;

namespace {

Profile shipped(const char* name) {
  return loadProfile(builtinProfileDir() / (std::string(name) + ".toml")).value();
}

// Writes through the request path, as the bus would.
void writeAll(EmulatedDevice& device, const std::vector<RegisterWrite>& writes,
              SimClock::time_point now) {
  for (const auto& w : writes) {
    const auto reply = device.handle(WriteMultipleRegisters{w.address, w.values}, now);
    ASSERT_TRUE(std::holds_alternative<WriteMultipleRegistersReply>(reply));
  }
}

}  // namespace

TEST(EmulatedEvalPad, PromptNotAnsweredInTimeBecomesTimedOutAndRefusesLatePresses) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  const auto& map = std::get<EvalPadMap>(pad.profile().map);
  const SimClock::time_point t0{};
  writeAll(pad, encodePadPrompt({"A001", "0312", "王芳", 20}, map).value(), t0);
  EXPECT_EQ(pad.state(t0 + 19s), PadState::Prompting);
  EXPECT_EQ(pad.state(t0 + 20s), PadState::TimedOut);
  EXPECT_FALSE(pad.rate(Rating::Satisfied, t0 + 21s).ok());

  const auto reply = pad.handle(ReadHoldingRegisters{padPollRead(map).address, 3}, t0 + 21s);
  const auto& values = std::get<ReadHoldingRegistersReply>(reply).values;
  EXPECT_EQ(decodePadStatus(RegisterBlock{padPollRead(map).address, values}, map).value(),
            (PadStatus{PadState::TimedOut, std::nullopt, 0}));
}

TEST(EmulatedEvalPad, CancelReturnsToIdleWithoutARating) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  const auto& map = std::get<EvalPadMap>(pad.profile().map);
  const SimClock::time_point t0{};
  writeAll(pad, encodePadPrompt({"A001", "0312", "王芳", 20}, map).value(), t0);
  (void)pad.handle(WriteSingleRegister{map.command, encodePadCancel(map).values.front()}, t0);
  EXPECT_EQ(pad.state(t0), PadState::Idle);
}

TEST(EmulatedEvalPad, EachAcceptedRatingAdvancesTheSequenceAcrossPrompts) {
  EmulatedEvalPad pad("pad", 21, shipped("jiujin-eval-pad-v1"));
  const auto& map = std::get<EvalPadMap>(pad.profile().map);
  const SimClock::time_point t0{};
  writeAll(pad, encodePadPrompt({"A001", "1", "李", 30}, map).value(), t0);
  EXPECT_EQ(pad.rate(Rating::VerySatisfied, t0 + 1s).value(), 1);
  writeAll(pad, encodePadPrompt({"A002", "1", "李", 30}, map).value(), t0 + 2s);
  EXPECT_EQ(pad.rate(Rating::Basic, t0 + 3s).value(), 2);
}

TEST(EmulatedKeypad, AcknowledgingAnOlderSequenceDropsEveryEventUpToIt) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  const auto& map = std::get<KeypadMap>(keypad.profile().map);
  for (const Key k : {Key::CallNext, Key::Start, Key::Complete}) ASSERT_TRUE(keypad.press(k));
  (void)keypad.handle(WriteSingleRegister{map.ack, 2}, SimClock::now());
  EXPECT_EQ(keypad.pending(), 1u);
  (void)keypad.handle(WriteSingleRegister{map.ack, 99}, SimClock::now());
  EXPECT_EQ(keypad.pending(), 1u) << "an unknown sequence drops nothing";
}

TEST(EmulatedKeypad, PowerCycleEmptiesTheFifoAndRestartsNumbering) {
  EmulatedKeypad keypad("kp", 11, shipped("jiujin-keypad-v1"));
  ASSERT_EQ(keypad.press(Key::CallNext), 1);
  keypad.powerCycle();
  EXPECT_EQ(keypad.pending(), 0u);
  EXPECT_EQ(keypad.press(Key::CallNext), 1);
}
