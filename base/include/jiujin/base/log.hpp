#pragma once
// The one way every Jiujin process logs: a category ("dispatcher.store", "devices.bus"), a
// level with syslog's numbers, and one line of text. On a terminal a line reads
// "dispatcher.store warning: …"; under systemd (stderr not a terminal) it starts with the
// "<4>" prefix journald turns into the entry's priority, so `journalctl -u jiujin-dispatcher
// -p warning` works. The Qt apps route QLoggingCategory output here too (client/qt).
// No personal data in logs: ticket numbers and window numbers yes, names and ID numbers no.
//
// Levels (docs/operations … see docs/architecture.md, "Logging"):
//   error   something failed and a person must act (a commit failed, a port cannot open);
//   warning something is wrong but the hall goes on (a device offline, a refused config);
//   notice  a normal but significant change (started, stopped, reloaded, recovered);
//   info    routine facts worth keeping (a client connected, a device back);
//   debug   detail for developers, off unless JIUJIN_LOG_LEVEL=debug.
#include <functional>
#include <optional>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace jiujin::log {

enum class Level { Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7 };

/// "error", "warning", …
const char* toString(Level level);

/// Writes one line (if `level` passes the threshold). Thread-safe; never throws.
void write(Level level, std::string_view category, std::string_view message);

/// Lines above this level are dropped. Default: JIUJIN_LOG_LEVEL (a level's name), else info.
void setThreshold(Level level);
Level threshold();

/// Where lines go instead of stderr (tests, or an app's own sink); empty restores stderr.
using Sink = std::function<void(Level, std::string_view category, std::string_view message)>;
void setSink(Sink sink);

template <typename... Args>
void error(std::string_view category, fmt::format_string<Args...> format, Args&&... args) {
  if (Level::Error <= threshold()) write(Level::Error, category, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void warning(std::string_view category, fmt::format_string<Args...> format, Args&&... args) {
  if (Level::Warning <= threshold()) write(Level::Warning, category, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void notice(std::string_view category, fmt::format_string<Args...> format, Args&&... args) {
  if (Level::Notice <= threshold()) write(Level::Notice, category, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void info(std::string_view category, fmt::format_string<Args...> format, Args&&... args) {
  if (Level::Info <= threshold()) write(Level::Info, category, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void debug(std::string_view category, fmt::format_string<Args...> format, Args&&... args) {
  if (Level::Debug <= threshold()) write(Level::Debug, category, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace jiujin::log
