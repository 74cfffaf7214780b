#pragma once
// The kiosk's screens rendered offscreen to PNG, from a demonstration hall: the configured
// items with residents waiting and a month of history, at a fixed weekday morning, the
// dispatcher and the printer played in-process, the real KioskModel and QML on top. Used by
// `jiujin-kiosk --screenshots DIR` and the screenshot tests.
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

#include "jiujin/config/hall_config.hpp"

class QQuickWindow;

namespace jiujin::kiosk {

class KioskModel;

/// A landscape kiosk screen (1080p, --fullscreen).
inline constexpr QSize kKioskLandscape{1920, 1080};

struct ScreenshotOptions {
  /// The screen sizes to render at; the file names of the landscape ones say "landscape".
  std::vector<QSize> sizes{QSize(1080, 1920), kKioskLandscape};
  /// "zh" (file names without a language) and "en" ("-en").
  QStringList languages{QStringLiteral("zh"), QStringLiteral("en")};
  /// Called with each screen after it is saved, while it is still up (the tests look at it).
  std::function<void(const QString& file, QQuickWindow& window, KioskModel& model)> inspect;
};

struct ScreenshotRun {
  QStringList files;  ///< written, in order
  QString error;      ///< empty on success
};

/// The screens, in order: home, home-search (letters typed), item, item-plain (an item without
/// 绿色通道), priority, priority-confirm, ticket, ticket-priority, printer-failed,
/// unreachable, collect (when the hall has an issuing window), checkin, ticket-booking,
/// checkin-refused, ticket-booking-late (when the hall takes bookings: its [booking]
/// sessions) — each as
/// kiosk-<screen>[-landscape][-en].png in `dir`.
ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir, const ScreenshotOptions& options = {});

}  // namespace jiujin::kiosk
