#pragma once
// Puts the display model on a screen: loads the QML, sized for landscape or portrait.
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSize>
#include <QString>
#include <QTranslator>

#include "jiujin/display/display_model.hpp"

namespace jiujin::display {

inline constexpr QSize kLandscape{1920, 1080};
inline constexpr QSize kPortrait{1080, 1920};

/// The font used everywhere: WenQuanYi Micro Hei, so Chinese never shows as boxes.
void useHallFont();

/// Loads the screen for `model` into `engine` at `size`; the window, or null with the QML
/// errors in `error`. `model` must outlive the engine.
QQuickWindow* loadDisplay(QQmlApplicationEngine& engine, DisplayModel& model, QSize size, QString* error = nullptr);

/// Installs the English (or other) translation of the screen texts; the translator (owned
/// by the application), or null if there is none.
QTranslator* installTranslation(const QString& language);

}  // namespace jiujin::display
