#include "jiujin/config/opening_hours.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace jiujin::config {
namespace {

constexpr std::array<std::string_view, 7> kZhDay = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
constexpr std::array<std::string_view, 7> kEnDay = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

bool on(const std::vector<std::chrono::weekday>& days, std::chrono::weekday day) {
  return std::find(days.begin(), days.end(), day) != days.end();
}

bool within(const std::vector<Session>& sessions, std::chrono::weekday day, ClockTime t) {
  return std::any_of(sessions.begin(), sessions.end(),
                     [&](const Session& s) { return on(s.days, day) && s.time.contains(t); });
}

/// Days in week order starting on Monday; a run of three or more consecutive days is
/// written as a range ("周一至周五").
std::string daysText(std::vector<std::chrono::weekday> days, bool zh) {
  const auto order = [](std::chrono::weekday d) { return (d.c_encoding() + 6) % 7; };  // Mon = 0
  std::sort(days.begin(), days.end(), [&](auto a, auto b) { return order(a) < order(b); });
  days.erase(std::unique(days.begin(), days.end()), days.end());
  const auto name = [&](std::chrono::weekday d) { return zh ? kZhDay[d.c_encoding()] : kEnDay[d.c_encoding()]; };
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < days.size();) {
    std::size_t j = i;
    while (j + 1 < days.size() && order(days[j + 1]) == order(days[j]) + 1) ++j;
    if (j - i >= 2) {
      parts.push_back(fmt::format("{}{}{}", name(days[i]), zh ? "至" : "-", name(days[j])));
    } else {
      for (std::size_t k = i; k <= j; ++k) parts.emplace_back(name(days[k]));
    }
    i = j + 1;
  }
  return fmt::format("{}", fmt::join(parts, zh ? "、" : ", "));
}

}  // namespace

TicketingNow ticketingAt(const OpeningHours& hours, core::TimePoint now) {
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::weekday weekday{day};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - day).count();
  const ClockTime t{static_cast<int>(minutes)};
  TicketingNow result;
  result.zh = describeHoursZh(hours);
  result.en = describeHoursEn(hours);
  if ((on(hours.days, weekday) && hours.open.contains(t)) || within(hours.extended, weekday, t)) {
    result.kind = TicketingNow::Kind::Open;
  } else if (within(hours.appointmentOnly, weekday, t)) {
    result.kind = TicketingNow::Kind::AppointmentsOnly;
  } else {
    result.kind = TicketingNow::Kind::Closed;
  }
  return result;
}

std::string describeHoursZh(const OpeningHours& hours) {
  std::string text = fmt::format("办理时间：{} {}", daysText(hours.days, true), toString(hours.open));
  for (const auto& s : hours.extended) text += fmt::format("；{} 延时服务 {}", daysText(s.days, true), toString(s.time));
  for (const auto& s : hours.appointmentOnly)
    text += fmt::format("；{} {} 仅接待预约", daysText(s.days, true), toString(s.time));
  return text;
}

std::string describeHoursEn(const OpeningHours& hours) {
  std::string text = fmt::format("open {} {}", daysText(hours.days, false), toString(hours.open));
  for (const auto& s : hours.extended) text += fmt::format("; extended hours {} {}", daysText(s.days, false), toString(s.time));
  for (const auto& s : hours.appointmentOnly)
    text += fmt::format("; appointments only {} {}", daysText(s.days, false), toString(s.time));
  return text;
}

}  // namespace jiujin::config
