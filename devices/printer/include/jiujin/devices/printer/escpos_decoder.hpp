#pragma once
// ESC/POS bytes back into what a resident would see on paper: lines with their size,
// alignment and emphasis, QR codes with their payload, cuts, and the status requests that
// travelled in between. Pure, no I/O; used by the tests and by the simulated printer.
#include "jiujin/devices/printer/printer_status.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace jiujin::devices::printer {

enum class Alignment { Left, Center, Right };

struct TextFormat {
  Alignment alignment = Alignment::Left;
  int width = 1;   ///< character width multiplier
  int height = 1;  ///< character height multiplier
  bool emphasized = false;
  bool operator==(const TextFormat&) const = default;
};

/// One printed line; its format is the one in force when its first character arrived.
struct PrintedLine {
  std::string text;  ///< UTF-8
  TextFormat format;
  bool operator==(const PrintedLine&) const = default;
};

struct PrintedQr {
  std::string payload;
  int moduleSize = 3;
  std::uint8_t errorLevel = 48;  ///< 48 L, 49 M, 50 Q, 51 H (as sent)
  Alignment alignment = Alignment::Left;
  bool operator==(const PrintedQr&) const = default;
};

using PrintedElement = std::variant<PrintedLine, PrintedQr>;

enum class CutKind { None, Full, Partial };

/// Everything printed between two cuts.
struct PrintedTicket {
  std::vector<PrintedElement> elements;
  CutKind cut = CutKind::None;

  /// The lines' text in order (QR codes left out), for quick checks.
  std::vector<std::string> lineTexts() const;
  /// The first QR code's payload, or empty.
  std::string qrPayload() const;
};

struct StatusRequested {
  StatusQuery query;
};
struct TicketCut {
  PrintedTicket ticket;
};
struct DecodeProblem {
  std::size_t offset = 0;  ///< byte offset in the stream
  std::string message;
};
using DecoderEvent = std::variant<StatusRequested, TicketCut, DecodeProblem>;

/// Incremental decoder: bytes may arrive in any chunks, a command split across two feeds is
/// completed by the second.
class EscPosDecoder {
 public:
  /// Decodes what can be decoded and reports, in stream order, status requests, finished
  /// tickets and problems (unknown commands, invalid text). Never throws on bad input.
  std::vector<DecoderEvent> feed(std::span<const std::uint8_t> bytes);

  /// What has been printed since the last cut (a line not yet ended is not included).
  const PrintedTicket& uncut() const { return uncut_; }
  /// Bytes received other than status requests.
  std::size_t printDataBytes() const { return printDataBytes_; }
  /// True when bytes of an unfinished command are held back.
  bool midCommand() const { return !held_.empty(); }

 private:
  // Returns the bytes consumed from the start of `in`, or 0 when the command is incomplete.
  std::size_t step(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events);
  std::size_t escape(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events);
  std::size_t fileSeparator(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events);
  std::size_t groupSeparator(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events);
  std::size_t twoDimensional(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events);
  void endLine(std::vector<DecoderEvent>& events, bool lineFeed);
  void cut(CutKind kind, std::vector<DecoderEvent>& events);
  void problem(std::vector<DecoderEvent>& events, std::string message);
  void reset();

  std::vector<std::uint8_t> held_;
  std::size_t offset_ = 0;  // stream offset of the byte being decoded
  std::size_t printDataBytes_ = 0;
  std::vector<std::uint8_t> lineBytes_;
  TextFormat lineFormat_;
  TextFormat format_;
  bool chineseMode_ = false;
  bool warnedSingleByteText_ = false;
  bool lineFeedEndsQr_ = false;
  std::string qrData_;
  int qrModuleSize_ = 3;
  std::uint8_t qrErrorLevel_ = 48;
  PrintedTicket uncut_;
};

/// A whole stream decoded at once.
struct DecodedStream {
  std::vector<PrintedTicket> tickets;  ///< each ended by a cut
  PrintedTicket uncut;                 ///< printed after the last cut
  std::vector<StatusQuery> statusRequests;
  std::vector<DecodeProblem> problems;
};
DecodedStream decodeEscPos(std::span<const std::uint8_t> bytes);

/// The ticket as plain text the way it would look on a `columns`-wide roll: centred and right
/// aligned lines padded, large lines marked with their size, QR codes as "[QR payload]".
std::string renderTicket(const PrintedTicket& ticket, int columns = 32);

}  // namespace jiujin::devices::printer
