#pragma once
// Errors are values: every codec returns the thing it made or a CodecError saying why not.
#include <string>
#include <utility>
#include <variant>

#include "jiujin/base/result.hpp"

namespace jiujin::devices::drivers {

enum class CodecErrorCode {
  InvalidText,          ///< the text is not valid UTF-8, or the registers are not valid text
  TextTooLong,          ///< the text does not fit the register area of the profile
  ValueOutOfRange,      ///< a number the profile cannot carry (brightness, rating, timeout …)
  RegisterNotInBlock,   ///< a decoder was given registers that do not cover its fields
  UnknownValue,         ///< a register holds a code the profile does not name
  FrameTooShort,
  BadCrc,
  UnsupportedFunction,  ///< a Modbus function code other than 0x03, 0x06, 0x10
  BadFrameLength,       ///< byte count or frame length disagree with the function
  IllegalQuantity,      ///< register count outside what Modbus allows for the function
  InvalidProfile,       ///< a register-map profile file that cannot be used
};

struct CodecError {
  CodecErrorCode code;
  std::string message;
  int line = 0;    ///< for InvalidProfile: where in the profile file (0 when not known)
  int column = 0;
  bool operator==(const CodecError&) const = default;
};

/// The value of a call that may fail: the thing made, or an error saying why not.
template <typename T, typename E = CodecError>
using Expected = base::Result<T, E>;

const char* toString(CodecErrorCode code);

}  // namespace jiujin::devices::drivers
