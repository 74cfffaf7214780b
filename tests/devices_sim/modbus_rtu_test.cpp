// The simulator's own RTU framing against byte vectors from the Modbus specifications and the
// frames worked through at simplymodbus.ca — never against the drivers' framing.
#include "jiujin/devices/sim/modbus_rtu.hpp"

#include <gtest/gtest.h>

using namespace jiujin::devices::sim;

namespace {

using Bytes = std::vector<std::uint8_t>;

rtu::Request parsedRequest(const Bytes& frame) {
  const auto parsed = rtu::parseRequest(frame);
  EXPECT_TRUE(std::holds_alternative<rtu::Request>(parsed));
  return std::holds_alternative<rtu::Request>(parsed) ? std::get<rtu::Request>(parsed) : rtu::Request{};
}

rtu::Refused refusal(const Bytes& frame) {
  const auto parsed = rtu::parseRequest(frame);
  EXPECT_TRUE(std::holds_alternative<rtu::Refused>(parsed));
  return std::holds_alternative<rtu::Refused>(parsed) ? std::get<rtu::Refused>(parsed) : rtu::Refused{};
}

}  // namespace

TEST(SimRtuCrc, MatchesTheSpecificationsExampleFrames) {
  EXPECT_EQ(rtu::crc16(Bytes{0x01, 0x03, 0x00, 0x00, 0x00, 0x0A}), 0xCDC5);  // sent C5 CD
  EXPECT_EQ(rtu::crc16(Bytes{0x11, 0x03, 0x00, 0x6B, 0x00, 0x03}), 0x8776);  // sent 76 87
  EXPECT_EQ(rtu::crc16(Bytes{}), 0xFFFF);
}

TEST(SimRtuRequest, ReadHoldingRegistersIsParsed) {
  const auto request = parsedRequest({0x11, 0x03, 0x00, 0x6B, 0x00, 0x03, 0x76, 0x87});
  EXPECT_EQ(request.unit, 0x11);
  EXPECT_EQ(request.function, rtu::Function::ReadHoldingRegisters);
  EXPECT_EQ(request.address, 0x006B);
  EXPECT_EQ(request.count, 3);
}

TEST(SimRtuRequest, WriteSingleRegisterIsParsed) {
  const auto request = parsedRequest({0x11, 0x06, 0x00, 0x01, 0x00, 0x03, 0x9A, 0x9B});
  EXPECT_EQ(request.function, rtu::Function::WriteSingleRegister);
  EXPECT_EQ(request.address, 1);
  EXPECT_EQ(request.values, (std::vector<std::uint16_t>{3}));
}

TEST(SimRtuRequest, WriteMultipleRegistersIsParsed) {
  const auto request =
      parsedRequest({0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02, 0xC6, 0xF0});
  EXPECT_EQ(request.function, rtu::Function::WriteMultipleRegisters);
  EXPECT_EQ(request.address, 1);
  EXPECT_EQ(request.count, 2);
  EXPECT_EQ(request.values, (std::vector<std::uint16_t>{0x000A, 0x0102}));
}

TEST(SimRtuRequest, ABrokenFrameIsIgnored) {
  EXPECT_TRUE(std::holds_alternative<rtu::Ignored>(rtu::parseRequest(Bytes{0x01, 0x03, 0x00})));
  // 01 03 00 00 00 0A with its CRC bytes swapped
  EXPECT_TRUE(std::holds_alternative<rtu::Ignored>(
      rtu::parseRequest(Bytes{0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xCD, 0xC5})));
}

TEST(SimRtuRequest, AnotherFunctionIsRefusedAsIllegalFunction) {
  // 0x04 read input registers: the hall's devices keep everything in holding registers.
  const auto refused = refusal({0x01, 0x04, 0x00, 0x00, 0x00, 0x01, 0x31, 0xCA});
  EXPECT_EQ(refused.unit, 1);
  EXPECT_EQ(refused.function, 0x04);
  EXPECT_EQ(refused.exception, rtu::Exception::IllegalFunction);
}

TEST(SimRtuRequest, AQuantityOrByteCountOutsideTheFunctionsLimitsIsIllegalDataValue) {
  auto sealed = [](Bytes body) {
    const auto crc = rtu::crc16(body);
    body.push_back(static_cast<std::uint8_t>(crc & 0xFF));
    body.push_back(static_cast<std::uint8_t>(crc >> 8));
    return body;
  };
  for (const auto& frame : {sealed({0x01, 0x03, 0x00, 0x00, 0x00, 0x00}),        // read 0
                            sealed({0x01, 0x03, 0x00, 0x00, 0x00, 0x7E}),        // read 126
                            sealed({0x01, 0x10, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x01}),  // 2 regs, 2 bytes
                            sealed({0x01, 0x06, 0x00, 0x01, 0x00})}) {           // 0x06 cut short
    EXPECT_EQ(refusal(frame).exception, rtu::Exception::IllegalDataValue) << frame.size();
  }
}

TEST(SimRtuReply, ReadRepliesCarryTheRegistersHighByteFirst) {
  const rtu::Request request{0x11, rtu::Function::ReadHoldingRegisters, 0x006B, 3, {}};
  const std::vector<std::uint16_t> values{0xAE41, 0x5652, 0x4340};
  EXPECT_EQ(rtu::replyFrame(request, values),
            (Bytes{0x11, 0x03, 0x06, 0xAE, 0x41, 0x56, 0x52, 0x43, 0x40, 0x49, 0xAD}));
}

TEST(SimRtuReply, WritesAreEchoed) {
  EXPECT_EQ(rtu::replyFrame({0x11, rtu::Function::WriteSingleRegister, 0x0001, 1, {0x0003}}),
            (Bytes{0x11, 0x06, 0x00, 0x01, 0x00, 0x03, 0x9A, 0x9B}));
  EXPECT_EQ(rtu::replyFrame({0x11, rtu::Function::WriteMultipleRegisters, 0x0001, 2, {0x000A, 0x0102}}),
            (Bytes{0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x12, 0x98}));
}

TEST(SimRtuReply, ExceptionsSetTheFunctionsHighBit) {
  EXPECT_EQ(rtu::exceptionFrame(0x01, 0x03, rtu::Exception::IllegalDataAddress),
            (Bytes{0x01, 0x83, 0x02, 0xC0, 0xF1}));
  EXPECT_EQ(rtu::exceptionFrame(0x01, 0x01, rtu::Exception::IllegalFunction),
            (Bytes{0x01, 0x81, 0x01, 0x81, 0x90}));
}

TEST(SimRtuTiming, TheFrameGapIsThreeAndAHalfCharacters) {
  EXPECT_EQ(rtu::bitsPerCharacter(8, false, 1), 10);
  EXPECT_EQ(rtu::bitsPerCharacter(8, true, 1), 11);
  EXPECT_EQ(rtu::frameGapMicros(9600, 10), 3645);  // 3.5 × 10 bits / 9600 baud
  EXPECT_EQ(rtu::frameGapMicros(115200, 10), 1750) << "fixed above 19200 baud";
}
