#include "jiujin/devices/drivers/main_strip.hpp"

#include <gtest/gtest.h>

#include <map>

#include "profile_support.hpp"

using namespace jiujin::devices::drivers;

namespace {
const MainStripMap kMap = test_support::shippedMap<MainStripMap>("jiujin-main-strip-v1");

// Applies writes to a register file the size of the strip, as the device would.
std::vector<std::uint16_t> apply(const std::vector<RegisterWrite>& writes) {
  std::vector<std::uint16_t> regs(0x64, 0);
  for (const auto& w : writes) {
    for (std::size_t i = 0; i < w.values.size(); ++i) regs.at(w.address + i) = w.values[i];
  }
  return regs;
}
}  // namespace

TEST(MainStrip, FullContentFitsOneFrameAndDecodesBack) {
  StripContent content{{"A001 请到3号窗口", "B002 请到5号窗口"}, "午间不间断服务", ScrollMode::Scrolling, 4, 10};
  const auto writes = encodeStripContent(content, kMap, 5);
  ASSERT_TRUE(writes.ok()) << writes.error().message;
  EXPECT_EQ(writes->size(), 1u);
  const auto regs = apply(writes.value());
  const auto shown = decodeStripContent(RegisterBlock{0, regs}, kMap);
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  EXPECT_EQ(shown->content.lines,
            (std::vector<std::string>{"A001 请到3号窗口", "B002 请到5号窗口", "", ""}));
  EXPECT_EQ(shown->content.notice, "午间不间断服务");
  EXPECT_EQ(shown->content.scroll, ScrollMode::Scrolling);
  EXPECT_EQ(shown->content.scrollSpeed, 4);
  EXPECT_EQ(shown->content.brightness, 10);
  EXPECT_EQ(shown->contentSeq, 5);
}

TEST(MainStrip, OneLineUpdateWritesTheLineThenTheSequence) {
  const auto writes = encodeStripLine(2, "C003 请到1号窗口", kMap, 6);
  ASSERT_TRUE(writes.ok());
  ASSERT_EQ(writes->size(), 2u);
  EXPECT_EQ(writes->at(0).address, 0x0020);
  EXPECT_EQ(writes->at(0).values.size(), 16u);
  EXPECT_EQ(writes->at(1), (RegisterWrite{0x0063, {6}}));
}

TEST(MainStrip, LineBeyondTheStripIsRefused) {
  EXPECT_EQ(encodeStripLine(4, "x", kMap, 1).error().code, CodecErrorCode::ValueOutOfRange);
  StripContent tooMany{{"1", "2", "3", "4", "5"}, "", ScrollMode::Still, 3, {}};
  EXPECT_EQ(encodeStripContent(tooMany, kMap, 1).error().code, CodecErrorCode::ValueOutOfRange);
}
