#include "jiujin/config/clock_time.hpp"

#include <array>

#include <fmt/format.h>

namespace jiujin::config {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<ClockTime> parseClockTime(std::string_view text) {
  // Exactly HH:MM; a manager writing "8:30" gets told the expected form.
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4}) {
    if (!isDigit(text[static_cast<std::size_t>(i)])) return std::nullopt;
  }
  const int hour = (text[0] - '0') * 10 + (text[1] - '0');
  const int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
  return ClockTime{hour * 60 + minute};
}

std::optional<TimeSpan> parseTimeSpan(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto start = parseClockTime(text.substr(0, dash));
  const auto end = parseClockTime(text.substr(dash + 1));
  if (!start || !end) return std::nullopt;
  return TimeSpan{*start, *end};
}

std::string toString(ClockTime t) {
  return fmt::format("{:02}:{:02}", t.hour(), t.minute());
}

std::string toString(const TimeSpan& span) {
  return toString(span.start) + "-" + toString(span.end);
}

namespace {

constexpr std::array<std::string_view, 7> kShort = {"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};
constexpr std::array<std::string_view, 7> kChinese = {"日", "一", "二", "三", "四", "五", "六"};

}  // namespace

std::optional<std::chrono::weekday> parseWeekday(std::string_view text) {
  for (unsigned i = 0; i < 7; ++i) {
    if (text == kShort[i]) return std::chrono::weekday{i};
  }
  for (std::string_view prefix : {"周", "星期"}) {
    if (text.substr(0, prefix.size()) != prefix) continue;
    auto rest = text.substr(prefix.size());
    if (rest == "天") rest = "日";
    for (unsigned i = 0; i < 7; ++i) {
      if (rest == kChinese[i]) return std::chrono::weekday{i};
    }
  }
  return std::nullopt;
}

std::string_view toString(std::chrono::weekday day) {
  return kShort[day.c_encoding() % 7];
}

}  // namespace jiujin::config
