#pragma once
// Applying: the one writer of HallData. execute() applies the events it just decided,
// replay and client mirrors apply journaled ones — the same code, so replay == original.
// Tolerant: an event naming something unknown changes nothing rather than crashing.
#include "hall_data.hpp"
#include "jiujin/core/events.hpp"

namespace jiujin::core::detail {

void applyEvent(HallData& hall, const Event& event);

}  // namespace jiujin::core::detail
