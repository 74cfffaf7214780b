#include <modbus/modbus.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "modbus_errno.hpp"

namespace jiujin::devices {

const char* toString(ModbusErrorKind kind) {
  switch (kind) {
    case ModbusErrorKind::Timeout: return "timeout";
    case ModbusErrorKind::BadCrc: return "bad-crc";
    case ModbusErrorKind::BadFrame: return "bad-frame";
    case ModbusErrorKind::Exception: return "exception";
    case ModbusErrorKind::Io: return "io";
    case ModbusErrorKind::PortGone: return "port-gone";
    case ModbusErrorKind::InvalidRequest: return "invalid-request";
  }
  return "unknown";
}

bool isDeviceFailure(const ModbusError& error) {
  return error.kind != ModbusErrorKind::InvalidRequest;
}

namespace detail {

namespace {

const char* exceptionName(int code) {
  switch (code) {
    case MODBUS_EXCEPTION_ILLEGAL_FUNCTION: return "illegal function";
    case MODBUS_EXCEPTION_ILLEGAL_DATA_ADDRESS: return "illegal data address";
    case MODBUS_EXCEPTION_ILLEGAL_DATA_VALUE: return "illegal data value";
    case MODBUS_EXCEPTION_SLAVE_OR_SERVER_FAILURE: return "device failure";
    case MODBUS_EXCEPTION_ACKNOWLEDGE: return "acknowledge (busy with a long command)";
    case MODBUS_EXCEPTION_SLAVE_OR_SERVER_BUSY: return "device busy";
    case MODBUS_EXCEPTION_NEGATIVE_ACKNOWLEDGE: return "negative acknowledge";
    case MODBUS_EXCEPTION_MEMORY_PARITY: return "memory parity error";
    case MODBUS_EXCEPTION_GATEWAY_PATH: return "gateway path unavailable";
    case MODBUS_EXCEPTION_GATEWAY_TARGET: return "gateway target did not respond";
    default: return "unknown exception";
  }
}

std::string systemReason(int err) {
  char buffer[256];
  return ::strerror_r(err, buffer, sizeof buffer);  // GNU variant: returns the text
}

std::string where(std::string_view line, int slave) {
  return slave >= 0 ? fmt::format("{} slave {}", line, slave) : std::string(line);
}

}  // namespace

ModbusError modbusErrorFromErrno(int err, std::string_view line, int slave, std::string_view action) {
  const auto at = where(line, slave);
  if (err > MODBUS_ENOBASE && err <= EMBXGTAR) {
    const int code = err - MODBUS_ENOBASE;
    return {ModbusErrorKind::Exception, code, fmt::format("{}: {}: exception {} ({})", at, action, code, exceptionName(code))};
  }
  switch (err) {
    case ETIMEDOUT:
      return {ModbusErrorKind::Timeout, 0, fmt::format("{}: {}: no reply in time", at, action)};
    case EMBBADCRC:
      return {ModbusErrorKind::BadCrc, 0, fmt::format("{}: {}: reply with a bad CRC", at, action)};
    case EMBBADDATA:
    case EMBBADEXC:
    case EMBUNKEXC:
    case EMBBADSLAVE:
      return {ModbusErrorKind::BadFrame, 0, fmt::format("{}: {}: malformed reply", at, action)};
    case EMBMDATA:
    case EINVAL:
      return {ModbusErrorKind::InvalidRequest, 0, fmt::format("{}: {}: request out of range", at, action)};
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case EIO:
    case EBADF:
    case EPIPE:
    case ECONNRESET:
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
      return {ModbusErrorKind::PortGone, 0, fmt::format("{}: {}: {}", at, action, systemReason(err))};
    default:
      return {ModbusErrorKind::Io, 0, fmt::format("{}: {}: {}", at, action, systemReason(err))};
  }
}

ModbusError invalidRequest(std::string_view line, int slave, std::string_view reason) {
  return {ModbusErrorKind::InvalidRequest, 0, fmt::format("{}: {}", where(line, slave), reason)};
}

}  // namespace detail
}  // namespace jiujin::devices
