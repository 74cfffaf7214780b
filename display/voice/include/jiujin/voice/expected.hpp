#pragma once
// Errors are values: a voice operation that can fail returns one of these.
#include <string>
#include <utility>
#include <variant>

namespace jiujin::voice {

/// Why a voice operation failed, in words an installer can act on.
struct VoiceError {
  std::string message;
  bool operator==(const VoiceError&) const = default;
};

/// A value or the reason there is none (GCC 12 has no std::expected).
template <typename T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}             // NOLINT(google-explicit-constructor)
  Expected(VoiceError error) : v_(std::move(error)) {}    // NOLINT(google-explicit-constructor)
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const VoiceError& error() const { return std::get<VoiceError>(v_); }

 private:
  std::variant<T, VoiceError> v_;
};

}  // namespace jiujin::voice
