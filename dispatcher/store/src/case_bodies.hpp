#pragma once
// The JSON text of each case the store last wrote, kept beside the case it encodes, so that a
// case is encoded once per change and not again for the register row of the same batch or
// for every snapshot. A text is only reused for a case equal to the one it was made from:
// whatever the core did, a snapshot or register row never says something else than
// protocol::toJson of the state would.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/core/case.hpp"
#include "jiujin/core/state.hpp"

namespace jiujin::store {

class CaseBodies {
 public:
  /// Records `text` (the JSON of `c`, as toJson(c) dumps it) for reuse.
  void remember(const core::Case& c, std::string text);
  /// The JSON text of `c`: the one remembered when it is still this case, else encoded now.
  const std::string& bodyOf(const core::Case& c);
  /// The JSON text of the whole state, equal to toJson(state) dumped (object keys in
  /// another order): the open cases from their remembered texts. Forgets the cases that
  /// left the state.
  std::string stateText(const core::HallState& state);

 private:
  struct Body {
    core::Case value;
    std::string text;
  };
  std::map<core::CaseId, Body> bodies_;
};

/// The store's way of writing JSON down: compact, invalid UTF-8 replaced.
std::string dumpJson(const nlohmann::json& j);

}  // namespace jiujin::store
