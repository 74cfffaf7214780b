// Wire time of Modbus RTU exchanges and the response timeout each one needs. Every figure
// below is worked out by hand in the comment above its check.
#include "jiujin/devices/wire_time.hpp"

#include <gtest/gtest.h>

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;

const SerialSettings k9600_8N1{9600, 8, Parity::None, 1};
const SerialSettings k9600_8E1{9600, 8, Parity::Even, 1};

TEST(WireTime, SixteenRegisterWriteWithReplyTakesAbout58MsAt9600) {
  // 41-byte request + 8-byte reply = 49 bytes × 10 bits = 490 bits / 9600 = 51 041 µs,
  // plus two 3.5-character gaps of 35 bits / 9600 = 3 645 µs each: 58 331 µs.
  EXPECT_EQ(writeTime(16, k9600_8N1), 58331us);
}

TEST(WireTime, ACharacterIsTenBitsAt8N1AndElevenAt8E1) {
  EXPECT_EQ(bitsPerCharacter(k9600_8N1), 10);  // start + 8 data + stop
  EXPECT_EQ(bitsPerCharacter(k9600_8E1), 11);  // start + 8 data + parity + stop
  EXPECT_EQ(bitsPerCharacter(SerialSettings{9600, 8, Parity::None, 2}), 11);
  EXPECT_GT(readTime(1, k9600_8E1), readTime(1, k9600_8N1));
}

TEST(WireTime, TheFrameGapIsFixedAbove19200Baud) {
  // 3.5 × 10 bits / 19200 = 1 822 µs; above 19200 the spec fixes 1 750 µs.
  EXPECT_EQ(frameGap(SerialSettings{19200, 8, Parity::None, 1}), 1822us);
  EXPECT_EQ(frameGap(SerialSettings{115200, 8, Parity::None, 1}), 1750us);
}

TEST(ResponseTimeout, TheMainStripsHundredRegisterWriteNeedsItsWireTimeAndTurnaround) {
  // 0x10 writing 100 registers: 9 + 200 = 209-byte request, 8-byte reply = 217 bytes.
  // 217 × 10 bits / 9600 = 226 041 µs, + 2 × 3 645 µs of gaps = 233 331 µs → 234 ms,
  // + 50 ms turnaround = 284 ms. The sample's old 100 ms would cut it off mid-frame.
  EXPECT_EQ(writeTime(100, k9600_8N1), 233331us);
  EXPECT_EQ(responseTimeoutFor(writeBytes(100), k9600_8N1, 50ms, 100ms), 284ms);
}

TEST(ResponseTimeout, ParityLengthensEveryCharacter) {
  // 217 bytes × 11 bits / 9600 = 248 645 µs, + 2 × (38.5 bits / 9600 = 4 010 µs)
  // = 256 665 µs → 257 ms, + 50 ms = 307 ms.
  EXPECT_EQ(responseTimeoutFor(writeBytes(100), k9600_8E1, 50ms, 100ms), 307ms);
}

TEST(ResponseTimeout, AConfiguredTimeoutOnlyEverLengthensIt) {
  // A one-register poll: 8 + 7 = 15 bytes × 10 / 9600 = 15 625 µs + 7 290 µs = 22 915 µs
  // → 23 ms + 50 ms = 73 ms, below the configured 100 ms, which therefore stands.
  EXPECT_EQ(responseTimeoutFor(readBytes(1), k9600_8N1, 50ms, 100ms), 100ms);
  EXPECT_EQ(responseTimeoutFor(readBytes(1), k9600_8N1, 50ms, 10ms), 73ms);
  EXPECT_EQ(responseTimeoutFor(writeBytes(100), k9600_8N1, 50ms, 500ms), 500ms);
}

TEST(ResponseTimeout, AWriteMovesFourBytesMoreThanAReadOfTheSameCount) {
  // read: 8 + (5 + 2n) = 13 + 2n; write: (9 + 2n) + 8 = 17 + 2n; n = 40 → 93 and 97.
  EXPECT_EQ(readBytes(40).request + readBytes(40).reply, 93);
  EXPECT_EQ(writeBytes(40).request + writeBytes(40).reply, 97);
  EXPECT_EQ(writeOneBytes().request + writeOneBytes().reply, 16);
}

}  // namespace
}  // namespace jiujin::devices
