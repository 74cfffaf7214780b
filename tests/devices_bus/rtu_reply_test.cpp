// The link's check of an RTU reply against its request, on byte vectors (no CRC).
#include "jiujin/devices/rtu_reply.hpp"

#include <gtest/gtest.h>

namespace jiujin::devices {
namespace {

using Bytes = std::vector<std::uint8_t>;

TEST(RtuReply, RequestBytesAreTheSpecificationsFrames) {
  // Modbus Application Protocol v1.1b3, 6.3 / 6.6 / 6.12 (slave 0x11 prepended).
  EXPECT_EQ(rtuRequestBytes({0x11, 0x03, 0x006B, 3, 0}), (Bytes{0x11, 0x03, 0x00, 0x6B, 0x00, 0x03}));
  EXPECT_EQ(rtuRequestBytes({0x11, 0x06, 0x0001, 1, 0x0003}), (Bytes{0x11, 0x06, 0x00, 0x01, 0x00, 0x03}));
  const std::uint16_t values[] = {0x000A, 0x0102};
  EXPECT_EQ(rtuRequestBytes({0x11, 0x10, 0x0001, 2, 0}, values),
            (Bytes{0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02}));
}

TEST(RtuReply, AMatchingReadReplyGivesItsRegisters) {
  const auto check = checkRtuReply({5, 0x03, 0x10, 2, 0}, Bytes{5, 0x03, 4, 0x41, 0x30, 0x00, 0x07});
  EXPECT_FALSE(check.error);
  EXPECT_EQ(check.registers, (std::vector<std::uint16_t>{0x4130, 0x0007}));
}

TEST(RtuReply, AReplyFromAnotherSlaveIsABadFrame) {
  EXPECT_EQ(checkRtuReply({5, 0x03, 0, 2, 0}, Bytes{6, 0x03, 4, 0, 1, 0, 2}).error, ModbusErrorKind::BadFrame);
  // libmodbus sets another slave's frame aside and hands back nothing
  EXPECT_EQ(checkRtuReply({5, 0x03, 0, 2, 0}, Bytes{}).error, ModbusErrorKind::BadFrame);
}

TEST(RtuReply, AReplyToAnotherFunctionIsABadFrame) {
  const auto check = checkRtuReply({5, 0x10, 0, 2, 0}, Bytes{5, 0x03, 4, 0, 1, 0, 2});
  EXPECT_EQ(check.error, ModbusErrorKind::BadFrame);
  EXPECT_NE(check.reason.find("function"), std::string::npos) << check.reason;
}

TEST(RtuReply, TheEchoOfAnotherWriteToTheSameDeviceIsABadFrame) {
  // A late echo of the text write (0x0000, 12 registers) is no answer to the commit (0x000F, 1).
  EXPECT_EQ(checkRtuReply({5, 0x10, 0x000F, 1, 0}, Bytes{5, 0x10, 0x00, 0x00, 0x00, 0x0C}).error,
            ModbusErrorKind::BadFrame);
  EXPECT_EQ(checkRtuReply({5, 0x10, 0x000F, 1, 0}, Bytes{5, 0x10, 0x00, 0x05, 0x00, 0x01}).error,
            ModbusErrorKind::BadFrame);
  EXPECT_FALSE(checkRtuReply({5, 0x10, 0x000F, 1, 0}, Bytes{5, 0x10, 0x00, 0x0F, 0x00, 0x01}).error);
  EXPECT_EQ(checkRtuReply({5, 0x06, 0x0009, 1, 42}, Bytes{5, 0x06, 0x00, 0x09, 0x00, 41}).error,
            ModbusErrorKind::BadFrame);
  EXPECT_FALSE(checkRtuReply({5, 0x06, 0x0009, 1, 42}, Bytes{5, 0x06, 0x00, 0x09, 0x00, 42}).error);
}

TEST(RtuReply, AReadReplyOfTheWrongSizeIsABadFrame) {
  EXPECT_EQ(checkRtuReply({5, 0x03, 0, 2, 0}, Bytes{5, 0x03, 2, 0, 1}).error, ModbusErrorKind::BadFrame);
}

TEST(RtuReply, AnExceptionToThisFunctionIsAnExceptionWithItsCode) {
  const auto check = checkRtuReply({5, 0x10, 0, 2, 0}, Bytes{5, 0x90, 0x01});
  EXPECT_EQ(check.error, ModbusErrorKind::Exception);
  EXPECT_EQ(check.exceptionCode, 1);
  // an exception to another function is another exchange's
  EXPECT_EQ(checkRtuReply({5, 0x10, 0, 2, 0}, Bytes{5, 0x83, 0x02}).error, ModbusErrorKind::BadFrame);
  EXPECT_EQ(checkRtuReply({5, 0x10, 0, 2, 0}, Bytes{5, 0x90, 0x63}).error, ModbusErrorKind::BadFrame);
}

}  // namespace
}  // namespace jiujin::devices
