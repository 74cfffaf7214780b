#pragma once
// Where each piece of a form goes on an A4 page, in millimetres from the top left: a pure
// function, so what text goes where is tested without Qt (form_pdf.hpp paints it). Long
// values wrap by an estimate of their width (a CJK character is as wide as the type is high,
// other characters about half): generous, so Qt's real glyphs fit inside each box.
#include <optional>
#include <string>
#include <vector>

#include "jiujin/devices/printer/form_print.hpp"

namespace jiujin::forms {

enum class TextAlign { Left, Center };

/// One line of text in its box.
struct PlacedText {
  std::string text;  ///< UTF-8, one line
  double x = 0, y = 0, width = 0, height = 0;  ///< the box, mm
  double typeSize = 0;  ///< character height, mm
  bool bold = false;
  TextAlign align = TextAlign::Left;
};

struct PlacedQr {
  std::string payload;
  double x = 0, y = 0, side = 0;  ///< mm
};

struct FormPage {
  static constexpr double kWidth = 210.0;   ///< A4, mm
  static constexpr double kHeight = 297.0;
  std::vector<PlacedText> texts;
  std::optional<PlacedQr> qr;
  bool overflows = false;  ///< more than fits: the last lines fell below the bottom margin
};

/// The A4 page of a form: hall name and title centred, the fields as a label column and a
/// value column, the numbered lists, the QR code centred with its caption, then the notes.
FormPage layoutA4(const devices::printer::FormPrint& form);

/// The estimated width of `text` at `typeSize` (mm), by the rule above.
double estimatedWidth(const std::string& text, double typeSize);
/// `text` cut into lines no wider than `width` (mm) by that estimate; never splits a character.
std::vector<std::string> wrapText(const std::string& text, double typeSize, double width);

}  // namespace jiujin::forms
