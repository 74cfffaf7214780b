#pragma once
// A serial line on a plain file descriptor with termios: pseudo-terminals (which
// libserialport cannot open) and plain files. Settings apply only when it is a terminal.
#include <string>

#include "jiujin/devices/serial_port.hpp"

namespace jiujin::devices::detail {

class FdSerialPort final : public SerialPort {
 public:
  static OpenResult open(const std::string& name, const SerialSettings& settings);
  ~FdSerialPort() override;
  FdSerialPort(const FdSerialPort&) = delete;
  FdSerialPort& operator=(const FdSerialPort&) = delete;

  const std::string& name() const override { return name_; }
  PortError write(std::span<const std::uint8_t> bytes) override;
  ReadResult read(std::size_t max, std::chrono::milliseconds timeout) override;
  void flushInput() override;

 private:
  FdSerialPort(std::string name, int fd, bool isTerminal);
  std::string name_;
  int fd_;
  bool isTerminal_;
};

}  // namespace jiujin::devices::detail
