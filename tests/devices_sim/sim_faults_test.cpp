#include <gtest/gtest.h>

#include "jiujin/devices/drivers/window_display.hpp"
#include "sim_fixture.hpp"

using namespace jiujin::devices::drivers;
using jiujin::devices::sim::Fault;
using jiujin::devices::sim::test_support::SimBusTest;

namespace {
class SimFaults : public SimBusTest {
 protected:
  const WindowDisplayMap& map() const {
    return std::get<WindowDisplayMap>(profile("jiujin-window-display-v1").map);
  }
  int show(int unit, const WindowContent& content, std::uint16_t seq) {
    return master_->write(unit, encodeWindowContent(content, map(), seq).value());
  }
};
}  // namespace

TEST_F(SimFaults, AbsentDeviceNeverAnswersAndReturnsBlank) {
  ASSERT_EQ(show(1, callingContent("A001", 1), 1), 0);
  ASSERT_FALSE(sim_->injectFault("display-1", Fault::Absent));
  EXPECT_EQ(show(1, pausedContent(), 2), ETIMEDOUT);
  EXPECT_EQ(master_->read(2, {0, 1}).error, 0) << "its neighbour still answers";

  ASSERT_FALSE(sim_->clearFault("display-1", Fault::Absent));
  EXPECT_FALSE(sim_->windowShown("display-1")) << "plugged back in, it shows nothing";
  EXPECT_EQ(master_->read(1, windowContentSeqRead(map())).values, (std::vector<std::uint16_t>{0}));
}

TEST_F(SimFaults, SilentDeviceStopsAnsweringButKeepsWhatItShows) {
  ASSERT_EQ(show(1, callingContent("A001", 1), 1), 0);
  ASSERT_FALSE(sim_->injectFault("display-1", Fault::Silent));
  EXPECT_EQ(master_->read(1, {0, 1}).error, ETIMEDOUT);
  EXPECT_EQ(show(1, pausedContent(), 2), ETIMEDOUT);
  ASSERT_FALSE(sim_->clearFault("display-1"));
  EXPECT_EQ(sim_->windowShown("display-1")->content.text, "A001 请到1号窗口");
  EXPECT_EQ(master_->read(1, windowContentSeqRead(map())).values, (std::vector<std::uint16_t>{1}));
}

TEST_F(SimFaults, BadCrcRepliesAreRejectedByTheMaster) {
  ASSERT_FALSE(sim_->injectFault("display-2", Fault::BadCrc));
  EXPECT_EQ(master_->read(2, {0, 4}).error, EMBBADCRC);
  ASSERT_FALSE(sim_->clearFault("display-2", Fault::BadCrc));
  ASSERT_TRUE(master_->reconnect());  // drop anything left on the line
  EXPECT_EQ(master_->read(2, {0, 4}).error, 0);
}

TEST_F(SimFaults, GarbageRepliesNeverPassAsRegisters) {
  ASSERT_FALSE(sim_->injectFault("display-2", Fault::Garbage));
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(master_->reconnect());
    EXPECT_NE(master_->read(2, {0, 4}).error, 0);
  }
  ASSERT_FALSE(sim_->clearFault("display-2"));
  ASSERT_TRUE(master_->reconnect());
  EXPECT_EQ(master_->read(2, {0, 4}).error, 0);
}

TEST_F(SimFaults, SlowDeviceAnswersAfterTheMastersTimeout) {
  ASSERT_FALSE(sim_->injectFault("keypad-1", Fault::Slow));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(master_->read(11, {0, 1}).error, ETIMEDOUT);
  // With a timeout longer than the 1 s delay the same device answers.
  master_->setTimeout(std::chrono::milliseconds(3000));
  ASSERT_TRUE(master_->reconnect());
  const auto late = master_->read(11, {0, 1});
  EXPECT_EQ(late.error, 0);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));
}

TEST_F(SimFaults, ASlowDeviceDelaysOnlyItsOwnReplyTheLineServesTheOthersMeanwhile) {
  // given the keypad answers 1 s late, after the master's 300 ms timeout
  ASSERT_FALSE(sim_->injectFault("keypad-1", Fault::Slow));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(master_->read(11, {0, 1}).error, ETIMEDOUT);
  // when the master moves on to a display
  const auto display = master_->read(1, {0x000F, 1});
  // then the display answers at once, well before the keypad's late reply
  EXPECT_EQ(display.error, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));
}

TEST_F(SimFaults, FaultsShowInTheDeviceListAndUnknownDevicesAreErrors) {
  ASSERT_FALSE(sim_->injectFault("pad-1", Fault::Garbage));
  for (const auto& d : sim_->devices()) {
    if (d.id == "pad-1") {
      EXPECT_EQ(d.faults, (std::vector<Fault>{Fault::Garbage}));
    }
  }
  EXPECT_TRUE(sim_->injectFault("no-such-device", Fault::Silent));
}

TEST_F(SimFaults, LateReplyComesWhenTheNextFrameIsOnTheLineBeforeThatFramesReply) {
  ASSERT_EQ(show(1, pausedContent(), 5), 0);  // content sequence 5 at 0x000F
  ASSERT_FALSE(sim_->injectFault("display-1", Fault::LateReply));
  master_->setTimeout(std::chrono::milliseconds(60));
  EXPECT_TRUE(master_->raw({1, 0x03, 0x00, 0x0F, 0x00, 0x01}).empty()) << "no reply in its own exchange";
  // the next request (the colour register, 1 = red) is answered first by the first one's reply
  const auto reply = master_->raw({1, 0x03, 0x00, 0x0C, 0x00, 0x01});
  EXPECT_EQ(reply, (std::vector<std::uint8_t>{1, 0x03, 2, 0x00, 5}));
}
