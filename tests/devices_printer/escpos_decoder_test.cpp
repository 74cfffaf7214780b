#include "jiujin/devices/printer/escpos_decoder.hpp"

#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "sample_ticket.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace jiujin::devices::printer {
namespace {

using Bytes = std::vector<std::uint8_t>;
using testing::sampleTicket;

Bytes encoded(const TicketPrint& t) {
  auto e = EscPosEncoder{}.encode(t);
  EXPECT_FALSE(e.error) << e.error.message;
  return e.bytes;
}

const PrintedLine& lineWith(const PrintedTicket& ticket, const std::string& text) {
  for (const auto& element : ticket.elements) {
    if (const auto* line = std::get_if<PrintedLine>(&element); line && line->text == text) return *line;
  }
  static const PrintedLine none{"<no such line>", {}};
  ADD_FAILURE() << "no line '" << text << "'";
  return none;
}

TEST(EscPosDecoder, EncodedTicketDecodesBackToItsLinesInOrder) {
  auto stream = decodeEscPos(encoded(sampleTicket()));
  ASSERT_EQ(stream.tickets.size(), 1U);
  EXPECT_TRUE(stream.problems.empty()) << stream.problems.front().message;
  EXPECT_EQ(stream.tickets[0].lineTexts(), (std::vector<std::string>{
                                               "城关街道便民服务中心",
                                               "A001",
                                               "办理事项：高龄津贴申领",
                                               "办理窗口：综合受理窗口",
                                               "前面等候：3 人",
                                               "预计等候：约 12 分钟",
                                               "取号时间：2026-11-22 09:31",
                                               "请留意叫号，过号请重新取号",
                                           }));
  EXPECT_EQ(stream.tickets[0].cut, CutKind::Full);
  EXPECT_TRUE(stream.uncut.elements.empty());
}

TEST(EscPosDecoder, TicketNumberIsLargeCentredAndEmphasized) {
  auto stream = decodeEscPos(encoded(sampleTicket()));
  ASSERT_EQ(stream.tickets.size(), 1U);
  EXPECT_EQ(lineWith(stream.tickets[0], "A001").format, (TextFormat{Alignment::Center, 3, 3, true}));
  EXPECT_EQ(lineWith(stream.tickets[0], "城关街道便民服务中心").format, (TextFormat{Alignment::Center, 1, 1, true}));
  EXPECT_EQ(lineWith(stream.tickets[0], "前面等候：3 人").format, (TextFormat{Alignment::Left, 1, 1, false}));
}

TEST(EscPosDecoder, APriorityTicketIsMarkedGreenChannelInDoubleSizeUnderItsNumber) {
  // given a 绿色通道 ticket for a resident over 60
  TicketPrint ticket = sampleTicket();
  ticket.priority = "60岁以上老人";
  auto stream = decodeEscPos(encoded(ticket));
  ASSERT_EQ(stream.tickets.size(), 1U);
  // then the mark follows the number, large, centred and bold, and the class follows it
  const auto lines = stream.tickets[0].lineTexts();
  ASSERT_GE(lines.size(), 4U);
  EXPECT_EQ(lines[1], "A001");
  EXPECT_EQ(lines[2], "【绿色通道】");
  EXPECT_EQ(lines[3], "60岁以上老人");
  EXPECT_EQ(lineWith(stream.tickets[0], "【绿色通道】").format, (TextFormat{Alignment::Center, 2, 2, true}));
  EXPECT_EQ(lineWith(stream.tickets[0], "60岁以上老人").format, (TextFormat{Alignment::Center, 1, 1, false}));
  // and a normal ticket carries no mark
  const auto normal = decodeEscPos(encoded(sampleTicket())).tickets.at(0).lineTexts();
  EXPECT_EQ(std::count(normal.begin(), normal.end(), "【绿色通道】"), 0);
}

TEST(EscPosDecoder, ABookedTicketIsMarkedWithItsSlotTheWayGreenChannelIs) {
  // given a ticket checked in for its 09:00–09:30 slot (预约签到)
  TicketPrint ticket = sampleTicket();
  ticket.appointment = "09:00-09:30";
  auto stream = decodeEscPos(encoded(ticket));
  ASSERT_EQ(stream.tickets.size(), 1U);
  EXPECT_TRUE(stream.problems.empty());
  // then 【预约】 follows the number, large, centred and bold, and the slot follows it
  const auto lines = stream.tickets[0].lineTexts();
  ASSERT_GE(lines.size(), 4U);
  EXPECT_EQ(lines[1], "A001");
  EXPECT_EQ(lines[2], "【预约】");
  EXPECT_EQ(lines[3], "预约 09:00-09:30");
  EXPECT_EQ(lineWith(stream.tickets[0], "【预约】").format, (TextFormat{Alignment::Center, 2, 2, true}));
  EXPECT_EQ(lineWith(stream.tickets[0], "预约 09:00-09:30").format, (TextFormat{Alignment::Center, 1, 1, false}));
  // and the rest of the ticket is as before, with no mark on an ordinary one
  EXPECT_EQ(lines[4], "办理事项：高龄津贴申领");
  const auto normal = decodeEscPos(encoded(sampleTicket())).tickets.at(0).lineTexts();
  EXPECT_EQ(std::count(normal.begin(), normal.end(), "【预约】"), 0);
}

TEST(EscPosDecoder, QrCodeCarriesThePayloadAndItsSettings) {
  auto stream = decodeEscPos(encoded(sampleTicket()));
  ASSERT_EQ(stream.tickets.size(), 1U);
  const PrintedQr* qr = nullptr;
  for (const auto& element : stream.tickets[0].elements) {
    if (const auto* q = std::get_if<PrintedQr>(&element)) qr = q;
  }
  ASSERT_NE(qr, nullptr);
  EXPECT_EQ(qr->payload, "jiujin:ticket:chengguan:2026-11-22:7:A001");
  EXPECT_EQ(qr->moduleSize, 6);
  EXPECT_EQ(qr->errorLevel, 49);
  EXPECT_EQ(qr->alignment, Alignment::Center);
}

TEST(EscPosDecoder, UnknownWaitIsPrintedAsNoEstimate) {
  auto t = sampleTicket();
  t.estimatedWaitMinutes = -1;
  auto stream = decodeEscPos(encoded(t));
  ASSERT_EQ(stream.tickets.size(), 1U);
  lineWith(stream.tickets[0], "预计等候：暂无估计");
}

TEST(EscPosDecoder, BytesArrivingOneAtATimeDecodeTheSameAsAllAtOnce) {
  const auto bytes = encoded(sampleTicket());
  EscPosDecoder decoder;
  std::vector<PrintedTicket> tickets;
  for (auto b : bytes) {
    for (auto& event : decoder.feed(std::span<const std::uint8_t>(&b, 1))) {
      ASSERT_FALSE(std::holds_alternative<DecodeProblem>(event)) << std::get<DecodeProblem>(event).message;
      if (auto* cut = std::get_if<TicketCut>(&event)) tickets.push_back(cut->ticket);
    }
  }
  auto whole = decodeEscPos(bytes);
  ASSERT_EQ(tickets.size(), 1U);
  EXPECT_EQ(tickets[0].elements, whole.tickets[0].elements);
  EXPECT_FALSE(decoder.midCommand());
}

TEST(EscPosDecoder, StatusRequestsAreReportedAndNotCountedAsPrintData) {
  const Bytes bytes{0x10, 0x04, 0x01, 'A', 0x0A, 0x10, 0x04, 0x04};
  EscPosDecoder decoder;
  auto events = decoder.feed(bytes);
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(std::get<StatusRequested>(events[0]).query, StatusQuery::Printer);
  EXPECT_EQ(std::get<StatusRequested>(events[1]).query, StatusQuery::PaperSensor);
  EXPECT_EQ(decoder.printDataBytes(), 2U);
  EXPECT_EQ(decoder.uncut().lineTexts(), std::vector<std::string>{"A"});
}

TEST(EscPosDecoder, StatusRequestSplitAcrossFeedsIsRecognisedWhenComplete) {
  EscPosDecoder decoder;
  EXPECT_TRUE(decoder.feed(Bytes{0x10}).empty());
  EXPECT_TRUE(decoder.midCommand());
  auto events = decoder.feed(Bytes{0x04, 0x02});
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(std::get<StatusRequested>(events[0]).query, StatusQuery::OfflineCause);
}

TEST(EscPosDecoder, UnknownCommandIsReportedAndDecodingGoesOn) {
  const Bytes bytes{0x1B, 0x7E, 'O', 'K', 0x0A, 0x1D, 0x56, 0x01};
  auto stream = decodeEscPos(bytes);
  ASSERT_EQ(stream.problems.size(), 1U);
  EXPECT_NE(stream.problems[0].message.find("ESC 0x7E"), std::string::npos);
  EXPECT_EQ(stream.problems[0].offset, 0U);
  ASSERT_EQ(stream.tickets.size(), 1U);
  EXPECT_EQ(stream.tickets[0].lineTexts(), std::vector<std::string>{"OK"});
  EXPECT_EQ(stream.tickets[0].cut, CutKind::Partial);
}

TEST(EscPosDecoder, ChineseTextWithoutChineseModeIsReported) {
  const Bytes bytes{0x1B, 0x40, 0xC7, 0xEB, 0x0A};
  auto stream = decodeEscPos(bytes);
  ASSERT_EQ(stream.problems.size(), 1U);
  EXPECT_NE(stream.problems[0].message.find("FS &"), std::string::npos);
}

TEST(EscPosDecoder, InvalidGb18030LineIsReportedAndShownAsReplacement) {
  const Bytes bytes{0x1C, 0x26, 0xC7, 0x0A};
  auto stream = decodeEscPos(bytes);
  ASSERT_EQ(stream.problems.size(), 1U);
  EXPECT_EQ(stream.uncut.lineTexts(), std::vector<std::string>{"\uFFFD"});
}

TEST(EscPosDecoder, EscBangSetsDoubleSizeAndEmphasis) {
  const Bytes bytes{0x1B, 0x21, 0x38, 'X', 0x0A};
  auto stream = decodeEscPos(bytes);
  ASSERT_EQ(stream.uncut.elements.size(), 1U);
  EXPECT_EQ(std::get<PrintedLine>(stream.uncut.elements[0]).format, (TextFormat{Alignment::Left, 2, 2, true}));
}

TEST(EscPosDecoder, StreamEndingInsideACommandIsReported) {
  const Bytes bytes{'A', 0x0A, 0x1D, 0x28, 0x6B, 0x10, 0x00, 0x31};
  auto stream = decodeEscPos(bytes);
  ASSERT_EQ(stream.problems.size(), 1U);
  EXPECT_NE(stream.problems[0].message.find("inside a command"), std::string::npos);
}

TEST(EscPosDecoder, ArbitraryBytesNeverCrashTheDecoder) {
  Bytes noise;
  std::uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245U + 12345U;
    noise.push_back(static_cast<std::uint8_t>(x >> 16));
  }
  auto stream = decodeEscPos(noise);
  EXPECT_FALSE(stream.problems.empty());
}

TEST(EscPosDecoder, RenderedTicketShowsNumberSizeQrAndCut) {
  auto stream = decodeEscPos(encoded(sampleTicket()));
  ASSERT_EQ(stream.tickets.size(), 1U);
  const auto text = renderTicket(stream.tickets[0]);
  EXPECT_NE(text.find("A001 (x3)"), std::string::npos) << text;
  EXPECT_NE(text.find("[QR jiujin:ticket:chengguan:2026-11-22:7:A001]"), std::string::npos) << text;
  EXPECT_NE(text.find("full cut"), std::string::npos) << text;
  EXPECT_NE(text.find("      城关街道便民服务中心"), std::string::npos) << text;  // centred on 32 columns
}

}  // namespace
}  // namespace jiujin::devices::printer
