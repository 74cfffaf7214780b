#pragma once
// The one place where libmodbus's -1/errno becomes a ModbusError. modbus_strerror() is
// not thread-safe (it returns a static buffer for system errors), so we never call it.
#include <string_view>

#include "jiujin/devices/modbus_link.hpp"

namespace jiujin::devices::detail {

/// `line` is the link's name, `slave` the address asked (or -1 when none), `action` what
/// was being done ("read 4 registers at 0x0010").
ModbusError modbusErrorFromErrno(int err, std::string_view line, int slave, std::string_view action);

/// An error of our own making (bad arguments), with the same message layout.
ModbusError invalidRequest(std::string_view line, int slave, std::string_view reason);

}  // namespace jiujin::devices::detail
