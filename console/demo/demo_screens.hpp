#pragma once
// The console's screens rendered offscreen to PNG from a demonstration morning: the hall of
// the given file with residents waiting, the dispatcher played in-process by a core::Hall
// (its figures counted from that hall, demo_figures.hpp). Used by `--screenshots DIR` and
// the screenshot test; the console's model library knows nothing of it.
#include <QString>
#include <QStringList>

#include "jiujin/config/hall_config.hpp"

namespace jiujin::console {

struct ScreenshotRun {
  QStringList files;  ///< written, in order
  QString error;      ///< empty on success
};

/// Writes console-login.png, console-serving.png, console-refused.png, console-serving-en.png,
/// monitor-live.png and monitor-figures.png into `dir`.
ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir);

}  // namespace jiujin::console
