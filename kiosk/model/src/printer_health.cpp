#include "jiujin/kiosk/printer_health.hpp"

namespace jiujin::kiosk {

using devices::printer::PrintErrorCode;
using devices::printer::PrintOutcome;
using devices::printer::PrintWarning;

PrinterHealth healthAfter(const PrintOutcome& outcome) {
  switch (outcome.error.code) {
    case PrintErrorCode::None: {
      const bool low = outcome.statusAfter ? outcome.statusAfter->paperNearEnd
                                           : !outcome.warnings.empty() && outcome.warnings.front() == PrintWarning::PaperNearEnd;
      return low ? PrinterHealth{"near_end", "paper near end"} : PrinterHealth{"ok", ""};
    }
    case PrintErrorCode::PaperOut:
    case PrintErrorCode::PaperOutDuringPrint:
      return {"out", outcome.error.message};
    case PrintErrorCode::InvalidTicket:
      // The printer is fine; the ticket text was not printable.
      return {"ok", outcome.error.message};
    case PrintErrorCode::PortUnavailable:
    case PrintErrorCode::NoAnswer:
    case PrintErrorCode::CoverOpen:
    case PrintErrorCode::Offline:
    case PrintErrorCode::PrinterFault:
    case PrintErrorCode::WriteFailed:
    case PrintErrorCode::NoAnswerAfterPrint:
      return {"offline", outcome.error.message};
  }
  return {"offline", outcome.error.message};
}

PrinterHealth healthOf(const devices::printer::StatusReading& reading) {
  if (!reading.status) return {"offline", reading.error.message};
  const auto& status = *reading.status;
  if (status.paperOut) return {"out", status.describe()};
  if (!status.canPrint()) return {"offline", status.describe()};
  if (status.paperNearEnd) return {"near_end", status.describe()};
  return {"ok", ""};
}

std::string printProblem(const PrintOutcome& outcome) {
  if (outcome.printed) return {};
  switch (outcome.error.code) {
    case PrintErrorCode::PaperOut:
    case PrintErrorCode::PaperOutDuringPrint: return "paper_out";
    case PrintErrorCode::CoverOpen: return "cover_open";
    case PrintErrorCode::Offline:
    case PrintErrorCode::PortUnavailable: return "offline";
    case PrintErrorCode::NoAnswer:
    case PrintErrorCode::NoAnswerAfterPrint: return "no_answer";
    case PrintErrorCode::PrinterFault: return "fault";
    case PrintErrorCode::None:
    case PrintErrorCode::InvalidTicket:
    case PrintErrorCode::WriteFailed: return "not_printed";
  }
  return "not_printed";
}

}  // namespace jiujin::kiosk
