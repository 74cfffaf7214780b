#include "jiujin/devices/printer/ticket_printer.hpp"

#include <fmt/format.h>

#include <array>

namespace jiujin::devices::printer {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::array kQueries{StatusQuery::Printer, StatusQuery::OfflineCause, StatusQuery::ErrorCause,
                              StatusQuery::PaperSensor};

PrintError refusal(const PrinterStatus& s) {
  const std::string why = s.describe();
  if (s.paperOut) return {PrintErrorCode::PaperOut, "打印机缺纸 the printer is out of paper (" + why + ")"};
  if (s.coverOpen) return {PrintErrorCode::CoverOpen, "打印机纸仓盖打开 the printer's cover is open (" + why + ")"};
  if (s.error) return {PrintErrorCode::PrinterFault, "打印机故障 the printer reports an error (" + why + ")"};
  return {PrintErrorCode::Offline, "打印机脱机 the printer is offline (" + why + ")"};
}

}  // namespace

TicketPrinter::TicketPrinter(TicketPrinterSettings settings, PortOpener opener)
    : settings_(std::move(settings)), opener_(std::move(opener)), encoder_(settings_.style) {}

TicketPrinter::~TicketPrinter() = default;

PrintError TicketPrinter::ensurePort() {
  if (port_) return {};
  auto opened = opener_(settings_.portName, settings_.serial);
  if (opened.error || !opened.port) {
    return {PrintErrorCode::PortUnavailable,
            fmt::format("打印机端口无法打开 cannot open printer port {}: {}", settings_.portName,
                        opened.error.message)};
  }
  port_ = std::move(opened.port);
  return {};
}

// The printer is reopened on the next call: a printer that was switched off or unplugged
// often comes back as a new device behind the same name.
PrintError TicketPrinter::dropPort(PrintErrorCode code, std::string message) {
  port_.reset();
  return {code, std::move(message)};
}

StatusReading TicketPrinter::queryStatus() {
  port_->flushInput();
  StatusAnswers answers;
  std::array<std::uint8_t*, 4> slots{&answers.printer, &answers.offlineCause, &answers.errorCause,
                                      &answers.paperSensor};
  for (std::size_t i = 0; i < kQueries.size(); ++i) {
    const auto request = statusRequest(kQueries[i]);
    if (auto e = port_->write(request)) {
      return {std::nullopt, dropPort(PrintErrorCode::PortUnavailable,
                                     "打印机连接中断 lost the printer port: " + e.message)};
    }
    // Bytes without the fixed status bits (noise, a late answer's echo) are skipped.
    const auto deadline = Clock::now() + settings_.answerTimeout;
    bool answered = false;
    while (!answered) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (left <= milliseconds::zero()) break;
      auto got = port_->read(1, left);
      if (got.error.code == PortErrorCode::Timeout) break;
      if (got.error) {
        return {std::nullopt, dropPort(PrintErrorCode::PortUnavailable,
                                       "打印机连接中断 lost the printer port: " + got.error.message)};
      }
      for (auto byte : got.bytes) {
        if (isStatusAnswer(byte)) {
          *slots[i] = byte;
          answered = true;
          break;
        }
      }
    }
    if (!answered) {
      return {std::nullopt,
              dropPort(PrintErrorCode::NoAnswer,
                       fmt::format("打印机无应答 the printer did not answer DLE EOT {} within {} ms",
                                   static_cast<int>(kQueries[i]), settings_.answerTimeout.count()))};
    }
  }
  return {parseStatus(answers), {}};
}

StatusReading TicketPrinter::readStatus() {
  if (auto e = ensurePort()) return {std::nullopt, std::move(e)};
  return queryStatus();
}

PrintOutcome TicketPrinter::print(const TicketPrint& ticket) {
  PrintOutcome outcome;
  auto encoded = encoder_.encode(ticket);
  if (encoded.error) {
    outcome.error = {PrintErrorCode::InvalidTicket, "票据内容无法打印 ticket cannot be printed: " + encoded.error.message};
    return outcome;
  }

  auto before = readStatus();
  if (!before.status) {
    outcome.error = std::move(before.error);
    return outcome;
  }
  if (!before.status->canPrint()) {
    outcome.error = refusal(*before.status);
    return outcome;
  }
  if (before.status->paperNearEnd) outcome.warnings.push_back(PrintWarning::PaperNearEnd);

  if (auto e = port_->write(encoded.bytes)) {
    outcome.error = dropPort(PrintErrorCode::WriteFailed, "票据未完整发送 the ticket was not sent completely: " + e.message);
    return outcome;
  }

  auto after = queryStatus();
  if (!after.status) {
    outcome.error = {PrintErrorCode::NoAnswerAfterPrint,
                     "打印后无法确认 the ticket was sent but the printer did not confirm it: " + after.error.message};
    return outcome;
  }
  outcome.statusAfter = after.status;
  if (after.status->paperOut) {
    outcome.error = {PrintErrorCode::PaperOutDuringPrint, "打印中缺纸 the paper ran out while printing the ticket"};
    return outcome;
  }
  if (!after.status->canPrint()) {
    outcome.error = refusal(*after.status);
    return outcome;
  }
  if (after.status->paperNearEnd && outcome.warnings.empty()) outcome.warnings.push_back(PrintWarning::PaperNearEnd);
  outcome.printed = true;
  return outcome;
}

}  // namespace jiujin::devices::printer
