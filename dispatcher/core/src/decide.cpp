#include "decide.hpp"

namespace jiujin::core::detail {

Decision decide(const HallData& hall, const Command& command, TimePoint now) {
  return std::visit([&](const auto& c) { return decideCommand(hall, c, now); }, command);
}

}  // namespace jiujin::core::detail
