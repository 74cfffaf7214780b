// The bus engine's Modbus link against the simulator's late_reply fault: a reply that comes
// after its master gave up lands in the next exchange and must not pass as its answer.
#include "jiujin/devices/modbus_link.hpp"

#include <gtest/gtest.h>

#include "sim_fixture.hpp"

using jiujin::devices::sim::Fault;
using jiujin::devices::sim::test_support::SimBusTest;
namespace devices = jiujin::devices;

namespace {

class ModbusLinkOnSimulator : public SimBusTest {
 protected:
  void SetUp() override {
    SimBusTest::SetUp();
    master_.reset();  // one master on the line: the link
    // The late reply comes only with the next request, so a long response timeout costs one
    // wait per test and keeps the simulator's answer inside it on a loaded test machine
    // (at 60 ms it fell outside under load and the echo was seen as a plain timeout).
    link_ = devices::makeRtuLink(devices::RtuLinkSettings{
        link().string(), devices::SerialSettings{115200, 8, devices::Parity::None, 1},
        devices::ModbusTimeouts{std::chrono::milliseconds(500), std::chrono::milliseconds(20),
                                std::chrono::milliseconds(10)}});
  }
  std::unique_ptr<devices::ModbusLink> link_;
};

}  // namespace

TEST_F(ModbusLinkOnSimulator, TheLateEchoOfAnotherWriteToTheSameDisplayIsNotThisWritesAnswer) {
  // given display 1 answers each request only when the next one is on the line
  ASSERT_FALSE(sim_->injectFault("display-1", Fault::LateReply));
  const std::uint16_t colour[] = {1};
  const std::uint16_t commit[] = {7};
  auto first = link_->writeRegisters(1, 0x000C, colour);
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().kind, devices::ModbusErrorKind::Timeout);
  // when the next write (one register, like the first) goes to the same display
  auto second = link_->writeRegisters(1, 0x000F, commit);
  // then the first write's echo, arriving now, is not taken as the second's answer
  ASSERT_FALSE(second) << "a late echo of 0x000C passed as the answer for 0x000F";
  EXPECT_EQ(second.error().kind, devices::ModbusErrorKind::BadFrame);
  EXPECT_NE(second.error().message.find("echo"), std::string::npos) << second.error().message;
}

TEST_F(ModbusLinkOnSimulator, AnotherDevicesLateReplyIsABadFrameAndTheLineIsClearAfterIt) {
  ASSERT_FALSE(sim_->injectFault("display-1", Fault::LateReply));
  EXPECT_FALSE(link_->readHoldingRegisters(1, 0x000F, 1));
  // display 2's exchange gets display 1's reply first, then its own
  auto read = link_->readHoldingRegisters(2, 0x000F, 1);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind, devices::ModbusErrorKind::BadFrame);
  ASSERT_FALSE(sim_->clearFault("display-1"));
  // and nothing of that exchange is left to be read as the next one's answer
  const std::uint16_t text[] = {0x4130, 0x3031};
  EXPECT_TRUE(link_->writeRegisters(2, 0x0000, text));
  auto again = link_->readHoldingRegisters(2, 0x0000, 2);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again.value(), (std::vector<std::uint16_t>{0x4130, 0x3031}));
}
