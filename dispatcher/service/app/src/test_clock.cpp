#include "jiujin/dispatcher/test_clock.hpp"

#include <charconv>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>

namespace jiujin::dispatcher {

namespace {

/// Reads an unsigned number of exactly `digits` digits at `at`, moving past it.
std::optional<int> number(std::string_view text, std::size_t& at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  unsigned value = 0;  // unsigned: from_chars takes no sign then
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + digits, value);
  if (error != std::errc() || end != text.data() + at + digits) return std::nullopt;
  at += digits;
  return static_cast<int>(value);
}

bool expect(std::string_view text, std::size_t& at, std::string_view oneOf) {
  if (at >= text.size() || oneOf.find(text[at]) == std::string_view::npos) return false;
  ++at;
  return true;
}

std::optional<core::TimePoint> readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return parseClockText(text);
}

}  // namespace

std::optional<core::TimePoint> parseClockText(std::string_view text) {
  using namespace std::chrono;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  std::size_t at = 0;
  const auto y = number(text, at, 4);
  if (!y || !expect(text, at, "-")) return std::nullopt;
  const auto mo = number(text, at, 2);
  if (!mo || !expect(text, at, "-")) return std::nullopt;
  const auto d = number(text, at, 2);
  if (!d || !expect(text, at, "T ")) return std::nullopt;
  const auto h = number(text, at, 2);
  if (!h || !expect(text, at, ":")) return std::nullopt;
  const auto mi = number(text, at, 2);
  if (!mi) return std::nullopt;
  int s = 0;
  int ms = 0;
  if (at < text.size()) {
    if (!expect(text, at, ":")) return std::nullopt;
    const auto sec = number(text, at, 2);
    if (!sec) return std::nullopt;
    s = *sec;
    if (at < text.size()) {
      if (!expect(text, at, ".")) return std::nullopt;
      const auto milli = number(text, at, 3);
      if (!milli || at != text.size()) return std::nullopt;
      ms = *milli;
    }
  }
  const year_month_day day{year{*y}, month{static_cast<unsigned>(*mo)}, std::chrono::day{static_cast<unsigned>(*d)}};
  if (!day.ok() || *h > 23 || *mi > 59 || s > 59) return std::nullopt;
  return core::TimePoint{sys_days{day} + hours{*h} + minutes{*mi} + seconds{s} + milliseconds{ms}};
}

service::Outcome<std::function<core::TimePoint()>> testClockFrom(const std::filesystem::path& file,
                                                                 const char* consent) {
  if (consent == nullptr || std::string_view(consent) != kTestClockConsent)
    return service::ServiceError{
        "invalid_config", "--test-clock-file 仅供测试：须同时设置环境变量 JIUJIN_TEST_CLOCK=i-am-a-test",
        "--test-clock-file is for tests only: it needs JIUJIN_TEST_CLOCK=i-am-a-test in the environment too"};
  const auto now = readFile(file);
  if (!now)
    return service::ServiceError{"invalid_config", "测试时钟文件 " + file.string() + " 没有可读的时间（如 2026-04-03T09:30:00）",
                                 "the test clock file " + file.string() +
                                     " holds no time (write e.g. 2026-04-03T09:30:00)"};
  struct Last {
    std::mutex mutex;
    core::TimePoint time;
  };
  auto last = std::make_shared<Last>();
  last->time = *now;
  return std::function<core::TimePoint()>([file, last] {
    const auto read = readFile(file);
    std::lock_guard lock(last->mutex);
    if (read) last->time = *read;
    return last->time;
  });
}

}  // namespace jiujin::dispatcher
