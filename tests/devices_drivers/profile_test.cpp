#include "jiujin/devices/drivers/profile.hpp"

#include <gtest/gtest.h>

#include "profile_support.hpp"

using namespace jiujin::devices::drivers;
using jiujin::devices::drivers::test_support::shippedProfile;

TEST(Profile, EveryShippedProfileLoadsWithTheKindItsNameSays) {
  ProfileLibrary library;
  const auto error = library.loadDirectory(builtinProfileDir());
  ASSERT_FALSE(error) << error->message;
  const std::pair<const char*, DeviceKind> expected[] = {
      {"jiujin-window-display-v1", DeviceKind::WindowDisplay},
      {"jiujin-main-strip-v1", DeviceKind::MainStrip},
      {"jiujin-keypad-v1", DeviceKind::Keypad},
      {"jiujin-eval-pad-v1", DeviceKind::EvalPad},
  };
  for (const auto& [name, kind] : expected) {
    const Profile* p = library.find(name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->kind(), kind) << name;
  }
}

TEST(Profile, ReferenceWindowDisplayIsSixteenRegistersSoOneFrameWritesIt) {
  const auto p = shippedProfile("jiujin-window-display-v1");
  EXPECT_EQ(registerSpan(p), 16u);
  const auto& map = std::get<WindowDisplayMap>(p.map);
  EXPECT_EQ(map.text, (TextArea{0, 12, TextEncoding::Gb18030}));
  EXPECT_EQ(map.contentSeq, 15);
}

TEST(Profile, VendorVariantMovesRegistersWithoutNewCode) {
  const auto p = parseProfile(R"(
    name = "vendor-x-display"
    kind = "window_display"
    [text]
    address = 0x0100
    registers = 12
    encoding = "utf16"
    [registers]
    colour = 0x0010
    blink = 0x0011
    brightness = 0x0012
    content_seq = 0x0013
    [values]
    brightness_max = 7
    colour = { red = 0, green = 1, yellow = 2 }
  )", "vendor-x.toml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto& map = std::get<WindowDisplayMap>(p->map);
  EXPECT_EQ(map.text, (TextArea{0x0100, 12, TextEncoding::Utf16Be}));
  EXPECT_EQ(map.colourValues.at(Colour::Green), 1);
}

TEST(Profile, OverlappingFieldsAreRefusedNamingBoth) {
  const auto p = parseProfile(R"(
    name = "broken"
    kind = "window_display"
    [text]
    address = 0
    registers = 12
    encoding = "gb18030"
    [registers]
    colour = 5
    blink = 13
    brightness = 14
    content_seq = 15
    [values]
    brightness_max = 15
    colour = { red = 1, green = 2, yellow = 3 }
  )", "broken.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, CodecErrorCode::InvalidProfile);
  EXPECT_NE(p.error().message.find("colour"), std::string::npos) << p.error().message;
  EXPECT_NE(p.error().message.find("text"), std::string::npos) << p.error().message;
}

TEST(Profile, MissingKeyCodeIsRefusedNamingTheKey) {
  const auto p = parseProfile(R"(
    name = "short-keypad"
    kind = "keypad"
    [fifo]
    count = 0
    first_entry = 1
    depth = 4
    ack = 9
    [display]
    current_number = { address = 10, registers = 4, encoding = "gb18030" }
    waiting_count = 14
    [keys]
    call_next = 1
  )", "short-keypad.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("recall"), std::string::npos) << p.error().message;
}

TEST(Profile, TomlSyntaxErrorNamesFileAndLine) {
  const auto p = parseProfile("name = \"x\"\nkind = \n", "bad.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, CodecErrorCode::InvalidProfile);
  EXPECT_NE(p.error().message.find("bad.toml:2"), std::string::npos) << p.error().message;
}

TEST(Profile, UnknownKindIsRefused) {
  const auto p = parseProfile("name = \"x\"\nkind = \"printer\"\n", "x.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("kind"), std::string::npos);
}

TEST(Profile, MissingFileIsAnErrorValue) {
  const auto p = loadProfile("/nonexistent/profile.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, CodecErrorCode::InvalidProfile);
}

TEST(Profile, RatingNumbersFollowTheNationalScaleOneIsBest) {
  EXPECT_EQ(ratingFromNumber(1), Rating::VerySatisfied);
  EXPECT_STREQ(ratingLabel(*ratingFromNumber(1)), "非常满意");
  EXPECT_STREQ(ratingLabel(*ratingFromNumber(5)), "非常不满意");
  EXPECT_FALSE(ratingFromNumber(0));
  EXPECT_FALSE(ratingFromNumber(6));
}

TEST(Profile, ProtocolKeysDescribeHowAVendorsDeviceTakesFrames) {
  const auto p = parseProfile(R"(
    name = "vendor-y-display"
    kind = "window_display"
    [protocol]
    write_function = 0x06
    byte_order = "low_first"
    max_frame_registers = 8
    turnaround_ms = 300
    inter_frame_delay_ms = 20
    [text]
    address = 0
    registers = 12
    encoding = "gb18030"
    [registers]
    colour = 12
    blink = 13
    brightness = 14
    [values]
    brightness_max = 15
    colour = { red = 1, green = 2, yellow = 3 }
  )", "vendor-y.toml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->protocol, (WireProtocol{0x06, 8, std::chrono::milliseconds(300), std::chrono::milliseconds(20)}));
  const auto& map = std::get<WindowDisplayMap>(p->map);
  EXPECT_EQ(map.text.byteOrder, ByteOrder::LowFirst);
  EXPECT_FALSE(map.contentSeq) << "a display without a commit register";
}

TEST(Profile, AProtocolMistakeIsRefusedAtItsLine) {
  const auto p = parseProfile("name = \"k\"\nkind = \"keypad\"\n[protocol]\nmax_frame_registers = 4\n"
                              "[fifo]\ncount = 0\nfirst_entry = 1\ndepth = 4\nack = 9\n"
                              "[display]\ncurrent_number = { address = 10, registers = 4, encoding = \"gb18030\" }\n"
                              "waiting_count = 14\n[keys]\ncall_next = 1\nrecall = 2\nstart = 3\ncomplete = 4\n"
                              "no_show = 5\ntransfer = 6\npause_resume = 7\nrequest_evaluation = 8\n",
                              "k.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().line, 4);
  EXPECT_NE(p.error().message.find("FIFO read (9 registers)"), std::string::npos) << p.error().message;
  const auto q = parseProfile("name = \"d\"\nkind = \"window_display\"\n[protocol]\nwrite_functon = 6\n", "d.toml");
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.error().message.find("write_functon"), std::string::npos) << q.error().message;
}
