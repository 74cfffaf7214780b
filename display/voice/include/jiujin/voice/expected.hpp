#pragma once
// Errors are values: a voice operation that can fail returns one of these.
#include <string>
#include <utility>
#include <variant>

#include "jiujin/base/result.hpp"

namespace jiujin::voice {

/// Why a voice operation failed, in words an installer can act on.
struct VoiceError {
  std::string message;
  bool operator==(const VoiceError&) const = default;
};

/// A value or the reason there is none.
template <typename T>
using Expected = base::Result<T, VoiceError>;

}  // namespace jiujin::voice
