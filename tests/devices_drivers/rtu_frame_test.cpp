#include "jiujin/devices/drivers/rtu_frame.hpp"

#include <gtest/gtest.h>

using namespace jiujin::devices::drivers;
using Bytes = std::vector<std::uint8_t>;

TEST(RtuFrame, ClassicReadOfTenRegistersEndsWithCrcC5CD) {
  const auto frame = encodeRequest(RtuRequest{1, ReadHoldingRegisters{0x0000, 10}});
  ASSERT_TRUE(frame.ok());
  EXPECT_EQ(frame.value(), (Bytes{0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD}));
}

TEST(RtuFrame, CrcOfTheReadHeaderIsCdc5SentLowByteFirst) {
  const Bytes header{0x01, 0x03, 0x00, 0x00, 0x00, 0x0A};
  EXPECT_EQ(crc16(header), 0xCDC5);
}

TEST(RtuFrame, WriteSingleRegisterMatchesTheSpecificationExample) {
  // Modbus over serial line spec example: unit 0x11 writes 0x0003 to register 0x0001
  const auto frame = encodeRequest(RtuRequest{0x11, WriteSingleRegister{0x0001, 0x0003}});
  ASSERT_TRUE(frame.ok());
  EXPECT_EQ(frame.value(), (Bytes{0x11, 0x06, 0x00, 0x01, 0x00, 0x03, 0x9A, 0x9B}));
}

TEST(RtuFrame, WriteMultipleRegistersMatchesTheSpecificationExample) {
  // unit 0x11 writes 0x000A 0x0102 from register 0x0001
  const auto frame =
      encodeRequest(RtuRequest{0x11, WriteMultipleRegisters{0x0001, {0x000A, 0x0102}}});
  ASSERT_TRUE(frame.ok());
  EXPECT_EQ(frame.value(),
            (Bytes{0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02, 0xC6, 0xF0}));
}

TEST(RtuFrame, RequestsDecodeToWhatWasEncoded) {
  const std::vector<RtuRequest> requests{
      {7, ReadHoldingRegisters{0x0012, 3}},
      {8, WriteSingleRegister{0x0009, 42}},
      {247, WriteMultipleRegisters{0x0000, std::vector<std::uint16_t>(123, 0xC7EB)}},
  };
  for (const auto& request : requests) {
    const auto frame = encodeRequest(request);
    ASSERT_TRUE(frame.ok());
    const auto decoded = decodeRequest(frame.value());
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value(), request);
  }
}

TEST(RtuFrame, ReadReplyMatchesKnownBytes) {
  // unit 1 answers two registers 0x0001 0x0002
  const auto frame = encodeResponse(RtuResponse{1, ReadHoldingRegistersReply{{0x0001, 0x0002}}});
  EXPECT_EQ(frame, (Bytes{0x01, 0x03, 0x04, 0x00, 0x01, 0x00, 0x02, 0x2A, 0x32}));
  const auto decoded = decodeResponse(frame);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded.value(), (RtuResponse{1, ReadHoldingRegistersReply{{0x0001, 0x0002}}}));
}

TEST(RtuFrame, ExceptionReplySetsTheHighBitOfTheFunction) {
  const auto frame =
      encodeResponse(RtuResponse{1, ExceptionReply{0x03, ExceptionCode::IllegalDataAddress}});
  EXPECT_EQ(frame, (Bytes{0x01, 0x83, 0x02, 0xC0, 0xF1}));
  const auto decoded = decodeResponse(frame);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(std::get<ExceptionReply>(decoded.value().pdu).code, ExceptionCode::IllegalDataAddress);
}

TEST(RtuFrame, WriteRepliesRoundTrip) {
  for (const auto& response : {RtuResponse{3, WriteSingleRegisterReply{9, 5}},
                               RtuResponse{4, WriteMultipleRegistersReply{0, 16}}}) {
    const auto decoded = decodeResponse(encodeResponse(response));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded.value(), response);
  }
}

TEST(RtuFrame, OneFlippedBitGivesBadCrc) {
  Bytes frame{0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD};
  frame[3] ^= 0x01;
  const auto decoded = decodeRequest(frame);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().code, CodecErrorCode::BadCrc);
}

TEST(RtuFrame, UnknownFunctionWithGoodCrcIsUnsupportedFunction) {
  Bytes frame{0x01, 0x04, 0x00, 0x00, 0x00, 0x01};
  const auto crc = crc16(frame);
  frame.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  frame.push_back(static_cast<std::uint8_t>(crc >> 8));
  const auto decoded = decodeRequest(frame);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().code, CodecErrorCode::UnsupportedFunction);
}

TEST(RtuFrame, ShortOrInconsistentFramesAreErrorValues) {
  EXPECT_EQ(decodeRequest(Bytes{0x01, 0x03}).error().code, CodecErrorCode::FrameTooShort);
  // 0x10 whose byte count says 4 but carries 2 bytes of data
  Bytes frame{0x01, 0x10, 0x00, 0x00, 0x00, 0x02, 0x04, 0x00, 0x01};
  const auto crc = crc16(frame);
  frame.push_back(static_cast<std::uint8_t>(crc & 0xFF));
  frame.push_back(static_cast<std::uint8_t>(crc >> 8));
  EXPECT_EQ(decodeRequest(frame).error().code, CodecErrorCode::BadFrameLength);
}

TEST(RtuFrame, ReadOfMoreThan125RegistersIsIllegalQuantity) {
  const auto frame = encodeRequest(RtuRequest{1, ReadHoldingRegisters{0, 126}});
  ASSERT_FALSE(frame.ok());
  EXPECT_EQ(frame.error().code, CodecErrorCode::IllegalQuantity);
}

TEST(RtuFrame, FrameGapIsThreeAndAHalfCharactersUpTo19200Baud) {
  EXPECT_EQ(bitsPerCharacter(8, false, 1), 10);
  EXPECT_EQ(bitsPerCharacter(8, true, 1), 11);
  EXPECT_EQ(frameGapMicros(9600, 10), 3645);
  EXPECT_EQ(frameGapMicros(115200, 10), 1750);
}
