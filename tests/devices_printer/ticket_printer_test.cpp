// TicketPrinter against a simulated printer on an in-memory line: every outcome of print()
// without a pseudo-terminal. The line answers at once, so "silent" needs no waiting.
#include "jiujin/devices/printer/ticket_printer.hpp"

#include "jiujin/devices/printer/simulated_printer.hpp"
#include "sample_ticket.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace jiujin::devices::printer {
namespace {

using testing::sampleTicket;

// Shared by the test and every port the printer opens, so a reopened port finds the same
// printer.
struct Line {
  SimulatedPrinter printer;
  std::deque<std::uint8_t> answers;
  std::vector<std::uint8_t> noiseBeforeAnswers;
  bool unplugged = false;  // the port is gone: writes fail
  int opens = 0;
};

class InMemoryPort : public SerialPort {
 public:
  explicit InMemoryPort(Line& line) : line_(line) {}
  const std::string& name() const override { return name_; }
  PortError write(std::span<const std::uint8_t> bytes) override {
    if (line_.unplugged) return {PortErrorCode::Io, "memory: device unplugged"};
    auto replies = line_.printer.receive(bytes);
    if (!replies.empty()) line_.answers.insert(line_.answers.end(), line_.noiseBeforeAnswers.begin(),
                                               line_.noiseBeforeAnswers.end());
    line_.answers.insert(line_.answers.end(), replies.begin(), replies.end());
    return {};
  }
  ReadResult read(std::size_t max, std::chrono::milliseconds) override {
    if (line_.answers.empty()) return {{}, {PortErrorCode::Timeout, "memory: no answer"}};
    ReadResult r;
    while (!line_.answers.empty() && r.bytes.size() < max) {
      r.bytes.push_back(line_.answers.front());
      line_.answers.pop_front();
    }
    return r;
  }
  void flushInput() override { line_.answers.clear(); }

 private:
  Line& line_;
  std::string name_ = "memory";
};

class TicketPrinterOnMemoryLine : public ::testing::Test {
 protected:
  PortOpener opener() {
    return [this](const std::string& name, const SerialSettings&) -> OpenResult {
      if (line.unplugged) return {nullptr, {PortErrorCode::NotFound, name + ": no such device"}};
      ++line.opens;
      return {std::make_unique<InMemoryPort>(line), {}};
    };
  }
  Line line;
  TicketPrinter printer{TicketPrinterSettings{"memory"}, opener()};
};

TEST_F(TicketPrinterOnMemoryLine, ReadyPrinterPrintsTheTicket) {
  auto outcome = printer.print(sampleTicket());
  EXPECT_TRUE(outcome.printed) << outcome.error.message;
  EXPECT_FALSE(outcome.error);
  EXPECT_TRUE(outcome.warnings.empty());
  ASSERT_EQ(line.printer.printedTickets().size(), 1U);
  EXPECT_EQ(line.printer.printedTickets()[0].lineTexts()[1], "A001");
  EXPECT_EQ(line.printer.statusQuestionsAnswered(), 8U);  // four before, four after
}

TEST_F(TicketPrinterOnMemoryLine, AFourDigitNumberComesOutOfThePrinterWhole) {
  auto outcome = printer.print(sampleTicket("A1000"));
  EXPECT_TRUE(outcome.printed) << outcome.error.message;
  ASSERT_EQ(line.printer.printedTickets().size(), 1U);
  EXPECT_EQ(line.printer.printedTickets()[0].lineTexts()[1], "A1000");
  EXPECT_EQ(line.printer.printedTickets()[0].qrPayload(), "jiujin:ticket:chengguan:2026-11-22:7:A1000");
}

TEST_F(TicketPrinterOnMemoryLine, InvalidTicketIsRefusedWithoutTouchingThePrinter) {
  auto t = sampleTicket();
  t.notice = "bad\x1b";
  auto outcome = printer.print(t);
  EXPECT_FALSE(outcome.printed);
  EXPECT_EQ(outcome.error.code, PrintErrorCode::InvalidTicket);
  EXPECT_EQ(line.opens, 0);
}

TEST_F(TicketPrinterOnMemoryLine, PaperOutIsRefusedAndNothingIsSent) {
  line.printer.setCondition(PrinterCondition::PaperOut);
  auto outcome = printer.print(sampleTicket());
  EXPECT_FALSE(outcome.printed);
  EXPECT_EQ(outcome.error.code, PrintErrorCode::PaperOut);
  EXPECT_EQ(line.printer.printDataBytes(), 0U);
}

TEST_F(TicketPrinterOnMemoryLine, CoverOpenIsRefused) {
  line.printer.setCondition(PrinterCondition::CoverOpen);
  EXPECT_EQ(printer.print(sampleTicket()).error.code, PrintErrorCode::CoverOpen);
  EXPECT_EQ(line.printer.printDataBytes(), 0U);
}

TEST_F(TicketPrinterOnMemoryLine, OfflinePrinterIsRefused) {
  line.printer.setCondition(PrinterCondition::Offline);
  EXPECT_EQ(printer.print(sampleTicket()).error.code, PrintErrorCode::Offline);
}

TEST_F(TicketPrinterOnMemoryLine, CutterErrorIsRefused) {
  line.printer.setCondition(PrinterCondition::Fault);
  EXPECT_EQ(printer.print(sampleTicket()).error.code, PrintErrorCode::PrinterFault);
}

TEST_F(TicketPrinterOnMemoryLine, PaperNearEndPrintsWithAWarning) {
  line.printer.setCondition(PrinterCondition::PaperNearEnd);
  auto outcome = printer.print(sampleTicket());
  EXPECT_TRUE(outcome.printed);
  EXPECT_EQ(outcome.warnings, std::vector<PrintWarning>{PrintWarning::PaperNearEnd});
}

TEST_F(TicketPrinterOnMemoryLine, PaperRunningOutDuringThePrintIsAFailure) {
  line.printer.setPaperRemaining(0);
  auto outcome = printer.print(sampleTicket());
  EXPECT_FALSE(outcome.printed);
  EXPECT_EQ(outcome.error.code, PrintErrorCode::PaperOutDuringPrint);
  ASSERT_TRUE(outcome.statusAfter);
  EXPECT_TRUE(outcome.statusAfter->paperOut);
}

TEST_F(TicketPrinterOnMemoryLine, SilentPrinterIsReportedAsNoAnswerAndNothingIsSent) {
  line.printer.setCondition(PrinterCondition::Silent);
  auto outcome = printer.print(sampleTicket());
  EXPECT_EQ(outcome.error.code, PrintErrorCode::NoAnswer);
  EXPECT_NE(outcome.error.message.find("DLE EOT 1"), std::string::npos) << outcome.error.message;
  EXPECT_EQ(line.printer.printDataBytes(), 0U);
}

TEST_F(TicketPrinterOnMemoryLine, NoiseBeforeStatusAnswersIsSkipped) {
  line.noiseBeforeAnswers = {0x00, 0xFF};
  EXPECT_TRUE(printer.print(sampleTicket()).printed);
}

TEST_F(TicketPrinterOnMemoryLine, PortThatCannotBeOpenedIsReportedAndTriedAgainNextTime) {
  line.unplugged = true;
  auto first = printer.print(sampleTicket());
  EXPECT_EQ(first.error.code, PrintErrorCode::PortUnavailable);
  EXPECT_NE(first.error.message.find("memory"), std::string::npos);
  line.unplugged = false;
  EXPECT_TRUE(printer.print(sampleTicket()).printed);
  EXPECT_EQ(line.opens, 1);
}

TEST_F(TicketPrinterOnMemoryLine, LostPortIsReopenedOnTheNextPrint) {
  ASSERT_TRUE(printer.print(sampleTicket("A001")).printed);
  line.unplugged = true;
  auto lost = printer.print(sampleTicket("A002"));
  EXPECT_EQ(lost.error.code, PrintErrorCode::PortUnavailable);
  EXPECT_FALSE(printer.connected());
  line.unplugged = false;
  EXPECT_TRUE(printer.print(sampleTicket("A003")).printed);
  EXPECT_EQ(line.opens, 2);
  EXPECT_EQ(line.printer.printedTickets().size(), 2U);
}

TEST_F(TicketPrinterOnMemoryLine, PrinterBackAfterPaperOutPrintsAgain) {
  line.printer.setCondition(PrinterCondition::PaperOut);
  EXPECT_FALSE(printer.print(sampleTicket("A001")).printed);
  line.printer.setCondition(PrinterCondition::Ready);
  EXPECT_TRUE(printer.print(sampleTicket("A002")).printed);
  ASSERT_EQ(line.printer.printedTickets().size(), 1U);
  EXPECT_EQ(line.printer.printedTickets()[0].lineTexts()[1], "A002");
}

TEST_F(TicketPrinterOnMemoryLine, ReadStatusReportsTheCondition) {
  line.printer.setCondition(PrinterCondition::CoverOpen);
  auto reading = printer.readStatus();
  ASSERT_TRUE(reading.status);
  EXPECT_TRUE(reading.status->coverOpen);
  EXPECT_FALSE(reading.status->online);
}

}  // namespace
}  // namespace jiujin::devices::printer
