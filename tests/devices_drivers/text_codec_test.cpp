#include "jiujin/devices/drivers/text_codec.hpp"

#include <gtest/gtest.h>

using namespace jiujin::devices::drivers;

TEST(TextCodec, ChineseTextIsTwoBytesPerCharacterInGb18030HighByteFirst) {
  // 请 is C7 EB and 到 is B5 BD in GB18030
  const auto regs = encodeText("请到", TextEncoding::Gb18030, 3);
  ASSERT_TRUE(regs.ok()) << regs.error().message;
  EXPECT_EQ(regs.value(), (std::vector<std::uint16_t>{0xC7EB, 0xB5BD, 0x0000}));
}

TEST(TextCodec, OddByteCountLeavesTheLowByteOfTheLastRegisterZero) {
  // "A001 请" = 41 30 30 31 20 C7 EB
  const auto regs = encodeText("A001 请", TextEncoding::Gb18030, 4);
  ASSERT_TRUE(regs.ok());
  EXPECT_EQ(regs.value(), (std::vector<std::uint16_t>{0x4130, 0x3031, 0x20C7, 0xEB00}));
}

TEST(TextCodec, Utf16BigEndianHoldsOneCodeUnitPerRegister) {
  // 暂 U+6682, 停 U+505C
  const auto regs = encodeText("暂停", TextEncoding::Utf16Be, 3);
  ASSERT_TRUE(regs.ok());
  EXPECT_EQ(regs.value(), (std::vector<std::uint16_t>{0x6682, 0x505C, 0x0000}));
}

TEST(TextCodec, TextLongerThanTheAreaIsRefusedWithTextTooLong) {
  const auto regs = encodeText("A001 请到3号窗口办理业务", TextEncoding::Gb18030, 4);
  ASSERT_FALSE(regs.ok());
  EXPECT_EQ(regs.error().code, CodecErrorCode::TextTooLong);
}

TEST(TextCodec, InvalidUtf8IsRefusedWithInvalidText) {
  const auto regs = encodeText("A\xC3", TextEncoding::Gb18030, 4);
  ASSERT_FALSE(regs.ok());
  EXPECT_EQ(regs.error().code, CodecErrorCode::InvalidText);
}

TEST(TextCodec, DecodingStopsAtThePaddingInBothEncodings) {
  for (const auto encoding : {TextEncoding::Gb18030, TextEncoding::Utf16Be}) {
    const auto regs = encodeText("A001 请到3号窗口", encoding, 16);
    ASSERT_TRUE(regs.ok());
    const auto text = decodeText(regs.value(), encoding);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(text.value(), "A001 请到3号窗口") << toString(encoding);
  }
}

TEST(TextCodec, FourByteGb18030CharactersRoundTrip) {
  // 𠀀 (U+20000) needs four bytes in GB18030: 95 32 82 36
  const auto regs = encodeText("𠀀", TextEncoding::Gb18030, 2);
  ASSERT_TRUE(regs.ok());
  EXPECT_EQ(regs.value(), (std::vector<std::uint16_t>{0x9532, 0x8236}));
  EXPECT_EQ(decodeText(regs.value(), TextEncoding::Gb18030).value(), "𠀀");
}

TEST(TextCodec, RegistersThatAreNotGb18030DecodeToAnErrorValue) {
  const std::vector<std::uint16_t> regs{0x81FF};  // lead byte followed by an invalid trail
  const auto text = decodeText(regs, TextEncoding::Gb18030);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, CodecErrorCode::InvalidText);
}

TEST(TextCodec, EmptyTextIsAllZeroRegisters) {
  const auto regs = encodeText("", TextEncoding::Utf16Be, 2);
  ASSERT_TRUE(regs.ok());
  EXPECT_EQ(regs.value(), (std::vector<std::uint16_t>{0, 0}));
  EXPECT_EQ(decodeText(regs.value(), TextEncoding::Utf16Be).value(), "");
}
