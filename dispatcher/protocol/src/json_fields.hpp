#pragma once
// Encoding and decoding of single values and of structs through describe().
//
// Inside the codec a decoding problem is thrown as DecodeError so that a deeply nested
// field can report its full path without threading a Result through every level; the
// public functions in json_codec.cpp catch it and return an Error value. Nothing here
// escapes the library.
//
// describe() may give a field a limit (limits.hpp) beside its name. Decoding client input
// (Checks::TypesAndRanges) holds the value to it, and a field's error then says what the
// field expects in full ("command.window: expected an integer from 1 to 999"); decoding the
// journal or a snapshot (Checks::TypesOnly) reads what was accepted under older rules.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "describe.hpp"
#include "jiujin/core/commands.hpp"
#include "jiujin/protocol/limits.hpp"
#include "jiujin/core/error.hpp"
#include "jiujin/core/names.hpp"

namespace jiujin::protocol::detail {

using nlohmann::json;

/// A field that cannot be decoded: where (a dotted path) and why, in both languages.
struct DecodeError {
  enum class Problem { Missing, Type, Value };
  Problem problem;
  std::string path;
  std::string zh;
  std::string en;
};

/// Whether decoding holds values to their limits too (client input) or reads types only.
enum class Checks { TypesOnly, TypesAndRanges };

[[noreturn]] void failMissing(const std::string& path);
[[noreturn]] void failType(const std::string& path, const char* expectedEn, const char* expectedZh);
[[noreturn]] void failValue(const std::string& path, const std::string& en, const std::string& zh);
/// The error value a public decoding function returns for `e`.
core::Error toError(const DecodeError& e);

/// What came, for an error message: a number as written, otherwise its kind ("a string",
/// "null", "an array") — a 30,000-character text is not echoed back.
std::string describeJson(const json& j);
/// "path: expected <what the limit allows>[ or null], got <what came>".
DecodeError expectedError(const std::string& path, const std::string& expectedEn, const std::string& expectedZh,
                          const std::string& got);
[[noreturn]] void failExpected(const std::string& path, const std::string& expectedEn, const std::string& expectedZh,
                               const std::string& got);

std::int64_t readInteger(const json& j, const std::string& path, std::int64_t min, std::int64_t max);
std::uint64_t readUnsigned(const json& j, const std::string& path);
std::string readString(const json& j, const std::string& path);
core::Date readDate(const json& j, const std::string& path);
std::string formatDate(const core::Date& date);
std::string expectedNames(const std::vector<const char*>& names);

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};
template <typename T> struct IsMap : std::false_type {};
template <typename K, typename V> struct IsMap<std::map<K, V>> : std::true_type {};

/// The key a value is filed under when its map is written as an array of values.
inline core::TicketId keyOf(const core::Ticket& t) { return t.id; }
inline core::WindowNumber keyOf(const core::WindowStatus& w) { return w.number; }
inline core::CaseId keyOf(const core::Case& c) { return c.id; }

// --- encoding -----------------------------------------------------------------------

template <typename T> json encode(const T& x);

class Encoder {
 public:
  explicit Encoder(json& object) : object_(object) {}
  template <typename T> void field(const char* name, const T& value) { object_[name] = encode(value); }
  template <typename T> void fieldOr(const char* name, const T& value) { field(name, value); }
  /// Limits only concern decoding.
  template <typename T, typename Limit> void field(const char* name, const T& value, const Limit&) {
    field(name, value);
  }
  template <typename T, typename Limit> void fieldOr(const char* name, const T& value, const Limit&) {
    field(name, value);
  }

 private:
  json& object_;
};

json encodeTransferTarget(const core::TransferTarget& target);

template <typename T> json encode(const T& x) {
  if constexpr (std::is_same_v<T, bool> || std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
    return x;
  } else if constexpr (std::is_enum_v<T>) {
    return core::toString(x);
  } else if constexpr (std::is_same_v<T, core::TimePoint>) {
    return static_cast<std::int64_t>(x.time_since_epoch().count());
  } else if constexpr (std::is_same_v<T, core::Minutes>) {
    return static_cast<std::int64_t>(x.count());
  } else if constexpr (std::is_same_v<T, core::Date>) {
    return formatDate(x);
  } else if constexpr (std::is_same_v<T, core::TransferTarget>) {
    return encodeTransferTarget(x);
  } else if constexpr (IsOptional<T>::value) {
    return x ? encode(*x) : json(nullptr);
  } else if constexpr (IsVector<T>::value) {
    json a = json::array();
    for (const auto& v : x) a.push_back(encode(v));
    return a;
  } else if constexpr (IsMap<T>::value) {
    if constexpr (std::is_same_v<typename T::key_type, std::string>) {
      json o = json::object();
      for (const auto& [k, v] : x) o[k] = encode(v);
      return o;
    } else {
      json a = json::array();
      for (const auto& [k, v] : x) a.push_back(encode(v));
      return a;
    }
  } else {
    json o = json::object();
    Encoder e{o};
    // describe() takes a mutable reference so one field list serves both directions;
    // the encoder only reads through it.
    describe(e, const_cast<T&>(x));
    return o;
  }
}

// --- limits -------------------------------------------------------------------------

// What a limit allows, checked on a decoded value; a value outside fails with the path.
void checkLimit(const std::string& path, std::int64_t value, const IntegerRange& range);
void checkLimit(const std::string& path, double value, const NumberRange& range);
void checkLimit(const std::string& path, const std::string& value, const TextLength& length);
void checkLimit(const std::string& path, std::size_t entries, const EntryCount& count);

template <typename T, typename Limit> void checkValue(const std::string& path, const T& value, const Limit& limit) {
  if constexpr (IsOptional<T>::value) {
    if (value) checkValue(path, *value, limit);
  } else if constexpr (std::is_same_v<T, core::Minutes>) {
    checkLimit(path, static_cast<std::int64_t>(value.count()), limit);
  } else if constexpr (std::is_same_v<T, core::TimePoint>) {
    checkLimit(path, static_cast<std::int64_t>(value.time_since_epoch().count()), limit);
  } else if constexpr (std::is_same_v<T, std::string>) {
    checkLimit(path, value, limit);
  } else if constexpr (IsVector<T>::value && std::is_same_v<Limit, TextList>) {
    checkLimit(path, value.size(), limit.count);
    for (std::size_t i = 0; i < value.size(); ++i)
      checkLimit(path + "[" + std::to_string(i) + "]", value[i], limit.each);
  } else if constexpr (IsVector<T>::value) {
    checkLimit(path, value.size(), limit);
  } else if constexpr (std::is_floating_point_v<T>) {
    checkLimit(path, static_cast<double>(value), limit);
  } else {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>, "no limit for this type");
    if constexpr (std::is_unsigned_v<T>) {
      // Unsigned ids beyond int64 are out of every range anyway.
      if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        failExpected(path, expectedEn(limit), expectedZh(limit), std::to_string(value));
      }
    }
    checkLimit(path, static_cast<std::int64_t>(value), limit);
  }
}

// --- decoding -----------------------------------------------------------------------

template <typename T> void decode(const json& j, const std::string& path, T& out, Checks checks);

class Decoder {
 public:
  Decoder(const json& object, const std::string& path, Checks checks) : object_(object), path_(path), checks_(checks) {}

  /// A required field; an optional<> member may be absent or null.
  template <typename T> void field(const char* name, T& out) {
    auto it = object_.find(name);
    if (it == object_.end()) {
      if constexpr (IsOptional<T>::value) {
        out.reset();
        return;
      } else {
        failMissing(childPath(name));
      }
    }
    decode(*it, childPath(name), out, checks_);
  }
  /// A field that keeps the member's current (default) value when absent.
  template <typename T> void fieldOr(const char* name, T& out) {
    auto it = object_.find(name);
    if (it != object_.end()) decode(*it, childPath(name), out, checks_);
  }
  /// The same, held to `limit` when client input is decoded.
  template <typename T, typename Limit> void field(const char* name, T& out, const Limit& limit) {
    limited(name, out, limit, [&] { field(name, out); });
  }
  template <typename T, typename Limit> void fieldOr(const char* name, T& out, const Limit& limit) {
    limited(name, out, limit, [&] { fieldOr(name, out); });
  }

 private:
  template <typename T, typename Limit, typename Read>
  void limited(const char* name, T& out, const Limit& limit, Read read) {
    if (checks_ == Checks::TypesOnly) {
      read();
      return;
    }
    const std::string path = childPath(name);
    try {
      read();
    } catch (const DecodeError& e) {
      // A wrong type says the whole of what the field expects, range included.
      if (e.path != path || e.problem == DecodeError::Problem::Missing) throw;
      const char* orNullEn = IsOptional<T>::value ? " or null" : "";
      const char* orNullZh = IsOptional<T>::value ? "或 null" : "";
      failExpected(path, expectedEn(limit) + orNullEn, expectedZh(limit) + orNullZh, describeJson(object_[name]));
    }
    checkValue(path, out, limit);
  }

  std::string childPath(const char* name) const { return path_.empty() ? name : path_ + "." + name; }
  const json& object_;
  const std::string& path_;
  Checks checks_;
};

core::TransferTarget decodeTransferTarget(const json& j, const std::string& path, Checks checks);

template <typename Enum> void decodeEnum(const json& j, const std::string& path, Enum& out) {
  const std::string name = readString(j, path);
  if (auto e = core::parse<Enum>(name)) {
    out = *e;
    return;
  }
  failValue(path, "unknown value \"" + name + "\"", "未知取值“" + name + "”");
}

template <typename T> void decode(const json& j, const std::string& path, T& out, Checks checks) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) failType(path, "true or false", "布尔值");
    out = j.get<bool>();
  } else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>) {
    const std::uint64_t v = readUnsigned(j, path);
    if (v > std::numeric_limits<T>::max()) failValue(path, "number out of range", "数值超出范围");
    out = static_cast<T>(v);
  } else if constexpr (std::is_integral_v<T>) {
    out = static_cast<T>(
        readInteger(j, path, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!j.is_number()) failType(path, "a number", "数字");
    out = j.get<T>();
  } else if constexpr (std::is_same_v<T, std::string>) {
    out = readString(j, path);
  } else if constexpr (std::is_enum_v<T>) {
    decodeEnum(j, path, out);
  } else if constexpr (std::is_same_v<T, core::TimePoint>) {
    const auto ms = readInteger(j, path, std::numeric_limits<std::int64_t>::min(),
                                std::numeric_limits<std::int64_t>::max());
    out = core::TimePoint{core::Milliseconds{ms}};
  } else if constexpr (std::is_same_v<T, core::Minutes>) {
    // Minutes beyond a year are a typo, and larger values would overflow when converted.
    out = core::Minutes{readInteger(j, path, -525600, 525600)};
  } else if constexpr (std::is_same_v<T, core::Date>) {
    out = readDate(j, path);
  } else if constexpr (std::is_same_v<T, core::TransferTarget>) {
    out = decodeTransferTarget(j, path, checks);
  } else if constexpr (IsOptional<T>::value) {
    if (j.is_null()) {
      out.reset();
    } else {
      typename T::value_type v{};
      decode(j, path, v, checks);
      out = std::move(v);
    }
  } else if constexpr (IsVector<T>::value) {
    if (!j.is_array()) failType(path, "an array", "数组");
    T result;
    result.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
      typename T::value_type v{};
      decode(j[i], path + "[" + std::to_string(i) + "]", v, checks);
      result.push_back(std::move(v));
    }
    out = std::move(result);
  } else if constexpr (IsMap<T>::value) {
    T result;
    if constexpr (std::is_same_v<typename T::key_type, std::string>) {
      if (!j.is_object()) failType(path, "an object", "对象");
      for (const auto& [k, v] : j.items()) {
        typename T::mapped_type value{};
        decode(v, path + "." + k, value, checks);
        result.emplace(k, std::move(value));
      }
    } else {
      if (!j.is_array()) failType(path, "an array", "数组");
      for (std::size_t i = 0; i < j.size(); ++i) {
        typename T::mapped_type value{};
        const std::string itemPath = path + "[" + std::to_string(i) + "]";
        decode(j[i], itemPath, value, checks);
        if (!result.emplace(keyOf(value), std::move(value)).second) {
          failValue(itemPath, "duplicate entry", "重复条目");
        }
      }
    }
    out = std::move(result);
  } else {
    if (!j.is_object()) failType(path, "an object", "对象");
    Decoder d{j, path, checks};
    describe(d, out);
  }
}

}  // namespace jiujin::protocol::detail
