#include "jiujin/forms/form_pdf.hpp"

#include <memory>

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <qrencode.h>

namespace jiujin::forms {

namespace {

// fonts-wqy-microhei (scripts/setup): without a CJK font Chinese prints as boxes.
const QString kFontFamily = QStringLiteral("WenQuanYi Micro Hei");

void paintQr(QPainter& painter, const PlacedQr& qr, double dotsPerMm) {
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(qr.payload.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) return;
  const double module = qr.side * dotsPerMm / code->width;
  painter.save();
  painter.setPen(Qt::NoPen);
  painter.setBrush(Qt::black);
  for (int row = 0; row < code->width; ++row)
    for (int column = 0; column < code->width; ++column)
      if (code->data[row * code->width + column] & 1)
        painter.drawRect(QRectF(qr.x * dotsPerMm + column * module, qr.y * dotsPerMm + row * module, module, module));
  painter.restore();
}

}  // namespace

void paintFormPage(QPainter& painter, const FormPage& page, double dotsPerMm) {
  painter.setPen(Qt::black);
  for (const auto& t : page.texts) {
    QFont font(kFontFamily);
    font.setPixelSize(std::max(1, static_cast<int>(t.typeSize * dotsPerMm + 0.5)));
    font.setBold(t.bold);
    painter.setFont(font);
    const QRectF box(t.x * dotsPerMm, t.y * dotsPerMm, t.width * dotsPerMm, t.height * dotsPerMm);
    const Qt::Alignment align = (t.align == TextAlign::Center ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter;
    painter.drawText(box, static_cast<int>(align), QString::fromStdString(t.text));
  }
  if (page.qr) paintQr(painter, *page.qr, dotsPerMm);
}

bool writeFormPdf(const FormPage& page, const QString& path, const QString& title, QString* error) {
  QPdfWriter writer(path);
  writer.setTitle(title);
  writer.setCreator(QStringLiteral("Jiujin 就近"));
  writer.setResolution(300);
  writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
  QPainter painter;
  if (!painter.begin(&writer)) {
    if (error != nullptr) *error = QStringLiteral("cannot write %1").arg(path);
    return false;
  }
  paintFormPage(painter, page, writer.resolution() / 25.4);
  painter.end();
  if (!QFile::exists(path)) {
    if (error != nullptr) *error = QStringLiteral("%1 was not written").arg(path);
    return false;
  }
  return true;
}

QImage renderFormPage(const FormPage& page, int dpi) {
  const double dotsPerMm = dpi / 25.4;
  QImage image(static_cast<int>(FormPage::kWidth * dotsPerMm + 0.5), static_cast<int>(FormPage::kHeight * dotsPerMm + 0.5),
               QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing, false);
  paintFormPage(painter, page, dotsPerMm);
  painter.end();
  return image;
}

}  // namespace jiujin::forms
