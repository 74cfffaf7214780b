#pragma once
// Is a hall definition usable? The config layer checks a file with this before handing it
// to the core; the core checks every UpdateDefinition with it.
#include <optional>

#include "jiujin/core/error.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::core {

/// The first problem found (ErrorCode::InvalidArgument or UnknownQueue), or nothing.
/// Checks: unique non-empty queue ids and prefixes; unique non-empty item codes, each
/// going to a known queue with positive typical minutes; unique positive window numbers
/// whose profiles name known queues with positive finite weights; sane rules.
std::optional<Error> checkDefinition(const HallDefinition& definition);

}  // namespace jiujin::core
