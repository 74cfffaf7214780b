#include "jiujin/base/log.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

namespace jiujin::log {

namespace {

std::optional<Level> parseLevel(const char* text) {
  if (text == nullptr) return std::nullopt;
  for (Level l : {Level::Error, Level::Warning, Level::Notice, Level::Info, Level::Debug}) {
    if (std::strcmp(text, toString(l)) == 0) return l;
  }
  return std::nullopt;
}

std::atomic<int>& thresholdValue() {
  static std::atomic<int> value{static_cast<int>(parseLevel(std::getenv("JIUJIN_LOG_LEVEL")).value_or(Level::Info))};
  return value;
}

struct Output {
  std::mutex mutex;
  Sink sink;
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
};

Output& output() {
  static Output o;
  return o;
}

}  // namespace

const char* toString(Level level) {
  switch (level) {
    case Level::Error: return "error";
    case Level::Warning: return "warning";
    case Level::Notice: return "notice";
    case Level::Info: return "info";
    case Level::Debug: return "debug";
  }
  return "info";
}

void setThreshold(Level level) { thresholdValue() = static_cast<int>(level); }
Level threshold() { return static_cast<Level>(thresholdValue().load()); }

void setSink(Sink sink) {
  Output& o = output();
  std::lock_guard lock(o.mutex);
  o.sink = std::move(sink);
}

void write(Level level, std::string_view category, std::string_view message) {
  if (level > threshold()) return;
  Output& o = output();
  std::lock_guard lock(o.mutex);
  if (o.sink) {
    try {
      o.sink(level, category, message);
    } catch (...) {
      // A sink that throws must not take the caller (a request loop) with it.
    }
    return;
  }
  // One write per line, so lines of several threads never interleave.
  std::string line;
  line.reserve(category.size() + message.size() + 16);
  if (o.terminal) {
    line.append(category).append(" ").append(toString(level)).append(": ");
  } else {
    line.append("<").append(std::to_string(static_cast<int>(level))).append(">").append(category).append(": ");
  }
  // A message is one journal entry: line breaks inside it are kept visible but harmless.
  for (char c : message) line.push_back(c == '\n' ? ' ' : c);
  line.push_back('\n');
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace jiujin::log
