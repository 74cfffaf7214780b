#include "jiujin/devices/drivers/eval_pad.hpp"

#include <gtest/gtest.h>

#include "profile_support.hpp"

using namespace jiujin::devices::drivers;

namespace {
const EvalPadMap kMap = test_support::shippedMap<EvalPadMap>("jiujin-eval-pad-v1");
}

TEST(EvalPad, PromptIsOneFrameWithTheCommandInTheLastRegister) {
  const auto writes = encodePadPrompt(PadPrompt{"A001", "0312", "王芳", 30}, kMap);
  ASSERT_TRUE(writes.ok()) << writes.error().message;
  ASSERT_EQ(writes->size(), 1u);
  const auto& w = writes->front();
  EXPECT_EQ(w.address, 0);
  ASSERT_EQ(w.values.size(), 18u);
  EXPECT_EQ(w.values[0x10], 30);
  EXPECT_EQ(w.values[0x11], 1);  // prompt
  // 王 CD F5, 芳 B7 BC
  EXPECT_EQ(w.values[0x08], 0xCDF5);
  EXPECT_EQ(w.values[0x09], 0xB7BC);
}

TEST(EvalPad, PromptDecodesBackOnThePadSide) {
  const PadPrompt prompt{"B017", "0007", "欧阳晓明", 45};
  const auto writes = encodePadPrompt(prompt, kMap).value();
  const auto back = decodePadPrompt(RegisterBlock{0, writes.front().values}, kMap);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back.value(), prompt);
  EXPECT_EQ(decodePadCommand(writes.front().values[kMap.command], kMap), PadCommand::Prompt);
}

TEST(EvalPad, CancelWritesTheCancelCommand) {
  EXPECT_EQ(encodePadCancel(kMap), (RegisterWrite{0x0011, {2}}));
}

TEST(EvalPad, StatusRegistersDecodeToStateRatingAndSequence) {
  EXPECT_EQ(padPollRead(kMap), (RegisterRead{0x0012, 3}));
  const std::vector<std::uint16_t> regs{2 /*rated*/, 2 /*满意*/, 17};
  const auto status = decodePadStatus(RegisterBlock{0x0012, regs}, kMap);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value(), (PadStatus{PadState::Rated, Rating::Satisfied, 17}));
}

TEST(EvalPad, NoRatingYetDecodesAsNoRating) {
  const std::vector<std::uint16_t> regs{1, 0, 0};
  const auto status = decodePadStatus(RegisterBlock{0x0012, regs}, kMap);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->state, PadState::Prompting);
  EXPECT_FALSE(status->rating);
}

TEST(EvalPad, RatingOutsideTheScaleIsAnErrorValue) {
  const std::vector<std::uint16_t> regs{2, 6, 1};
  EXPECT_EQ(decodePadStatus(RegisterBlock{0x0012, regs}, kMap).error().code,
            CodecErrorCode::UnknownValue);
}

TEST(EvalPad, PadSideStatusEncodingDecodesBack) {
  const PadStatus status{PadState::TimedOut, std::nullopt, 3};
  const auto writes = encodePadStatus(status, kMap);
  ASSERT_EQ(writes.size(), 1u);
  EXPECT_EQ(decodePadStatus(RegisterBlock{writes[0].address, writes[0].values}, kMap).value(), status);
}

TEST(EvalPad, TimeoutOfZeroIsRefused) {
  EXPECT_EQ(encodePadPrompt(PadPrompt{"A001", "1", "李", 0}, kMap).error().code,
            CodecErrorCode::ValueOutOfRange);
}
