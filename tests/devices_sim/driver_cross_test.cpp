// The drivers against the simulator, which share no code (issue 18): for every profile — the
// shipped ones in devices/profiles and the vendor variants in tests/devices_sim/profiles — what
// the drivers write is read back by the simulator as the drivers meant it, and what the
// simulator answers (key presses with their sequences, ratings, pad states, registers read
// back) is parsed by the drivers as the simulator meant it. Every exchange goes the whole way
// in bytes: the drivers' RTU request frame into the simulator's parser, the simulator's reply
// frame into the drivers' response decoder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/rtu_frame.hpp"
#include "jiujin/devices/drivers/window_display.hpp"
#include "jiujin/devices/drivers/write_frames.hpp"
#include "jiujin/devices/sim/emulated_displays.hpp"
#include "jiujin/devices/sim/emulated_eval_pad.hpp"
#include "jiujin/devices/sim/emulated_keypad.hpp"

namespace drivers = jiujin::devices::drivers;
namespace sim = jiujin::devices::sim;
using namespace std::chrono_literals;

namespace {

const sim::SimClock::time_point t0{};

std::vector<std::filesystem::path> profileFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {drivers::builtinProfileDir(), std::filesystem::path(JIUJIN_SIM_TEST_PROFILE_DIR)}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::filesystem::path> profileFiles(drivers::DeviceKind kind) {
  std::vector<std::filesystem::path> out;
  for (const auto& file : profileFiles()) {
    const auto profile = drivers::loadProfile(file);
    if (profile && profile->kind() == kind) out.push_back(file);
  }
  return out;
}

std::string testName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  auto name = info.param.stem().string();
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

/// `count` characters cycling through Chinese text: a text area filled to its last byte.
std::string filling(std::size_t count) {
  static const char* const kCharacters[] = {"请", "到", "号", "窗", "口", "办", "理", "业", "务", "谢"};
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += kCharacters[i % std::size(kCharacters)];
  return out;
}

/// "A00n 请到n号窗口": a call as the strip shows it.
std::string callLine(std::size_t n) {
  const auto number = std::to_string(n);
  return "A00" + number + " 请到" + number + "号窗口";
}

/// One device as the drivers reach it: both sides' profiles and the wire between them.
class Wire {
 public:
  /// `protocol`: how the device's profile says it takes writes ([protocol]).
  explicit Wire(sim::EmulatedDevice& device, drivers::WireProtocol protocol = {}) : device_(device), protocol_(protocol) {}

  /// One request through both framings; the drivers' reading of the simulator's reply.
  drivers::ResponsePdu exchange(drivers::RequestPdu pdu, sim::SimClock::time_point now) {
    const auto frame = drivers::encodeRequest({device_.address(), std::move(pdu)});
    EXPECT_TRUE(frame.ok());
    if (!frame) return drivers::ExceptionReply{};
    const auto parsed = sim::rtu::parseRequest(frame.value());
    EXPECT_TRUE(std::holds_alternative<sim::rtu::Request>(parsed)) << "the simulator did not take the drivers' frame";
    if (!std::holds_alternative<sim::rtu::Request>(parsed)) return drivers::ExceptionReply{};
    const auto& request = std::get<sim::rtu::Request>(parsed);
    const auto answer = device_.handle(request, now);
    const auto reply = answer.refused ? sim::rtu::exceptionFrame(request.unit, static_cast<std::uint8_t>(request.function),
                                                                  *answer.refused)
                                      : sim::rtu::replyFrame(request, answer.values);
    const auto response = drivers::decodeResponse(reply);
    EXPECT_TRUE(response.ok()) << (response ? "" : response.error().message);
    if (!response) return drivers::ExceptionReply{};
    EXPECT_EQ(response->unit, device_.address());
    return response->pdu;
  }

  /// Writes as the bus engine sends them (drivers::writeFrames): 0x10, or one register per
  /// 0x06 frame for a device whose profile says so, split to its largest frame. Each is
  /// acknowledged with the echo the drivers expect.
  void write(const std::vector<drivers::RegisterWrite>& writes, sim::SimClock::time_point now = t0) {
    for (const auto& [function, w] : drivers::writeFrames(writes, protocol_)) {
      if (function == 0x06) {
        EXPECT_EQ(exchange(drivers::WriteSingleRegister{w.address, w.values.front()}, now),
                  drivers::ResponsePdu(drivers::WriteSingleRegisterReply{w.address, w.values.front()}));
      } else {
        const auto count = static_cast<std::uint16_t>(w.values.size());
        EXPECT_EQ(exchange(drivers::WriteMultipleRegisters{w.address, w.values}, now),
                  drivers::ResponsePdu(drivers::WriteMultipleRegistersReply{w.address, count}));
      }
    }
  }
  void write(const drivers::RegisterWrite& w, sim::SimClock::time_point now = t0) { write(std::vector{w}, now); }

  std::vector<std::uint16_t> read(drivers::RegisterRead what, sim::SimClock::time_point now = t0) {
    const auto pdu = exchange(drivers::ReadHoldingRegisters{what.address, what.count}, now);
    const auto* reply = std::get_if<drivers::ReadHoldingRegistersReply>(&pdu);
    EXPECT_NE(reply, nullptr) << "the read was refused";
    if (!reply) return {};
    EXPECT_EQ(reply->values.size(), what.count);
    return reply->values;
  }

  /// Registers 0 .. span-1, read in frames of at most 125 (or the device's largest frame).
  std::vector<std::uint16_t> readAll(std::uint32_t span) {
    std::vector<std::uint16_t> all;
    const std::uint32_t largest = std::min<std::uint32_t>(drivers::kMaxRegistersPerRead, protocol_.maxFrameRegisters);
    for (std::uint32_t at = 0; at < span; at += largest) {
      const auto count = static_cast<std::uint16_t>(std::min<std::uint32_t>(largest, span - at));
      const auto part = read({static_cast<std::uint16_t>(at), count});
      all.insert(all.end(), part.begin(), part.end());
    }
    return all;
  }

 private:
  sim::EmulatedDevice& device_;
  drivers::WireProtocol protocol_;
};

/// A profile file read by both sides.
class CrossTest : public ::testing::TestWithParam<std::filesystem::path> {
 protected:
  void SetUp() override {
    auto driverProfile = drivers::loadProfile(GetParam());
    ASSERT_TRUE(driverProfile.ok()) << driverProfile.error().message;
    driverProfile_ = std::move(driverProfile).value();
    auto simProfile = sim::loadDeviceProfile(GetParam());
    ASSERT_TRUE(simProfile.ok()) << simProfile.error().message;
    simProfile_ = std::move(simProfile).value();
  }
  template <typename Map>
  const Map& driverMap() const { return std::get<Map>(driverProfile_.map); }

  drivers::Profile driverProfile_;
  sim::DeviceProfile simProfile_;
};

}  // namespace

// --- every profile -------------------------------------------------------------------------

TEST(CrossProfiles, EveryProfileFileIsReadAlikeByTheDriversAndTheSimulator) {
  const auto files = profileFiles();
  ASSERT_GE(files.size(), 8u) << "four shipped profiles and four vendor variants";
  for (const auto& file : files) {
    const auto driverProfile = drivers::loadProfile(file);
    const auto simProfile = sim::loadDeviceProfile(file);
    ASSERT_TRUE(driverProfile.ok()) << driverProfile.error().message;
    ASSERT_TRUE(simProfile.ok()) << simProfile.error().message;
    EXPECT_EQ(driverProfile->name, simProfile->name) << file;
    EXPECT_EQ(std::string(drivers::toString(driverProfile->kind())), sim::toString(simProfile->kind())) << file;
    EXPECT_EQ(drivers::registerSpan(driverProfile.value()), simProfile->registerCount) << file;
  }
}

// --- window displays -----------------------------------------------------------------------

class WindowDisplayCross : public CrossTest {};

TEST_P(WindowDisplayCross, WhatTheDriversSendIsWhatTheDisplayShows) {
  const auto& map = driverMap<drivers::WindowDisplayMap>();
  sim::EmulatedWindowDisplay display("display", 7, simProfile_);
  Wire wire(display, driverProfile_.protocol);
  const std::vector<drivers::WindowContent> contents{
      drivers::callingContent("A001", 3),
      drivers::pausedContent(),
      drivers::blankContent(),
      {"B012 请", drivers::Colour::Yellow, false, 0},
      {filling(map.text.registers), drivers::Colour::Red, true, map.brightnessMax},
  };
  std::uint16_t seq = 0;
  for (const auto& content : contents) {
    const auto writes = drivers::encodeWindowContent(content, map, ++seq);
    ASSERT_TRUE(writes.ok()) << writes.error().message;
    wire.write(writes.value());
    ASSERT_TRUE(display.shown()) << content.text << ": " << display.describeShown();
    const auto& shown = display.shown()->content;
    EXPECT_EQ(shown.text, content.text);
    EXPECT_EQ(shown.colour, drivers::toString(content.colour));
    EXPECT_EQ(shown.blink, content.blink);
    EXPECT_EQ(shown.brightness, content.brightness.value_or(map.brightnessMax));
    EXPECT_EQ(display.shown()->contentSeq, seq);
  }
}

TEST_P(WindowDisplayCross, TheDisplayShowsNothingNewBeforeTheDriversCommit) {
  const auto& map = driverMap<drivers::WindowDisplayMap>();
  sim::EmulatedWindowDisplay display("display", 7, simProfile_);
  Wire wire(display, driverProfile_.protocol);
  wire.write(drivers::encodeWindowContent(drivers::pausedContent(), map, 1).value());
  auto writes = drivers::encodeWindowContent(drivers::callingContent("A002", 5), map, 2).value();
  const auto commit = writes.back();
  writes.pop_back();
  wire.write(writes);
  // The commit frame holds the sequence; with the reference layout it is the only frame.
  EXPECT_EQ(display.shown()->content.text, "暂停服务");
  wire.write(commit);
  EXPECT_EQ(display.shown()->content.text, "A002 请到5号窗口");
}

TEST_P(WindowDisplayCross, TheDriversReadBackWhatTheDisplayHolds) {
  const auto& map = driverMap<drivers::WindowDisplayMap>();
  sim::EmulatedWindowDisplay display("display", 7, simProfile_);
  Wire wire(display, driverProfile_.protocol);
  EXPECT_EQ(wire.read(drivers::windowContentSeqRead(map)), (std::vector<std::uint16_t>{0})) << "power-on";
  const auto content = drivers::callingContent("C123", 12);
  wire.write(drivers::encodeWindowContent(content, map, 41).value());
  EXPECT_EQ(wire.read(drivers::windowContentSeqRead(map)), (std::vector<std::uint16_t>{41}));
  const auto all = wire.readAll(simProfile_.registerCount);
  const auto decoded = drivers::decodeWindowContent(drivers::RegisterBlock{0, all}, map);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  auto expected = content;
  expected.brightness = map.brightnessMax;
  EXPECT_EQ(decoded.value(), (drivers::WindowShown{expected, 41}));
}

INSTANTIATE_TEST_SUITE_P(Profiles, WindowDisplayCross,
                         ::testing::ValuesIn(profileFiles(drivers::DeviceKind::WindowDisplay)), testName);

// --- main strips ---------------------------------------------------------------------------

class MainStripCross : public CrossTest {};

TEST_P(MainStripCross, EveryLineTheNoticeAndTheSettingsAreShownAsSent) {
  const auto& map = driverMap<drivers::MainStripMap>();
  sim::EmulatedMainStrip strip("strip", 100, simProfile_);
  Wire wire(strip, driverProfile_.protocol);
  std::uint16_t seq = 0;
  for (const auto scroll : {drivers::ScrollMode::Still, drivers::ScrollMode::Scrolling}) {
    drivers::StripContent content;
    for (std::size_t i = 0; i < map.lines.size(); ++i) {
      content.lines.push_back(i == 0 ? filling(map.lines[i].registers) : callLine(i));
    }
    content.notice = "午间不间断服务 12:00-14:00";
    content.scroll = scroll;
    content.scrollSpeed = scroll == drivers::ScrollMode::Still ? 1 : 10;
    content.brightness = seq;
    const auto writes = drivers::encodeStripContent(content, map, ++seq);
    ASSERT_TRUE(writes.ok()) << writes.error().message;
    wire.write(writes.value());
    ASSERT_TRUE(strip.shown()) << strip.describeShown();
    const auto& shown = strip.shown()->content;
    EXPECT_EQ(shown.lines, content.lines);
    EXPECT_EQ(shown.notice, content.notice);
    EXPECT_EQ(shown.scroll, scroll == drivers::ScrollMode::Still ? "still" : "scrolling");
    EXPECT_EQ(shown.scrollSpeed, content.scrollSpeed);
    EXPECT_EQ(shown.brightness, content.brightness);
    EXPECT_EQ(strip.shown()->contentSeq, seq);
  }
}

TEST_P(MainStripCross, OneLineChangesAloneWhenItsSequenceFollows) {
  const auto& map = driverMap<drivers::MainStripMap>();
  sim::EmulatedMainStrip strip("strip", 100, simProfile_);
  Wire wire(strip, driverProfile_.protocol);
  drivers::StripContent content;
  content.lines = {"A001 请到3号窗口"};
  wire.write(drivers::encodeStripContent(content, map, 1).value());
  const auto last = map.lines.size() - 1;
  wire.write(drivers::encodeStripLine(last, "B002 请到4号窗口", map, 2).value());
  ASSERT_TRUE(strip.shown());
  EXPECT_EQ(strip.shown()->content.lines.front(), "A001 请到3号窗口");
  EXPECT_EQ(strip.shown()->content.lines.back(), "B002 请到4号窗口");
  EXPECT_EQ(strip.shown()->contentSeq, 2);

  const auto all = wire.readAll(simProfile_.registerCount);
  const auto decoded = drivers::decodeStripContent(drivers::RegisterBlock{0, all}, map);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->content.lines.back(), "B002 请到4号窗口");
  EXPECT_EQ(decoded->contentSeq, 2);
}

INSTANTIATE_TEST_SUITE_P(Profiles, MainStripCross,
                         ::testing::ValuesIn(profileFiles(drivers::DeviceKind::MainStrip)), testName);

// --- keypads -------------------------------------------------------------------------------

class KeypadCross : public CrossTest {
 protected:
  std::vector<drivers::KeyEvent> poll(Wire& wire) {
    const auto& map = driverMap<drivers::KeypadMap>();
    const auto what = drivers::keypadPollRead(map);
    const auto values = wire.read(what);
    const auto events = drivers::decodeKeypadFifo(drivers::RegisterBlock{what.address, values}, map);
    EXPECT_TRUE(events.ok()) << events.error().message;
    return events ? events.value() : std::vector<drivers::KeyEvent>{};
  }
};

TEST_P(KeypadCross, EveryKeyPressedIsPolledWithItsSequenceAndLeavesWhenAcknowledged) {
  const auto& map = driverMap<drivers::KeypadMap>();
  sim::EmulatedKeypad keypad("keypad", 11, simProfile_);
  Wire wire(keypad, driverProfile_.protocol);
  EXPECT_TRUE(poll(wire).empty());
  std::uint16_t seq = 0;
  for (const auto& [key, code] : map.keyCodes) {
    const auto pressed = keypad.press(drivers::toString(key));
    ASSERT_TRUE(pressed.ok()) << pressed.error().message;
    EXPECT_EQ(pressed.value(), ++seq);
    EXPECT_EQ(poll(wire), (std::vector<drivers::KeyEvent>{{seq, key, code}})) << drivers::toString(key);
    wire.write(drivers::encodeKeypadAck(seq, map));
    EXPECT_TRUE(poll(wire).empty()) << drivers::toString(key);
  }
}

TEST_P(KeypadCross, AFullFifoIsPolledOldestFirstAndAnOlderAcknowledgementLeavesTheRest) {
  const auto& map = driverMap<drivers::KeypadMap>();
  sim::EmulatedKeypad keypad("keypad", 11, simProfile_);
  Wire wire(keypad, driverProfile_.protocol);
  std::vector<drivers::KeyEvent> expected;
  for (std::uint16_t seq = 1; seq <= map.fifoDepth; ++seq) {
    const auto key = seq % 2 ? drivers::Key::CallNext : drivers::Key::Complete;
    ASSERT_EQ(keypad.press(drivers::toString(key)).value(), seq);
    expected.push_back({seq, key, *drivers::keyCode(key, map)});
  }
  EXPECT_FALSE(keypad.press("recall").ok()) << "the FIFO is full";
  EXPECT_EQ(poll(wire), expected);
  wire.write(drivers::encodeKeypadAck(2, map));
  expected.erase(expected.begin(), expected.begin() + 2);
  EXPECT_EQ(poll(wire), expected);
}

TEST_P(KeypadCross, ThePressSeenOnTwoPollsBecauseItsAcknowledgementWasLostCountsOnce) {
  sim::EmulatedKeypad keypad("keypad", 11, simProfile_);
  Wire wire(keypad, driverProfile_.protocol);
  drivers::KeyEventDeduper deduper;
  ASSERT_TRUE(keypad.press("call_next").ok());
  EXPECT_EQ(deduper.fresh(poll(wire)).size(), 1u);
  ASSERT_TRUE(keypad.press("start").ok());
  const auto fresh = deduper.fresh(poll(wire));
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh.front().key, drivers::Key::Start);
}

TEST_P(KeypadCross, TheNumberAndWaitingCountTheDriversSendAreShown) {
  const auto& map = driverMap<drivers::KeypadMap>();
  sim::EmulatedKeypad keypad("keypad", 11, simProfile_);
  Wire wire(keypad, driverProfile_.protocol);
  wire.write(drivers::encodeKeypadDisplay({"A017", 6}, map).value());
  EXPECT_EQ(keypad.describeShown(), "number=\"A017\" waiting=6");
  const auto full = filling(map.currentNumber.registers);
  wire.write(drivers::encodeKeypadDisplay({full, 65535}, map).value());
  EXPECT_EQ(keypad.describeShown(), "number=\"" + full + "\" waiting=65535");
}

INSTANTIATE_TEST_SUITE_P(Profiles, KeypadCross, ::testing::ValuesIn(profileFiles(drivers::DeviceKind::Keypad)),
                         testName);

// --- evaluation pads -----------------------------------------------------------------------

class EvalPadCross : public CrossTest {
 protected:
  drivers::PadStatus poll(Wire& wire, sim::SimClock::time_point now) {
    const auto& map = driverMap<drivers::EvalPadMap>();
    const auto what = drivers::padPollRead(map);
    const auto values = wire.read(what, now);
    const auto status = drivers::decodePadStatus(drivers::RegisterBlock{what.address, values}, map);
    EXPECT_TRUE(status.ok()) << status.error().message;
    return status ? status.value() : drivers::PadStatus{};
  }
  void prompt(Wire& wire, const drivers::PadPrompt& prompt, sim::SimClock::time_point now) {
    const auto writes = drivers::encodePadPrompt(prompt, driverMap<drivers::EvalPadMap>());
    ASSERT_TRUE(writes.ok()) << writes.error().message;
    wire.write(writes.value(), now);
  }
};

TEST_P(EvalPadCross, ThePromptIsShownAndTheDriversSeeThePadPrompting) {
  const auto& map = driverMap<drivers::EvalPadMap>();
  sim::EmulatedEvalPad pad("pad", 21, simProfile_);
  Wire wire(pad, driverProfile_.protocol);
  EXPECT_EQ(poll(wire, t0), (drivers::PadStatus{drivers::PadState::Idle, std::nullopt, 0})) << "power-on";
  prompt(wire, {"A001", "0312", "王芳", 30}, t0);
  EXPECT_EQ(pad.describeShown(), "ticket=\"A001\" clerk_number=\"0312\" clerk_name=\"王芳\"");
  EXPECT_EQ(poll(wire, t0), (drivers::PadStatus{drivers::PadState::Prompting, std::nullopt, 0}));

  const drivers::PadPrompt full{filling(map.ticket.registers), filling(map.clerkNumber.registers),
                                filling(map.clerkName.registers), 30};
  prompt(wire, full, t0);
  EXPECT_EQ(pad.describeShown(), "ticket=\"" + full.ticket + "\" clerk_number=\"" + full.clerkNumber +
                                     "\" clerk_name=\"" + full.clerkName + "\"");
}

TEST_P(EvalPadCross, EveryRatingPressedIsReadByTheDriversWithItsSequence) {
  sim::EmulatedEvalPad pad("pad", 21, simProfile_);
  Wire wire(pad, driverProfile_.protocol);
  std::uint16_t seq = 0;
  for (const auto rating : {drivers::Rating::VerySatisfied, drivers::Rating::Satisfied, drivers::Rating::Basic,
                            drivers::Rating::Dissatisfied, drivers::Rating::VeryDissatisfied}) {
    prompt(wire, {"A001", "0312", "王芳", 30}, t0);
    // The resident presses the key with the rating's number on the national scale.
    const auto key = sim::ratingFromNumber(drivers::ratingNumber(rating));
    ASSERT_TRUE(key);
    ASSERT_EQ(pad.rate(*key, t0 + 1s).value(), ++seq);
    EXPECT_EQ(poll(wire, t0 + 1s), (drivers::PadStatus{drivers::PadState::Rated, rating, seq}))
        << drivers::ratingLabel(rating);
  }
}

TEST_P(EvalPadCross, CancelAndTimeoutAreReadByTheDrivers) {
  const auto& map = driverMap<drivers::EvalPadMap>();
  sim::EmulatedEvalPad pad("pad", 21, simProfile_);
  Wire wire(pad, driverProfile_.protocol);
  prompt(wire, {"A001", "0312", "王芳", 30}, t0);
  ASSERT_TRUE(pad.rate(sim::Rating::Satisfied, t0 + 1s).ok());
  prompt(wire, {"A002", "0312", "王芳", 30}, t0 + 2s);
  wire.write(drivers::encodePadCancel(map), t0 + 3s);
  EXPECT_EQ(pad.describeShown(), "prompt=none");
  EXPECT_EQ(poll(wire, t0 + 3s), (drivers::PadStatus{drivers::PadState::Idle, drivers::Rating::Satisfied, 1}))
      << "the last accepted rating stays";

  prompt(wire, {"A003", "0312", "王芳", 5}, t0 + 10s);
  EXPECT_EQ(poll(wire, t0 + 14s).state, drivers::PadState::Prompting);
  EXPECT_EQ(poll(wire, t0 + 15s).state, drivers::PadState::TimedOut);
}

INSTANTIATE_TEST_SUITE_P(Profiles, EvalPadCross, ::testing::ValuesIn(profileFiles(drivers::DeviceKind::EvalPad)),
                         testName);

// --- vendor variants by configuration ------------------------------------------------------

namespace {

struct BothSides {
  drivers::Profile driver;
  sim::DeviceProfile simulated;
};

BothSides bothSides(const std::filesystem::path& file) {
  auto driver = drivers::loadProfile(file);
  auto simulated = sim::loadDeviceProfile(file);
  EXPECT_TRUE(driver.ok()) << (driver ? "" : driver.error().message);
  EXPECT_TRUE(simulated.ok()) << (simulated ? "" : simulated.error().message);
  return {std::move(driver).value(), std::move(simulated).value()};
}

}  // namespace

TEST(VendorVariantCross, A06OnlyLowByteFirstDisplayShowsWhatTheDriversSendOneRegisterAFrame) {
  const auto sides = bothSides(std::filesystem::path(JIUJIN_SIM_TEST_PROFILE_DIR) / "vendor-window-display-06-lowfirst.toml");
  EXPECT_EQ(sides.driver.protocol.writeFunction, 0x06);
  EXPECT_EQ(sides.driver.protocol.turnaround, 150ms);
  EXPECT_EQ(sides.driver.protocol.interFrameDelay, 10ms);
  EXPECT_EQ(sides.simulated.protocol.turnaround, 150ms);
  EXPECT_EQ(sides.simulated.protocol.interFrameDelay, 10ms);
  const auto& map = std::get<drivers::WindowDisplayMap>(sides.driver.map);
  sim::EmulatedWindowDisplay display("display", 7, sides.simulated);
  Wire wire(display, sides.driver.protocol);
  const auto writes = drivers::encodeWindowContent(drivers::callingContent("A001", 3), map, 1).value();
  const auto frames = drivers::writeFrames(writes, sides.driver.protocol);
  EXPECT_EQ(frames.size(), 16u) << "one register a frame";
  EXPECT_TRUE(std::all_of(frames.begin(), frames.end(), [](const auto& f) { return f.function == 0x06; }));
  // "A0" low byte first: 0x41 in the low byte
  EXPECT_EQ(frames.front().write, (drivers::RegisterWrite{0x0000, {0x3041}}));
  wire.write(writes);
  ASSERT_TRUE(display.shown()) << display.describeShown();
  EXPECT_EQ(display.shown()->content.text, "A001 请到3号窗口");
  // and the simulator refuses what the vendor's firmware does not take
  const auto refused = wire.exchange(drivers::WriteMultipleRegisters{0x000C, {1, 0}}, t0);
  EXPECT_TRUE(std::holds_alternative<drivers::ExceptionReply>(refused));
}

TEST(VendorVariantCross, AnAsciiDisplayWithoutCommitShowsTheCallsAsciiWordingAsItArrives) {
  const auto sides = bothSides(std::filesystem::path(JIUJIN_SIM_TEST_PROFILE_DIR) / "ascii/vendor-window-display-ascii.toml");
  const auto& map = std::get<drivers::WindowDisplayMap>(sides.driver.map);
  EXPECT_FALSE(map.contentSeq);
  sim::EmulatedWindowDisplay display("display", 7, sides.simulated);
  Wire wire(display, sides.driver.protocol);
  const auto writes = drivers::encodeWindowContent(drivers::callingContent("A1000", 12), map, 1).value();
  EXPECT_EQ(writes.front().values.front(), 'A') << "one character per register";
  const auto frames = drivers::writeFrames(writes, sides.driver.protocol);
  EXPECT_TRUE(std::all_of(frames.begin(), frames.end(), [](const auto& f) { return f.write.values.size() <= 8; }));
  wire.write(writes);
  ASSERT_TRUE(display.shown()) << display.describeShown();
  EXPECT_EQ(display.shown()->content.text, "A1000->12") << "the number and the window, in ASCII";
  EXPECT_EQ(display.shown()->content.colour, "green");
  // A frame longer than the device's largest is refused.
  const auto tooLong = wire.exchange(drivers::WriteMultipleRegisters{0, std::vector<std::uint16_t>(9, 'A')}, t0);
  EXPECT_TRUE(std::holds_alternative<drivers::ExceptionReply>(tooLong));
  // Chinese text it cannot show is an error value, never garbage on the display.
  EXPECT_FALSE(drivers::encodeWindowContent(drivers::pausedContent(), map, 2).ok());
}

TEST(VendorVariantCross, AUtf16LittleEndianStripSwapsEachCodeUnitsBytes) {
  const auto sides = bothSides(std::filesystem::path(JIUJIN_SIM_TEST_PROFILE_DIR) / "vendor-main-strip-utf16le.toml");
  const auto& map = std::get<drivers::MainStripMap>(sides.driver.map);
  drivers::StripContent content;
  content.lines = {"请A"};
  const auto writes = drivers::encodeStripContent(content, map, 1).value();
  // 请 is U+8BF7: F7 8B in UTF-16LE; A is 41 00
  EXPECT_EQ(writes.front().values[0], 0xF78B);
  EXPECT_EQ(writes.front().values[1], 0x4100);
  sim::EmulatedMainStrip strip("strip", 100, sides.simulated);
  Wire wire(strip, sides.driver.protocol);
  wire.write(writes);
  ASSERT_TRUE(strip.shown()) << strip.describeShown();
  EXPECT_EQ(strip.shown()->content.lines.front(), "请A");
}

TEST(VendorVariantCross, TheSampleVendorProfileIsReadAlikeAndShowsACall) {
  const auto file = std::filesystem::path(JIUJIN_SIM_TEST_PROFILE_DIR) / "../../../config/samples/profiles/example-vendor-window-display.toml";
  const auto sides = bothSides(file);
  EXPECT_EQ(sides.driver.name, sides.simulated.name);
  EXPECT_EQ(sides.driver.protocol.writeFunction, sides.simulated.protocol.writeFunction);
  EXPECT_EQ(sides.driver.protocol.maxFrameRegisters, sides.simulated.protocol.maxFrameRegisters);
  sim::EmulatedWindowDisplay display("display", 7, sides.simulated);
  Wire wire(display, sides.driver.protocol);
  const auto& map = std::get<drivers::WindowDisplayMap>(sides.driver.map);
  wire.write(drivers::encodeWindowContent(drivers::callingContent("B017", 6), map, 1).value());
  ASSERT_TRUE(display.shown()) << display.describeShown();
  EXPECT_EQ(display.shown()->content.text, "B017 请到6号窗口");
}
