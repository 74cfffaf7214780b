#pragma once
// A real serial port (UART, USB adapter) through libserialport.
#include <string>

#include "jiujin/devices/serial_port.hpp"

struct sp_port;

namespace jiujin::devices::detail {

class LibserialportPort final : public SerialPort {
 public:
  static OpenResult open(const std::string& name, const SerialSettings& settings);
  ~LibserialportPort() override;
  LibserialportPort(const LibserialportPort&) = delete;
  LibserialportPort& operator=(const LibserialportPort&) = delete;

  const std::string& name() const override { return name_; }
  PortError write(std::span<const std::uint8_t> bytes) override;
  ReadResult read(std::size_t max, std::chrono::milliseconds timeout) override;
  void flushInput() override;

 private:
  LibserialportPort(std::string name, sp_port* port);
  std::string name_;
  sp_port* port_;
};

/// Every port libserialport can see.
std::vector<PortInfo> listLibserialportPorts();

}  // namespace jiujin::devices::detail
