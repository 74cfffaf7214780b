#include "case_bodies.hpp"

#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::store {

std::string dumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void CaseBodies::remember(const core::Case& c, std::string text) { bodies_[c.id] = Body{c, std::move(text)}; }

const std::string& CaseBodies::bodyOf(const core::Case& c) {
  auto it = bodies_.find(c.id);
  if (it != bodies_.end() && it->second.value == c) return it->second.text;
  Body& b = bodies_[c.id];
  b = Body{c, dumpJson(protocol::toJson(c))};
  return b.text;
}

std::string CaseBodies::stateText(const core::HallState& state) {
  // Everything but the cases is encoded as usual (the day's tickets are written once a
  // snapshot, not once a change); "cases", an array in id order, is spliced in from the
  // remembered texts.
  core::HallState rest = state;
  rest.cases.clear();
  nlohmann::json j = protocol::toJson(rest);
  j.erase("cases");
  const std::string others = dumpJson(j);

  std::map<core::CaseId, Body> kept;
  std::string text = "{\"cases\":[";
  bool first = true;
  for (const auto& [id, c] : state.cases) {
    if (!first) text += ',';
    first = false;
    text += bodyOf(c);
    kept.insert(bodies_.extract(id));
  }
  text += ']';
  bodies_ = std::move(kept);  // cases that left the state are not kept any more
  if (others != "{}") {
    text += ',';
    text.append(others, 1, std::string::npos);  // the other fields, and the closing brace
  } else {
    text += '}';
  }
  return text;
}

}  // namespace jiujin::store
