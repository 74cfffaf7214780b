#pragma once
// TEST ONLY: a dispatcher whose clock is a file (jiujin-dispatcher --test-clock-file FILE).
// End-to-end tests run the real daemon as a child process and let days pass by writing the
// file ("2026-04-13T09:30:00", hall-local wall time), never by sleeping or by changing the
// machine's clock. The file is read every time the dispatcher asks the time.
//
// A hall never runs on it by accident: the option is refused (the daemon does not start,
// exit 2) unless the environment also holds JIUJIN_TEST_CLOCK=i-am-a-test, which no unit,
// package or script of Jiujin sets; and a daemon started with it says so in its first log line
// and answers nothing about it on the wire. docs/testing.md and docs/cases.md say how.
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

#include "jiujin/core/time.hpp"
#include "jiujin/service/dispatcher_service.hpp"

namespace jiujin::dispatcher {

/// The environment variable that must hold kTestClockConsent for --test-clock-file.
inline constexpr const char* kTestClockEnvironment = "JIUJIN_TEST_CLOCK";
inline constexpr std::string_view kTestClockConsent = "i-am-a-test";

/// "YYYY-MM-DDTHH:MM[:SS[.mmm]]" (a space for the T too, surrounding blanks ignored) as
/// hall-local wall time; nothing for anything else or a field out of range.
std::optional<core::TimePoint> parseClockText(std::string_view text);

/// The clock read from `file`, refused (`invalid_config`, a message saying why) unless
/// `consent` (the environment's JIUJIN_TEST_CLOCK, null when unset) is kTestClockConsent and
/// the file holds a time now. Afterwards a file being rewritten, or unreadable for a moment,
/// gives the last time read: the clock never jumps to zero.
service::Outcome<std::function<core::TimePoint()>> testClockFrom(const std::filesystem::path& file,
                                                                 const char* consent);

}  // namespace jiujin::dispatcher
