// End-to-end at a real hall's line speed: the sample township centre's two RS-485 lines at
// 9600 baud through the *paced* bus simulator (every byte takes its wire time), the main strip
// on the first line, a vendor's window display described only by its profile file
// (config/samples/profiles/example-vendor-window-display.toml: 0x06 writes, low byte first,
// 200 ms turnaround) on the second, and every fault the simulator can name injected on the
// way. The day runs 30 times faster than real — slow enough for a 9600-baud line to carry a
// morning of the sample hall — and the test reads back what every device showed (the
// simulator's history): the strip shows every call and never goes offline; window displays
// and keypads show every call made while they were well; everything catches up at the end.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/devices/gateway/hall_content.hpp"
#include "support/day_watch.hpp"
#include "support/hall_processes.hpp"

namespace {

using namespace jiujin;
using namespace jiujin::e2e;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr const char* kVendorDisplay = "w7-display";
constexpr const char* kVendorProfile = "example-vendor-window-display";

/// One named fault on one device from `at` after the day started, cleared `lasts` later
/// (drop_next clears itself; a vanished bus returns by itself).
struct FaultStep {
  std::string device;
  std::string fault;
  std::chrono::milliseconds at;
  std::chrono::milliseconds lasts;
};

// Every fault the simulator names, on the first line (the strip's) except the vanishing bus;
// one after the other so each device's fault can be told apart in the history.
const std::vector<FaultStep> kFaults = {
    {"w1-display", "absent", 6s, 5s},        {"w2-display", "silent", 12s, 5s},
    {"w3-display", "bad_crc", 18s, 5s},      {"w4-display", "garbage", 24s, 5s},
    {"w5-display", "slow", 30s, 5s},         {"w6-display", "refuse_writes", 36s, 5s},
    {"w5-keypad", "late_reply", 42s, 4s},    {"w6-keypad", "drop_next", 47s, 0s},
    {"rs485-2", "vanish", 50s, 2s},
};

// The paced line carries the day at this speed; the run ends at 09:15 simulated (90 s).
constexpr double kSpeed = 30;
// The simulator stops by itself at --until; this only ends a hung run.
constexpr auto kDayBound = 300s;
// A device just cleared of a fault, or a line back, is given this long to be shown again; a
// call this shortly before a fault may still be on its way when the fault comes (the vendor's
// display takes 16 frames of 200 ms turnaround for one content).
constexpr auto kSettle = 15s;
constexpr auto kBeforeFault = 5s;
// The vendor's display takes 16 one-register frames, each answered 200 ms late, for one
// content: its line is held ~3.6 s, and newer content for it starts over.
constexpr auto kVendorContent = 8s;

std::string callText(const std::string& number, core::WindowNumber window) {
  return fmt::format("{} 请到{}号窗口", number, window);
}

bool wasShown(const DayWatch& watch, const std::string& device, const std::string& text) {
  const auto found = watch.shown().find(device);
  return found != watch.shown().end() && found->second.contains(text);
}

std::string busOf(const config::HallConfig& hall, const std::string& device) {
  for (const auto& d : hall.devices)
    if (d.id == device) return d.bus;
  return {};
}

}  // namespace

TEST(PacedDay, At9600BaudTheStripShowsEveryCallAndEveryDeviceShowsWhatItShouldThroughEveryFault) {
  ScratchDir dir;
  HallProcesses hall(dir.path());
  hall.usePacedBuses();
  hall.addProfileDir(sourceDir() / "config" / "samples" / "profiles");
  ASSERT_TRUE(hall.setDeviceProfile(kVendorDisplay, kVendorProfile));
  ASSERT_TRUE(hall.startDispatcher()) << hall.failure();
  ASSERT_TRUE(hall.startBusSimulator()) << hall.failure();
  ASSERT_TRUE(hall.startGateway()) << hall.failure();
  const auto loaded = config::loadHallConfig(hall.hallFile());
  ASSERT_TRUE(loaded.ok());
  const config::HallConfig& config = *loaded.config;
  for (const auto& b : config.buses) ASSERT_EQ(b.baud, 9600) << b.id;  // the sample's real line speed
  DayWatch watch(config, hall.commands(), hall.events(), hall.busControl());
  ASSERT_TRUE(hall.startSimulator({"--speed", fmt::format("{}", kSpeed), "--seed", "20261203", "--residents", "600",
                                   "--keypad-share", "0.5", "--until", "09:15"}))
      << hall.failure();

  // when the faults come and go while the day runs
  const auto started = Clock::now();
  std::map<std::string, std::pair<Clock::time_point, Clock::time_point>> faulted;  // device → from, to
  std::size_t next = 0;
  std::vector<const FaultStep*> toClear;
  const auto deadline = started + kDayBound;
  while (hall.simulator()->running() && Clock::now() < deadline) {
    watch.look(20ms);
    const auto now = Clock::now();
    if (next < kFaults.size() && now >= started + kFaults[next].at) {
      const FaultStep& step = kFaults[next++];
      const std::string command = step.fault == "vanish"
                                      ? fmt::format("vanish {} {}", step.device, step.lasts.count())
                                      : fmt::format("fault {} {}", step.device, step.fault);
      const auto reply = watch.bus().send(command);
      ASSERT_TRUE(reply.ok) << command << ": " << reply.text;
      faulted[step.device] = {now, now + step.lasts};
      if (step.fault != "vanish" && step.fault != "drop_next") toClear.push_back(&step);
    }
    for (auto it = toClear.begin(); it != toClear.end();) {
      if (now < started + (*it)->at + (*it)->lasts) {
        ++it;
        continue;
      }
      const auto reply = watch.bus().send("clear " + (*it)->device);
      ASSERT_TRUE(reply.ok) << (*it)->device << ": " << reply.text;
      faulted[(*it)->device].second = now;
      it = toClear.erase(it);
    }
  }
  ASSERT_EQ(next, kFaults.size()) << "the day ended before every fault was injected";
  ASSERT_TRUE(toClear.empty());
  ASSERT_EQ(hall.simulator()->waitForExit(10s).value_or(-1), 0) << hall.outputs();
  const auto dayEnded = Clock::now();
  // then every window display and keypad, the vendor's and the faulted ones included, shows
  // the hall's state once the day is over (and what the last calls put on the line is out)
  std::map<core::WindowNumber, std::string> keypads;
  for (const auto& d : config.devices)
    if (d.kind == config::DeviceKind::Keypad && d.window) keypads[*d.window] = d.id;
  for (const auto& w : config.definition.windows) {
    const std::string device = watch.displayOf(w.number);
    if (device.empty()) continue;
    const auto settle = Clock::now() + kSettle;
    std::string wanted, shown;
    do {
      watch.mirror().poll(20ms);
      wanted = devices::gateway::windowDisplayContent(*watch.mirror().hall(), w.number).text;
      shown = watch.showNow(device);
    } while (shown != wanted && Clock::now() < settle);
    EXPECT_EQ(shown, wanted) << device << " did not catch up with window " << w.number;
    if (!keypads.contains(w.number)) continue;
    do {
      watch.mirror().poll(20ms);
      wanted = devices::gateway::keypadDisplayContent(*watch.mirror().hall(), w.number).currentNumber;
      shown = watch.bus().show(keypads[w.number]).field("number");
    } while (shown != wanted && Clock::now() < settle);
    EXPECT_EQ(shown, wanted) << keypads[w.number] << " did not catch up with window " << w.number;
  }
  watch.look(200ms);
  ASSERT_TRUE(watch.readHistory()) << "the bus simulator did not answer";
  EXPECT_EQ(watch.historyGaps(), 0u);
  ASSERT_TRUE(watch.mirror().synced());

  // Wall clock of the history and steady clock of the faults: one offset, taken now.
  const auto wallNow = std::chrono::time_point_cast<core::Milliseconds>(std::chrono::system_clock::now());
  const auto toSteady = [&](core::TimePoint t) { return dayEnded + (t - wallNow); };
  // A device was well for a call if no fault of its own (or of its line) touched the call's
  // moment or the settling time after it.
  const auto wellAt = [&](const std::string& device, core::TimePoint calledAt) {
    const auto t = toSteady(calledAt);
    for (const auto& key : {device, busOf(config, device)}) {
      const auto found = faulted.find(key);
      if (found == faulted.end()) continue;
      if (t + kBeforeFault >= found->second.first && t <= found->second.second + kSettle) return false;
    }
    return true;
  };

  std::map<core::TicketId, std::string> numbers;
  for (const auto& [seq, e] : watch.events()) {
    if (const auto* issued = std::get_if<core::ev::TicketIssued>(&e)) numbers[issued->ticket.id] = issued->ticket.number;
    if (const auto* moved = std::get_if<core::ev::TicketTransferred>(&e)) numbers[moved->child.id] = moved->child.number;
  }
  // When each call at a window was followed by the window's next call (a call superseded
  // sooner than the vendor's display can take one content cannot be on it, nor on devices
  // whose line it held meanwhile).
  std::map<std::uint64_t, core::TimePoint> supersededAt;
  {
    std::map<core::WindowNumber, std::uint64_t> lastCall;
    for (const auto& [seq, e] : watch.events()) {
      const auto* called = std::get_if<core::ev::TicketCalled>(&e);
      if (!called) continue;
      if (const auto before = lastCall.find(called->window); before != lastCall.end())
        supersededAt[before->second] = called->at;
      lastCall[called->window] = seq;
    }
  }
  const std::string vendorBus = busOf(config, kVendorDisplay);
  const auto heldByVendor = [&](const std::string& device, std::uint64_t seq, core::TimePoint calledAt) {
    const auto superseded = supersededAt.find(seq);
    return busOf(config, device) == vendorBus && superseded != supersededAt.end() &&
           superseded->second - calledAt < kVendorContent;
  };

  // and every call is on the main strip, whatever happened to the other devices
  int calls = 0, checkedOnDisplays = 0, onVendorDisplay = 0;
  for (const auto& [seq, e] : watch.events()) {
    const auto* called = std::get_if<core::ev::TicketCalled>(&e);
    if (!called) continue;
    ++calls;
    const std::string number = numbers[called->ticket];
    const std::string text = callText(number, called->window);
    EXPECT_TRUE(wasShown(watch, watch.strip(), text))
        << text << " never appeared on the main strip; it was sent:\n"
        << watch.sentBetween(watch.strip(), called->at - 1s, called->at + 10s);
    // and on its window's display and keypad, when they were well
    const std::string display = watch.displayOf(called->window);
    if (wellAt(display, called->at) && !heldByVendor(display, seq, called->at)) {
      ++checkedOnDisplays;
      onVendorDisplay += display == kVendorDisplay;
      EXPECT_TRUE(wasShown(watch, display, text))
          << text << " never appeared on " << display << "; it was sent:\n"
          << watch.sentBetween(display, called->at - 1s, called->at + 10s);
    }
    const std::string keypad = keypads[called->window];
    if (!keypad.empty() && wellAt(keypad, called->at) && !heldByVendor(keypad, seq, called->at)) {
      EXPECT_TRUE(wasShown(watch, keypad, number))
          << number << " never appeared on " << keypad << "; it was sent:\n"
          << watch.sentBetween(keypad, called->at - 1s, called->at + 10s);
    }
  }
  EXPECT_GT(calls, 15) << "too few calls to say anything";
  EXPECT_GT(checkedOnDisplays, calls / 2);
  EXPECT_TRUE(watch.shown().contains(kVendorDisplay)) << "the vendor's display never showed anything";

  // and the strip never flapped: not once offline or in error on a 9600-baud line
  const auto stripDetail = [&] {
    const auto snapshot = watch.manager().request("snapshot");
    if (!snapshot.ok || !snapshot.result.contains("devices")) return std::string("(no snapshot)");
    return snapshot.result.at("devices").dump();
  };
  EXPECT_EQ(watch.newsCount("device.offline", watch.strip()), 0) << stripDetail();
  EXPECT_EQ(watch.newsCount("device.error", watch.strip()), 0);
  // and the vendor's display was never taken for one that refuses (its line vanished, so it
  // was offline once)
  EXPECT_EQ(watch.newsCount("device.error", kVendorDisplay), 0);
  // and a device that did go away came back
  for (const auto& [device, when] : faulted) {
    if (watch.newsCount("device.offline", device) + watch.newsCount("device.error", device) == 0) continue;
    const auto settle = Clock::now() + kSettle;
    std::string last;
    do {
      watch.look(50ms);
      last.clear();
      for (const auto& [topic, id] : watch.deviceNews())
        if (id == device && (topic == "device.online" || topic == "device.offline" || topic == "device.error"))
          last = topic;
    } while (last != "device.online" && Clock::now() < settle);
    EXPECT_EQ(last, "device.online") << device << " did not come back after its fault";
  }

  // and every pad press became one evaluation, of the ticket the pad prompted for (a press
  // in the day's last moments is read within a pad interval: waited for, bounded)
  const auto activity = readActivity(hall.activityLog().string());
  std::map<core::TicketId, int> evaluations;
  const auto ratingsBound = Clock::now() + kSettle;
  for (bool all = false; !all;) {
    evaluations.clear();
    for (const auto& [seq, e] : watch.events())
      if (const auto* rated = std::get_if<core::ev::TicketEvaluated>(&e)) ++evaluations[rated->ticket];
    all = Clock::now() >= ratingsBound;
    if (all) break;
    all = std::all_of(activity.begin(), activity.end(), [&](const nlohmann::json& entry) {
      return entry.value("what", "") != "pad_rating" || evaluations.contains(entry.at("ticket").get<core::TicketId>());
    });
    if (!all) watch.look(50ms);
  }
  for (const auto& entry : activity) {
    if (entry.value("what", "") != "pad_rating") continue;
    const auto ticket = entry.at("ticket").get<core::TicketId>();
    EXPECT_EQ(evaluations[ticket], 1) << entry.dump();
    EXPECT_TRUE(wasShown(watch, entry.at("pad").get<std::string>(), entry.at("number").get<std::string>()))
        << entry.dump();
  }

  RecordProperty("calls", calls);
  RecordProperty("calls_checked_on_displays", checkedOnDisplays);
  RecordProperty("calls_on_vendor_display", onVendorDisplay);
  if (HasFailure()) ADD_FAILURE() << hall.outputs();
}
