#include "jiujin/display/zone.hpp"

#include <charconv>
#include <optional>

namespace jiujin::display {
namespace {

constexpr int kHighestWindow = 999;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::optional<int> windowNumber(std::string_view s) {
  s = trimmed(s);
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || v < 1 || v > kHighestWindow) {
    return std::nullopt;
  }
  return v;
}

core::Error invalid(std::string_view part) {
  const std::string p(part);
  return core::Error{core::ErrorCode::InvalidArgument, "窗口范围“" + p + "”无效，应写成 1-6,9 这样的形式",
                     "window range \"" + p + "\" is invalid; write it like 1-6,9"};
}

}  // namespace

core::Result<Zone> Zone::parse(std::string_view spec) {
  spec = trimmed(spec);
  Zone zone;
  if (spec.empty() || spec == "all") return zone;
  while (!spec.empty()) {
    const auto comma = spec.find(',');
    const auto part = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    const auto dash = part.find('-');
    const auto first = windowNumber(part.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : windowNumber(part.substr(dash + 1));
    if (!first || !last || *last < *first) return invalid(part);
    for (int w = *first; w <= *last; ++w) zone.windows_.insert(w);
  }
  return zone;
}

std::string Zone::describe() const {
  std::string out;
  for (auto it = windows_.begin(); it != windows_.end();) {
    const int first = *it;
    int last = first;
    while (++it != windows_.end() && *it == last + 1) last = *it;
    if (!out.empty()) out += ',';
    out += std::to_string(first);
    if (last != first) out += '-' + std::to_string(last);
  }
  return out;
}

}  // namespace jiujin::display
