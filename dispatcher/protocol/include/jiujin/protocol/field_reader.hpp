#pragma once
// Reads the body of a request that is not a core command (a service request: statistics,
// audit_export, device reports, …) one field at a time, each checked for its JSON type and
// its limit (limits.hpp) with the words and rules the command codec uses, so that every
// field of every request fails the same way: "body.limit: expected an integer from 1 to
// 5000, got 0".
//
// The first problem is kept and every later read returns nothing: read all fields, then
// look at error() once.
//
//   FieldReader body(request.body, {"after", "limit", "verify"});
//   const auto after = body.integer("after", limits::kAuditAfter).value_or(0);
//   const auto limit = body.integer("limit", limits::kAuditLimit).value_or(1000);
//   if (body.error()) return *body.error();
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "jiujin/core/error.hpp"
#include "jiujin/core/time.hpp"
#include "jiujin/protocol/limits.hpp"

namespace jiujin::protocol {

/// How a field may appear in a body.
enum class Presence {
  Required,        ///< must be there
  Optional,        ///< may be left out; null is a wrong type
  OptionalOrNull,  ///< may be left out or null (both mean "not given")
};

class FieldReader {
 public:
  /// `body` must be an object whose keys are all in `known`; the first unknown key is the
  /// error. Fields are named "body.<name>" in messages.
  FieldReader(const nlohmann::json& body, std::initializer_list<std::string_view> known);
  /// The reader refers to the body: it must outlive the reader.
  FieldReader(nlohmann::json&& body, std::initializer_list<std::string_view> known) = delete;

  std::optional<std::int64_t> integer(std::string_view name, const IntegerRange& range,
                                      Presence presence = Presence::Optional);
  std::optional<std::string> text(std::string_view name, const TextLength& length,
                                  Presence presence = Presence::Optional);
  std::optional<bool> flag(std::string_view name, Presence presence = Presence::Optional);
  /// "YYYY-MM-DD".
  std::optional<core::Date> date(std::string_view name, Presence presence = Presence::Optional);
  /// One of `names` (wire names such as "online", "offline").
  std::optional<std::string> choice(std::string_view name, const std::vector<std::string_view>& names,
                                    Presence presence = Presence::Optional);

  /// Whether the body holds `name` (null counts as held).
  bool has(std::string_view name) const;
  /// Refuses the body with `en` / `zh` about field `name` (a rule across fields, e.g. "give
  /// ticket or number"), unless an earlier problem is already kept.
  void refuse(std::string_view name, const std::string& en, const std::string& zh);

  /// The first problem met, naming its field (ErrorCode::InvalidArgument).
  const std::optional<core::Error>& error() const { return error_; }

 private:
  /// The field's value if it should be read now: present, not null-as-absent, no earlier error.
  const nlohmann::json* find(std::string_view name, Presence presence, const std::string& expectedEn,
                             const std::string& expectedZh);
  void fail(std::string_view name, const std::string& expectedEn, const std::string& expectedZh,
            const nlohmann::json* got);

  const nlohmann::json& body_;
  std::optional<core::Error> error_;
};

}  // namespace jiujin::protocol
