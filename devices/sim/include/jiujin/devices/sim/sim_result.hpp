#pragma once
// Errors are values in the simulator too: a call returns what it made or a SimError saying why
// not. The simulator keeps its own small result type so that it needs nothing from the drivers
// it is meant to check (issue 18 folds the project's result types into one later).
#include <string>
#include <utility>
#include <variant>

namespace jiujin::devices::sim {

struct SimError {
  std::string message;
};

template <typename T>
class SimResult {
 public:
  SimResult(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  SimResult(SimError error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const SimError& error() const { return std::get<SimError>(v_); }

 private:
  std::variant<T, SimError> v_;
};

}  // namespace jiujin::devices::sim
