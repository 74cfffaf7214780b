#include "jiujin/devices/printer/printer_status.hpp"

#include <gtest/gtest.h>

namespace jiujin::devices::printer {
namespace {

StatusAnswers paperSensor(std::uint8_t byte) {
  StatusAnswers a;
  a.paperSensor = byte;
  return a;
}

TEST(PrinterStatus, RequestIsDleEotWithTheQueryNumber) {
  EXPECT_EQ(statusRequest(StatusQuery::Printer), (std::array<std::uint8_t, 3>{0x10, 0x04, 0x01}));
  EXPECT_EQ(statusRequest(StatusQuery::PaperSensor), (std::array<std::uint8_t, 3>{0x10, 0x04, 0x04}));
}

TEST(PrinterStatus, AllClearAnswersMeanReadyToPrint) {
  auto s = parseStatus(StatusAnswers{});
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, PrinterStatus{});
  EXPECT_TRUE(s->canPrint());
}

TEST(PrinterStatus, PaperSensor1EMeansNearEndButStillPrintable) {
  auto s = parseStatus(paperSensor(0x1E));
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->paperNearEnd);
  EXPECT_FALSE(s->paperOut);
  EXPECT_TRUE(s->canPrint());
}

TEST(PrinterStatus, PaperSensor72MeansPaperOut) {
  auto s = parseStatus(paperSensor(0x72));
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->paperOut);
  EXPECT_FALSE(s->canPrint());
}

TEST(PrinterStatus, OfflineBitOfPrinterStatusMeansOffline) {
  StatusAnswers a;
  a.printer = 0x1A;
  auto s = parseStatus(a);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->online);
  EXPECT_FALSE(s->canPrint());
}

TEST(PrinterStatus, OfflineCauseBit2MeansCoverOpen) {
  StatusAnswers a;
  a.offlineCause = 0x16;
  auto s = parseStatus(a);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->coverOpen);
  EXPECT_FALSE(s->paperOut);
}

TEST(PrinterStatus, AutocutterErrorCauseIsAnError) {
  StatusAnswers a;
  a.errorCause = 0x1A;
  auto s = parseStatus(a);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->error);
  EXPECT_FALSE(s->canPrint());
}

TEST(PrinterStatus, ByteWithoutTheFixedBitsIsNotAStatus) {
  EXPECT_FALSE(isStatusAnswer(0x00));
  EXPECT_FALSE(isStatusAnswer(0xFF));
  EXPECT_TRUE(isStatusAnswer(0x72));
  EXPECT_FALSE(parseStatus(paperSensor(0x41)).has_value());
}

TEST(PrinterStatus, AnswersForAStatusParseBackToTheSameStatus) {
  for (int bits = 0; bits < 32; ++bits) {
    PrinterStatus s;
    s.online = (bits & 1) != 0;
    s.coverOpen = (bits & 2) != 0;
    s.paperNearEnd = (bits & 4) != 0;
    s.paperOut = (bits & 8) != 0;
    s.error = (bits & 16) != 0;
    EXPECT_EQ(parseStatus(answersFor(s)), s) << "bits " << bits;
  }
}

TEST(PrinterStatus, DescriptionNamesEveryProblem) {
  PrinterStatus s;
  s.online = false;
  s.paperOut = true;
  s.coverOpen = true;
  const auto text = s.describe();
  EXPECT_NE(text.find("缺纸"), std::string::npos);
  EXPECT_NE(text.find("cover open"), std::string::npos);
  EXPECT_NE(text.find("offline"), std::string::npos);
}

}  // namespace
}  // namespace jiujin::devices::printer
