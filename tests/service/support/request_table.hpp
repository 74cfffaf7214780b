#pragma once
// Every request the dispatcher answers — each core command and each service request — with
// a body it accepts and every field of that body, by the JSON kinds the field takes. One
// list, so that the wrong-type tests, the range tests and the fuzz corpus check cannot miss
// a request: tests assert that it names every type the dispatcher knows.
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jiujin::testing {

/// The kinds of JSON value a test puts in a field.
enum class JsonKind { String, Integer, Float, Negative, Bool, Null, Array, Object };

const std::vector<JsonKind>& everyJsonKind();
const char* toString(JsonKind kind);
/// A value of that kind ("x", 7, 1.5, -5, true, null, [1], {"a":1}).
nlohmann::json sampleOf(JsonKind kind);

struct FieldSpec {
  /// Where the field is in the body: "window", "to.queue", "profile.entries[0].weight".
  std::string path;
  /// The kinds a valid value may have; every other kind must be refused, naming the field.
  std::set<JsonKind> accepted;
};

struct RequestSpec {
  std::string type;
  /// A body the dispatcher reads without a field error (it may still refuse it for the
  /// hall's state, e.g. an unknown ticket): the wrong-type tests change one field of it.
  nlohmann::json body;
  std::vector<FieldSpec> fields;
};

/// Every request; a type appears more than once when it has alternative bodies
/// (ticket_status by id or by number).
const std::vector<RequestSpec>& everyRequest();

/// `body` with the field at `path` set to `value`.
nlohmann::json withField(nlohmann::json body, const std::string& path, const nlohmann::json& value);

}  // namespace jiujin::testing
