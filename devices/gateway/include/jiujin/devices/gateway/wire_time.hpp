#pragma once
// How long Modbus RTU exchanges occupy an RS-485 line: bytes × bits per character / baud,
// plus the 3.5-character silence that ends each frame. The gateway sizes its polling with
// it, the benchmark compares measured latencies against it.
#include <chrono>

#include "jiujin/devices/serial_port.hpp"

namespace jiujin::devices::gateway {

/// Bits one character takes on the wire: start, data, parity, stop.
int bitsPerCharacter(const SerialSettings& serial);

/// A request of `requestBytes` and its reply of `replyBytes`, each followed by its
/// 3.5-character silence.
std::chrono::microseconds exchangeTime(int requestBytes, int replyBytes, const SerialSettings& serial);

/// Function 0x03 reading `count` registers (8-byte request, 5 + 2·count reply).
std::chrono::microseconds readTime(int count, const SerialSettings& serial);
/// Function 0x10 writing `count` registers (9 + 2·count request, 8-byte reply).
std::chrono::microseconds writeTime(int count, const SerialSettings& serial);

}  // namespace jiujin::devices::gateway
