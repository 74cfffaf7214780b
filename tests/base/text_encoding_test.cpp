#include <gtest/gtest.h>

#include "jiujin/base/text_encoding.hpp"

namespace jiujin::base {
namespace {

TEST(TextEncoding, Gb18030BytesOfCommonHallWords) {
  // 请 = C7 EB, 号 = BA C5 in GB2312/GBK/GB18030.
  const auto gb = convertText("请A1号", Encoding::Utf8, Encoding::Gb18030);
  ASSERT_TRUE(gb.ok()) << gb.error().message;
  EXPECT_EQ(gb.value(), std::string("\xC7\xEB" "A1" "\xBA\xC5"));
  const auto back = convertText(gb.value(), Encoding::Gb18030, Encoding::Utf8);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), "请A1号");
}

TEST(TextEncoding, Utf16BigEndianForDisplaysThatWantIt) {
  const auto u16 = convertText("窗A", Encoding::Utf8, Encoding::Utf16Be);
  ASSERT_TRUE(u16.ok());
  EXPECT_EQ(u16.value(), std::string("\x7A\x97\x00\x41", 4));  // 窗 = U+7A97
}

TEST(TextEncoding, AnInvalidSequenceIsAnErrorNamingItsOffset) {
  const auto bad = convertText(std::string("ab\xFF\xFE", 4), Encoding::Utf8, Encoding::Gb18030);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().offset, 2u);
  EXPECT_NE(bad.error().message.find("offset 2"), std::string::npos) << bad.error().message;
  const auto cut = convertText(std::string("\xC7", 1), Encoding::Gb18030, Encoding::Utf8);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.error().message.find("truncated"), std::string::npos) << cut.error().message;
}

TEST(TextEncoding, LongTextConvertsWhole) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "综合受理";
  const auto gb = convertText(text, Encoding::Utf8, Encoding::Gb18030);
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(gb.value().size(), 2000u * 8u);
}

TEST(TextEncoding, StrictUtf8) {
  EXPECT_TRUE(isValidUtf8("就近 A001"));
  EXPECT_FALSE(isValidUtf8(std::string("\xC0\xAF", 2)));      // overlong '/'
  EXPECT_FALSE(isValidUtf8(std::string("\xED\xA0\x80", 3)));  // a surrogate
  EXPECT_FALSE(isValidUtf8(std::string("\xE5\xB0", 2)));      // cut short
}

}  // namespace
}  // namespace jiujin::base
