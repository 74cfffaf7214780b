// The one factory that chooses a backend, so no caller ever needs an #ifdef or a branch.
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>

#include "fd_serial_port.hpp"
#include "libserialport_port.hpp"
#include "port_error.hpp"

namespace jiujin::devices {

namespace {

// A real port has a driver behind it: /sys/class/tty/<name>/device exists. Pseudo-
// terminals and plain files have none, and libserialport cannot open them.
bool isRealPort(const std::string& name) {
  std::error_code ignored;
  const auto resolved = std::filesystem::canonical(name, ignored);
  if (ignored) return false;
  const auto device = std::filesystem::path("/sys/class/tty") / resolved.filename() / "device";
  return std::filesystem::exists(device, ignored);
}

}  // namespace

OpenResult openSerialPort(const std::string& name, const SerialSettings& settings) {
  if (name.empty()) return {nullptr, detail::portError(PortErrorCode::NotFound, "(no name)", "no serial port named")};
  struct stat info {};
  if (::stat(name.c_str(), &info) != 0) return {nullptr, detail::portErrorFromErrno(name, "open", errno)};
  if (isRealPort(name)) return detail::LibserialportPort::open(name, settings);
  return detail::FdSerialPort::open(name, settings);
}

std::vector<PortInfo> listSerialPorts() { return detail::listLibserialportPorts(); }

}  // namespace jiujin::devices
