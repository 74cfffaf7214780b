#pragma once
// Putting the console on screen: the hall font, loading Main.qml with the clerk's console or
// the manager's monitor, and the interface language (Chinese source, English translation).
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSize>
#include <QString>
#include <QTranslator>
#include <memory>

#include "jiujin/console/clerk_console.hpp"
#include "jiujin/console/hall_monitor.hpp"

namespace jiujin::console {

inline constexpr QSize kConsoleScreen{1280, 800};

/// WenQuanYi Micro Hei as the application font (Chinese renders, not boxes).
void useHallFont();
/// Installs console_<language>.qm ("zh" removes any translation); false when missing.
bool useLanguage(QQmlEngine& engine, const QString& language, std::unique_ptr<QTranslator>& translator);
/// Loads Main.qml with exactly one of `desk` and `monitor`; null and `error` set on failure.
QQuickWindow* loadConsole(QQmlApplicationEngine& engine, ClerkConsole* desk, HallMonitor* monitor, QString* error);

}  // namespace jiujin::console
