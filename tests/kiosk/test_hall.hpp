#pragma once
// The township sample hall, copied into a test folder, open around the clock (so tests do
// not depend on the hour they run at) — and the sample as it is, for the opening-hours tests.
#include <QString>

#include "jiujin/config/hall_config.hpp"

namespace jiujin::kiosk::test {

/// The source and build trees: JIUJIN_SOURCE_DIR / JIUJIN_BINARY_DIR, else the configured ones.
QString sourceDir();
QString binaryDir();

/// Writes hall.toml and catalog.csv into `dir`; returns the hall file's path.
QString writeAlwaysOpenHall(const QString& dir);
/// Loads a hall file; fails the test (ADD_FAILURE) and returns an empty config if it is bad.
config::HallConfig loadHall(const QString& file);
/// config/samples/township.toml as shipped.
config::HallConfig townshipSample();

}  // namespace jiujin::kiosk::test
