#pragma once
// The one way every Jiujin process logs: a category ("dispatcher.store", "devices.bus"), a
// level with syslog's numbers, one line of text, and — where the code knows them — what the
// line is about: the request, the window, the ticket, the device (a Scope sets them for
// every line its thread writes while it lives).
//
// Two outputs (docs/installation.md, "Logs"):
//   journal  under systemd: each line is one journal entry sent with sd_journal_send, with the
//            fields PRIORITY, CATEGORY, REQUEST_ID, WINDOW, TICKET, DEVICE (those known), so
//            `journalctl -u jiujin-dispatcher -p warning WINDOW=3` works;
//   text     otherwise: "dispatcher.store warning [window=3 ticket=A001]: …" on a terminal,
//            "<4>dispatcher.store: [window=3 ticket=A001] …" when stderr is a pipe or file.
// chooseOutput() decides once per process: JIUJIN_LOG_OUTPUT=journal|text, else journal when
// JOURNAL_STREAM names this process's stderr (systemd connected it to the journal).
// The Qt apps route QLoggingCategory output here too (client/qt).
//
// No personal data in logs: ticket numbers, window numbers, device ids and case numbers yes;
// residents' names, ID numbers and phone numbers never. Every message also passes through
// withoutPersonalData() as a last net (an ID number or a mobile number that slipped into a
// message is masked), but the rule is on the caller: never format an applicant into a line.
//
// Levels (docs/installation.md, "What each level means"):
//   error   something failed and a person must act (a commit failed, a port cannot open);
//   warning something is wrong but the hall goes on (a device offline, a refused config);
//   notice  a normal but significant change (started, stopped, reloaded, recovered);
//   info    routine facts worth keeping (a client connected, a device back);
//   debug   detail for developers, off unless JIUJIN_LOG_LEVEL=debug.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace jiujin::log {

enum class Level { Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7 };

/// "error", "warning", …
const char* toString(Level level);

/// What a line is about, where known. Empty strings and no window are left out.
struct Context {
  std::string request;        ///< the id the client gave its request
  std::optional<int> window;  ///< a window number
  std::string ticket;         ///< a ticket's number ("A001")
  std::string device;         ///< a device's id from the hall file
  bool operator==(const Context&) const = default;
};

/// For as long as it lives, every line this thread writes carries `fields` (on top of an
/// outer scope's: a field given here replaces the outer one, an empty one keeps it).
class Scope {
 public:
  explicit Scope(const Context& fields);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  Context outer_;
};

/// The fields this thread's lines carry now.
const Context& context();

/// Writes one line (if `level` passes the threshold). Thread-safe; never throws.
void write(Level level, std::string_view category, std::string_view message);

/// Lines above this level are dropped. Default: JIUJIN_LOG_LEVEL (a level's name), else info.
void setThreshold(Level level);
Level threshold();

enum class Output { Text, Journal };
/// JIUJIN_LOG_OUTPUT ("journal" or "text") when set; else Journal when `journalStream` (the
/// JOURNAL_STREAM variable, "DEVICE:INODE") names the stream `stderrDevice`/`stderrInode`
/// (what fstat says of stderr), as systemd documents; else Text.
Output chooseOutput(const char* option, const char* journalStream, unsigned long long stderrDevice,
                    unsigned long long stderrInode);
/// The process's output: chooseOutput() of its environment and stderr, decided at first use.
Output output();
void setOutput(Output output);

/// The journal entry of one line, each "NAME=value": MESSAGE, PRIORITY, SYSLOG_IDENTIFIER,
/// CATEGORY, then REQUEST_ID, WINDOW, TICKET, DEVICE when known. Values keep any byte but a
/// line break (a field value may hold one, but a reader of `journalctl` expects one line).
std::vector<std::string> journalFields(Level level, std::string_view category, std::string_view message,
                                       const Context& context, std::string_view identifier);
/// The text line (with its '\n'): "category level [fields]: message" on a terminal,
/// "<N>category: [fields] message" otherwise.
std::string textLine(Level level, std::string_view category, std::string_view message, const Context& context,
                     bool terminal);

/// `text` with what looks like a resident's ID number (17 digits and a digit or X) or a
/// mainland mobile number (11 digits, 1[3-9]…) masked as the case register masks them — a
/// run of digits of exactly that length, not inside a longer word or number.
std::string withoutPersonalData(std::string_view text);

/// Where lines go instead of stderr or the journal (tests, or an app's own sink); empty
/// restores the output. A sink reads the line's fields with context().
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
