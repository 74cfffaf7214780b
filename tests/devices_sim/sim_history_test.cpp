// The display history through a real libmodbus master: every content change a device
// receives is recorded as the device shows it, however quickly the next one follows.
#include <gtest/gtest.h>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/window_display.hpp"
#include "jiujin/devices/sim/control_protocol.hpp"
#include "sim_fixture.hpp"

using namespace jiujin::devices;
using namespace jiujin::devices::drivers;
using jiujin::devices::sim::Fault;
using jiujin::devices::sim::test_support::SimBusTest;

namespace {

class SimHistory : public SimBusTest {
 protected:
  const WindowDisplayMap& displayMap() const {
    return std::get<WindowDisplayMap>(profile("jiujin-window-display-v1").map);
  }
  int showOn(int unit, const WindowContent& content, std::uint16_t seq) {
    return master_->write(unit, encodeWindowContent(content, displayMap(), seq).value());
  }
  /// "device shown" of every entry recorded so far.
  std::vector<std::string> recorded() const {
    std::vector<std::string> out;
    for (const auto& e : sim_->history().since(0, 1000).entries)
      out.push_back(e.device + " " + e.shown);
    return out;
  }
};

}  // namespace

TEST_F(SimHistory, ACallOverwrittenAtOnceIsStillRecordedInOrder) {
  // given A001 and then at once A002 sent to display-1
  ASSERT_EQ(showOn(1, callingContent("A001", 3), 1), 0);
  ASSERT_EQ(showOn(1, callingContent("A002", 3), 2), 0);
  // then the display shows only A002, but its history holds both, in order, decoded
  EXPECT_EQ(sim_->windowShown("display-1")->content.text, "A002 请到3号窗口");
  EXPECT_EQ(recorded(),
            (std::vector<std::string>{
                "display-1 text=\"A001 请到3号窗口\" colour=green blink=1 brightness=15 seq=1",
                "display-1 text=\"A002 请到3号窗口\" colour=green blink=1 brightness=15 seq=2"}));
  const auto entries = sim_->history().since(0, 10).entries;
  EXPECT_EQ(entries.front().bus, "line-1");
  EXPECT_LE(entries.front().time, entries.back().time);
}

TEST_F(SimHistory, RecallOfTheSameTextIsASecondEntry) {
  ASSERT_EQ(showOn(1, callingContent("A001", 3), 1), 0);
  ASSERT_EQ(showOn(1, callingContent("A001", 3), 2), 0);
  EXPECT_EQ(recorded().size(), 2u) << "each committed content sequence is one entry";
}

TEST_F(SimHistory, ReadsAndUncommittedWritesRecordNothing) {
  auto writes = encodeWindowContent(pausedContent(), displayMap(), 5).value();
  writes.front().values.pop_back();  // everything but the sequence register
  ASSERT_EQ(master_->write(1, writes), 0);
  ASSERT_EQ(master_->read(1, {0, 16}).error, 0);
  EXPECT_TRUE(recorded().empty());
  ASSERT_EQ(master_->write(1, RegisterWrite{*displayMap().contentSeq, {5}}), 0);
  EXPECT_EQ(recorded().size(), 1u) << "the sequence commits it";
}

TEST_F(SimHistory, StripKeypadAndPadRecordWhatTheyWereSent) {
  const auto& strip = std::get<MainStripMap>(profile("jiujin-main-strip-v1").map);
  const auto& keypad = std::get<KeypadMap>(profile("jiujin-keypad-v1").map);
  const auto& pad = std::get<EvalPadMap>(profile("jiujin-eval-pad-v1").map);
  ASSERT_EQ(master_->write(100, encodeStripLine(0, "A001 请到3号窗口", strip, 1).value()), 0);
  ASSERT_EQ(master_->write(11, encodeKeypadDisplay({"A017", 6}, keypad).value()), 0);
  ASSERT_EQ(master_->write(21, encodePadPrompt({"A001", "0312", "王芳", 30}, pad).value()), 0);
  // a resident's press and the keypad's acknowledgement change nothing the devices were sent
  ASSERT_TRUE(sim_->rate("pad-1", sim::Rating::Satisfied).ok());
  ASSERT_TRUE(sim_->press("keypad-1", "call_next").ok());
  ASSERT_EQ(master_->write(11, encodeKeypadAck(1, keypad)), 0);

  const auto all = recorded();
  ASSERT_EQ(all.size(), 3u) << ::testing::PrintToString(all);
  EXPECT_EQ(all[0].rfind("strip line1=\"A001 请到3号窗口\"", 0), 0u) << all[0];
  EXPECT_EQ(all[1], "keypad-1 number=\"A017\" waiting=6");
  EXPECT_EQ(all[2], "pad-1 ticket=\"A001\" clerk_number=\"0312\" clerk_name=\"王芳\"");
}

TEST_F(SimHistory, ADevicePluggedBackInIsRecordedBlankAndAnAbsentOneRecordsNothing) {
  ASSERT_EQ(showOn(1, callingContent("A001", 3), 1), 0);
  ASSERT_FALSE(sim_->injectFault("display-1", Fault::Absent));
  EXPECT_EQ(showOn(1, pausedContent(), 2), ETIMEDOUT);
  ASSERT_FALSE(sim_->clearFault("display-1", Fault::Absent));
  EXPECT_EQ(recorded(),
            (std::vector<std::string>{
                "display-1 text=\"A001 请到3号窗口\" colour=green blink=1 brightness=15 seq=1",
                "display-1 text=\"\" lit=0"}));
}

TEST_F(SimHistory, BroadcastIsRecordedForEveryDisplay) {
  master_->setTimeout(std::chrono::milliseconds(30));
  (void)master_->write(0, encodeWindowContent(pausedContent(), displayMap(), 9).value());
  const auto all = recorded();
  ASSERT_EQ(all.size(), 2u) << ::testing::PrintToString(all);
  EXPECT_EQ(all[0].rfind("display-1 text=\"暂停服务\"", 0), 0u);
  EXPECT_EQ(all[1].rfind("display-2 text=\"暂停服务\"", 0), 0u);
}

TEST_F(SimHistory, TheHistoryCommandPagesWithACursor) {
  for (std::uint16_t seq = 1; seq <= 3; ++seq)
    ASSERT_EQ(showOn(2, callingContent("B00" + std::to_string(seq), 5), seq), 0);

  const auto first = sim::handleControlCommand(*sim_, "history 0 2");
  EXPECT_EQ(first.substr(0, first.find('\n')), "ok next=2 more=1 gap=0 count=2");
  EXPECT_NE(first.find("\nentry=1 time_ms="), std::string::npos) << first;
  EXPECT_NE(first.find(" bus=line-1 device=display-2 text=\"B001 请到5号窗口\" colour=green"),
            std::string::npos)
      << first;
  const auto rest = sim::handleControlCommand(*sim_, "history 2");
  EXPECT_EQ(rest.substr(0, rest.find('\n')), "ok next=3 more=0 gap=0 count=1");
  EXPECT_NE(rest.find("text=\"B003 请到5号窗口\""), std::string::npos) << rest;
  EXPECT_EQ(sim::handleControlCommand(*sim_, "history 3"), "ok next=3 more=0 gap=0 count=0");
  for (const char* bad : {"history", "history -1", "history x", "history 0 0", "history 0 1 2"}) {
    EXPECT_EQ(sim::handleControlCommand(*sim_, bad).rfind("error ", 0), 0u) << bad;
  }
}
