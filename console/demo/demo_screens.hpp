#pragma once
// The console's screens rendered offscreen to PNG from a demonstration morning: the hall of
// the given file with residents waiting, the dispatcher played in-process by a core::Hall
// (its figures counted from that hall, demo_figures.hpp). Used by `--screenshots DIR` and
// the screenshot test; the console's model library knows nothing of it.
#include <QQuickWindow>
#include <QString>
#include <QStringList>
#include <functional>

#include "jiujin/config/hall_config.hpp"

namespace jiujin::console {

struct ScreenshotRun {
  QStringList files;  ///< written, in order
  QString error;      ///< empty on success
};

/// Called with each screen just before it is saved as `file` (a test looks at its texts).
using ScreenCheck = std::function<void(QQuickWindow* window, const QString& file)>;

/// Writes the console's screens (login, serving, confirm, refused, 过号, the 转移 dialog open;
/// the case screens: acceptance, receipt, 代办, 统一出件, progress) and the monitor's (live,
/// follow-up, figures, 台账 at 1280×800 and 1920×1080, 预约 at 1280×800), both languages,
/// into `dir`.
ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir, const ScreenCheck& check = {});

/// The monitor's live view of a large hall (a district's 30+ windows) at 1280×800 and
/// 1920×1080, both languages: monitor-district[-1920][-en].png.
ScreenshotRun renderMonitorWall(const config::HallConfig& config, const QString& dir, const ScreenCheck& check = {});

}  // namespace jiujin::console
