#include "jiujin/devices/wire_time.hpp"

#include <algorithm>

namespace jiujin::devices {

namespace {
constexpr long long kMicrosPerSecond = 1'000'000;
}  // namespace

int bitsPerCharacter(const SerialSettings& serial) {
  return 1 + serial.dataBits + (serial.parity == Parity::None ? 0 : 1) + serial.stopBits;
}

std::chrono::microseconds frameGap(const SerialSettings& serial) {
  // The Modbus spec fixes the gap above 19200 baud, where 3.5 characters get too short to time.
  if (serial.baud > 19200 || serial.baud <= 0) return std::chrono::microseconds(1750);
  return std::chrono::microseconds(7 * kMicrosPerSecond * bitsPerCharacter(serial) / (2 * serial.baud));
}

std::chrono::microseconds exchangeTime(int requestBytes, int replyBytes, const SerialSettings& serial) {
  const long long onWire = kMicrosPerSecond * (requestBytes + replyBytes) * bitsPerCharacter(serial) / serial.baud;
  return std::chrono::microseconds(onWire) + 2 * frameGap(serial);
}

ExchangeBytes readBytes(int count) { return {8, 5 + 2 * count}; }
ExchangeBytes writeBytes(int count) { return {9 + 2 * count, 8}; }
ExchangeBytes writeOneBytes() { return {8, 8}; }

std::chrono::microseconds readTime(int count, const SerialSettings& serial) {
  const auto bytes = readBytes(count);
  return exchangeTime(bytes.request, bytes.reply, serial);
}

std::chrono::microseconds writeTime(int count, const SerialSettings& serial) {
  const auto bytes = writeBytes(count);
  return exchangeTime(bytes.request, bytes.reply, serial);
}

std::chrono::milliseconds responseTimeoutFor(ExchangeBytes bytes, const SerialSettings& serial,
                                             std::chrono::milliseconds turnaround,
                                             std::chrono::milliseconds configured) {
  const auto needed = std::chrono::ceil<std::chrono::milliseconds>(exchangeTime(bytes.request, bytes.reply, serial)) +
                      turnaround;
  return std::max(needed, configured);
}

}  // namespace jiujin::devices
