#include "jiujin/devices/printer/escpos_decoder.hpp"

#include "jiujin/devices/printer/escpos_commands.hpp"
#include "jiujin/devices/printer/gb18030.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace jiujin::devices::printer {
namespace {

using namespace escpos;

constexpr std::uint8_t HT = 0x09;
constexpr std::uint8_t CR = 0x0D;
constexpr std::uint8_t DEL = 0x7F;
constexpr std::uint8_t ENQ = 0x05;
constexpr std::uint8_t DC4 = 0x14;

bool isText(std::uint8_t b) { return b >= 0x20 && b != DEL; }

Alignment alignmentOf(std::uint8_t n) {
  switch (n) {
    case 1:
    case '1':
      return Alignment::Center;
    case 2:
    case '2':
      return Alignment::Right;
    default:
      return Alignment::Left;
  }
}

// ESC and FS commands that take one parameter byte and change nothing this decoder shows
// (line spacing, font, underline, code page, …).
bool isIgnoredEscWithOneByte(std::uint8_t c) {
  return std::string_view("3JM-GtR {UVr").find(static_cast<char>(c)) != std::string_view::npos;
}
bool isIgnoredGsWithOneByte(std::uint8_t c) {
  return std::string_view("BhwHfab").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::vector<DecoderEvent> EscPosDecoder::feed(std::span<const std::uint8_t> bytes) {
  std::vector<DecoderEvent> events;
  held_.insert(held_.end(), bytes.begin(), bytes.end());
  std::size_t at = 0;
  while (at < held_.size()) {
    const std::span<const std::uint8_t> rest(held_.data() + at, held_.size() - at);
    const std::size_t used = step(rest, events);
    if (used == 0) break;
    const bool statusRequest = rest.size() >= 2 && rest[0] == DLE && rest[1] == EOT;
    if (!statusRequest) printDataBytes_ += used;
    at += used;
    offset_ += used;
  }
  held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(at));
  return events;
}

std::size_t EscPosDecoder::step(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events) {
  const std::uint8_t b = in[0];
  if (isText(b) || b == HT) {
    std::size_t n = 0;
    while (n < in.size() && (isText(in[n]) || in[n] == HT)) ++n;
    if (lineBytes_.empty()) lineFormat_ = format_;
    for (std::size_t i = 0; i < n; ++i) {
      lineBytes_.push_back(in[i] == HT ? ' ' : in[i]);
      if (in[i] >= 0x80 && !chineseMode_ && !warnedSingleByteText_) {
        warnedSingleByteText_ = true;
        problem(events, "non-ASCII text outside Chinese mode (no FS &): the printer would use its code page");
      }
    }
    lineFeedEndsQr_ = false;
    return n;
  }
  switch (b) {
    case LF:
      endLine(events, true);
      return 1;
    case CR:
      return 1;
    case DLE: {
      if (in.size() < 2) return 0;
      const std::size_t length = in[1] == DC4 ? 5 : 3;
      if (in.size() < length) return 0;
      if (in[1] == EOT) {
        if (in[2] >= 1 && in[2] <= 4)
          events.emplace_back(std::in_place_type<StatusRequested>, static_cast<StatusQuery>(in[2]));
        else
          problem(events, fmt::format("DLE EOT {} is not a status this decoder knows", in[2]));
      } else if (in[1] != ENQ && in[1] != DC4) {
        problem(events, fmt::format("unknown command DLE 0x{:02X}", in[1]));
        return 2;
      }
      return length;
    }
    case ESC:
      return escape(in, events);
    case FS:
      return fileSeparator(in, events);
    case GS:
      return groupSeparator(in, events);
    default:
      problem(events, fmt::format("unexpected control byte 0x{:02X}", b));
      return 1;
  }
}

std::size_t EscPosDecoder::escape(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events) {
  if (in.size() < 2) return 0;
  const std::uint8_t c = in[1];
  if (c == kInitialize) {
    reset();
    return 2;
  }
  if (c == '2') return 2;
  if (in.size() < 3) return 0;
  const std::uint8_t n = in[2];
  if (c == kAlign) {
    format_.alignment = alignmentOf(n);
  } else if (c == kEmphasis) {
    format_.emphasized = (n & 1) != 0;
  } else if (c == kPrintMode) {
    format_.emphasized = (n & 0x08) != 0;
    format_.height = (n & 0x10) != 0 ? 2 : 1;
    format_.width = (n & 0x20) != 0 ? 2 : 1;
  } else if (c == kFeedLines) {
    endLine(events, false);
  } else if (!isIgnoredEscWithOneByte(c)) {
    problem(events, fmt::format("unknown command ESC 0x{:02X}", c));
    return 2;
  }
  return 3;
}

std::size_t EscPosDecoder::fileSeparator(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events) {
  if (in.size() < 2) return 0;
  const std::uint8_t c = in[1];
  if (c == kChineseOn || c == kChineseOff) {
    chineseMode_ = c == kChineseOn;
    return 2;
  }
  if (c == 'S') return in.size() < 4 ? 0 : 4;
  if (in.size() < 3) return 0;
  if (c == '!') {  // FS ! n: Chinese character print mode
    format_.width = (in[2] & 0x04) != 0 ? 2 : 1;
    format_.height = (in[2] & 0x08) != 0 ? 2 : 1;
    return 3;
  }
  if (c == '-' || c == 'W' || c == 'C') return 3;
  problem(events, fmt::format("unknown command FS 0x{:02X}", c));
  return 2;
}

std::size_t EscPosDecoder::groupSeparator(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events) {
  if (in.size() < 2) return 0;
  const std::uint8_t c = in[1];
  if (c == kTwoDimensional) return twoDimensional(in, events);
  if (c == 'L' || c == 'W') return in.size() < 4 ? 0 : 4;
  if (in.size() < 3) return 0;
  const std::uint8_t m = in[2];
  if (c == kCharacterSize) {
    format_.width = ((m >> 4) & 0x07) + 1;
    format_.height = (m & 0x07) + 1;
    return 3;
  }
  if (c == kCut) {
    if (m == kFeedAndCutFull || m == kFeedAndCutPartial) {
      if (in.size() < 4) return 0;
      cut(m == kFeedAndCutFull ? CutKind::Full : CutKind::Partial, events);
      return 4;
    }
    if (m == kCutFull || m == '0') {
      cut(CutKind::Full, events);
    } else if (m == kCutPartial || m == '1') {
      cut(CutKind::Partial, events);
    } else {
      problem(events, fmt::format("unknown cut mode GS V {}", m));
    }
    return 3;
  }
  if (isIgnoredGsWithOneByte(c)) return 3;
  problem(events, fmt::format("unknown command GS 0x{:02X}", c));
  return 2;
}

std::size_t EscPosDecoder::twoDimensional(std::span<const std::uint8_t> in, std::vector<DecoderEvent>& events) {
  if (in.size() < 5) return 0;
  const std::size_t length = in[3] + 256U * in[4];
  if (in.size() < 5 + length) return 0;
  const std::size_t total = 5 + length;
  if (in[2] != kTwoDimensionalK) {
    problem(events, fmt::format("unsupported command GS ( 0x{:02X}", in[2]));
    return total;
  }
  if (length < 2 || in[5] != kQrSymbol) {
    problem(events, "GS ( k for a symbol other than a QR code");
    return total;
  }
  const std::uint8_t fn = in[6];
  const auto params = in.subspan(7, length - 2);
  switch (fn) {
    case kQrSelectModel:
      break;
    case kQrModuleSize:
      if (!params.empty()) qrModuleSize_ = params[0];
      break;
    case kQrErrorCorrection:
      if (!params.empty()) qrErrorLevel_ = params[0];
      break;
    case kQrStore:
      if (params.empty()) {
        problem(events, "QR store command without data");
        break;
      }
      qrData_.assign(params.begin() + 1, params.end());
      break;
    case kQrPrint:
      endLine(events, false);
      uncut_.elements.push_back(PrintedQr{qrData_, qrModuleSize_, qrErrorLevel_, format_.alignment});
      lineFeedEndsQr_ = true;
      break;
    default:
      break;  // size queries and the like print nothing
  }
  return total;
}

void EscPosDecoder::endLine(std::vector<DecoderEvent>& events, bool lineFeed) {
  if (lineBytes_.empty()) {
    if (lineFeed && !lineFeedEndsQr_) uncut_.elements.push_back(PrintedLine{{}, format_});
    lineFeedEndsQr_ = false;
    return;
  }
  auto decoded = gb18030ToUtf8(lineBytes_);
  if (!decoded.error.empty()) {
    problem(events, "line text: " + decoded.error);
    decoded.text = "\uFFFD";
  }
  uncut_.elements.push_back(PrintedLine{std::move(decoded.text), lineFormat_});
  lineBytes_.clear();
  warnedSingleByteText_ = false;
  lineFeedEndsQr_ = false;
}

void EscPosDecoder::cut(CutKind kind, std::vector<DecoderEvent>& events) {
  endLine(events, false);
  uncut_.cut = kind;
  events.emplace_back(std::in_place_type<TicketCut>, std::move(uncut_));
  uncut_ = {};
}

void EscPosDecoder::problem(std::vector<DecoderEvent>& events, std::string message) {
  events.emplace_back(std::in_place_type<DecodeProblem>, offset_, std::move(message));
}

void EscPosDecoder::reset() {
  format_ = {};
  chineseMode_ = false;
  lineBytes_.clear();
  qrModuleSize_ = 3;
  qrErrorLevel_ = 48;
  qrData_.clear();
}

DecodedStream decodeEscPos(std::span<const std::uint8_t> bytes) {
  EscPosDecoder decoder;
  DecodedStream out;
  for (auto& event : decoder.feed(bytes)) {
    if (auto* status = std::get_if<StatusRequested>(&event)) {
      out.statusRequests.push_back(status->query);
    } else if (auto* cut = std::get_if<TicketCut>(&event)) {
      out.tickets.push_back(std::move(cut->ticket));
    } else {
      out.problems.push_back(std::get<DecodeProblem>(std::move(event)));
    }
  }
  if (decoder.midCommand()) out.problems.push_back({bytes.size(), "stream ends inside a command"});
  out.uncut = decoder.uncut();
  return out;
}

std::vector<std::string> PrintedTicket::lineTexts() const {
  std::vector<std::string> texts;
  for (const auto& element : elements) {
    if (const auto* line = std::get_if<PrintedLine>(&element)) texts.push_back(line->text);
  }
  return texts;
}

std::string PrintedTicket::qrPayload() const {
  for (const auto& element : elements) {
    if (const auto* qr = std::get_if<PrintedQr>(&element)) return qr->payload;
  }
  return {};
}

namespace {

// Display width on a roll: a Chinese character takes two columns, ASCII one.
int columnsOf(const std::string& utf8) {
  int columns = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    columns += length == 1 ? 1 : 2;
    i += length;
  }
  return columns;
}

std::string placed(const std::string& text, Alignment alignment, int columns) {
  const int pad = std::max(0, columns - columnsOf(text));
  if (alignment == Alignment::Center) return std::string(static_cast<std::size_t>(pad / 2), ' ') + text;
  if (alignment == Alignment::Right) return std::string(static_cast<std::size_t>(pad), ' ') + text;
  return text;
}

}  // namespace

std::string renderTicket(const PrintedTicket& ticket, int columns) {
  std::string out;
  for (const auto& element : ticket.elements) {
    if (const auto* line = std::get_if<PrintedLine>(&element)) {
      std::string text = line->text;
      if (line->format.width > 1 || line->format.height > 1)
        text = fmt::format("{} (x{})", text, std::max(line->format.width, line->format.height));
      out += placed(text, line->format.alignment, columns);
    } else {
      const auto& qr = std::get<PrintedQr>(element);
      out += placed("[QR " + qr.payload + "]", qr.alignment, columns);
    }
    out += '\n';
  }
  const char* cut = ticket.cut == CutKind::Full ? "full cut" : ticket.cut == CutKind::Partial ? "partial cut" : "";
  if (*cut != '\0') out += fmt::format("{:-^{}}\n", fmt::format(" {} ", cut), columns);
  return out;
}

}  // namespace jiujin::devices::printer
