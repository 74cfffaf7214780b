#include "jiujin/forms/form_page.hpp"

#include <fmt/format.h>

namespace jiujin::forms {

namespace {

constexpr double kMargin = 20.0;
constexpr double kBodyType = 4.5;   // ≈ 小四 (12 pt)
constexpr double kLineStep = 8.0;
constexpr double kLabelColumn = 38.0;
constexpr double kQrSide = 40.0;

/// The byte length of the UTF-8 character that starts with `lead` (1 for a stray byte).
std::size_t characterLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

class PageWriter {
 public:
  explicit PageWriter(FormPage& page) : page_(page) {}

  double y() const { return y_; }
  void skip(double mm) { y_ += mm; }

  void centred(const std::string& text, double typeSize, bool bold) {
    for (const auto& line : wrapText(text, typeSize, FormPage::kWidth - 2 * kMargin))
      place(line, kMargin, FormPage::kWidth - 2 * kMargin, typeSize, bold, TextAlign::Center, typeSize * 1.6);
  }

  /// Text from `x` to the right margin, wrapped.
  void paragraph(const std::string& text, double x, double typeSize, bool bold) {
    for (const auto& line : wrapText(text, typeSize, FormPage::kWidth - kMargin - x))
      place(line, x, FormPage::kWidth - kMargin - x, typeSize, bold, TextAlign::Left, kLineStep);
  }

  void field(const devices::printer::FormField& f) {
    const double top = y_;
    page_.texts.push_back({f.label + "：", kMargin, top, kLabelColumn, kLineStep, kBodyType, true, TextAlign::Left});
    paragraph(f.value.empty() ? "—" : f.value, kMargin + kLabelColumn, kBodyType, false);
  }

  void qr(const std::string& payload) {
    page_.qr = PlacedQr{payload, (FormPage::kWidth - kQrSide) / 2, y_, kQrSide};
    y_ += kQrSide + 2;
    if (y_ > FormPage::kHeight - kMargin) page_.overflows = true;
  }

 private:
  void place(const std::string& line, double x, double width, double typeSize, bool bold, TextAlign align,
             double step) {
    if (y_ + step > FormPage::kHeight - kMargin) {
      page_.overflows = true;
      return;
    }
    page_.texts.push_back({line, x, y_, width, step, typeSize, bold, align});
    y_ += step;
  }

  FormPage& page_;
  double y_ = kMargin;
};

}  // namespace

double estimatedWidth(const std::string& text, double typeSize) {
  double width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = characterLength(static_cast<unsigned char>(text[i]));
    width += n == 1 ? typeSize * 0.6 : typeSize * 1.05;
    i += n;
  }
  return width;
}

std::vector<std::string> wrapText(const std::string& text, double typeSize, double width) {
  std::vector<std::string> lines;
  std::string line;
  double used = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::min(characterLength(static_cast<unsigned char>(text[i])), text.size() - i);
    const std::string character = text.substr(i, n);
    const double w = estimatedWidth(character, typeSize);
    if (used + w > width && !line.empty()) {
      lines.push_back(line);
      line.clear();
      used = 0;
    }
    line += character;
    used += w;
    i += n;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

FormPage layoutA4(const devices::printer::FormPrint& form) {
  FormPage page;
  PageWriter w(page);
  if (!form.hallName.empty()) w.centred(form.hallName, 5.5, false);
  w.centred(form.title, 9.0, true);
  w.skip(4);
  for (const auto& f : form.fields) w.field(f);
  for (const auto& list : form.lists) {
    w.skip(3);
    w.paragraph(list.heading, kMargin, kBodyType, true);
    for (std::size_t i = 0; i < list.items.size(); ++i)
      w.paragraph(fmt::format("{}. {}", i + 1, list.items[i]), kMargin + 6, kBodyType, false);
  }
  if (!form.qrPayload.empty()) {
    w.skip(4);
    w.qr(form.qrPayload);
    if (!form.qrCaption.empty()) w.centred(form.qrCaption, 4.0, false);
  }
  if (!form.notes.empty()) w.skip(4);
  for (const auto& note : form.notes) w.paragraph(note, kMargin, kBodyType, false);
  return page;
}

}  // namespace jiujin::forms
