// transfer_to on a keypad's [[device]]: where its 转移 key sends the ticket at the counter.
// The default is today's (the issuing windows); a written target must exist in the hall, and
// every mistake is reported at its place in the file, as `jiujinctl config check` prints it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "hall_fixture.hpp"

namespace jiujin::config::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

/// A keypad at window 1 (address 2, beside the display at 1), with `extra` lines.
std::string hallWithKeypad(const std::string& extra = "") {
  return validHall() + "\n[[device]]\nid = \"w1-keypad\"\nbus = \"rs485-1\"\nkind = \"keypad\"\naddress = 2\nwindow = 1\n" +
         extra;
}

/// "hall.toml:LINE:COLUMN" of the first `needle` in `text`.
std::string placeOf(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  const auto lineStart = text.rfind('\n', at);
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  const auto column = at - (lineStart == std::string::npos ? 0 : lineStart + 1) + 1;
  return "hall.toml:" + std::to_string(line) + ":" + std::to_string(column);
}

core::TransferTarget keypadTargetOf(const std::string& hall) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  const auto loaded = loadHallConfig(dir.write("hall.toml", hall));
  EXPECT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : toString(loaded.errors.front()));
  if (!loaded.ok()) return {};
  return loaded.config->devices.back().transferTo;
}

TEST(KeypadTransfer, WithoutTransferToTheKeySendsTicketsToTheIssuingWindows) {
  EXPECT_EQ(keypadTargetOf(hallWithKeypad()), core::TransferTarget{core::WindowKind::Issuing});
}

TEST(KeypadTransfer, AWindowAQueueOrAKindOfWindowMayBeTheTarget) {
  EXPECT_EQ(keypadTargetOf(hallWithKeypad("transfer_to = { window = 2 }\n")),
            core::TransferTarget{core::WindowNumber{2}});
  EXPECT_EQ(keypadTargetOf(hallWithKeypad("transfer_to = { queue = \"hukou\" }\n")),
            core::TransferTarget{core::QueueId{"hukou"}});
  EXPECT_EQ(keypadTargetOf(hallWithKeypad("transfer_to = { kind = \"specialist\" }\n")),
            core::TransferTarget{core::WindowKind::Specialist});
}

TEST(KeypadTransfer, AWindowThatIsNotDefinedIsAnErrorAtTheTarget) {
  const auto hall = hallWithKeypad("transfer_to = { window = 7 }\n");
  EXPECT_THAT(errorsOf(hall), ElementsAre(placeOf(hall, "{ window = 7 }") +
                                          ": error: the transfer key of device \"w1-keypad\" sends tickets to "
                                          "window 7, which is not defined (defined windows: 1, 2)"));
}

TEST(KeypadTransfer, AQueueThatIsNotDefinedIsAnError) {
  const auto hall = hallWithKeypad("transfer_to = { queue = \"tax\" }\n");
  EXPECT_THAT(errorsOf(hall), ElementsAre(placeOf(hall, "{ queue = \"tax\" }") +
                                          ": error: the transfer key of device \"w1-keypad\" sends tickets to "
                                          "queue \"tax\", which is not defined (defined queues: general, social, "
                                          "hukou)"));
}

TEST(KeypadTransfer, AKindOfWindowTheHallDoesNotHaveIsAnError) {
  // The small hall has a general and a specialist window, no issuing window.
  const auto hall = hallWithKeypad("transfer_to = { kind = \"issuing\" }\n");
  EXPECT_THAT(errorsOf(hall), ElementsAre(placeOf(hall, "{ kind") +
                                          ": error: the transfer key of device \"w1-keypad\" sends tickets to "
                                          "the issuing windows, but no window has kind = \"issuing\""));
}

TEST(KeypadTransfer, AnUnknownKindIsNamed) {
  const auto hall = hallWithKeypad("transfer_to = { kind = \"upstairs\" }\n");
  EXPECT_THAT(errorsOf(hall), ElementsAre(placeOf(hall, "\"upstairs\"") +
                                          ": error: transfer_to kind \"upstairs\" of device \"w1-keypad\" is not "
                                          "one of general, specialist, issuing, complaints"));
}

TEST(KeypadTransfer, ExactlyOneTargetIsGiven) {
  const auto hall = hallWithKeypad("transfer_to = { window = 2, queue = \"hukou\" }\n");
  EXPECT_THAT(errorsOf(hall), ElementsAre(placeOf(hall, "{ window = 2") +
                                          ": error: transfer_to of device \"w1-keypad\" needs exactly one of kind = "
                                          "\"<window kind>\", window = <number> or queue = \"<queue id>\"; found 2"));
}

TEST(KeypadTransfer, OnlyKeypadsHaveATransferKey) {
  const auto hall = replaced(validHall(), "window = 1\n", "window = 1\ntransfer_to = { window = 2 }\n");
  EXPECT_THAT(errorsOf(hall), ElementsAre(placeOf(hall, "{ window = 2 }") +
                                          ": error: device \"w1-display\" is a window_display; only keypads have "
                                          "a transfer key (remove transfer_to)"));
}

TEST(KeypadTransfer, ConfigCheckPointsAtTheMistake) {
  TempDir dir;
  dir.write("catalog.csv", validCatalog());
  const auto hall = hallWithKeypad("transfer_to = { window = 7 }\n");
  const auto file = dir.write("hall.toml", hall);
  std::ostringstream out;
  EXPECT_EQ(checkConfigFile(file, out), 1);
  EXPECT_THAT(out.str(), HasSubstr(dir.path().string() + "/" + placeOf(hall, "{ window = 7 }") +
                                   ": error: the transfer key of device \"w1-keypad\""));
}

}  // namespace
}  // namespace jiujin::config::testing
