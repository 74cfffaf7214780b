// Four-digit numbers on every LED area: a call that does not fit loses words, never digits,
// and every shipped profile shows the longest number a hall gives whole.
#include "jiujin/devices/drivers/call_text.hpp"

#include <gtest/gtest.h>

#include <map>

#include "jiujin/devices/drivers/eval_pad.hpp"
#include "jiujin/devices/drivers/keypad.hpp"
#include "jiujin/devices/drivers/main_strip.hpp"
#include "jiujin/devices/drivers/window_display.hpp"
#include "profile_support.hpp"

using namespace jiujin::devices::drivers;

namespace {

/// What a device holds after `writes`: a register file from 0, as the device would keep it.
std::vector<std::uint16_t> applied(const std::vector<RegisterWrite>& writes) {
  std::vector<std::uint16_t> regs(0x100, 0);
  for (const auto& w : writes) {
    for (std::size_t i = 0; i < w.values.size(); ++i) regs.at(w.address + i) = w.values[i];
  }
  return regs;
}

TextArea gb18030(std::uint16_t registers) { return TextArea{0, registers, TextEncoding::Gb18030}; }
TextArea utf16(std::uint16_t registers) { return TextArea{0, registers, TextEncoding::Utf16Be}; }

}  // namespace

TEST(CallText, TheFullWordingIsKeptWhereItFits) {
  EXPECT_EQ(callText("A1000", 12), "A1000 请到12号窗口");
  const auto fitted = fitText(callText("A1000", 12), gb18030(12)).value();
  EXPECT_EQ(fitted.text, "A1000 请到12号窗口");
  EXPECT_FALSE(fitted.cut);
}

TEST(CallText, AFourDigitNumberOnAUtf16DisplayLosesWordsNotDigits) {
  // 12 UTF-16 registers hold 12 characters: "A001 请到12号窗口" has 12, "A1000 …" 13.
  EXPECT_EQ(fitText(callText("A001", 12), utf16(12))->text, "A001 请到12号窗口");
  EXPECT_EQ(fitText(callText("A1000", 12), utf16(12))->text, "A1000 到12号窗口");
}

TEST(CallText, NarrowerAreasGetShorterWordingsTheNumberAndTheWindowAlwaysWhole) {
  const std::map<std::uint16_t, std::string> expected{
      {9, "A1000 请到12号窗口"}, {8, "A1000 到12号窗口"}, {7, "A1000 12号窗口"}, {6, "A1000 12号"}, {5, "A1000 12号"}};
  for (const auto& [registers, wording] : expected) {
    const auto fitted = fitText(callText("A1000", 12), gb18030(registers));
    ASSERT_TRUE(fitted.ok()) << registers << " registers: " << fitted.error().message;
    EXPECT_EQ(fitted->text, wording) << registers << " registers";
    EXPECT_FALSE(fitted->cut) << "a call said shorter is the rule, not a cut";
  }
}

TEST(CallText, AnAreaTooSmallForTheNumberAndTheWindowIsTextTooLong) {
  // "A1000 12号" is 10 bytes: never "A1000" alone, which would not say where to go
  const auto fitted = fitText(callText("A1000", 12), gb18030(4));
  ASSERT_FALSE(fitted.ok());
  EXPECT_EQ(fitted.error().code, CodecErrorCode::TextTooLong);
}

TEST(CallText, OtherTextIsCutAfterTheLastWholeCharacterAndSaysSo) {
  const auto fitted = fitText("城关街道便民服务中心综合受理", gb18030(12));
  ASSERT_TRUE(fitted.ok());
  EXPECT_EQ(fitted->text, "城关街道便民服务中心综合");
  EXPECT_TRUE(fitted->cut);
  // never half a character: 23 bytes of room hold 11 two-byte characters and an ASCII one
  EXPECT_EQ(fitText("窗口A受理一二三四五六七八九", TextArea{0, 8, TextEncoding::Gb18030})->text, "窗口A受理一二三");
  EXPECT_EQ(fitText("窗口A受理一二三四五六七八九", utf16(5))->text, "窗口A受理");
}

TEST(CallText, ATicketNumberIsNeverCut) {
  const auto fitted = fitText("AB99999", gb18030(3), TextFit::Whole);
  ASSERT_FALSE(fitted.ok());
  EXPECT_EQ(fitted.error().code, CodecErrorCode::TextTooLong);
}

TEST(CallText, EncodersReportWhatTheyCut) {
  const auto strip = test_support::shippedMap<MainStripMap>("jiujin-main-strip-v1");
  const std::string notice = "午间不间断服务，办事群众请于十二点至十四点到综合受理窗口取号办理，谢谢合作";  // 35 characters
  TextCuts cuts;
  const auto writes = encodeStripContent(StripContent{{callText("A001", 3)}, notice, ScrollMode::Scrolling, 3, {}}, strip, 1, &cuts);
  ASSERT_TRUE(writes.ok()) << writes.error().message;
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts.front().field, "notice");
  EXPECT_EQ(cuts.front().shown, "午间不间断服务，办事群众请于十二点至十四点到综合受理窗口取号办理");
  const auto shown = decodeStripContent(RegisterBlock{0, applied(writes.value())}, strip);
  EXPECT_EQ(shown->content.notice, cuts.front().shown);
  EXPECT_EQ(shown->content.lines.front(), "A001 请到3号窗口");
  EXPECT_NE(describeCuts(cuts).find("notice \""), std::string::npos) << describeCuts(cuts);
}

TEST(CallText, AWindowDisplayTooNarrowShowsTheCallShorterInsteadOfRefusingIt) {
  WindowDisplayMap narrow = test_support::shippedMap<WindowDisplayMap>("jiujin-window-display-v1");
  narrow.text.encoding = TextEncoding::Utf16Be;  // a vendor's UTF-16 display of the same size
  const auto writes = encodeWindowContent(callingContent("A1000", 12), narrow, 1);
  ASSERT_TRUE(writes.ok()) << writes.error().message;
  const auto regs = applied(writes.value());
  const auto shown = decodeWindowContent(RegisterBlock{0, regs}, narrow);
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  EXPECT_EQ(shown->content.text, "A1000 到12号窗口");
}

TEST(ShippedProfiles, EveryAreaThatShowsANumberShowsTheLongestOneWhole) {
  const std::string number(kLongestTicketNumber);  // AB9999
  const std::string call = callText(number, 999);

  const auto display = test_support::shippedMap<WindowDisplayMap>("jiujin-window-display-v1");
  const auto displayed = encodeWindowContent(callingContent(number, 999), display, 1);
  ASSERT_TRUE(displayed.ok()) << displayed.error().message;
  const auto displayRegs = applied(displayed.value());
  EXPECT_EQ(decodeWindowContent(RegisterBlock{0, displayRegs}, display)->content.text, call);

  const auto strip = test_support::shippedMap<MainStripMap>("jiujin-main-strip-v1");
  const std::vector<std::string> lines{call, callText("A1000", 1), callText("B1234", 23), callText("C9999", 7)};
  const auto stripped = encodeStripContent(StripContent{lines, "", ScrollMode::Still, 3, {}}, strip, 1);
  ASSERT_TRUE(stripped.ok()) << stripped.error().message;
  const auto stripRegs = applied(stripped.value());
  EXPECT_EQ(decodeStripContent(RegisterBlock{0, stripRegs}, strip)->content.lines, lines);

  const auto keypad = test_support::shippedMap<KeypadMap>("jiujin-keypad-v1");
  const auto keyed = encodeKeypadDisplay(KeypadDisplay{number, 12}, keypad);
  ASSERT_TRUE(keyed.ok()) << keyed.error().message;
  const auto keypadRegs = applied(keyed.value());
  EXPECT_EQ(decodeKeypadDisplay(RegisterBlock{0, keypadRegs}, keypad)->currentNumber, number);

  const auto pad = test_support::shippedMap<EvalPadMap>("jiujin-eval-pad-v1");
  const auto prompted = encodePadPrompt(PadPrompt{number, "0312", "王芳", 30}, pad);
  ASSERT_TRUE(prompted.ok()) << prompted.error().message;
  const auto padRegs = applied(prompted.value());
  EXPECT_EQ(decodePadPrompt(RegisterBlock{0, padRegs}, pad)->ticket, number);
}

TEST(ShippedProfiles, ADisplayWhoseTextCannotHoldTheShortestLongestCallIsRefused) {
  const auto p = parseProfile(R"(
    name = "tiny-display"
    kind = "window_display"
    [text]
    address = 0
    registers = 5
    encoding = "gb18030"
    [registers]
    colour = 5
    blink = 6
    brightness = 7
    content_seq = 8
    [values]
    brightness_max = 15
    colour = { red = 1, green = 2, yellow = 3 }
  )", "tiny-display.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("AB9999 999号"), std::string::npos) << p.error().message;
}

TEST(ShippedProfiles, AProfileWhoseNumberAreaCannotHoldFourDigitsIsRefused) {
  const auto p = parseProfile(R"(
    name = "tiny-keypad"
    kind = "keypad"
    [fifo]
    count = 0
    first_entry = 1
    depth = 4
    ack = 9
    [display]
    current_number = { address = 10, registers = 4, encoding = "utf16" }
    waiting_count = 14
    [keys]
    call_next = 1
    recall = 2
    start = 3
    complete = 4
    no_show = 5
    transfer = 6
    pause_resume = 7
    request_evaluation = 8
  )", "tiny-keypad.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, CodecErrorCode::InvalidProfile);
  EXPECT_NE(p.error().message.find("current_number"), std::string::npos) << p.error().message;
  EXPECT_NE(p.error().message.find("AB9999"), std::string::npos) << p.error().message;
}
