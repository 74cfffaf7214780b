#include "json_fields.hpp"

#include <charconv>

#include <fmt/format.h>

namespace jiujin::protocol::detail {

void failMissing(const std::string& path) {
  throw DecodeError{DecodeError::Problem::Missing, path, "缺少字段", "missing field"};
}

void failType(const std::string& path, const char* expectedEn, const char* expectedZh) {
  throw DecodeError{DecodeError::Problem::Type, path, fmt::format("应为{}", expectedZh),
                    fmt::format("expected {}", expectedEn)};
}

void failValue(const std::string& path, const std::string& en, const std::string& zh) {
  throw DecodeError{DecodeError::Problem::Value, path, zh, en};
}

std::string describeJson(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return j.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return j.dump();
    case json::value_t::string: return fmt::format("a string of {} characters", characterCount(j.get_ref<const std::string&>()));
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "something else";
  }
}

DecodeError expectedError(const std::string& path, const std::string& expectedEn, const std::string& expectedZh,
                          const std::string& got) {
  return DecodeError{DecodeError::Problem::Value, path, fmt::format("应为{}，实际为 {}", expectedZh, got),
                     fmt::format("expected {}, got {}", expectedEn, got)};
}

void failExpected(const std::string& path, const std::string& expectedEn, const std::string& expectedZh,
                  const std::string& got) {
  throw expectedError(path, expectedEn, expectedZh, got);
}

void checkLimit(const std::string& path, std::int64_t value, const IntegerRange& range) {
  if (value < range.min || value > range.max)
    failExpected(path, expectedEn(range), expectedZh(range), std::to_string(value));
}

void checkLimit(const std::string& path, double value, const NumberRange& range) {
  if (!(value >= range.min && value <= range.max))
    failExpected(path, expectedEn(range), expectedZh(range), fmt::format("{}", value));
}

void checkLimit(const std::string& path, const std::string& value, const TextLength& length) {
  const std::size_t n = characterCount(value);
  if (n < length.min || n > length.max)
    failExpected(path, expectedEn(length), expectedZh(length), fmt::format("{} characters", n));
}

void checkLimit(const std::string& path, std::size_t entries, const EntryCount& count) {
  if (entries < count.min || entries > count.max)
    failExpected(path, expectedEn(count), expectedZh(count), fmt::format("{} entries", entries));
}

core::Error toError(const DecodeError& e) {
  return core::Error{core::ErrorCode::InvalidArgument, fmt::format("字段 {} 无效：{}", e.path, e.zh),
                     fmt::format("{}: {}", e.path, e.en)};
}

std::int64_t readInteger(const json& j, const std::string& path, std::int64_t min, std::int64_t max) {
  if (!j.is_number_integer()) failType(path, "an integer", "整数");
  if (j.is_number_unsigned()) {
    const auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) failValue(path, "number out of range", "数值超出范围");
    return static_cast<std::int64_t>(u);
  }
  const auto s = j.get<std::int64_t>();
  if (s < min || s > max) failValue(path, "number out of range", "数值超出范围");
  return s;
}

std::uint64_t readUnsigned(const json& j, const std::string& path) {
  if (!j.is_number_integer()) failType(path, "a non-negative integer", "非负整数");
  if (j.is_number_unsigned()) return j.get<std::uint64_t>();
  const auto s = j.get<std::int64_t>();
  if (s < 0) failValue(path, "must not be negative", "不能为负数");
  return static_cast<std::uint64_t>(s);
}

std::string readString(const json& j, const std::string& path) {
  if (!j.is_string()) failType(path, "a string", "字符串");
  return j.get<std::string>();
}

std::string formatDate(const core::Date& date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

namespace {
bool parseDigits(std::string_view text, int& out) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}
}  // namespace

core::Date readDate(const json& j, const std::string& path) {
  const std::string text = readString(j, path);
  int y = 0;
  int m = 0;
  int d = 0;
  const std::string_view s{text};
  const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-' && parseDigits(s.substr(0, 4), y) &&
                      parseDigits(s.substr(5, 2), m) && parseDigits(s.substr(8, 2), d);
  const core::Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!shaped || !date.ok()) {
    failValue(path, "\"" + text + "\" is not a date YYYY-MM-DD", "“" + text + "”不是日期（YYYY-MM-DD）");
  }
  return date;
}

std::string expectedNames(const std::vector<const char*>& names) {
  return fmt::format("{}", fmt::join(names, "|"));
}

json encodeTransferTarget(const core::TransferTarget& target) {
  json o = json::object();
  if (const auto* queue = std::get_if<core::QueueId>(&target)) o["queue"] = *queue;
  if (const auto* window = std::get_if<core::WindowNumber>(&target)) o["window"] = *window;
  if (const auto* kind = std::get_if<core::WindowKind>(&target)) o["kind"] = encode(*kind);
  return o;
}

core::TransferTarget decodeTransferTarget(const json& j, const std::string& path, Checks checks) {
  if (!j.is_object()) failType(path, "an object", "对象");
  const int present = static_cast<int>(j.contains("queue")) + static_cast<int>(j.contains("window")) +
                      static_cast<int>(j.contains("kind"));
  if (present != 1) {
    failValue(path, "needs exactly one of queue|window|kind", "须且仅须包含 queue、window、kind 之一");
  }
  // Decoded like a struct of one field, so that client input is held to the same limits.
  Decoder d{j, path, checks};
  if (j.contains("queue")) {
    core::QueueId queue;
    d.field("queue", queue, limits::kCode);
    return queue;
  }
  if (j.contains("window")) {
    core::WindowNumber w = 0;
    d.field("window", w, limits::kWindow);
    return w;
  }
  core::WindowKind kind{};
  d.field("kind", kind);
  return kind;
}

}  // namespace jiujin::protocol::detail
