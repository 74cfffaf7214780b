#include "jiujin/protocol/field_reader.hpp"

#include <limits>

#include <fmt/format.h>

#include "json_fields.hpp"

namespace jiujin::protocol {

using nlohmann::json;
using detail::DecodeError;

namespace {
std::string pathOf(std::string_view name) { return fmt::format("body.{}", name); }
}  // namespace

FieldReader::FieldReader(const json& body, std::initializer_list<std::string_view> known) : body_(body) {
  if (!body_.is_object()) {
    error_ = detail::toError(detail::expectedError("body", "an object", "对象", detail::describeJson(body_)));
    return;
  }
  for (const auto& [key, value] : body_.items()) {
    bool isKnown = false;
    for (std::string_view k : known) isKnown = isKnown || key == k;
    if (!isKnown) {
      error_ = detail::toError(DecodeError{DecodeError::Problem::Value, pathOf(key), "未知字段", "unknown field"});
      return;
    }
  }
}

bool FieldReader::has(std::string_view name) const {
  return body_.is_object() && body_.contains(std::string(name));
}

void FieldReader::refuse(std::string_view name, const std::string& en, const std::string& zh) {
  if (!error_) error_ = detail::toError(DecodeError{DecodeError::Problem::Value, pathOf(name), zh, en});
}

void FieldReader::fail(std::string_view name, const std::string& expectedEn, const std::string& expectedZh,
                       const json* got) {
  if (error_) return;
  error_ = detail::toError(
      detail::expectedError(pathOf(name), expectedEn, expectedZh, got ? detail::describeJson(*got) : "nothing"));
}

const json* FieldReader::find(std::string_view name, Presence presence, const std::string& expectedEn,
                              const std::string& expectedZh) {
  if (error_) return nullptr;
  const auto it = body_.find(std::string(name));
  if (it == body_.end()) {
    if (presence == Presence::Required)
      error_ = detail::toError(DecodeError{DecodeError::Problem::Missing, pathOf(name), "缺少字段", "missing field"});
    return nullptr;
  }
  if (it->is_null() && presence == Presence::OptionalOrNull) return nullptr;
  if (it->is_null()) {
    fail(name, expectedEn, expectedZh, &*it);
    return nullptr;
  }
  return &*it;
}

std::optional<std::int64_t> FieldReader::integer(std::string_view name, const IntegerRange& range, Presence presence) {
  const std::string en = expectedEn(range) + (presence == Presence::OptionalOrNull ? " or null" : "");
  const std::string zh = expectedZh(range) + (presence == Presence::OptionalOrNull ? "或 null" : "");
  const json* j = find(name, presence, en, zh);
  if (!j) return std::nullopt;
  const bool tooLarge = j->is_number_unsigned() &&
                        j->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!j->is_number_integer() || tooLarge) {
    fail(name, en, zh, j);
    return std::nullopt;
  }
  const auto value = j->get<std::int64_t>();
  if (value < range.min || value > range.max) {
    fail(name, en, zh, j);
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> FieldReader::text(std::string_view name, const TextLength& length, Presence presence) {
  const std::string en = expectedEn(length) + (presence == Presence::OptionalOrNull ? " or null" : "");
  const std::string zh = expectedZh(length) + (presence == Presence::OptionalOrNull ? "或 null" : "");
  const json* j = find(name, presence, en, zh);
  if (!j) return std::nullopt;
  if (!j->is_string()) {
    fail(name, en, zh, j);
    return std::nullopt;
  }
  const std::size_t n = characterCount(j->get_ref<const std::string&>());
  if (n < length.min || n > length.max) {
    fail(name, en, zh, j);
    return std::nullopt;
  }
  return j->get<std::string>();
}

std::optional<bool> FieldReader::flag(std::string_view name, Presence presence) {
  const json* j = find(name, presence, "true or false", "布尔值");
  if (!j) return std::nullopt;
  if (!j->is_boolean()) {
    fail(name, "true or false", "布尔值", j);
    return std::nullopt;
  }
  return j->get<bool>();
}

std::optional<core::Date> FieldReader::date(std::string_view name, Presence presence) {
  const std::string en = presence == Presence::OptionalOrNull ? "a date YYYY-MM-DD or null" : "a date YYYY-MM-DD";
  const std::string zh = presence == Presence::OptionalOrNull ? "日期（YYYY-MM-DD）或 null" : "日期（YYYY-MM-DD）";
  const json* j = find(name, presence, en, zh);
  if (!j) return std::nullopt;
  if (!j->is_string()) {
    fail(name, en, zh, j);
    return std::nullopt;
  }
  try {
    return detail::readDate(*j, pathOf(name));
  } catch (const DecodeError& e) {
    if (!error_) error_ = detail::toError(e);
    return std::nullopt;
  }
}

std::optional<std::string> FieldReader::choice(std::string_view name, const std::vector<std::string_view>& names,
                                               Presence presence) {
  const std::string list = fmt::format("{}", fmt::join(names, "|"));
  const std::string en = fmt::format("one of {}", list);
  const std::string zh = fmt::format("{} 之一", list);
  const json* j = find(name, presence, en, zh);
  if (!j) return std::nullopt;
  if (j->is_string()) {
    for (std::string_view n : names)
      if (j->get_ref<const std::string&>() == n) return std::string(n);
  }
  // A wrong word is not echoed either: it may be long, and the list says what is right.
  fail(name, en, zh, j);
  return std::nullopt;
}

}  // namespace jiujin::protocol
