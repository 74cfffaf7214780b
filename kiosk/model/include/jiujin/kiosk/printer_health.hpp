#pragma once
// What a print attempt tells the hall manager and the resident: the printer's state in the
// dispatcher's words (printer_status: ok near_end out offline) and the problem in a word the
// screen turns into a sentence.
#include <string>

#include "jiujin/devices/printer/ticket_printer.hpp"

namespace jiujin::kiosk {

struct PrinterHealth {
  std::string status;  ///< ok near_end out offline
  std::string detail;  ///< why, in English, for the manager's device view
  bool operator==(const PrinterHealth&) const = default;
};

/// The printer's state after `outcome`.
PrinterHealth healthAfter(const devices::printer::PrintOutcome& outcome);

/// The printer's state as a status question between tickets found it.
PrinterHealth healthOf(const devices::printer::StatusReading& reading);

/// The problem that kept the ticket off paper: paper_out cover_open offline no_answer fault
/// not_printed; empty when it was printed.
std::string printProblem(const devices::printer::PrintOutcome& outcome);

}  // namespace jiujin::kiosk
