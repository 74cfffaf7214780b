#pragma once
// A ticket printer without the hardware: what it prints is decoded, its status questions
// are answered from its condition. No I/O and not thread-safe; PrinterSimulator puts it on
// a pseudo-terminal, unit tests may wire it to an in-memory port.
#include "jiujin/devices/printer/escpos_decoder.hpp"
#include "jiujin/devices/printer/printer_status.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace jiujin::devices::printer {

/// The conditions a kiosk printer is found in, by name.
enum class PrinterCondition { Ready, PaperNearEnd, PaperOut, CoverOpen, Offline, Fault, Silent };

/// "ok", "near_end", "out", "cover_open", "offline", "error", "silent".
std::string_view conditionName(PrinterCondition condition);
std::optional<PrinterCondition> conditionFromName(std::string_view name);

/// What a printer in `condition` reports (Silent reports nothing; its status is Offline's).
PrinterStatus statusIn(PrinterCondition condition);

class SimulatedPrinter {
 public:
  explicit SimulatedPrinter(PrinterCondition condition = PrinterCondition::Ready) : condition_(condition) {}

  /// Takes bytes from the line and returns the printer's answers (status bytes).
  std::vector<std::uint8_t> receive(std::span<const std::uint8_t> bytes);

  void setCondition(PrinterCondition condition) { condition_ = condition; }
  PrinterCondition condition() const { return condition_; }

  /// How many more tickets the roll holds; the ticket after the last one runs out of paper
  /// part-way (it is lost and the condition becomes PaperOut). Empty: an endless roll.
  void setPaperRemaining(std::optional<int> tickets) { paperRemaining_ = tickets; }

  /// Called for each ticket that came out of the printer.
  void onPrinted(std::function<void(const PrintedTicket&)> callback) { onPrinted_ = std::move(callback); }

  const std::vector<PrintedTicket>& printedTickets() const { return printed_; }
  /// Tickets sent while the printer could not print them (paper out, cover open, …).
  std::size_t lostTickets() const { return lost_; }
  /// Bytes received other than status questions.
  std::size_t printDataBytes() const { return decoder_.printDataBytes(); }
  std::size_t statusQuestionsAnswered() const { return answered_; }
  const std::vector<DecodeProblem>& problems() const { return problems_; }

 private:
  void ticketCut(PrintedTicket ticket);

  PrinterCondition condition_;
  std::optional<int> paperRemaining_;
  EscPosDecoder decoder_;
  std::vector<PrintedTicket> printed_;
  std::size_t lost_ = 0;
  std::size_t answered_ = 0;
  std::vector<DecodeProblem> problems_;
  std::function<void(const PrintedTicket&)> onPrinted_;
};

}  // namespace jiujin::devices::printer
