// The A4 page painted by Qt: into an image (every placed line leaves ink in its box, the QR
// code is there, the margins stay blank) and into a PDF that poppler parses (pdftotext finds
// the text) and rasterises (pdftoppm: ink where the title is).
#include <optional>

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "jiujin/forms/case_forms.hpp"
#include "jiujin/forms/form_pdf.hpp"
#include "sample_case.hpp"

namespace jiujin::forms {
namespace {

using testing::sampleCase;
using testing::sampleHall;

/// The share of dark pixels in a box given in mm.
double inkIn(const QImage& image, double x, double y, double w, double h, double dotsPerMm) {
  const QRect box = QRectF(x * dotsPerMm, y * dotsPerMm, w * dotsPerMm, h * dotsPerMm).toAlignedRect() & image.rect();
  int dark = 0;
  for (int py = box.top(); py <= box.bottom(); ++py)
    for (int px = box.left(); px <= box.right(); ++px)
      if (qGray(image.pixel(px, py)) < 128) ++dark;
  return box.isEmpty() ? 0.0 : static_cast<double>(dark) / (box.width() * box.height());
}

/// Runs a poppler tool, bounded; its standard output, or nothing if it failed.
std::optional<QByteArray> run(const QString& program, const QStringList& arguments) {
  QProcess p;
  p.start(program, arguments);
  if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) return std::nullopt;
  return p.readAllStandardOutput();
}

TEST(FormPdf, EveryLineOfTheReceiptLeavesInkInItsBoxAndTheMarginsStayBlank) {
  const FormPage page = layoutA4(receiptForm(sampleCase(), sampleHall()));
  const int dpi = 100;
  const double dotsPerMm = dpi / 25.4;
  const QImage image = renderFormPage(page, dpi);
  ASSERT_EQ(image.width(), 827);
  for (const auto& t : page.texts)
    EXPECT_GT(inkIn(image, t.x, t.y, t.width, t.height, dotsPerMm), 0.005) << t.text;
  ASSERT_TRUE(page.qr.has_value());
  const double qrInk = inkIn(image, page.qr->x, page.qr->y, page.qr->side, page.qr->side, dotsPerMm);
  EXPECT_GT(qrInk, 0.3) << "a QR code is about half dark";
  EXPECT_LT(qrInk, 0.7);
  EXPECT_EQ(inkIn(image, 0, 0, FormPage::kWidth, 15, dotsPerMm), 0.0) << "top margin";
  EXPECT_EQ(inkIn(image, 0, 0, 15, FormPage::kHeight, dotsPerMm), 0.0) << "left margin";
  EXPECT_EQ(inkIn(image, 0, FormPage::kHeight - 15, FormPage::kWidth, 15, dotsPerMm), 0.0) << "bottom margin";
}

TEST(FormPdf, ThePdfIsOneA4PageWhoseTextPopplerReadsAndWhoseTitleItRasterises) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString pdf = dir.filePath("receipt.pdf");
  const FormPage page = layoutA4(receiptForm(sampleCase(), sampleHall()));
  QString error;
  ASSERT_TRUE(writeFormPdf(page, pdf, "收件回执单", &error)) << error.toStdString();

  // poppler-utils (scripts/setup) parses it: one A4 page, the text as printed
  const QString info = QString::fromUtf8(run("pdfinfo", {pdf}).value_or("pdfinfo failed"));
  EXPECT_TRUE(info.contains(QRegularExpression("Pages:\\s+1\\b"))) << info.toStdString();
  EXPECT_TRUE(info.contains("(A4)")) << info.toStdString();
  const QString text = QString::fromUtf8(run("pdftotext", {"-layout", pdf, "-"}).value_or("pdftotext failed"));
  for (const char* expected : {"收件回执单", "370199101-20260430-0001", "2026年5月8日", "3号窗口（统一出件）", "0531-88886666",
                               "居民身份证", "3701**********1234"})
    EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << " in\n" << text.toStdString();
  EXPECT_FALSE(text.contains("370102199001011234")) << "the ID number is never printed whole";

  // and rasterises it: the title's box has ink, the top margin none
  ASSERT_TRUE(run("pdftoppm", {"-r", "50", "-png", "-singlefile", pdf, dir.filePath("page")}).has_value());
  const QImage raster(dir.filePath("page.png"));
  ASSERT_FALSE(raster.isNull());
  const double dotsPerMm = 50 / 25.4;
  EXPECT_NEAR(raster.width(), FormPage::kWidth * dotsPerMm, 2);
  const auto& title = *std::find_if(page.texts.begin(), page.texts.end(), [](const auto& t) { return t.text == "收件回执单"; });
  EXPECT_GT(inkIn(raster, title.x, title.y, title.width, title.height, dotsPerMm), 0.01);
  EXPECT_EQ(inkIn(raster, 0, 0, FormPage::kWidth, 15, dotsPerMm), 0.0);
}

}  // namespace
}  // namespace jiujin::forms
