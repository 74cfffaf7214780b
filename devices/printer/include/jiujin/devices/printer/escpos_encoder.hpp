#pragma once
// A ticket layout becomes ESC/POS bytes: pure, no I/O. Text is sent in GB18030 with the
// printer's Chinese mode on.
#include "jiujin/devices/printer/form_print.hpp"
#include "jiujin/devices/printer/ticket_print.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace jiujin::devices::printer {

enum class QrErrorLevel : std::uint8_t { Low = 48, Medium = 49, Quartile = 50, High = 51 };

/// How a ticket looks on paper; the defaults suit a 58/80 mm kiosk printer.
struct TicketStyle {
  /// Ticket number size, 1..8 times normal width and height. A number too wide for a line
  /// at this size (A1000 at 8× on 58 mm paper) prints at the largest size that keeps it
  /// on one line: a number wrapped onto two lines reads as two numbers.
  int numberScale = 3;
  int lineColumns = 32;       ///< normal-size characters per line: 32 on 58 mm paper, 48 on 80 mm; 16..96
  int qrModuleSize = 6;       ///< dots per QR module, 1..16
  QrErrorLevel qrErrorLevel = QrErrorLevel::Medium;
  int feedLinesBeforeCut = 4;  ///< so the cut falls below the notice, 0..255
};

enum class EncodeErrorCode { None, InvalidText, ControlCharacter, InvalidNumber, QrPayloadTooLong, InvalidStyle };

struct EncodeError {
  EncodeErrorCode code = EncodeErrorCode::None;
  std::string message;  ///< names the field, e.g. "hallName: text is not valid UTF-8 …"
  explicit operator bool() const { return code != EncodeErrorCode::None; }
};

struct EncodedTicket {
  std::vector<std::uint8_t> bytes;
  EncodeError error;
};

/// The largest QR payload sent: model 2, version 40, byte mode at level L holds 2953 bytes.
inline constexpr std::size_t kMaxQrPayloadBytes = 2953;

class EscPosEncoder {
 public:
  explicit EscPosEncoder(TicketStyle style = {}) : style_(style) {}

  /// The whole ticket from ESC @ to the cut, or why it cannot be printed. Text fields must be
  /// valid UTF-8 without control characters (they would be read as printer commands).
  EncodedTicket encode(const TicketPrint& ticket) const;

  /// A whole form from ESC @ to the cut: hall name, the title at twice the size, the fields,
  /// the numbered lists, the QR code with its caption, the notes. The same rules for text.
  EncodedTicket encodeForm(const FormPrint& form) const;

 private:
  TicketStyle style_;
};

}  // namespace jiujin::devices::printer
