#pragma once
// Real-time status (DLE EOT n): what a ticket printer tells about itself, and how its
// one-byte answers are read. Bit meanings follow the Epson ESC/POS reference:
//   n=1 printer:        bit 3 offline
//   n=2 offline cause:  bit 2 cover open, bit 5 stopped by paper end, bit 6 error
//   n=3 error cause:    bit 2 mechanical, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable
//   n=4 paper sensor:   bits 2,3 roll near end, bits 5,6 roll end
// Every answer has bits 1 and 4 set and bits 0 and 7 clear; that is how a status byte is
// told apart from noise.
#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace jiujin::devices::printer {

enum class StatusQuery : std::uint8_t { Printer = 1, OfflineCause = 2, ErrorCause = 3, PaperSensor = 4 };

/// The three bytes DLE EOT n.
std::array<std::uint8_t, 3> statusRequest(StatusQuery query);

/// True when `byte` has the fixed bits of a DLE EOT answer.
bool isStatusAnswer(std::uint8_t byte);

/// Status bytes a printer reports when nothing is wrong (0x12 for every query).
inline constexpr std::uint8_t kStatusAllClear = 0x12;

/// What the kiosk needs to know about the printer.
struct PrinterStatus {
  bool online = true;
  bool coverOpen = false;
  bool paperNearEnd = false;
  bool paperOut = false;
  bool error = false;  ///< cutter, mechanical or unrecoverable error
  bool operator==(const PrinterStatus&) const = default;

  /// True when a ticket can be printed now.
  bool canPrint() const { return online && !coverOpen && !paperOut && !error; }
  /// A short Chinese-and-English description for logs and the manager's alarm.
  std::string describe() const;
};

/// The raw answers to the four queries, as received.
struct StatusAnswers {
  std::uint8_t printer = kStatusAllClear;
  std::uint8_t offlineCause = kStatusAllClear;
  std::uint8_t errorCause = kStatusAllClear;
  std::uint8_t paperSensor = kStatusAllClear;
  bool operator==(const StatusAnswers&) const = default;
};

/// Reads the four answers into one status. Answers without the fixed bits yield nothing.
std::optional<PrinterStatus> parseStatus(const StatusAnswers& answers);

/// The answers a printer in `status` gives: the inverse of parseStatus, used by the simulator.
StatusAnswers answersFor(const PrinterStatus& status);

}  // namespace jiujin::devices::printer
