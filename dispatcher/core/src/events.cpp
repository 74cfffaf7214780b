// The one question every consumer of events asks first: when did it happen.
#include "jiujin/core/events.hpp"

namespace jiujin::core {

TimePoint timeOf(const Event& e) {
  return std::visit([](const auto& event) { return event.at; }, e);
}

}  // namespace jiujin::core
