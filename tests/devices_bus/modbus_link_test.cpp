// ModbusLink against real libmodbus servers: RTU on a pseudo-terminal, TCP on 127.0.0.1.
#include "jiujin/devices/modbus_link.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "modbus_test_server.hpp"
#include "scratch_dir.hpp"

namespace jiujin::devices {
namespace {

using namespace std::chrono_literals;
using testing::ModbusTestServer;
using testing::ScratchDir;
using Registers = std::vector<std::uint16_t>;

constexpr auto kBound = 5s;

// Bytes written to a pty's master reach its slave side a moment later (the kernel moves them
// on its own): waits until the line holds input for the link to read. Another descriptor of
// the same terminal sees the same input queue; poll() does not consume it.
bool waitUntilReadable(const std::string& path, std::chrono::milliseconds bound) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return false;
  pollfd ready{fd, POLLIN, 0};
  const bool readable = ::poll(&ready, 1, static_cast<int>(bound.count())) == 1;
  ::close(fd);
  return readable;
}

std::unique_ptr<ModbusLink> rtuLinkTo(const std::string& path) {
  return makeRtuLink(RtuLinkSettings{path, SerialSettings{}, ModbusTimeouts{100ms, 20ms}});
}

/// A hall's line speed, with a configured 100 ms response timeout and a 50 ms turnaround.
std::unique_ptr<ModbusLink> rtuLinkAt9600To(const std::string& path) {
  return makeRtuLink(
      RtuLinkSettings{path, SerialSettings{9600, 8, Parity::None, 1}, ModbusTimeouts{100ms, 20ms, 50ms}});
}

TEST(ModbusLink, WritesAndReadsTheRegistersOfARealRtuDevice) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = rtuLinkTo(server->linkPath());
  const Registers text{0x4130, 0x3031, 0x8BF7, 0x5230};
  ASSERT_TRUE(link->writeRegisters(7, 0x10, text));
  EXPECT_EQ(server->registers(0x10, 4), text);
  server->setRegister(0x20, 0xBEEF);
  auto read = link->readHoldingRegisters(7, 0x20, 1);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read.value(), Registers{0xBEEF});
  ASSERT_TRUE(link->writeRegister(7, 0x30, 42));
  EXPECT_EQ(server->registers(0x30, 1), Registers{42});
}

TEST(ModbusLink, AnAbsentSlaveIsATimeoutWithinTheResponseTimeout) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = rtuLinkTo(server->linkPath());
  const auto start = std::chrono::steady_clock::now();
  auto read = link->readHoldingRegisters(9, 0, 1);
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ModbusErrorKind::Timeout);
  EXPECT_NE(read.error().message.find("slave 9"), std::string::npos) << read.error().message;
  EXPECT_LT(waited, 2s);
}

TEST(ModbusLink, ALongFrameAtASlowBaudRateIsGivenItsWireTime) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  // The main strip's 100-register write at 9600 8N1 is on the wire for ~233 ms; its
  // timeout is 234 + 50 ms turnaround = 284 ms (wire_time_test.cpp). The pty carries
  // it at once, so the server's 180 ms delay stands in for the wire time a real line
  // takes: a fixed 100 ms timeout expired before the reply.
  server->setReplyDelay(180ms);
  auto link = rtuLinkAt9600To(server->linkPath());
  const Registers strip(100, 0x3030);
  auto written = link->writeRegisters(7, 0, strip);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(server->registers(0, 100), strip);
}

TEST(ModbusLink, AShortFrameKeepsTheConfiguredTimeout) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  // A one-register read needs 23 + 50 = 73 ms at 9600: the configured 100 ms stands, and a
  // reply 400 ms late is a timeout that returns long before the reply would come.
  server->setReplyDelay(400ms);
  auto link = rtuLinkAt9600To(server->linkPath());
  const auto start = std::chrono::steady_clock::now();
  auto read = link->readHoldingRegisters(7, 0, 1);
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ModbusErrorKind::Timeout);
  EXPECT_LT(waited, 400ms);
}

TEST(ModbusLink, AModbusExceptionCarriesItsCode) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = rtuLinkTo(server->linkPath());
  auto read = link->readHoldingRegisters(7, 0x8000, 2);  // beyond the device's register map
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ModbusErrorKind::Exception);
  EXPECT_EQ(read.error().exceptionCode, 2);  // illegal data address
  EXPECT_TRUE(isDeviceFailure(read.error())) << "a device that refuses what it is asked is not working";
}

TEST(ModbusLink, AReplyThatCameAfterItsMasterGaveUpIsNotTakenAsTheNextAnswer) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = makeRtuLink(RtuLinkSettings{server->linkPath(), SerialSettings{115200, 8, Parity::None, 1},
                                          ModbusTimeouts{60ms, 20ms, 10ms}});
  // given a reply that arrives after the link timed out, and is left on the line
  server->setRegister(0x20, 1);
  server->setReplyDelay(150ms);
  auto late = link->readHoldingRegisters(7, 0x20, 1);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().kind, ModbusErrorKind::Timeout);
  ASSERT_TRUE(server->waitForReplies(1, kBound));
  ASSERT_TRUE(waitUntilReadable(server->linkPath(), kBound)) << "the late reply reached the line";
  // when the same registers, changed meanwhile, are read again
  server->setReplyDelay(0ms);
  server->setRegister(0x20, 2);
  auto read = link->readHoldingRegisters(7, 0x20, 1);
  // then the answer is the new one, not the stale reply
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read.value(), Registers{2});
}

TEST(ModbusLink, AMissingPortIsPortGoneAndNamesThePort) {
  auto link = rtuLinkTo("/dev/ttyJIUJIN-unplugged");
  auto read = link->readHoldingRegisters(1, 0, 1);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ModbusErrorKind::PortGone);
  EXPECT_NE(read.error().message.find("/dev/ttyJIUJIN-unplugged"), std::string::npos) << read.error().message;
}

TEST(ModbusLink, RequestsOutOfRangeAreRefusedWithoutTouchingTheWire) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = rtuLinkTo(server->linkPath());
  EXPECT_EQ(link->readHoldingRegisters(7, 0, 0).error().kind, ModbusErrorKind::InvalidRequest);
  EXPECT_EQ(link->readHoldingRegisters(7, 0, 126).error().kind, ModbusErrorKind::InvalidRequest);
  EXPECT_EQ(link->readHoldingRegisters(0, 0, 1).error().kind, ModbusErrorKind::InvalidRequest);
  EXPECT_EQ(link->readHoldingRegisters(300, 0, 1).error().kind, ModbusErrorKind::InvalidRequest);
  EXPECT_EQ(link->writeRegisters(7, 0xFFFF, Registers{1, 2}).error().kind, ModbusErrorKind::InvalidRequest);
  EXPECT_EQ(link->writeRegisters(7, 0, Registers{}).error().kind, ModbusErrorKind::InvalidRequest);
  EXPECT_EQ(server->requests(), 0u);
}

TEST(ModbusLink, ABroadcastWriteIsAppliedAndCountsAsDone) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = rtuLinkTo(server->linkPath());
  EXPECT_TRUE(link->writeRegisters(0, 0x40, Registers{0x0001}));  // e.g. "all displays: blank"
  EXPECT_TRUE(server->waitForRegisters(0x40, Registers{0x0001}, kBound));
}

TEST(ModbusLink, ReopensThePortAfterItVanishedAndCameBack) {
  ScratchDir dir;
  auto server = ModbusTestServer::onPty(7, dir.file("bus1"));
  auto link = rtuLinkTo(server->linkPath());
  ASSERT_TRUE(link->writeRegisters(7, 0, Registers{1}));
  server->vanish();
  auto whileGone = link->writeRegisters(7, 0, Registers{2});
  ASSERT_FALSE(whileGone);
  EXPECT_EQ(whileGone.error().kind, ModbusErrorKind::PortGone) << whileGone.error().message;
  EXPECT_EQ(link->writeRegisters(7, 0, Registers{2}).error().kind, ModbusErrorKind::PortGone);
  server->comeBack();
  auto afterReturn = link->writeRegisters(7, 0, Registers{3});
  EXPECT_TRUE(afterReturn) << afterReturn.error().message;
  EXPECT_EQ(server->registers(0, 1), Registers{3});
}

TEST(ModbusLink, TalksToADeviceBehindATcpGateway) {
  auto server = ModbusTestServer::onTcp(12);
  auto link = makeTcpLink(TcpLinkSettings{"127.0.0.1", server->tcpPort(), ModbusTimeouts{200ms, 50ms}});
  ASSERT_TRUE(link->writeRegisters(12, 0x100, Registers{5, 6}));
  auto read = link->readHoldingRegisters(12, 0x100, 2);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read.value(), (Registers{5, 6}));
}

TEST(ModbusLink, AGatewayThatRefusesConnectionsIsPortGone) {
  std::unique_ptr<ModbusLink> link;
  {
    auto server = ModbusTestServer::onTcp(12);  // take a free port, then free it again
    link = makeTcpLink(TcpLinkSettings{"127.0.0.1", server->tcpPort(), ModbusTimeouts{200ms, 50ms}});
  }
  auto read = link->readHoldingRegisters(12, 0, 1);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, ModbusErrorKind::PortGone) << read.error().message;
}

}  // namespace
}  // namespace jiujin::devices
