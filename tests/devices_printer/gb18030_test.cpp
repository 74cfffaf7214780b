#include "jiujin/devices/printer/gb18030.hpp"

#include <gtest/gtest.h>

namespace jiujin::devices::printer {
namespace {

using Bytes = std::vector<std::uint8_t>;

TEST(Gb18030, CommonChineseCharacterBecomesItsTwoByteCode) {
  auto converted = utf8ToGb18030("请");
  EXPECT_TRUE(converted.error.empty());
  EXPECT_EQ(converted.bytes, (Bytes{0xC7, 0xEB}));
}

TEST(Gb18030, AsciiTicketNumberIsUnchanged) {
  EXPECT_EQ(utf8ToGb18030("A001").bytes, (Bytes{'A', '0', '0', '1'}));
}

TEST(Gb18030, CharacterOutsideGbkUsesFourBytes) {
  // U+1F600 has no GBK code; GB18030 covers all of Unicode with four-byte sequences.
  EXPECT_EQ(utf8ToGb18030("\U0001F600").bytes, (Bytes{0x94, 0x39, 0xFC, 0x36}));
}

TEST(Gb18030, InvalidUtf8IsAnErrorNotACrash) {
  auto converted = utf8ToGb18030("ab\xFF");
  EXPECT_TRUE(converted.bytes.empty());
  EXPECT_NE(converted.error.find("offset 2"), std::string::npos) << converted.error;
}

TEST(Gb18030, TextSurvivesTheRoundTrip) {
  const std::string text = "请A001号到3号窗口办理 \U0001F600";
  auto there = utf8ToGb18030(text);
  auto back = gb18030ToUtf8(there.bytes);
  EXPECT_TRUE(back.error.empty());
  EXPECT_EQ(back.text, text);
}

TEST(Gb18030, TruncatedDoubleByteCharacterIsAnError) {
  const Bytes half{0xC7};
  EXPECT_FALSE(gb18030ToUtf8(half).error.empty());
}

}  // namespace
}  // namespace jiujin::devices::printer
