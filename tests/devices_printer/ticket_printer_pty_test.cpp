// TicketPrinter against PrinterSimulator on a real pseudo-terminal, opened the way the kiosk
// opens a printer: openSerialPort on a path.
#include "jiujin/devices/printer/printer_simulator.hpp"
#include "jiujin/devices/printer/ticket_printer.hpp"
#include "sample_ticket.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace jiujin::devices::printer {
namespace {

using namespace std::chrono_literals;
using testing::sampleTicket;

constexpr auto kBound = 5s;  // a generous bound for events that normally take microseconds

std::filesystem::path freshDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "jiujin-printer-XXXXXX").string();
  return ::mkdtemp(pattern.data()) != nullptr ? std::filesystem::path(pattern) : std::filesystem::path();
}

class TicketPrinterOnPty : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(directory.empty());
    startSimulator(PrinterCondition::Ready);
  }
  void TearDown() override {
    simulator.reset();
    std::filesystem::remove_all(directory);
  }
  void startSimulator(PrinterCondition condition) {
    auto started = PrinterSimulator::start(link, condition);
    ASSERT_TRUE(started.simulator) << started.error;
    simulator = std::move(started.simulator);
  }

  std::filesystem::path directory = freshDirectory();
  std::filesystem::path link = directory / "printer";
  std::unique_ptr<PrinterSimulator> simulator;
  TicketPrinter printer{TicketPrinterSettings{link.string(), {}, 200ms}};
};

TEST_F(TicketPrinterOnPty, ReadyPrinterPrintsTheTicketTheKioskSent) {
  auto outcome = printer.print(sampleTicket("A001"));
  ASSERT_TRUE(outcome.printed) << outcome.error.message;
  ASSERT_TRUE(simulator->waitForPrinted(1, kBound));
  const auto ticket = simulator->printedTickets().at(0);
  EXPECT_EQ(ticket.lineTexts().at(1), "A001");
  EXPECT_EQ(ticket.qrPayload(), "jiujin:ticket:chengguan:2026-11-22:7:A001");
  EXPECT_EQ(ticket.cut, CutKind::Full);
  EXPECT_TRUE(simulator->problems().empty());
}

TEST_F(TicketPrinterOnPty, PaperNearEndPrintsWithAWarning) {
  simulator->setCondition(PrinterCondition::PaperNearEnd);
  auto outcome = printer.print(sampleTicket());
  EXPECT_TRUE(outcome.printed) << outcome.error.message;
  EXPECT_EQ(outcome.warnings, std::vector<PrintWarning>{PrintWarning::PaperNearEnd});
  EXPECT_TRUE(simulator->waitForPrinted(1, kBound));
}

TEST_F(TicketPrinterOnPty, PaperOutIsRefusedAndNothingIsSent) {
  simulator->setCondition(PrinterCondition::PaperOut);
  auto outcome = printer.print(sampleTicket());
  EXPECT_FALSE(outcome.printed);
  EXPECT_EQ(outcome.error.code, PrintErrorCode::PaperOut);
  // The refusal came after the status answers, so the simulator has seen all there was.
  EXPECT_EQ(simulator->statusQuestionsAnswered(), 4U);
  EXPECT_EQ(simulator->printDataBytes(), 0U);
}

TEST_F(TicketPrinterOnPty, SilentPrinterIsReportedWithinTheAnswerTimeout) {
  simulator->setCondition(PrinterCondition::Silent);
  const auto began = std::chrono::steady_clock::now();
  auto outcome = printer.print(sampleTicket());
  const auto took = std::chrono::steady_clock::now() - began;
  EXPECT_EQ(outcome.error.code, PrintErrorCode::NoAnswer);
  EXPECT_LT(took, kBound);  // bounded: one 200 ms question, not a hang
  EXPECT_EQ(simulator->printDataBytes(), 0U);
}

TEST_F(TicketPrinterOnPty, PrinterBackAfterPaperOutPrintsAgain) {
  simulator->setCondition(PrinterCondition::PaperOut);
  EXPECT_EQ(printer.print(sampleTicket("A001")).error.code, PrintErrorCode::PaperOut);
  simulator->setCondition(PrinterCondition::Ready);
  auto outcome = printer.print(sampleTicket("A002"));
  EXPECT_TRUE(outcome.printed) << outcome.error.message;
  ASSERT_TRUE(simulator->waitForPrinted(1, kBound));
  EXPECT_EQ(simulator->printedTickets().at(0).lineTexts().at(1), "A002");
}

TEST_F(TicketPrinterOnPty, PaperRunningOutDuringThePrintIsAFailure) {
  simulator->setPaperRemaining(1);
  EXPECT_TRUE(printer.print(sampleTicket("A001")).printed);
  auto outcome = printer.print(sampleTicket("A002"));
  EXPECT_EQ(outcome.error.code, PrintErrorCode::PaperOutDuringPrint);
  EXPECT_EQ(simulator->lostTickets(), 1U);
}

TEST_F(TicketPrinterOnPty, PrinterRestartedOnANewPseudoTerminalIsUsedWithoutRestartingTheKiosk) {
  ASSERT_TRUE(printer.print(sampleTicket("A001")).printed);
  simulator.reset();  // switched off: the link is gone, the old line hangs up
  auto whileOff = printer.print(sampleTicket("A002"));
  EXPECT_FALSE(whileOff.printed);
  EXPECT_NE(whileOff.error.code, PrintErrorCode::None);
  startSimulator(PrinterCondition::Ready);
  auto outcome = printer.print(sampleTicket("A003"));
  EXPECT_TRUE(outcome.printed) << outcome.error.message;
  ASSERT_TRUE(simulator->waitForPrinted(1, kBound));
  EXPECT_EQ(simulator->printedTickets().at(0).lineTexts().at(1), "A003");
}

}  // namespace
}  // namespace jiujin::devices::printer
