#pragma once
// Putting the kiosk on screen: the hall font, the QML types, loading Main.qml with the model,
// and switching the language at run time (translator + engine retranslate).
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSize>
#include <QString>
#include <QTranslator>
#include <memory>

#include "jiujin/kiosk/kiosk_model.hpp"

namespace jiujin::kiosk {

/// A portrait kiosk screen.
inline constexpr QSize kKioskScreen{1080, 1920};

/// WenQuanYi Micro Hei as the application font (Chinese renders, not boxes).
void useHallFont();
/// Registers the model types QML refers to by name (enums: KioskModel.Ticket, …).
void registerKioskTypes();

/// Loads Main.qml showing `model`; null and `error` set when it does not load cleanly.
QQuickWindow* loadKiosk(QQmlApplicationEngine& engine, KioskModel& model, QSize size, QString* error);

/// Switches the interface language at run time for one engine.
class LanguageSwitcher {
 public:
  explicit LanguageSwitcher(QQmlEngine& engine) : engine_(engine) {}
  /// "zh" (the source language) or a language with a kiosk_<lang>.qm; false when missing.
  bool switchTo(const QString& language);

 private:
  QQmlEngine& engine_;
  std::unique_ptr<QTranslator> translator_;
};

}  // namespace jiujin::kiosk
