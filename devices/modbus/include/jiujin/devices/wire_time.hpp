#pragma once
// How long Modbus RTU exchanges occupy an RS-485 line: bytes × bits per character / baud,
// plus the 3.5-character silence that ends each frame. The link derives every request's
// response timeout from it, the gateway sizes its polling with it, `jiujinctl config check`
// and the benchmark compare against it. This is the one place that knows these sums.
#include <chrono>

#include "jiujin/devices/serial_port.hpp"

namespace jiujin::devices {

/// Bits one character takes on the wire: start, data, parity, stop (10 for 8N1, 11 for 8E1).
int bitsPerCharacter(const SerialSettings& serial);

/// The silence that ends a frame: 3.5 characters, fixed at 1750 µs above 19200 baud.
std::chrono::microseconds frameGap(const SerialSettings& serial);

/// A request of `requestBytes` and its reply of `replyBytes`, each followed by its
/// 3.5-character silence.
std::chrono::microseconds exchangeTime(int requestBytes, int replyBytes, const SerialSettings& serial);

/// Bytes of an RTU exchange: function 0x03 reading `count` registers (8-byte request,
/// 5 + 2·count reply), 0x10 writing `count` (9 + 2·count request, 8-byte reply), 0x06
/// (8 and 8).
struct ExchangeBytes {
  int request = 0;
  int reply = 0;
};
ExchangeBytes readBytes(int count);
ExchangeBytes writeBytes(int count);
ExchangeBytes writeOneBytes();

std::chrono::microseconds readTime(int count, const SerialSettings& serial);
std::chrono::microseconds writeTime(int count, const SerialSettings& serial);

/// How long a device may take between the end of a request and the start of its reply
/// when no profile says otherwise (display controllers copy text to their LED buffer).
inline constexpr std::chrono::milliseconds kDefaultTurnaround{50};

/// How long the gateway lets a device think before its reply: the bus's margin (`margin`,
/// kDefaultTurnaround unless the link was given another) plus the profile's `turnaround_ms`
/// (0 when it has none). A vendor's stated turnaround is when its reply starts at the latest;
/// without the margin on top, a device answering at exactly that time is timed out whenever
/// the host or a USB adapter's latency timer adds a few milliseconds.
inline constexpr std::chrono::milliseconds answerAllowance(std::chrono::milliseconds profileTurnaround,
                                                           std::chrono::milliseconds margin = kDefaultTurnaround) {
  return profileTurnaround + margin;
}

/// The response timeout one exchange needs: libmodbus starts the clock when the request is
/// handed to the kernel, so it must cover the request's and the reply's wire time and the
/// device's turnaround. `configured` (the hall's response_timeout_ms) may only lengthen it.
std::chrono::milliseconds responseTimeoutFor(ExchangeBytes bytes, const SerialSettings& serial,
                                             std::chrono::milliseconds turnaround,
                                             std::chrono::milliseconds configured);

}  // namespace jiujin::devices
