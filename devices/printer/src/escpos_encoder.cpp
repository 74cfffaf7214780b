#include "jiujin/devices/printer/escpos_encoder.hpp"

#include "jiujin/devices/printer/escpos_commands.hpp"
#include "jiujin/devices/printer/gb18030.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace jiujin::devices::printer {
namespace {

using namespace escpos;
using Bytes = std::vector<std::uint8_t>;

enum class Alignment : std::uint8_t { Left = 0, Center = 1 };

std::uint8_t byteOf(int value) { return static_cast<std::uint8_t>(value); }

// Builds one ticket; the first error stops it and is kept.
class TicketWriter {
 public:
  explicit TicketWriter(const TicketStyle& style) : style_(style) {}

  void command(std::initializer_list<std::uint8_t> bytes) { out_.insert(out_.end(), bytes); }
  void align(Alignment a) { command({ESC, kAlign, static_cast<std::uint8_t>(a)}); }
  void emphasis(bool on) { command({ESC, kEmphasis, byteOf(on ? 1 : 0)}); }
  void scale(int times) {
    const auto n = byteOf(times - 1);
    command({GS, kCharacterSize, static_cast<std::uint8_t>((n << 4) | n)});
  }

  // A line of UTF-8 text (label + value), converted to GB18030 and ended with LF.
  void line(std::string_view field, std::string_view label, std::string_view value) {
    if (error_) return;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      if (c < 0x20 || c == 0x7F) {
        fail(EncodeErrorCode::ControlCharacter,
             fmt::format("{}: control character 0x{:02X} at byte {} would be read as a printer command",
                         field, c, i));
        return;
      }
    }
    const std::string text = std::string(label) + std::string(value);
    auto converted = utf8ToGb18030(text);
    if (!converted.error.empty()) {
      fail(EncodeErrorCode::InvalidText, fmt::format("{}: {}", field, converted.error));
      return;
    }
    out_.insert(out_.end(), converted.bytes.begin(), converted.bytes.end());
    out_.push_back(LF);
  }

  void qrCode(std::string_view payload) {
    if (error_) return;
    if (payload.size() > kMaxQrPayloadBytes) {
      fail(EncodeErrorCode::QrPayloadTooLong,
           fmt::format("qrPayload: {} bytes, a QR code holds at most {}", payload.size(), kMaxQrPayloadBytes));
      return;
    }
    const auto model = byteOf(kQrModel2);
    command({GS, kTwoDimensional, kTwoDimensionalK, 4, 0, kQrSymbol, kQrSelectModel, model, 0});
    command({GS, kTwoDimensional, kTwoDimensionalK, 3, 0, kQrSymbol, kQrModuleSize, byteOf(style_.qrModuleSize)});
    command({GS, kTwoDimensional, kTwoDimensionalK, 3, 0, kQrSymbol, kQrErrorCorrection,
             static_cast<std::uint8_t>(style_.qrErrorLevel)});
    const std::size_t length = payload.size() + 3;  // cn, fn, m, then the data
    command({GS, kTwoDimensional, kTwoDimensionalK, byteOf(static_cast<int>(length & 0xFF)),
             byteOf(static_cast<int>(length >> 8)), kQrSymbol, kQrStore, kQrStoreMarker});
    out_.insert(out_.end(), payload.begin(), payload.end());
    command({GS, kTwoDimensional, kTwoDimensionalK, 3, 0, kQrSymbol, kQrPrint, kQrStoreMarker});
    out_.push_back(LF);
  }

  void fail(EncodeErrorCode code, std::string message) {
    if (!error_) error_ = {code, std::move(message)};
  }

  EncodedTicket finish() {
    if (error_) return {{}, std::move(error_)};
    return {std::move(out_), {}};
  }

 private:
  const TicketStyle& style_;
  Bytes out_;
  EncodeError error_;
};

EncodeError checkStyle(const TicketStyle& s) {
  if (s.numberScale < 1 || s.numberScale > 8)
    return {EncodeErrorCode::InvalidStyle, fmt::format("numberScale {} is outside 1..8", s.numberScale)};
  if (s.qrModuleSize < 1 || s.qrModuleSize > 16)
    return {EncodeErrorCode::InvalidStyle, fmt::format("qrModuleSize {} is outside 1..16", s.qrModuleSize)};
  if (s.lineColumns < 16 || s.lineColumns > 96)
    return {EncodeErrorCode::InvalidStyle, fmt::format("lineColumns {} is outside 16..96", s.lineColumns)};
  if (s.feedLinesBeforeCut < 0 || s.feedLinesBeforeCut > 255)
    return {EncodeErrorCode::InvalidStyle,
            fmt::format("feedLinesBeforeCut {} is outside 0..255", s.feedLinesBeforeCut)};
  return {};
}

/// The largest size up to the style's at which `number` stays on one line.
int numberScaleFor(const std::string& number, const TicketStyle& style) {
  const int columns = static_cast<int>(number.size());  // a ticket number is ASCII: a byte a column
  return std::clamp(style.lineColumns / std::max(columns, 1), 1, style.numberScale);
}

}  // namespace

EncodedTicket EscPosEncoder::encode(const TicketPrint& t) const {
  if (auto e = checkStyle(style_)) return {{}, std::move(e)};
  if (t.number.empty()) return {{}, {EncodeErrorCode::InvalidNumber, "number: a ticket needs a number"}};
  if (static_cast<int>(t.number.size()) > style_.lineColumns)
    return {{}, {EncodeErrorCode::InvalidNumber, fmt::format("number: \"{}\" is wider than a line", t.number)}};
  if (t.peopleAhead < 0)
    return {{}, {EncodeErrorCode::InvalidNumber, fmt::format("peopleAhead: {} is negative", t.peopleAhead)}};

  TicketWriter w(style_);
  w.command({ESC, kInitialize});
  w.command({FS, kChineseOn});

  w.align(Alignment::Center);
  if (!t.hallName.empty()) {
    w.emphasis(true);
    w.line("hallName", "", t.hallName);
    w.emphasis(false);
  }
  w.scale(numberScaleFor(t.number, style_));
  w.emphasis(true);
  w.line("number", "", t.number);
  w.emphasis(false);
  w.scale(1);

  w.align(Alignment::Left);
  if (!t.itemName.empty()) w.line("itemName", "办理事项：", t.itemName);
  if (!t.queueName.empty()) w.line("queueName", "办理窗口：", t.queueName);
  w.line("peopleAhead", "前面等候：", fmt::format("{} 人", t.peopleAhead));
  w.line("estimatedWaitMinutes", "预计等候：",
         t.estimatedWaitMinutes < 0 ? std::string("暂无估计") : fmt::format("约 {} 分钟", t.estimatedWaitMinutes));
  if (!t.issuedAt.empty()) w.line("issuedAt", "取号时间：", t.issuedAt);

  w.align(Alignment::Center);
  if (!t.qrPayload.empty()) w.qrCode(t.qrPayload);
  if (!t.notice.empty()) w.line("notice", "", t.notice);
  w.align(Alignment::Left);

  w.command({FS, kChineseOff});
  w.command({GS, kCut, kFeedAndCutFull, byteOf(style_.feedLinesBeforeCut)});
  return w.finish();
}

}  // namespace jiujin::devices::printer
