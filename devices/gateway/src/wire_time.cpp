#include "jiujin/devices/gateway/wire_time.hpp"

#include "jiujin/devices/drivers/rtu_frame.hpp"

namespace jiujin::devices::gateway {

int bitsPerCharacter(const SerialSettings& serial) {
  return drivers::bitsPerCharacter(serial.dataBits, serial.parity != Parity::None, serial.stopBits);
}

std::chrono::microseconds exchangeTime(int requestBytes, int replyBytes, const SerialSettings& serial) {
  const int bits = bitsPerCharacter(serial);
  const long long onWire = 1'000'000LL * (requestBytes + replyBytes) * bits / serial.baud;
  return std::chrono::microseconds(onWire + 2 * drivers::frameGapMicros(serial.baud, bits));
}

std::chrono::microseconds readTime(int count, const SerialSettings& serial) {
  return exchangeTime(8, 5 + 2 * count, serial);
}

std::chrono::microseconds writeTime(int count, const SerialSettings& serial) {
  return exchangeTime(9 + 2 * count, 8, serial);
}

}  // namespace jiujin::devices::gateway
