#include "jiujin/devices/drivers/window_display.hpp"

#include <gtest/gtest.h>

#include "profile_support.hpp"

using namespace jiujin::devices::drivers;

namespace {
const WindowDisplayMap kMap = test_support::shippedMap<WindowDisplayMap>("jiujin-window-display-v1");
}

TEST(WindowDisplay, CallingContentIsOneSixteenRegisterWriteEndingWithTheSequence) {
  const auto writes = encodeWindowContent(callingContent("A001", 3), kMap, 7);
  ASSERT_TRUE(writes.ok()) << writes.error().message;
  ASSERT_EQ(writes->size(), 1u);
  const auto& w = writes->front();
  EXPECT_EQ(w.address, 0);
  // "A001 请到3号窗口" in GB18030: 41 30 30 31 20 C7EB B5BD 33 BAC5 B4B0 BFDA
  const std::vector<std::uint16_t> expected{0x4130, 0x3031, 0x20C7, 0xEBB5, 0xBD33, 0xBAC5,
                                            0xB4B0, 0xBFDA, 0,      0,      0,      0,
                                            2 /*green*/, 1 /*blink*/, 15, 7};
  EXPECT_EQ(w.values, expected);
}

TEST(WindowDisplay, WhatIsWrittenDecodesBackToTheSameContent) {
  for (const auto& content : {callingContent("B012", 12), pausedContent(), blankContent()}) {
    const auto writes = encodeWindowContent(content, kMap, 3);
    ASSERT_TRUE(writes.ok());
    const auto& w = writes->front();
    const auto shown = decodeWindowContent(RegisterBlock{w.address, w.values}, kMap);
    ASSERT_TRUE(shown.ok()) << shown.error().message;
    EXPECT_EQ(shown->content.text, content.text);
    EXPECT_EQ(shown->content.colour, content.colour);
    EXPECT_EQ(shown->content.blink, content.blink);
    EXPECT_EQ(shown->content.brightness, 15);
    EXPECT_EQ(shown->contentSeq, 3);
  }
}

TEST(WindowDisplay, PausedShowsZanTingFuWuInRed) {
  const auto content = pausedContent();
  EXPECT_EQ(content.text, "暂停服务");
  EXPECT_EQ(content.colour, Colour::Red);
}

TEST(WindowDisplay, TextWiderThanTheDisplayIsCutAtACharacterAndTheCutIsReported) {
  WindowContent content{"请A001号到第3号窗口办理业务", Colour::Red, false, {}};  // 27 bytes, the area holds 24
  TextCuts cuts;
  const auto writes = encodeWindowContent(content, kMap, 1, &cuts);
  ASSERT_TRUE(writes.ok()) << writes.error().message;
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts.front(), (TextCut{"text", content.text, "请A001号到第3号窗口办理"}));
}

TEST(WindowDisplay, BrightnessAboveTheProfileMaximumIsRefused) {
  WindowContent content = pausedContent();
  content.brightness = 16;
  EXPECT_EQ(encodeWindowContent(content, kMap, 1).error().code, CodecErrorCode::ValueOutOfRange);
}

TEST(WindowDisplay, ContentSequenceGoesInTheLastFrameWhenTheLayoutSplits) {
  WindowDisplayMap split = kMap;
  split.contentSeq = 0x0020;  // a vendor keeps the sequence away from the text
  const auto writes = encodeWindowContent(pausedContent(), split, 9);
  ASSERT_TRUE(writes.ok());
  ASSERT_EQ(writes->size(), 2u);
  EXPECT_EQ(writes->back(), (RegisterWrite{0x0020, {9}}));
}

TEST(WindowDisplay, DecodingFromTooShortABlockIsAnErrorNotACrash) {
  const std::vector<std::uint16_t> few{0x4130, 0x3031};
  const auto shown = decodeWindowContent(RegisterBlock{0, few}, kMap);
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.error().code, CodecErrorCode::RegisterNotInBlock);
}

TEST(WindowDisplay, UnknownColourCodeIsAnErrorValue) {
  auto writes = encodeWindowContent(pausedContent(), kMap, 1).value();
  writes.front().values[kMap.colour] = 99;
  const auto shown = decodeWindowContent(RegisterBlock{0, writes.front().values}, kMap);
  ASSERT_FALSE(shown.ok());
  EXPECT_EQ(shown.error().code, CodecErrorCode::UnknownValue);
}
