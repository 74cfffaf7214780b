#include "jiujin/base/log.hpp"

#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#define SD_JOURNAL_SUPPRESS_LOCATION
#include <systemd/sd-journal.h>

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

Output outputOfThisProcess() {
  struct stat info {};
  if (::fstat(STDERR_FILENO, &info) != 0) return chooseOutput(std::getenv("JIUJIN_LOG_OUTPUT"), nullptr, 0, 0);
  return chooseOutput(std::getenv("JIUJIN_LOG_OUTPUT"), std::getenv("JOURNAL_STREAM"), info.st_dev, info.st_ino);
}

std::atomic<int>& outputValue() {
  static std::atomic<int> value{static_cast<int>(outputOfThisProcess())};
  return value;
}

struct Destination {
  std::mutex mutex;
  Sink sink;
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
};

Destination& destination() {
  static Destination d;
  return d;
}

thread_local Context currentContext;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isWordCharacter(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/// One line's worth of text: a line break inside a value would split what readers see as one.
void appendOneLine(std::string& out, std::string_view text) {
  for (char c : text) out.push_back(c == '\n' || c == '\r' ? ' ' : c);
}

std::string bracketed(const Context& c) {
  std::string fields;
  const auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (!fields.empty()) fields.push_back(' ');
    fields.append(name).push_back('=');
    appendOneLine(fields, value);
  };
  add("request", c.request);
  if (c.window) add("window", std::to_string(*c.window));
  add("ticket", c.ticket);
  add("device", c.device);
  return fields.empty() ? fields : "[" + fields + "]";
}

void writeText(const std::string& line) {
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
}

/// One entry through libsystemd's native journal protocol; false when journald did not take it.
bool sendToJournal(const std::vector<std::string>& fields) {
  std::vector<iovec> parts;
  parts.reserve(fields.size());
  for (const std::string& f : fields) parts.push_back(iovec{const_cast<char*>(f.data()), f.size()});
  return sd_journal_sendv(parts.data(), static_cast<int>(parts.size())) >= 0;
}

std::string_view programName() {
  const char* name = program_invocation_short_name;
  return name != nullptr ? name : "jiujin";
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

Scope::Scope(const Context& fields) : outer_(currentContext) {
  if (!fields.request.empty()) currentContext.request = fields.request;
  if (fields.window) currentContext.window = fields.window;
  if (!fields.ticket.empty()) currentContext.ticket = fields.ticket;
  if (!fields.device.empty()) currentContext.device = fields.device;
}

Scope::~Scope() { currentContext = std::move(outer_); }

const Context& context() { return currentContext; }

void setThreshold(Level level) { thresholdValue() = static_cast<int>(level); }
Level threshold() { return static_cast<Level>(thresholdValue().load()); }

Output chooseOutput(const char* option, const char* journalStream, unsigned long long stderrDevice,
                    unsigned long long stderrInode) {
  if (option != nullptr && std::strcmp(option, "journal") == 0) return Output::Journal;
  if (option != nullptr && std::strcmp(option, "text") == 0) return Output::Text;
  if (journalStream == nullptr) return Output::Text;
  // "DEVICE:INODE" of the stream systemd connected to stdout/stderr; a child whose stderr was
  // redirected elsewhere inherits the variable but not the stream, and writes text.
  unsigned long long device = 0;
  unsigned long long inode = 0;
  char end = 0;
  if (std::sscanf(journalStream, "%llu:%llu%c", &device, &inode, &end) != 2) return Output::Text;
  return device == stderrDevice && inode == stderrInode ? Output::Journal : Output::Text;
}

Output output() { return static_cast<Output>(outputValue().load()); }
void setOutput(Output o) { outputValue() = static_cast<int>(o); }

std::vector<std::string> journalFields(Level level, std::string_view category, std::string_view message,
                                       const Context& context, std::string_view identifier) {
  std::vector<std::string> fields;
  fields.reserve(8);
  const auto add = [&](std::string_view name, std::string_view value) {
    std::string field(name);
    field.push_back('=');
    appendOneLine(field, value);
    fields.push_back(std::move(field));
  };
  add("MESSAGE", message);
  add("PRIORITY", std::to_string(static_cast<int>(level)));
  add("SYSLOG_IDENTIFIER", identifier);
  add("CATEGORY", category);
  if (!context.request.empty()) add("REQUEST_ID", context.request);
  if (context.window) add("WINDOW", std::to_string(*context.window));
  if (!context.ticket.empty()) add("TICKET", context.ticket);
  if (!context.device.empty()) add("DEVICE", context.device);
  return fields;
}

std::string textLine(Level level, std::string_view category, std::string_view message, const Context& context,
                     bool terminal) {
  const std::string fields = bracketed(context);
  std::string line;
  line.reserve(category.size() + fields.size() + message.size() + 20);
  if (terminal) {
    line.append(category).append(" ").append(toString(level));
    if (!fields.empty()) line.append(" ").append(fields);
    line.append(": ");
  } else {
    // "<N>" is the priority journald reads off a line on a plain stream.
    line.append("<").append(std::to_string(static_cast<int>(level))).append(">").append(category).append(": ");
    if (!fields.empty()) line.append(fields).append(" ");
  }
  appendOneLine(line, message);
  line.push_back('\n');
  return line;
}

std::string withoutPersonalData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!isDigit(text[i]) || (i > 0 && isWordCharacter(text[i - 1]))) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && isDigit(text[end])) ++end;
    std::size_t length = end - i;
    // An ID number's check character may be X.
    if (length == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end, ++length;
    const bool bounded = end == text.size() || !isWordCharacter(text[end]);
    const std::string_view run = text.substr(i, length);
    if (bounded && length == 18) {
      out.append(run.substr(0, 4)).append(10, '*').append(run.substr(14));
    } else if (bounded && length == 11 && run[0] == '1' && run[1] >= '3' && run[1] <= '9') {
      out.append(run.substr(0, 3)).append(4, '*').append(run.substr(7));
    } else {
      out.append(run);
    }
    i = end;
  }
  return out;
}

void setSink(Sink sink) {
  Destination& d = destination();
  std::lock_guard lock(d.mutex);
  d.sink = std::move(sink);
}

void write(Level level, std::string_view category, std::string_view message) {
  if (level > threshold()) return;
  try {
    const std::string safe = withoutPersonalData(message);
    Destination& d = destination();
    std::lock_guard lock(d.mutex);
    if (d.sink) {
      d.sink(level, category, safe);
      return;
    }
    // One write (or one datagram) per line, so lines of several threads never interleave.
    if (output() == Output::Journal &&
        sendToJournal(journalFields(level, category, safe, currentContext, programName())))
      return;
    writeText(textLine(level, category, safe, currentContext, d.terminal));
  } catch (...) {
    // Neither a sink that throws nor a full memory may take the caller (a request loop) with it.
  }
}

}  // namespace jiujin::log
