#include <gtest/gtest.h>

#include "jiujin/config/encoding.hpp"

namespace jiujin::config {
namespace {

const std::string kZhongwenGbk = "\xD6\xD0\xCE\xC4";  // 中文 in GBK/GB18030

TEST(TextEncoding, Utf8WithABomIsReadAsUtf8WithoutTheBom) {
  const auto text = decodeText("\xEF\xBB\xBF中文");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->utf8, "中文");
  EXPECT_EQ(text->source, TextEncoding::Utf8WithBom);
}

TEST(TextEncoding, BytesThatAreNotUtf8AreReadAsGb18030) {
  const auto gbk = decodeText("A," + kZhongwenGbk);
  ASSERT_TRUE(gbk);
  EXPECT_EQ(gbk->utf8, "A,中文");
  EXPECT_EQ(gbk->source, TextEncoding::Gb18030);
}

TEST(TextEncoding, ConvertsBothWays) {
  EXPECT_EQ(utf8ToGb18030("中文"), kZhongwenGbk);
  EXPECT_EQ(gb18030ToUtf8(kZhongwenGbk), "中文");
  EXPECT_FALSE(utf8ToGb18030("\xC3"));  // cut short
  EXPECT_FALSE(gb18030ToUtf8("\xD6"));  // cut short
}

TEST(TextEncoding, Utf8CheckRejectsOverlongAndSurrogateForms) {
  EXPECT_TRUE(isValidUtf8("plain 中文 𠀀"));
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(isValidUtf8("\xE4\xB8"));          // cut short
}

}  // namespace
}  // namespace jiujin::config
