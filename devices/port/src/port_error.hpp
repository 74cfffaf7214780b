#pragma once
// The one place where an errno from the serial layer becomes a PortError.
#include <string_view>

#include "jiujin/devices/serial_port.hpp"

namespace jiujin::devices::detail {

/// `action` says what was being done ("open", "read", "set 9600 baud"); `err` is an errno.
PortError portErrorFromErrno(std::string_view port, std::string_view action, int err);

/// A PortError whose reason is ours, not the system's.
PortError portError(PortErrorCode code, std::string_view port, std::string_view reason);

/// The system's text for an errno, safe to call from any thread.
std::string systemReason(int err);

}  // namespace jiujin::devices::detail
