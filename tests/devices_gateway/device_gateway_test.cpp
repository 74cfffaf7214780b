// DeviceGateway against the bus simulator in the same process (real pseudo-terminals, real
// RTU framing, no pacing) and a core hall the test drives; requests are recorded.
#include <poll.h>

#include <gtest/gtest.h>

#include "jiujin/devices/gateway/device_gateway.hpp"
#include "jiujin/devices/sim/bus_simulator.hpp"
#include "support/sample_hall.hpp"
#include "support/temp_dir.hpp"

namespace jiujin::devices::gateway {
namespace {

using namespace std::chrono_literals;

class RecordedRequests : public RequestSink {
 public:
  void send(DispatcherRequest request) override { sent.push_back(std::move(request)); }
  int count(const std::string& type) const {
    int n = 0;
    for (const auto& r : sent) n += r.type() == type;
    return n;
  }
  /// The status of the newest device_report for `device`, empty if none.
  std::string lastStatus(const std::string& device) const {
    for (auto r = sent.rbegin(); r != sent.rend(); ++r)
      if (r->type() == "device_report" && r->body["device"] == device) return r->body["status"];
    return {};
  }
  std::string lastDetail(const std::string& device) const {
    for (auto r = sent.rbegin(); r != sent.rend(); ++r)
      if (r->type() == "device_report" && r->body["device"] == device) return r->body.value("detail", "");
    return {};
  }
  bool reported(const std::string& device, const std::string& status) const {
    for (const auto& r : sent)
      if (r.type() == "device_report" && r.body["device"] == device && r.body["status"] == status) return true;
    return false;
  }
  std::vector<DispatcherRequest> sent;
};

class GatewayOnSimulator : public ::testing::Test {
 protected:
  /// Lets a test change the hall's devices before anything starts (another vendor's profile).
  virtual void adapt(config::HallConfig&) {}

  void SetUp() override {
    auto hallConfig = testing::townshipHall();
    for (auto& bus : hallConfig.buses) bus.baud = 115200;
    adapt(hallConfig);
    ASSERT_FALSE(profiles.loadDirectory(testing::sourceDir() / "devices/profiles"));
    ASSERT_FALSE(simProfiles.loadDirectory(testing::sourceDir() / "devices/profiles"));
    // Vendor variants (not shipped) that the cross-tests use too.
    ASSERT_FALSE(profiles.loadDirectory(testing::sourceDir() / "tests/devices_sim/profiles"));
    ASSERT_FALSE(simProfiles.loadDirectory(testing::sourceDir() / "tests/devices_sim/profiles"));
    std::vector<sim::SimBusConfig> buses;
    for (const auto& b : hallConfig.buses) buses.push_back({b.id, b.baud, b.parity, b.dataBits, b.stopBits});
    std::vector<sim::SimDeviceConfig> devices;
    for (const auto& d : hallConfig.devices) devices.push_back({d.id, d.bus, d.address, d.profile});
    auto created = sim::BusSimulator::create(buses, devices, simProfiles, {dir.path(), false, 300ms});
    ASSERT_TRUE(created) << created.error().message;
    simulator = std::move(created).value();

    PlanOptions options;
    options.runtimeDir = dir.path().string();
    auto plan = planGateway(hallConfig, profiles, options);
    ASSERT_TRUE(plan) << plan.error().message;
    GatewayOptions gatewayOptions;
    gatewayOptions.health.probeFirst = 100ms;
    gatewayOptions.health.probeMax = 400ms;
    gateway = std::make_unique<DeviceGateway>(std::move(plan).value(), requests, gatewayOptions);
  }

  /// Handles bus news until `done` holds or `bound` passes (waiting on the gateway's fd).
  bool pumpUntil(const std::function<bool()>& done, std::chrono::milliseconds bound = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + bound;
    while (!done()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) return false;
      pollfd fd{gateway->wakeFd(), POLLIN, 0};
      ::poll(&fd, 1, static_cast<int>(std::min(left, 50ms).count()));
      gateway->handleBusNews();
    }
    return true;
  }

  void feed(const std::vector<core::Event>& events) {
    for (const auto& e : events) gateway->hallEvent(hall.hall(), e);
  }

  std::string shown(const std::string& device) {
    auto text = simulator->show(device);
    return text ? text.value() : text.error().message;
  }

  std::uint64_t requestsTo(const std::string& device) {
    for (const auto& d : simulator->devices())
      if (d.id == device) return d.requests;
    return 0;
  }

  testing::TempDir dir;
  drivers::ProfileLibrary profiles;
  sim::DeviceProfiles simProfiles;
  std::unique_ptr<sim::BusSimulator> simulator;
  RecordedRequests requests;
  testing::SampleHall hall;
  std::unique_ptr<DeviceGateway> gateway;
};

TEST_F(GatewayOnSimulator, EveryDisplayShowsTheHallAfterTheFirstSnapshot) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  EXPECT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    const auto w4 = simulator->windowShown("w4-display");
    return w3 && w3->content.text == "综合受理三" && w4 && w4->content.text == "未开放";
  }));
}

TEST_F(GatewayOnSimulator, CalledTicketAppearsBlinkingOnItsWindowDisplayAndTheStrip) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  const auto number = hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));
  EXPECT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    const auto strip = simulator->stripShown("main-strip");
    return w3 && w3->content.text == number + " 请到3号窗口" && w3->content.blink && strip &&
           !strip->content.lines.empty() && strip->content.lines[0] == number + " 请到3号窗口";
  })) << shown("w3-display") << '\n' << shown("main-strip");
}

TEST_F(GatewayOnSimulator, KeypadPressIsSentOnceAsItsWindowsCommandAndAcknowledged) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  ASSERT_TRUE(simulator->press("w3-keypad", "call_next"));
  ASSERT_TRUE(pumpUntil([&] { return requests.count("call_next") == 1; }));
  EXPECT_EQ(requests.sent.back().body, (nlohmann::json{{"window", 3}}));
  ASSERT_TRUE(pumpUntil([&] { return shown("w3-keypad").find("pending=0") != std::string::npos; }))
      << shown("w3-keypad");
  // Several more polls of the keypad: the press is not sent again.
  const auto polled = requestsTo("w3-keypad");
  ASSERT_TRUE(pumpUntil([&] { return requestsTo("w3-keypad") >= polled + 3; }));
  EXPECT_EQ(requests.count("call_next"), 1);
}

TEST_F(GatewayOnSimulator, KeypadPressesAreHeardAfterThePowerCycleOfTheKeypad) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  // Press and wait for each call: the keypad's FIFO holds four presses.
  auto pressAndWaitForCall = [&](int calls) {
    return simulator->press("w3-keypad", "call_next").ok() &&
           pumpUntil([&] { return requests.count("call_next") == calls; });
  };
  // given four presses handled and acknowledged
  for (int i = 1; i <= 4; ++i) ASSERT_TRUE(pressAndWaitForCall(i)) << "press " << i << ": " << shown("w3-keypad");
  ASSERT_TRUE(pumpUntil([&] { return shown("w3-keypad").find("pending=0") != std::string::npos; }));
  // when the keypad is unplugged and plugged back in (it numbers its presses from 1 again)
  ASSERT_FALSE(simulator->injectFault("w3-keypad", sim::Fault::Absent));
  ASSERT_TRUE(pumpUntil([&] { return requests.lastStatus("w3-keypad") == "offline"; }));
  ASSERT_FALSE(simulator->clearFault("w3-keypad"));
  ASSERT_TRUE(pumpUntil([&] { return requests.lastStatus("w3-keypad") == "online"; }));
  // then five presses are five calls
  for (int i = 5; i <= 9; ++i) ASSERT_TRUE(pressAndWaitForCall(i)) << "press " << i << ": " << shown("w3-keypad");
  const auto polled = requestsTo("w3-keypad");
  ASSERT_TRUE(pumpUntil([&] { return requestsTo("w3-keypad") >= polled + 3; }));
  EXPECT_EQ(requests.count("call_next"), 9);
}

TEST_F(GatewayOnSimulator, PadRatingIsSentAsOneEvaluateAndASecondPressIsIgnored) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  const auto number = hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));
  feed(hall.run(core::cmd::StartService{3}));
  feed(hall.run(core::cmd::Complete{3}));
  ASSERT_TRUE(pumpUntil([&] { return shown("w3-pad").find("state=prompting") != std::string::npos; }))
      << shown("w3-pad");
  EXPECT_NE(shown("w3-pad").find("ticket=\"" + number + "\""), std::string::npos) << shown("w3-pad");
  EXPECT_NE(shown("w3-pad").find("clerk_name=\"王芳\""), std::string::npos) << shown("w3-pad");

  ASSERT_TRUE(simulator->rate("w3-pad", sim::Rating::Satisfied));
  ASSERT_TRUE(pumpUntil([&] { return requests.count("evaluate") == 1; }));
  EXPECT_EQ(requests.sent.back().body, (nlohmann::json{{"window", 3}, {"rating", "satisfied"}}));
  EXPECT_FALSE(simulator->rate("w3-pad", sim::Rating::VeryDissatisfied));  // the pad took one
  // Rated: the pad is no longer read for a rating, only checked now and then (every 2 s here).
  const auto polled = requestsTo("w3-pad");
  ASSERT_TRUE(pumpUntil([&] { return requestsTo("w3-pad") >= polled + 2; }, 15s));
  EXPECT_EQ(requests.count("evaluate"), 1);
}

TEST_F(GatewayOnSimulator, AbsentDisplayGoesOfflineAndComesBackWithWhatItShouldShowNow) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  ASSERT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    return w3 && w3->content.text == "综合受理三";
  }));
  ASSERT_FALSE(simulator->injectFault("w3-display", sim::Fault::Absent));
  const auto number = hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));  // the call's write fails: the display is away
  ASSERT_TRUE(pumpUntil([&] { return requests.reported("w3-display", "offline"); }));
  ASSERT_FALSE(simulator->clearFault("w3-display"));  // plugged back in, blank
  ASSERT_TRUE(pumpUntil([&] { return requests.reported("w3-display", "online"); }));
  EXPECT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    return w3 && w3->content.text == number + " 请到3号窗口";
  })) << shown("w3-display");
}

TEST_F(GatewayOnSimulator, DisplayThatRefusesEveryWriteIsReportedInErrorAndBackedOff) {
  hall.staff(3, "c01");
  // given a display whose firmware refuses the write function (exception 01)
  ASSERT_FALSE(simulator->injectFault("w3-display", sim::Fault::RefuseWrites));
  gateway->hallReset(hall.hall());
  // then it is reported in error (an alarm for the manager), with the exception as the detail
  ASSERT_TRUE(pumpUntil([&] { return requests.lastStatus("w3-display") == "error"; }))
      << requests.lastStatus("w3-display");
  EXPECT_NE(requests.lastDetail("w3-display").find("exception 1"), std::string::npos)
      << requests.lastDetail("w3-display");
  // and it is asked again only with backoff (100, 200, 400 ms): three more requests take a while
  const auto asked = requestsTo("w3-display");
  const auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(pumpUntil([&] { return requestsTo("w3-display") >= asked + 3; }));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 600ms);
  // when the vendor's firmware is fixed, it is back with the hall's content
  ASSERT_FALSE(simulator->clearFault("w3-display"));
  ASSERT_TRUE(pumpUntil([&] { return requests.lastStatus("w3-display") == "online"; }));
  EXPECT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    return w3 && w3->content.text == "综合受理三";
  })) << shown("w3-display");
}

TEST_F(GatewayOnSimulator, ANoticeLongerThanTheStripIsShownCutAndReportedAsTheStripsProblem) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  // given a notice of 40 characters; the strip's notice line holds 32
  const std::string notice = "午间不间断服务，办事群众请于十二点至十四点到综合受理窗口取号办理，谢谢合作，祝您办事顺利";
  feed(hall.run(core::cmd::BroadcastNotice{notice}));
  // then the strip shows as much as fits, and the manager is told what did not fit
  ASSERT_TRUE(pumpUntil([&] {
    const auto strip = simulator->stripShown("main-strip");
    return strip && strip->content.notice == "午间不间断服务，办事群众请于十二点至十四点到综合受理窗口取号办理";
  })) << shown("main-strip");
  ASSERT_TRUE(pumpUntil([&] { return requests.lastStatus("main-strip") == "error"; }));
  EXPECT_NE(requests.lastDetail("main-strip").find("did not fit: notice"), std::string::npos)
      << requests.lastDetail("main-strip");
  // when a notice that fits replaces it, the strip is fine again
  feed(hall.run(core::cmd::BroadcastNotice{"午间不间断服务"}));
  EXPECT_TRUE(pumpUntil([&] { return requests.lastStatus("main-strip") == "online"; }));
}

// Window 3's display is a vendor's whose content sequence (the commit) is apart from its text:
// each content is two frames, text then commit.
class GatewayWithSplitCommitDisplay : public GatewayOnSimulator {
 protected:
  void adapt(config::HallConfig& config) override {
    for (auto& d : config.devices)
      if (d.id == "w3-display") d.profile = "vendor-window-display-utf16";
  }
};

TEST_F(GatewayWithSplitCommitDisplay, ALostTextFrameIsSentAgainBeforeItsCommit) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  ASSERT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    return w3 && w3->content.text == "综合受理三";
  })) << shown("w3-display");
  // given the call's text frame is lost on the wire
  ASSERT_FALSE(simulator->injectFault("w3-display", sim::Fault::DropNext));
  const auto number = hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));
  // then the display shows the call (its text went again, then the commit), not the old text
  EXPECT_TRUE(pumpUntil([&] {
    const auto w3 = simulator->windowShown("w3-display");
    return w3 && w3->content.text == number + " 请到3号窗口";
  })) << shown("w3-display");
}

// Window 3's display is a vendor's that takes only 0x06 writes, packs text low byte first,
// answers 150 ms after a request (longer than the bus's 100 ms response timeout), wants 10 ms
// of silence after each exchange and frames of at most 8 registers — all from its profile.
class GatewayWithVendorVariantDisplay : public GatewayOnSimulator {
 protected:
  void adapt(config::HallConfig& config) override {
    for (auto& b : config.buses) b.responseTimeoutMs = 100;
    for (auto& d : config.devices)
      if (d.id == "w3-display") d.profile = "vendor-window-display-06-lowfirst";
  }
};

TEST_F(GatewayWithVendorVariantDisplay, ACallIsShownOnAVendorsDisplayByConfigurationAlone) {
  hall.staff(3, "c01");
  gateway->hallReset(hall.hall());
  const auto number = hall.issueGeneral();
  feed(hall.run(core::cmd::CallNext{3}));
  EXPECT_TRUE(pumpUntil(
      [&] {
        const auto w3 = simulator->windowShown("w3-display");
        return w3 && w3->content.text == number + " 请到3号窗口";
      },
      15s))
      << shown("w3-display");
  EXPECT_NE(requests.lastStatus("w3-display"), "offline");
  EXPECT_NE(requests.lastStatus("w3-display"), "error");
  for (const auto& h : gateway->health())
    if (h.deviceId == "w3-display") {
      EXPECT_EQ(h.counters.timeouts + h.counters.exceptions, 0u) << h.counters.lastError;
    }
}

}  // namespace
}  // namespace jiujin::devices::gateway
