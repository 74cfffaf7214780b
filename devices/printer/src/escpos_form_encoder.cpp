// A form (form_print.hpp) as ESC/POS: the same writer as the ticket, a layout of its own.
#include "jiujin/devices/printer/escpos_encoder.hpp"

#include "escpos_writer.hpp"

namespace jiujin::devices::printer {

EncodedTicket EscPosEncoder::encodeForm(const FormPrint& form) const {
  using namespace detail;
  if (auto e = checkStyle(style_)) return {{}, std::move(e)};
  if (form.title.empty()) return {{}, {EncodeErrorCode::InvalidText, "title: a form needs a title"}};

  TicketWriter w(style_);
  w.command({ESC, kInitialize});
  w.command({FS, kChineseOn});

  w.align(Alignment::Center);
  if (!form.hallName.empty()) w.line("hallName", "", form.hallName);
  w.scale(2);
  w.emphasis(true);
  w.line("title", "", form.title);
  w.emphasis(false);
  w.scale(1);

  w.align(Alignment::Left);
  for (const auto& field : form.fields) w.line("fields", field.label + "：", field.value);
  for (const auto& list : form.lists) {
    w.emphasis(true);
    w.line("lists", "", list.heading);
    w.emphasis(false);
    for (std::size_t i = 0; i < list.items.size(); ++i) w.line("lists", fmt::format("{}. ", i + 1), list.items[i]);
  }

  w.align(Alignment::Center);
  if (!form.qrPayload.empty()) {
    w.qrCode(form.qrPayload);
    if (!form.qrCaption.empty()) w.line("qrCaption", "", form.qrCaption);
  }
  w.align(Alignment::Left);
  for (const auto& note : form.notes) w.line("notes", "", note);

  w.command({FS, kChineseOff});
  w.command({GS, kCut, kFeedAndCutFull, byteOf(style_.feedLinesBeforeCut)});
  return w.finish();
}

}  // namespace jiujin::devices::printer
