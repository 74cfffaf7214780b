// The simulator's reading of register text against the examples of docs/devices.md.
#include "jiujin/devices/sim/register_text.hpp"

#include <gtest/gtest.h>

using namespace jiujin::devices::sim;

TEST(SimRegisterText, Gb18030IsTwoBytesARegisterHighByteFirst) {
  const std::vector<std::uint16_t> pleaseGoTo{0xC7EB, 0xB5BD, 0, 0};
  EXPECT_EQ(readRegisterText(pleaseGoTo, TextEncoding::Gb18030).value(), "请到");
}

TEST(SimRegisterText, AnOddByteCountEndsAtTheZeroLowByte) {
  const std::vector<std::uint16_t> registers{0x4130, 0x3031, 0x20C7, 0xEB00, 0x4142};
  EXPECT_EQ(readRegisterText(registers, TextEncoding::Gb18030).value(), "A001 请");
}

TEST(SimRegisterText, AFullAreaNeedsNoTerminator) {
  const std::vector<std::uint16_t> registers{0x4130, 0x3031};
  EXPECT_EQ(readRegisterText(registers, TextEncoding::Gb18030).value(), "A001");
}

TEST(SimRegisterText, Utf16EndsAtAZeroCodeUnitNotAZeroByte) {
  // 请 U+8BF7, A U+0041 (its high byte is zero), then the terminator
  const std::vector<std::uint16_t> registers{0x8BF7, 0x0041, 0x0000, 0x0042};
  EXPECT_EQ(readRegisterText(registers, TextEncoding::Utf16Be).value(), "请A");
}

TEST(SimRegisterText, Utf16SurrogatePairsAreOneCharacter) {
  const std::vector<std::uint16_t> registers{0xD842, 0xDFB7};  // 𠮷 U+20BB7
  EXPECT_EQ(readRegisterText(registers, TextEncoding::Utf16Be).value(), "𠮷");
}

TEST(SimRegisterText, BytesThatAreNotTextAreAnErrorNamingTheByte) {
  const std::vector<std::uint16_t> registers{0x4181, 0x2000};  // 0x81 0x20 is no GB18030 character
  const auto text = readRegisterText(registers, TextEncoding::Gb18030);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("at byte 1"), std::string::npos) << text.error().message;
}
