#include "jiujin/devices/printer/simulated_printer.hpp"

#include <array>
#include <utility>

namespace jiujin::devices::printer {
namespace {

constexpr std::array<std::pair<PrinterCondition, std::string_view>, 7> kNames{{
    {PrinterCondition::Ready, "ok"},
    {PrinterCondition::PaperNearEnd, "near_end"},
    {PrinterCondition::PaperOut, "out"},
    {PrinterCondition::CoverOpen, "cover_open"},
    {PrinterCondition::Offline, "offline"},
    {PrinterCondition::Fault, "error"},
    {PrinterCondition::Silent, "silent"},
}};

std::uint8_t answerTo(StatusQuery query, const StatusAnswers& a) {
  switch (query) {
    case StatusQuery::Printer:
      return a.printer;
    case StatusQuery::OfflineCause:
      return a.offlineCause;
    case StatusQuery::ErrorCause:
      return a.errorCause;
    case StatusQuery::PaperSensor:
      return a.paperSensor;
  }
  return kStatusAllClear;
}

}  // namespace

std::string_view conditionName(PrinterCondition condition) {
  for (const auto& [c, name] : kNames) {
    if (c == condition) return name;
  }
  return "?";
}

std::optional<PrinterCondition> conditionFromName(std::string_view name) {
  for (const auto& [c, n] : kNames) {
    if (n == name) return c;
  }
  return std::nullopt;
}

PrinterStatus statusIn(PrinterCondition condition) {
  PrinterStatus s;
  switch (condition) {
    case PrinterCondition::Ready:
      break;
    case PrinterCondition::PaperNearEnd:
      s.paperNearEnd = true;
      break;
    case PrinterCondition::PaperOut:
      s.online = false;
      s.paperOut = true;
      break;
    case PrinterCondition::CoverOpen:
      s.online = false;
      s.coverOpen = true;
      break;
    case PrinterCondition::Fault:
      s.online = false;
      s.error = true;
      break;
    case PrinterCondition::Offline:
    case PrinterCondition::Silent:
      s.online = false;
      break;
  }
  return s;
}

std::vector<std::uint8_t> SimulatedPrinter::receive(std::span<const std::uint8_t> bytes) {
  std::vector<std::uint8_t> replies;
  for (auto& event : decoder_.feed(bytes)) {
    if (const auto* question = std::get_if<StatusRequested>(&event)) {
      if (condition_ == PrinterCondition::Silent) continue;
      replies.push_back(answerTo(question->query, answersFor(statusIn(condition_))));
      ++answered_;
    } else if (auto* cut = std::get_if<TicketCut>(&event)) {
      ticketCut(std::move(cut->ticket));
    } else {
      problems_.push_back(std::get<DecodeProblem>(std::move(event)));
    }
  }
  return replies;
}

void SimulatedPrinter::ticketCut(PrintedTicket ticket) {
  const bool canPrint = condition_ == PrinterCondition::Ready || condition_ == PrinterCondition::PaperNearEnd;
  if (!canPrint) {
    ++lost_;
    return;
  }
  if (paperRemaining_) {
    if (*paperRemaining_ <= 0) {
      condition_ = PrinterCondition::PaperOut;
      ++lost_;
      return;
    }
    --*paperRemaining_;
  }
  printed_.push_back(std::move(ticket));
  if (onPrinted_) onPrinted_(printed_.back());
}

}  // namespace jiujin::devices::printer
