#pragma once
// What a window's clerk may do now, and why not: the same checks Hall::execute makes for
// each of the keypad's actions, asked without changing anything. A console greys out what
// the hall would refuse and can say why, instead of keeping its own copy of the rules.
#include <array>
#include <cstddef>
#include <optional>

#include "jiujin/core/error.hpp"

namespace jiujin::core {

/// The actions of a window's keypad (F1…F8 on the console and the caller keypad).
enum class WindowAction {
  CallNext,
  Recall,
  StartService,
  Complete,
  MarkNoShow,
  Transfer,  ///< to any target: the target's own checks come when it is chosen
  Pause,
  Resume,
  RequestEvaluation,
};

inline constexpr std::size_t kWindowActionCount = 9;

/// For each action, nothing when the hall would accept it now, else the refusal it would give.
class WindowActions {
 public:
  bool allows(WindowAction action) const { return !refusals_[index(action)].has_value(); }
  /// Why the hall would refuse `action` now; nothing when it is allowed.
  const std::optional<Error>& whyNot(WindowAction action) const { return refusals_[index(action)]; }
  void refuse(WindowAction action, Error why) { refusals_[index(action)] = std::move(why); }
  bool operator==(const WindowActions&) const = default;

 private:
  static std::size_t index(WindowAction action) { return static_cast<std::size_t>(action); }
  std::array<std::optional<Error>, kWindowActionCount> refusals_;
};

}  // namespace jiujin::core
