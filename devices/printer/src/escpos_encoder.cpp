#include "jiujin/devices/printer/escpos_encoder.hpp"

#include "escpos_writer.hpp"

#include <algorithm>

namespace jiujin::devices::printer {
namespace detail {

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

}  // namespace detail

namespace {

using namespace detail;

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
  if (!t.priority.empty()) {
    // Seen at a glance by the resident and the clerk: 12 of the 16 double-size columns.
    w.scale(2);
    w.emphasis(true);
    w.line("priority", "", "【绿色通道】");
    w.emphasis(false);
    w.scale(1);
    w.line("priority", "", t.priority);
  }
  if (!t.appointment.empty()) {
    // The same way: the clerk sees at a glance that the slot gives it its place.
    w.scale(2);
    w.emphasis(true);
    w.line("appointment", "", "【预约】");
    w.emphasis(false);
    w.scale(1);
    w.line("appointment", "预约 ", t.appointment);
  }
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
