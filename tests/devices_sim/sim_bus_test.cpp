#include <gtest/gtest.h>

#include <chrono>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/window_display.hpp"
#include "sim_fixture.hpp"

using namespace jiujin::devices;
using namespace jiujin::devices::drivers;
using jiujin::devices::sim::test_support::RtuMaster;
using jiujin::devices::sim::test_support::SimBusTest;

namespace {
const WindowDisplayMap& displayMap(const Profile& p) { return std::get<WindowDisplayMap>(p.map); }
}  // namespace

TEST_F(SimBusTest, PublishesTheBusAsASymlinkToAPseudoTerminal) {
  ASSERT_TRUE(std::filesystem::is_symlink(link()));
  EXPECT_EQ(std::filesystem::read_symlink(link()).string().rfind("/dev/pts/", 0), 0u);
  EXPECT_EQ(sim_->buses().front().pty, std::filesystem::read_symlink(link()).string());
}

TEST_F(SimBusTest, TwoDisplaysOnOneBusEachShowWhatWasWrittenToTheirAddress) {
  const auto& map = displayMap(profile("jiujin-window-display-v1"));
  ASSERT_EQ(master_->write(1, encodeWindowContent(callingContent("A001", 3), map, 1).value()), 0);
  ASSERT_EQ(master_->write(2, encodeWindowContent(pausedContent(), map, 1).value()), 0);

  ASSERT_TRUE(sim_->windowShown("display-1"));
  EXPECT_EQ(sim_->windowShown("display-1")->content.text, "A001 请到3号窗口");
  EXPECT_EQ(sim_->windowShown("display-1")->content.colour, "green");
  EXPECT_EQ(sim_->windowShown("display-2")->content.text, "暂停服务");
  EXPECT_EQ(sim_->show("display-2").value(),
            "text=\"暂停服务\" colour=red blink=0 brightness=15 seq=1");
}

TEST_F(SimBusTest, RegistersReadBackAsWrittenThroughTheMaster) {
  const auto& map = displayMap(profile("jiujin-window-display-v1"));
  const auto writes = encodeWindowContent(callingContent("B012", 7), map, 42).value();
  ASSERT_EQ(master_->write(2, writes), 0);
  const auto read = master_->read(2, {0, 16});
  ASSERT_EQ(read.error, 0) << modbus_strerror(read.error);
  EXPECT_EQ(read.values, writes.front().values);
  EXPECT_EQ(master_->read(2, windowContentSeqRead(map)).values, (std::vector<std::uint16_t>{42}));
}

TEST_F(SimBusTest, DisplayShowsNothingNewUntilTheContentSequenceIsWritten) {
  const auto& map = displayMap(profile("jiujin-window-display-v1"));
  auto writes = encodeWindowContent(pausedContent(), map, 5).value();
  writes.front().values.pop_back();  // everything but the sequence register
  ASSERT_EQ(master_->write(1, writes), 0);
  EXPECT_FALSE(sim_->windowShown("display-1"));
  ASSERT_EQ(master_->write(1, RegisterWrite{*map.contentSeq, {5}}), 0);
  ASSERT_TRUE(sim_->windowShown("display-1"));
  EXPECT_EQ(sim_->windowShown("display-1")->content.text, "暂停服务");
}

TEST_F(SimBusTest, MainStripShowsALineWrittenWithItsSequence) {
  const auto& map = std::get<MainStripMap>(profile("jiujin-main-strip-v1").map);
  ASSERT_EQ(master_->write(100, encodeStripLine(0, "A001 请到3号窗口", map, 1).value()), 0);
  ASSERT_TRUE(sim_->stripShown("strip"));
  EXPECT_EQ(sim_->stripShown("strip")->content.lines.front(), "A001 请到3号窗口");
}

TEST_F(SimBusTest, KeyPressesAreReadFromTheFifoAndLeaveWhenAcknowledged) {
  const auto& map = std::get<KeypadMap>(profile("jiujin-keypad-v1").map);
  EXPECT_EQ(sim_->press("keypad-1", "call_next").value(), 1);
  EXPECT_EQ(sim_->press("keypad-1", "complete").value(), 2);

  auto poll = master_->read(11, keypadPollRead(map));
  ASSERT_EQ(poll.error, 0);
  auto events = decodeKeypadFifo(RegisterBlock{0, poll.values}, map);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events.value(), (std::vector<KeyEvent>{{1, Key::CallNext, 1}, {2, Key::Complete, 4}}));

  ASSERT_EQ(master_->write(11, encodeKeypadAck(1, map)), 0);
  poll = master_->read(11, keypadPollRead(map));
  events = decodeKeypadFifo(RegisterBlock{0, poll.values}, map);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events.value(), (std::vector<KeyEvent>{{2, Key::Complete, 4}}));

  // The same acknowledgement again (its reply was lost, say) drops nothing more.
  ASSERT_EQ(master_->write(11, encodeKeypadAck(1, map)), 0);
  EXPECT_EQ(sim_->show("keypad-1").value().find("pending=1") != std::string::npos, true);
}

TEST_F(SimBusTest, FullKeyFifoLosesThePressAndSaysSo) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(sim_->press("keypad-1", "recall").ok());
  const auto fifth = sim_->press("keypad-1", "recall");
  ASSERT_FALSE(fifth.ok());
  EXPECT_NE(fifth.error().message.find("full"), std::string::npos);
}

TEST_F(SimBusTest, KeypadShowsTheCurrentNumberAndWaitingCountItWasSent) {
  const auto& map = std::get<KeypadMap>(profile("jiujin-keypad-v1").map);
  ASSERT_EQ(master_->write(11, encodeKeypadDisplay({"A017", 6}, map).value()), 0);
  EXPECT_EQ(sim_->show("keypad-1").value().rfind("number=\"A017\" waiting=6", 0), 0u);
}

TEST_F(SimBusTest, PadTakesOneRatingWhilePromptingAndCountsItOnce) {
  const auto& map = std::get<EvalPadMap>(profile("jiujin-eval-pad-v1").map);
  EXPECT_FALSE(sim_->rate("pad-1", sim::Rating::Satisfied).ok()) << "idle pads ignore presses";
  ASSERT_EQ(master_->write(21, encodePadPrompt({"A001", "0312", "王芳", 30}, map).value()), 0);
  EXPECT_NE(sim_->show("pad-1").value().find("state=prompting ticket=\"A001\""), std::string::npos);

  EXPECT_EQ(sim_->rate("pad-1", sim::Rating::Satisfied).value(), 1);
  EXPECT_FALSE(sim_->rate("pad-1", sim::Rating::VeryDissatisfied).ok()) << "a second press is ignored";

  const auto poll = master_->read(21, padPollRead(map));
  ASSERT_EQ(poll.error, 0);
  const auto status = decodePadStatus(RegisterBlock{padPollRead(map).address, poll.values}, map);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status.value(), (PadStatus{PadState::Rated, Rating::Satisfied, 1}));
}

TEST_F(SimBusTest, RequestToAnAddressNobodyHasTimesOut) {
  EXPECT_EQ(master_->read(55, {0, 1}).error, ETIMEDOUT);
  EXPECT_EQ(master_->read(1, {0, 1}).error, 0) << "the bus still answers afterwards";
}

TEST_F(SimBusTest, ReadingPastTheRegisterMapIsAnIllegalAddressException) {
  EXPECT_EQ(master_->read(1, {10, 10}).error, EMBXILADD);
}

TEST_F(SimBusTest, AFunctionTheDevicesDoNotHaveIsAnIllegalFunctionException) {
  EXPECT_EQ(master_->readInputRegisters(1, {0, 1}), EMBXILFUN);
  EXPECT_EQ(master_->read(1, {0, 1}).error, 0) << "the display still answers";
}

TEST_F(SimBusTest, AReadOfNoRegistersIsAnIllegalDataValueException) {
  // libmodbus refuses to send such a request itself, so it goes raw: read 0 registers at 0.
  EXPECT_EQ(master_->raw({1, 0x03, 0x00, 0x00, 0x00, 0x00}), (std::vector<std::uint8_t>{1, 0x83, 0x03}));
}

TEST_F(SimBusTest, WritingTheKeypadFifoIsRefusedAsReadOnly) {
  EXPECT_EQ(master_->write(11, RegisterWrite{0, {3}}), EMBXILADD);
}

TEST_F(SimBusTest, BroadcastWriteReachesEveryDisplayWithoutAReply) {
  const auto& map = displayMap(profile("jiujin-window-display-v1"));
  master_->setTimeout(std::chrono::milliseconds(30));
  // libmodbus waits for a reply to a broadcast too and reports a timeout; the write applies.
  (void)master_->write(0, encodeWindowContent(pausedContent(), map, 9).value());
  EXPECT_EQ(sim_->windowShown("display-1")->content.text, "暂停服务");
  EXPECT_EQ(sim_->windowShown("display-2")->content.text, "暂停服务");
}

TEST(SimBusPacing, RoundTripAt9600BaudTakesAtLeastItsWireTime) {
  const auto dir = jiujin::devices::sim::test_support::makeRuntimeDir();
  sim::DeviceProfiles simProfiles;
  ASSERT_FALSE(simProfiles.loadDirectory(sim::builtinProfileDir()));
  ProfileLibrary profiles;
  ASSERT_FALSE(profiles.loadDirectory(builtinProfileDir()));
  auto sim = sim::BusSimulator::create({{"slow-line", 9600, 'N', 8, 1}},
                                       {{"display-1", "slow-line", 1, "jiujin-window-display-v1"}},
                                       simProfiles, sim::SimulatorOptions{dir, true, {}});
  ASSERT_TRUE(sim.ok()) << sim.error().message;
  RtuMaster master((dir / "slow-line").string(), 9600, std::chrono::milliseconds(500));
  ASSERT_TRUE(master.connected());
  const auto& map = std::get<WindowDisplayMap>(profiles.find("jiujin-window-display-v1")->map);
  const auto writes = encodeWindowContent(callingContent("A001", 3), map, 1).value();
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(master.write(1, writes), 0);
  const auto took = std::chrono::steady_clock::now() - start;
  // 41-byte request + 8-byte reply at 1.04 ms a byte, plus the 3.65 ms frame gap: ≈ 54.7 ms.
  EXPECT_GE(took, std::chrono::microseconds(52000));
  std::filesystem::remove_all(dir);
}
