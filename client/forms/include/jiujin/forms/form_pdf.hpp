#pragma once
// A form's A4 page (form_page.hpp) painted with Qt: into a PDF for the office printer, or into
// an image (the tests look at it; a preview could show it). One painting function serves both,
// so the image is the page the PDF holds. Needs a QGuiApplication (fonts).
#include <QImage>
#include <QPainter>
#include <QString>

#include "jiujin/forms/form_page.hpp"

namespace jiujin::forms {

/// Paints `page` with `painter`, whose device has `dotsPerMm` pixels per millimetre.
void paintFormPage(QPainter& painter, const FormPage& page, double dotsPerMm);

/// Writes `page` as a one-page A4 PDF at `path`; false and `error` when it cannot.
bool writeFormPdf(const FormPage& page, const QString& path, const QString& title, QString* error = nullptr);

/// `page` as a white A4 image at `dpi`.
QImage renderFormPage(const FormPage& page, int dpi);

}  // namespace jiujin::forms
