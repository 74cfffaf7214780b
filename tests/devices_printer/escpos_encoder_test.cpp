#include "jiujin/devices/printer/escpos_encoder.hpp"

#include "jiujin/devices/printer/escpos_decoder.hpp"

#include "sample_ticket.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace jiujin::devices::printer {
namespace {

using Bytes = std::vector<std::uint8_t>;
using testing::sampleTicket;

bool contains(const Bytes& haystack, const Bytes& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

Bytes ascii(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(EscPosEncoder, TicketStartsWithInitializeThenChineseMode) {
  auto encoded = EscPosEncoder{}.encode(sampleTicket());
  ASSERT_FALSE(encoded.error) << encoded.error.message;
  ASSERT_GE(encoded.bytes.size(), 4U);
  EXPECT_EQ(Bytes(encoded.bytes.begin(), encoded.bytes.begin() + 4), (Bytes{0x1B, 0x40, 0x1C, 0x26}));
}

TEST(EscPosEncoder, TicketEndsWithChineseModeOffThenFeedAndFullCut) {
  auto encoded = EscPosEncoder{}.encode(sampleTicket());
  ASSERT_GE(encoded.bytes.size(), 6U);
  EXPECT_EQ(Bytes(encoded.bytes.end() - 6, encoded.bytes.end()), (Bytes{0x1C, 0x2E, 0x1D, 0x56, 0x41, 0x04}));
}

TEST(EscPosEncoder, TicketNumberIsPrintedTripleSizeAndEmphasizedThenSizeIsReset) {
  auto encoded = EscPosEncoder{}.encode(sampleTicket("B017"));
  EXPECT_TRUE(contains(encoded.bytes, concat({{0x1D, 0x21, 0x22, 0x1B, 0x45, 0x01}, ascii("B017"),
                                              {0x0A, 0x1B, 0x45, 0x00, 0x1D, 0x21, 0x00}})));
}

TEST(EscPosEncoder, ChineseTextIsSentAsGb18030) {
  auto t = sampleTicket();
  t.notice = "请留意叫号";
  auto encoded = EscPosEncoder{}.encode(t);
  // 请 C7EB 留 C1F4 意 D2E2 叫 BDD0 号 BAC5, then LF.
  EXPECT_TRUE(contains(encoded.bytes, Bytes{0xC7, 0xEB, 0xC1, 0xF4, 0xD2, 0xE2, 0xBD, 0xD0, 0xBA, 0xC5, 0x0A}));
}

TEST(EscPosEncoder, QrCodeIsModel2SizedStoredAndPrinted) {
  auto t = sampleTicket();
  t.qrPayload = "jiujin:ticket:h1:A001";  // 21 bytes → store length 24
  auto encoded = EscPosEncoder{}.encode(t);
  const Bytes expected = concat({
      {0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00},  // model 2
      {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06},        // module size 6
      {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31},        // error correction M
      {0x1D, 0x28, 0x6B, 0x18, 0x00, 0x31, 0x50, 0x30},        // store 21 bytes
      ascii("jiujin:ticket:h1:A001"),
      {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30},  // print
  });
  EXPECT_TRUE(contains(encoded.bytes, expected));
}

TEST(EscPosEncoder, LongQrPayloadLengthUsesTheHighByte) {
  auto t = sampleTicket();
  t.qrPayload = std::string(300, 'x');  // 303 = 0x012F
  auto encoded = EscPosEncoder{}.encode(t);
  EXPECT_TRUE(contains(encoded.bytes, Bytes{0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30, 'x'}));
}

TEST(EscPosEncoder, TicketWithoutQrPayloadHasNoQrCommands) {
  auto t = sampleTicket();
  t.qrPayload.clear();
  auto encoded = EscPosEncoder{}.encode(t);
  ASSERT_FALSE(encoded.error);
  EXPECT_FALSE(contains(encoded.bytes, Bytes{0x1D, 0x28, 0x6B}));
}

TEST(EscPosEncoder, ControlCharacterInHallNameIsRefusedNamingTheField) {
  auto t = sampleTicket();
  t.hallName = "中心\x1b@";
  auto encoded = EscPosEncoder{}.encode(t);
  EXPECT_EQ(encoded.error.code, EncodeErrorCode::ControlCharacter);
  EXPECT_NE(encoded.error.message.find("hallName"), std::string::npos) << encoded.error.message;
  EXPECT_TRUE(encoded.bytes.empty());
}

TEST(EscPosEncoder, InvalidUtf8InItemNameIsRefusedNamingTheField) {
  auto t = sampleTicket();
  t.itemName = "\xE9\xAB";  // a truncated 高
  auto encoded = EscPosEncoder{}.encode(t);
  EXPECT_EQ(encoded.error.code, EncodeErrorCode::InvalidText);
  EXPECT_NE(encoded.error.message.find("itemName"), std::string::npos) << encoded.error.message;
}

TEST(EscPosEncoder, TicketWithoutNumberIsRefused) {
  auto t = sampleTicket();
  t.number.clear();
  EXPECT_EQ(EscPosEncoder{}.encode(t).error.code, EncodeErrorCode::InvalidNumber);
}

TEST(EscPosEncoder, NegativePeopleAheadIsRefused) {
  auto t = sampleTicket();
  t.peopleAhead = -1;
  EXPECT_EQ(EscPosEncoder{}.encode(t).error.code, EncodeErrorCode::InvalidNumber);
}

TEST(EscPosEncoder, QrPayloadLargerThanAQrCodeHoldsIsRefused) {
  auto t = sampleTicket();
  t.qrPayload = std::string(kMaxQrPayloadBytes + 1, 'x');
  EXPECT_EQ(EscPosEncoder{}.encode(t).error.code, EncodeErrorCode::QrPayloadTooLong);
}

TEST(EscPosEncoder, AFourDigitNumberIsPrintedWholeOnOneLineAtTheUsualSize) {
  const auto decoded = decodeEscPos(EscPosEncoder{}.encode(sampleTicket("A1000")).bytes);
  ASSERT_EQ(decoded.tickets.size(), 1U);
  const auto& number = std::get<PrintedLine>(decoded.tickets[0].elements.at(1));
  EXPECT_EQ(number.text, "A1000");
  EXPECT_EQ(number.format.width, 3);
  EXPECT_EQ(number.format.height, 3);
  EXPECT_NE(renderTicket(decoded.tickets[0]).find("A1000 (x3)"), std::string::npos);
}

TEST(EscPosEncoder, ANumberTooWideForTheLineAtTheStyleSizeIsPrintedSmallerNotWrapped) {
  // 58 mm paper, 32 columns: "A001" fills a line at 8×; "A1000" would wrap, so it prints at 6×.
  TicketStyle style;
  style.numberScale = 8;
  for (const auto& [number, scale] : std::vector<std::pair<std::string, int>>{{"A001", 8}, {"A1000", 6}, {"AB9999", 5}}) {
    const auto decoded = decodeEscPos(EscPosEncoder{style}.encode(sampleTicket(number)).bytes);
    ASSERT_EQ(decoded.tickets.size(), 1U) << number;
    const auto& line = std::get<PrintedLine>(decoded.tickets[0].elements.at(1));
    EXPECT_EQ(line.text, number);
    EXPECT_EQ(line.format.width, scale) << number;
    EXPECT_LE(static_cast<int>(number.size()) * line.format.width, style.lineColumns) << number;
  }
  style.lineColumns = 48;  // 80 mm paper has room for A1000 at 8×
  const auto wide = decodeEscPos(EscPosEncoder{style}.encode(sampleTicket("A1000")).bytes);
  EXPECT_EQ(std::get<PrintedLine>(wide.tickets.at(0).elements.at(1)).format.width, 8);
}

TEST(EscPosEncoder, StyleOutOfRangeIsRefused) {
  TicketStyle style;
  style.numberScale = 9;
  EXPECT_EQ(EscPosEncoder{style}.encode(sampleTicket()).error.code, EncodeErrorCode::InvalidStyle);
  style = TicketStyle{};
  style.lineColumns = 8;
  EXPECT_EQ(EscPosEncoder{style}.encode(sampleTicket()).error.code, EncodeErrorCode::InvalidStyle);
}

}  // namespace
}  // namespace jiujin::devices::printer
