#include "libserialport_port.hpp"

#include <libserialport.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "port_error.hpp"

namespace jiujin::devices::detail {

namespace {

// How long a write may take before the port counts as stuck.
constexpr unsigned kWriteTimeoutMs = 2000;

// libserialport returns SP_ERR_FAIL with the OS errno behind it, or its own codes.
PortError errorFrom(sp_return code, std::string_view port, std::string_view action) {
  switch (code) {
    case SP_OK:
      return {};
    case SP_ERR_FAIL:
      return portErrorFromErrno(port, action, sp_last_error_code());
    case SP_ERR_ARG:
      return portError(PortErrorCode::Unsupported, port, fmt::format("{}: invalid argument", action));
    case SP_ERR_SUPP:
      return portError(PortErrorCode::Unsupported, port, fmt::format("{}: not supported by this port", action));
    case SP_ERR_MEM:
      return portError(PortErrorCode::Io, port, fmt::format("{}: out of memory", action));
  }
  return portError(PortErrorCode::Io, port, fmt::format("{}: libserialport error {}", action, static_cast<int>(code)));
}

sp_parity parityFor(Parity parity) {
  switch (parity) {
    case Parity::Even: return SP_PARITY_EVEN;
    case Parity::Odd: return SP_PARITY_ODD;
    case Parity::None: break;
  }
  return SP_PARITY_NONE;
}

PortError applySettings(sp_port* port, const std::string& name, const SerialSettings& settings) {
  if (auto e = errorFrom(sp_set_baudrate(port, settings.baud), name, fmt::format("set {} baud", settings.baud))) return e;
  if (auto e = errorFrom(sp_set_bits(port, settings.dataBits), name, fmt::format("set {} data bits", settings.dataBits))) return e;
  if (auto e = errorFrom(sp_set_parity(port, parityFor(settings.parity)), name, "set parity")) return e;
  if (auto e = errorFrom(sp_set_stopbits(port, settings.stopBits), name, fmt::format("set {} stop bits", settings.stopBits))) return e;
  return errorFrom(sp_set_flowcontrol(port, SP_FLOWCONTROL_NONE), name, "turn flow control off");
}

std::string transportName(sp_transport transport) {
  switch (transport) {
    case SP_TRANSPORT_USB: return "usb";
    case SP_TRANSPORT_BLUETOOTH: return "bluetooth";
    case SP_TRANSPORT_NATIVE: break;
  }
  return "native";
}

}  // namespace

OpenResult LibserialportPort::open(const std::string& name, const SerialSettings& settings) {
  // libserialport knows ports by their kernel name, not by a symlink such as /dev/serial/by-id/….
  std::error_code ignored;
  const auto kernelName = std::filesystem::canonical(name, ignored).string();
  sp_port* port = nullptr;
  if (auto error = errorFrom(sp_get_port_by_name(kernelName.c_str(), &port), name, "find")) return {nullptr, std::move(error)};
  if (auto error = errorFrom(sp_open(port, SP_MODE_READ_WRITE), name, "open")) {
    sp_free_port(port);
    return {nullptr, std::move(error)};
  }
  if (auto error = applySettings(port, name, settings)) {
    sp_close(port);
    sp_free_port(port);
    return {nullptr, std::move(error)};
  }
  return {std::unique_ptr<SerialPort>(new LibserialportPort(name, port)), {}};
}

LibserialportPort::LibserialportPort(std::string name, sp_port* port) : name_(std::move(name)), port_(port) {}

LibserialportPort::~LibserialportPort() {
  sp_close(port_);
  sp_free_port(port_);
}

PortError LibserialportPort::write(std::span<const std::uint8_t> bytes) {
  const sp_return written = sp_blocking_write(port_, bytes.data(), bytes.size(), kWriteTimeoutMs);
  if (written < 0) return errorFrom(written, name_, "write");
  if (static_cast<std::size_t>(written) < bytes.size())
    return portError(PortErrorCode::Timeout, name_, fmt::format("write stalled after {} of {} bytes", static_cast<int>(written), bytes.size()));
  return errorFrom(sp_drain(port_), name_, "drain");
}

ReadResult LibserialportPort::read(std::size_t max, std::chrono::milliseconds timeout) {
  ReadResult result;
  if (max == 0) return result;
  result.bytes.resize(max);
  // A zero timeout means "wait forever" to libserialport; never ask for that.
  const auto waitMs = static_cast<unsigned>(std::max<std::chrono::milliseconds::rep>(1, timeout.count()));
  const sp_return n = sp_blocking_read_next(port_, result.bytes.data(), max, waitMs);
  if (n < 0) {
    result.bytes.clear();
    result.error = errorFrom(n, name_, "read");
    return result;
  }
  result.bytes.resize(static_cast<std::size_t>(n));
  if (n == 0) result.error = portError(PortErrorCode::Timeout, name_, fmt::format("no byte within {} ms", timeout.count()));
  return result;
}

void LibserialportPort::flushInput() { sp_flush(port_, SP_BUF_INPUT); }

std::vector<PortInfo> listLibserialportPorts() {
  std::vector<PortInfo> found;
  sp_port** ports = nullptr;
  if (sp_list_ports(&ports) != SP_OK) return found;
  for (sp_port** p = ports; *p != nullptr; ++p) {
    const char* description = sp_get_port_description(*p);
    found.push_back(PortInfo{sp_get_port_name(*p), description ? description : "", transportName(sp_get_port_transport(*p))});
  }
  sp_free_port_list(ports);
  return found;
}

}  // namespace jiujin::devices::detail
