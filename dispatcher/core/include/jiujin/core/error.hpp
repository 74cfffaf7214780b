#pragma once
// Errors are values: a refused command returns one and changes nothing.
#include <string>
#include <utility>
#include <variant>

#include "jiujin/base/result.hpp"

namespace jiujin::core {

enum class ErrorCode {
  InvalidArgument,
  UnknownItem,
  UnknownQueue,
  UnknownWindow,
  UnknownTicket,
  DayNotOpen,
  DayAlreadyOpen,
  WindowClosed,
  WindowPaused,
  WindowBusy,         ///< the window already holds an active ticket
  NoActiveTicket,
  NoTicketWaiting,
  NotLoggedIn,
  RecallLimitReached,
  IllegalTransition,  ///< the ticket's state does not allow this
  PriorityNotAllowed,
  NumberingExhausted,  ///< the queue reached 9999 today
  ReactivationExpired,
  AlreadyEvaluated,
  NotEvaluable,
  UnknownCase,  ///< no case with that number (or not open any more)
};

/// A reason a clerk can read, in both languages.
struct Error {
  ErrorCode code;
  std::string zh;
  std::string en;
  bool operator==(const Error&) const = default;
};

/// The value of a call that may be refused.
template <typename T>
using Result = base::Result<T, Error>;

/// The name of a code, stable across versions (used on the wire).
const char* toString(ErrorCode code);

}  // namespace jiujin::core
