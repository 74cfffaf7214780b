#pragma once
// The kiosk's ticket printer: an ESC/POS printer on a serial line. print() checks the
// printer before and after sending the ticket and says plainly what happened; it never
// throws and never waits longer than its answer timeout per status question.
#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "jiujin/devices/printer/printer_status.hpp"
#include "jiujin/devices/printer/ticket_print.hpp"
#include "jiujin/devices/serial_port.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace jiujin::devices::printer {

struct TicketPrinterSettings {
  std::string portName;  ///< e.g. "/dev/ttyUSB0", or a simulator's link
  SerialSettings serial{};
  /// How long one status question (DLE EOT n) may go unanswered before the printer is
  /// considered silent.
  std::chrono::milliseconds answerTimeout{500};
  TicketStyle style{};
};

/// Opens the printer's port; openSerialPort in production, an in-memory line in unit tests.
using PortOpener = std::function<OpenResult(const std::string& name, const SerialSettings& settings)>;

enum class PrintErrorCode {
  None,
  InvalidTicket,        ///< the ticket's text cannot be printed (nothing sent)
  PortUnavailable,      ///< the port cannot be opened or was lost (nothing sent)
  NoAnswer,             ///< the printer did not answer its status in time (nothing sent)
  PaperOut,             ///< refused: no paper (nothing sent)
  CoverOpen,            ///< refused: cover open (nothing sent)
  Offline,              ///< refused: printer offline (nothing sent)
  PrinterFault,         ///< refused: cutter or mechanical error (nothing sent)
  WriteFailed,          ///< the ticket could not be sent completely
  PaperOutDuringPrint,  ///< paper ran out while printing: the ticket is incomplete
  NoAnswerAfterPrint,   ///< sent, but the printer did not confirm it afterwards
};

struct PrintError {
  PrintErrorCode code = PrintErrorCode::None;
  std::string message;
  explicit operator bool() const { return code != PrintErrorCode::None; }
};

enum class PrintWarning { PaperNearEnd };

struct PrintOutcome {
  bool printed = false;
  std::vector<PrintWarning> warnings;
  PrintError error;
  std::optional<PrinterStatus> statusAfter;  ///< when the printer answered after printing
};

struct StatusReading {
  std::optional<PrinterStatus> status;
  PrintError error;  ///< PortUnavailable or NoAnswer when status is empty
};

class TicketPrinter {
 public:
  explicit TicketPrinter(TicketPrinterSettings settings, PortOpener opener = &openSerialPort);
  ~TicketPrinter();
  TicketPrinter(const TicketPrinter&) = delete;
  TicketPrinter& operator=(const TicketPrinter&) = delete;

  /// Reads the status, prints the ticket if the printer can, reads the status again.
  /// A port that was lost or a printer that went silent is reopened on the next call.
  PrintOutcome print(const TicketPrint& ticket);

  /// Asks the printer how it is (for the manager's device view), opening the port if needed.
  StatusReading readStatus();

  /// True while the port is open.
  bool connected() const { return port_ != nullptr; }

 private:
  PrintError ensurePort();
  StatusReading queryStatus();
  PrintError dropPort(PrintErrorCode code, std::string message);

  TicketPrinterSettings settings_;
  PortOpener opener_;
  EscPosEncoder encoder_;
  std::unique_ptr<SerialPort> port_;
};

}  // namespace jiujin::devices::printer
