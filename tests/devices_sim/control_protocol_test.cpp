#include "jiujin/devices/sim/control_protocol.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

using namespace jiujin::devices::sim;

namespace {

class ControlProtocol : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/jiujin-bussim-ctl-XXXXXX";
    dir_ = mkdtemp(pattern);
    ASSERT_FALSE(profiles_.loadDirectory(builtinProfileDir()));
    auto sim = BusSimulator::create({{"line-1", 115200, 'N', 8, 1}},
                                    {{"display-3", "line-1", 3, "jiujin-window-display-v1"},
                                     {"keypad-3", "line-1", 13, "jiujin-keypad-v1"},
                                     {"pad-3", "line-1", 23, "jiujin-eval-pad-v1"}},
                                    profiles_, SimulatorOptions{dir_, false, {}});
    ASSERT_TRUE(sim.ok()) << sim.error().message;
    sim_ = std::move(sim).value();
  }
  void TearDown() override {
    sim_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string run(std::string_view line) { return handleControlCommand(*sim_, line); }

  std::filesystem::path dir_;
  DeviceProfiles profiles_;
  std::unique_ptr<BusSimulator> sim_;
};

}  // namespace

TEST_F(ControlProtocol, PressAnswersWithTheSequenceNumber) {
  EXPECT_EQ(run("press keypad-3 call_next"), "ok seq=1");
  EXPECT_EQ(run("press keypad-3 recall"), "ok seq=2");
  EXPECT_NE(run("show keypad-3").find("fifo=1:call_next,2:recall"), std::string::npos);
}

TEST_F(ControlProtocol, RatingAnIdlePadIsAnError) {
  EXPECT_EQ(run("rate pad-3 2").rfind("error ", 0), 0u);
  EXPECT_EQ(run("rate pad-3 9"), "error a rating is 1 (非常满意) .. 5 (非常不满意)");
}

TEST_F(ControlProtocol, FaultsAreSetListedAndCleared) {
  EXPECT_EQ(run("fault display-3 slow"), "ok");
  EXPECT_NE(run("devices").find("display-3 bus=line-1 address=3 kind=window_display "
                                "profile=jiujin-window-display-v1 faults=slow"),
            std::string::npos);
  EXPECT_EQ(run("clear display-3"), "ok");
  EXPECT_NE(run("devices").find("faults=-"), std::string::npos);
  EXPECT_EQ(run("fault display-3 on_fire"), "error unknown fault \"on_fire\"");
}

TEST_F(ControlProtocol, BusesListTheSymlinkAndPty) {
  const auto reply = run("buses");
  EXPECT_EQ(reply.rfind("ok\nline-1 " + (dir_ / "line-1").string() + " /dev/pts/", 0), 0u) << reply;
}

TEST_F(ControlProtocol, BadInputGetsAnErrorNeverACrash) {
  for (const char* line : {"", "   ", "frobnicate", "press", "press keypad-3", "press keypad-3 fly",
                           "press nobody call_next", "show", "show nobody", "vanish line-1 soon",
                           "vanish line-9", "clear", "rate pad-3 -1", "rate display-3 1",
                           "press display-3 call_next"}) {
    EXPECT_EQ(run(line).rfind("error ", 0), 0u) << "\"" << line << "\" → " << run(line);
  }
}

TEST_F(ControlProtocol, VanishAndRestoreMoveTheSymlink) {
  EXPECT_EQ(run("vanish line-1"), "ok");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "line-1"));
  EXPECT_NE(run("buses").find("line-1 " + (dir_ / "line-1").string() + " -"), std::string::npos);
  EXPECT_EQ(run("restore line-1"), "ok");
  EXPECT_TRUE(std::filesystem::is_symlink(dir_ / "line-1"));
}

TEST_F(ControlProtocol, HelpNamesEveryCommand) {
  const auto help = run("help");
  for (const char* c : {"buses", "devices", "show", "history", "press", "rate", "fault", "clear", "vanish",
                        "restore"}) {
    EXPECT_NE(help.find(std::string("\n") + c), std::string::npos) << c;
  }
}
