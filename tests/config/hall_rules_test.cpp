// Every validation rule: a small valid hall broken in one place, and the exact message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hall_fixture.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(HallRules, SmallValidHallLoadsWithoutErrors) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  const auto result = loadHallConfig(dir.write("hall.toml", validHall()));
  ASSERT_TRUE(result.ok()) << (result.errors.empty() ? "" : toString(result.errors.front()));
  const auto& c = *result.config;
  EXPECT_EQ(c.hall.name, "测试镇便民服务中心");
  EXPECT_EQ(c.definition.name, c.hall.name);
  EXPECT_EQ(c.definition.items.size(), 3u);
  EXPECT_EQ(c.definition.windows.at(0).profile.entries.at(1).onlyWhenOldestWaitsAtLeast,
            core::Minutes{20});
  EXPECT_EQ(c.devices.at(0).profile, "jiujin-window-display-v1");
  EXPECT_EQ(c.catalogFile, dir.path() / "catalog.csv");
  EXPECT_FALSE(c.hours.continuousAtNoon());
}

TEST(HallRules, ItemServedOnlyConditionallyIsAccepted) {
  // social is served by window 1 only when its oldest ticket waits 20 minutes.
  EXPECT_THAT(errorsOf(validHall()), IsEmpty());
}

TEST(HallRules, WindowProfileNamingAnUnknownQueueIsAnError) {
  EXPECT_THAT(
      errorsOf(replaced(validHall(), R"(profile = [{ queue = "hukou" }])",
                        R"(profile = [{ queue = "hukuo" }])")),
      ElementsAre("hall.toml:36:22: error: window 2 profile names queue \"hukuo\", which is not "
                  "defined (defined queues: general, social, hukou)",
                  "catalog.csv:4:12: error: 所属队列 (column L): item T-003 (户籍证明开具) goes "
                  "to queue \"hukou\", which no window serves; add it to the profile of a "
                  "window"));
}

TEST(HallRules, DeviceBoundToAMissingWindowIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "window = 1\n", "window = 7\n")),
              ElementsAre("hall.toml:54:10: error: device \"w1-display\" belongs to window 7, "
                          "which is not defined (defined windows: 1, 2)"));
}

TEST(HallRules, DeviceOnAMissingBusIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"(bus = "rs485-1")", R"(bus = "rs485-2")")),
              ElementsAre("hall.toml:51:7: error: device \"w1-display\" is on bus \"rs485-2\", "
                          "which is not defined (defined buses: rs485-1)"));
}

TEST(HallRules, TheKiosksPrinterCheckIntervalHasItsRange) {
  const auto withCheck = [](const std::string& value) {
    return replaced(validHall(), "[hours]", "[kiosk]\nprinter_check_seconds = " + value + "\n\n[hours]");
  };
  EXPECT_THAT(errorsOf(withCheck("2")), IsEmpty());
  EXPECT_THAT(errorsOf(withCheck("300")), IsEmpty());
  for (const char* wrong : {"1", "301", "\"5\"", "5.5"}) {
    const auto errors = errorsOf(withCheck(wrong));
    ASSERT_EQ(errors.size(), 1u) << wrong;
    EXPECT_THAT(errors[0], ::testing::HasSubstr("printer_check_seconds")) << wrong;
  }
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  const auto loaded = loadHallConfig(dir.write("hall.toml", withCheck("12")));
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.config->kiosk.printerCheckSeconds, 12);
}

constexpr const char* kKeypadAtAddress1 = R"(
[[device]]
id = "w1-keypad"
bus = "rs485-1"
kind = "keypad"
address = 1
window = 1
)";

TEST(HallRules, TwoDevicesWithTheSameAddressOnOneBusAreAnError) {
  EXPECT_THAT(errorsOf(validHall() + kKeypadAtAddress1),
              ElementsAre("hall.toml:60:11: error: device \"w1-keypad\" has address 1 on bus "
                          "\"rs485-1\", already used by device \"w1-display\" (line 53)"));
}

TEST(HallRules, TheSameAddressOnTwoBusesIsFine) {
  const auto hall = validHall() + "\n[[bus]]\nid = \"rs485-2\"\nport = \"/dev/ttyUSB1\"\n" +
                    replaced(kKeypadAtAddress1, "rs485-1", "rs485-2");
  EXPECT_THAT(errorsOf(hall), IsEmpty());
}

TEST(HallRules, TwoQueuesWithTheSamePrefixAreAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"(prefix = "B")", R"(prefix = "A")")),
              ElementsAre("hall.toml:19:10: error: queue \"social\" has prefix \"A\", already "
                          "used by queue \"general\" (line 14)"));
}

TEST(HallRules, APrefixThatBeginsAnotherIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"(prefix = "B")", R"(prefix = "AB")")),
              ElementsAre("hall.toml:19:10: error: queue \"social\" has prefix \"AB\", which "
                          "overlaps prefix \"A\" of queue \"general\" (line 14); no prefix may "
                          "begin another"));
}

TEST(HallRules, APrefixMustBeCapitalLetters) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"(prefix = "B")", R"(prefix = "b1")")),
              ElementsAre("hall.toml:19:10: error: queue prefix \"b1\" should be one or two "
                          "capital letters A-Z, e.g. \"A\""));
}

TEST(HallRules, ADuplicateQueueIdIsAnError) {
  EXPECT_THAT(errorsOf(validHall() + "\n[[queue]]\nid = \"general\"\nprefix = \"D\"\nname = "
                                     "\"综合受理\"\n"),
              ElementsAre("hall.toml:57:6: error: queue id \"general\" is defined twice (first "
                          "on line 13)"));
}

TEST(HallRules, ADuplicateWindowNumberIsAnError) {
  EXPECT_THAT(errorsOf(validHall() + "\n[[window]]\nnumber = 2\nname = \"户籍二\"\nprofile = "
                                     "[{ queue = \"hukou\" }]\n"),
              ElementsAre("hall.toml:57:10: error: window number 2 is used twice (first on "
                          "line 33)"));
}

TEST(HallRules, ADuplicateClerkIdIsAnError) {
  EXPECT_THAT(errorsOf(validHall() + "\n[[clerk]]\nid = \"c01\"\nname = \"李娜\"\npin_hash = '" +
                       demoPinHash() + "'\n"),
              ElementsAre("hall.toml:57:6: error: clerk id \"c01\" is used twice (first on line "
                          "39)"));
}

TEST(HallRules, ADuplicateItemCodeIsAnErrorInTheCatalog) {
  EXPECT_THAT(errorsOf(validHall(), replaced(validCatalog(), "T-003", "T-002")),
              ElementsAre("catalog.csv:4:1: error: 事项编码 (column A): item code \"T-002\" is "
                          "already used on line 3"));
}

TEST(HallRules, AnItemSentToAQueueNoWindowServesIsAnError) {
  EXPECT_THAT(
      errorsOf(replaced(validHall(), R"(profile = [{ queue = "hukou" }])",
                        R"(profile = [{ queue = "general" }])")),
      ElementsAre("catalog.csv:4:12: error: 所属队列 (column L): item T-003 (户籍证明开具) goes "
                  "to queue \"hukou\", which no window serves; add it to the profile of a "
                  "window"));
}

TEST(HallRules, AnItemReferencingAnUnknownQueueIsAnError) {
  EXPECT_THAT(
      errorsOf(validHall(), replaced(validCatalog(), ",hukou,5,", ",hukuo,5,")),
      ElementsAre("catalog.csv:4:12: error: 所属队列 (column L): item T-003 (户籍证明开具) goes "
                  "to queue \"hukuo\", which is not defined in the hall file (defined queues: "
                  "general, social, hukou)"));
}

TEST(HallRules, OpeningHoursThatDoNotParseAreAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"("08:30-17:30")", R"("8:30-17:30")")),
              ElementsAre("hall.toml:9:8: error: opening hours \"8:30-17:30\" does not parse; "
                          "expected \"HH:MM-HH:MM\", e.g. \"08:30-17:30\""));
}

TEST(HallRules, OpeningHoursClosingBeforeTheyOpenAreAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"("08:30-17:30")", R"("17:30-08:30")")),
              ElementsAre("hall.toml:9:8: error: opening hours \"17:30-08:30\" closes before it "
                          "opens"));
}

TEST(HallRules, ABreakOutsideTheOpeningHoursIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"(["12:00-13:30"])", R"(["18:00-19:00"])")),
              ElementsAre("hall.toml:10:11: error: break \"18:00-19:00\" is not within the "
                          "opening hours 08:30-17:30"));
}

TEST(HallRules, AClerkWithoutAPinHashIsAnError) {
  const auto hall = replaced(validHall(), "pin_hash = '" + demoPinHash() + "'\n", "");
  EXPECT_THAT(errorsOf(hall),
              ElementsAre("hall.toml:38:1: error: clerk \"c01\" has no pin_hash; expected the "
                          "argon2id hash of their PIN (see docs/configuration.md)"));
}

TEST(HallRules, APinWrittenInClearIsAnError) {
  const auto hall = replaced(validHall(), demoPinHash(), "1234");
  EXPECT_THAT(errorsOf(hall),
              ElementsAre("hall.toml:42:12: error: pin_hash of clerk \"c01\" is not an argon2id "
                          "hash (expected a string starting with \"$argon2id$\"); PINs are "
                          "never written in clear"));
}

TEST(HallRules, AClerkAllowedAtAnUnknownWindowIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "windows = [1, 2]", "windows = [1, 2, 9]")),
              ElementsAre("hall.toml:41:18: error: clerk \"c01\" is allowed at window 9, which "
                          "is not defined (defined windows: 1, 2)"));
}

TEST(HallRules, AMistypedKeyIsAnErrorThatSuggestsTheNearestKey) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "number = 2\nname", "number = 2\nnmae")),
              ElementsAre("hall.toml:32:1: error: [[window]] has no \"name\"; expected a string",
                          "hall.toml:34:1: error: unknown key \"nmae\" in [[window]]; did you "
                          "mean \"name\"?"));
}

TEST(HallRules, AMistypedSectionIsAnErrorThatSuggestsTheNearestSection) {
  EXPECT_THAT(errorsOf(validHall() + "\n[rule]\nrecall_limit = 3\n"),
              ElementsAre("hall.toml:56:2: error: unknown key \"rule\" in the hall file; did you "
                          "mean \"rules\"?"));
}

TEST(HallRules, AValueOfTheWrongTypeIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "baud = 9600", R"(baud = "9600")")),
              ElementsAre("hall.toml:47:8: error: \"baud\" in [[bus]] should be an integer, not "
                          "a string"));
}

TEST(HallRules, ASingleTableWhereAListIsExpectedIsAnError) {
  const auto hall = replaced(validHall(), "[[bus]]", "[bus]");
  EXPECT_THAT(errorsOf(hall),
              ElementsAre("hall.toml:44:1: error: \"bus\" is a list: write [[bus]] (double "
                          "brackets) before each entry, not [bus]",
                          "hall.toml:51:7: error: device \"w1-display\" is on bus \"rs485-1\", "
                          "which is not defined (defined buses: none)"));
}

TEST(HallRules, AModbusAddressOutOfRangeIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "address = 1\n", "address = 300\n")),
              ElementsAre("hall.toml:53:11: error: address 300 of device \"w1-display\" is out "
                          "of range; Modbus addresses are 1 to 247"));
}

TEST(HallRules, ABaudRateThatIsNoSerialSpeedIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "baud = 9600", "baud = 9601")),
              ElementsAre("hall.toml:47:8: error: baud 9601 of bus \"rs485-1\" is not a serial "
                          "speed; expected one of 1200, 2400, 4800, 9600, 14400, 19200, 38400, "
                          "57600, 115200"));
}

TEST(HallRules, AnUnknownParityIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), "baud = 9600\n", "baud = 9600\nparity = \"X\"\n")),
              ElementsAre("hall.toml:48:10: error: parity \"X\" of bus \"rs485-1\" is not one of "
                          "\"N\" (none), \"E\" (even), \"O\" (odd)"));
}

TEST(HallRules, AClientKeyThatIsNot40Z85CharactersIsAnError) {
  EXPECT_THAT(
      errorsOf(validHall() +
               "\n[[client]]\nname = \"kiosk-1\"\nrole = \"kiosk\"\npublic_key = \"abc\"\n"),
      ElementsAre("hall.toml:59:14: error: public_key of client \"kiosk-1\" is not a "
                  "CURVE key; expected 40 Z85 characters (found 3 characters)"));
}

TEST(HallRules, AConsoleClientMustSitAtAWindow) {
  EXPECT_THAT(errorsOf(validHall() + "\n[[client]]\nname = \"console-1\"\nrole = \"console\"\n"
                                     "public_key = 'rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7'\n"),
              ElementsAre("hall.toml:56:1: error: client \"console-1\" is a console, so it needs "
                          "window = <the number of the window it sits at>"));
}

TEST(HallRules, AMissingCatalogFileIsAnError) {
  EXPECT_THAT(errorsOf(replaced(validHall(), R"("catalog.csv")", R"("katalog.csv")")),
              ElementsAre("hall.toml:5:11: error: catalog file \"katalog.csv\" does not exist (a "
                          "relative path is read from the folder of the hall file)"));
}

TEST(HallRules, AFileThatIsNotTomlIsAnErrorAtItsPlace) {
  const auto errors = errorsOf(replaced(validHall(), "[[window]]", "[[window]"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("hall.toml:27:"));
  EXPECT_THAT(errors[0], HasSubstr("error: the file is not valid TOML: "));
}

TEST(HallRules, AnnouncementWithAPlaceholderTheVoiceCannotSayIsAnError) {
  const auto errors = errorsOf(validHall() + "\n[announcements]\nzh = \"请{number}号到{window}号窗口{window_name}办理\"\n");
  ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
  EXPECT_THAT(errors[0], HasSubstr("error: announcements.zh uses {window_name}; the voice can say only {number} "
                                   "(the ticket) and {window} (the window's number)"));
}

TEST(HallRules, AnnouncementThatNeverSaysTheNumberIsAnError) {
  const auto errors = errorsOf(validHall() + "\n[announcements]\nen = \"Please go to window {window}\"\n");
  ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
  EXPECT_THAT(errors[0], HasSubstr("error: announcements.en never says {number}"));
}

TEST(HallRules, VoiceChimesAndDropsCallsOlderThanThirtySecondsByDefault) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  const auto result = loadHallConfig(dir.write("hall.toml", validHall()));
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.config->announcements.chime);
  EXPECT_EQ(result.config->announcements.maxDelaySeconds, 30);
}

TEST(HallRules, VoiceChimeAndMaximumDelayAreReadFromAnnouncements) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  const auto result = loadHallConfig(
      dir.write("hall.toml", validHall() + "\n[announcements]\nchime = false\nmax_delay_seconds = 45\n"));
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(result.errors.size());
  EXPECT_FALSE(result.config->announcements.chime);
  EXPECT_EQ(result.config->announcements.maxDelaySeconds, 45);
}

TEST(HallRules, VoiceMaximumDelayOutsideFiveToOneHundredTwentySecondsIsAnError) {
  for (const char* value : {"4", "121"}) {
    const auto errors = errorsOf(validHall() + "\n[announcements]\nmax_delay_seconds = " + value + "\n");
    ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
    EXPECT_THAT(errors[0], HasSubstr("max_delay_seconds"));
    EXPECT_THAT(errors[0], HasSubstr("expected 5 to 120"));
  }
}

TEST(HallRules, AllMistakesAreReportedInOneRun) {
  auto hall = replaced(validHall(), R"(prefix = "B")", R"(prefix = "A")");
  hall = replaced(hall, "address = 1\n", "address = 0\n");
  hall = replaced(hall, "windows = [1, 2]", "windows = [1, 3]");
  const auto errors = errorsOf(hall, replaced(validCatalog(), "即办件,0,不收费,,居民身份证,",
                                              "承诺件,0,不收费,,居民身份证,"));
  EXPECT_EQ(errors.size(), 4u) << ::testing::PrintToString(errors);
}

}  // namespace
}  // namespace jiujin::config::testing
