#pragma once
// The one place ESC/POS print data is written (internal): lines in GB18030, alignment, size,
// emphasis and QR codes; the first error stops the writing and is kept. The ticket and the
// form encoders both write through it.
#include "jiujin/devices/printer/escpos_commands.hpp"
#include "jiujin/devices/printer/escpos_encoder.hpp"
#include "jiujin/devices/printer/gb18030.hpp"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace jiujin::devices::printer::detail {

using namespace escpos;
using Bytes = std::vector<std::uint8_t>;

enum class Alignment : std::uint8_t { Left = 0, Center = 1 };

inline std::uint8_t byteOf(int value) { return static_cast<std::uint8_t>(value); }

// Builds one ticket or form; the first error stops it and is kept.
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

/// Whether the style's numbers are in range, and which is not.
EncodeError checkStyle(const TicketStyle& s);

}  // namespace jiujin::devices::printer::detail
