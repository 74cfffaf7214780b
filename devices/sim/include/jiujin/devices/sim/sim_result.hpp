#pragma once
// Errors are values in the simulator too: a call returns what it made or a SimError saying why
// not — the project's one result type (base/result.hpp), with the simulator's own error.
#include <string>

#include "jiujin/base/result.hpp"

namespace jiujin::devices::sim {

struct SimError {
  std::string message;
};

template <typename T>
using SimResult = base::Result<T, SimError>;

}  // namespace jiujin::devices::sim
