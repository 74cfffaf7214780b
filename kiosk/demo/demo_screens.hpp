#pragma once
// The kiosk's screens rendered offscreen to PNG, from a demonstration hall: the configured
// items with residents waiting, at a fixed weekday morning, the dispatcher and the printer
// played in-process. Used by `jiujin-kiosk --screenshots DIR` and the screenshot test.
#include <QImage>
#include <QString>
#include <QStringList>

#include "jiujin/config/hall_config.hpp"

namespace jiujin::kiosk {

struct ScreenshotRun {
  QStringList files;  ///< written, in order
  QString error;      ///< empty on success
};

/// Writes kiosk-home.png, kiosk-item.png, kiosk-priority.png, kiosk-ticket.png,
/// kiosk-printer-failed.png, kiosk-unreachable.png and kiosk-home-en.png into `dir`.
ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir);

}  // namespace jiujin::kiosk
