// End-to-end: the sample township centre runs a whole compressed day with real processes
// only — dispatcher on a SQLite file, bus simulator on pseudo-terminals, device gateway,
// and the resident-and-clerk simulator pressing keypads and rating on the pads.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/devices/gateway/hall_content.hpp"
#include "support/day_watch.hpp"
#include "support/hall_processes.hpp"

namespace {

using namespace jiujin;
using namespace jiujin::e2e;
using namespace std::chrono_literals;

// The day is compressed this many times (JIUJIN_E2E_SPEED overrides; slower is closer to a
// real hall, faster finishes sooner). A full day at 900x is 36 s plus the last services.
double daySpeed() {
  const char* speed = std::getenv("JIUJIN_E2E_SPEED");
  return speed != nullptr && std::atof(speed) > 0 ? std::atof(speed) : 900.0;
}

constexpr int kResidents = 150;
// The simulator ends its day by itself; this only stops a hung run.
constexpr auto kDayBound = 240s;
// How long the watch follows events between reads of the display history. The history keeps
// every change, so this only spreads the reads out; it does not decide what is seen.
constexpr auto kLookEvery = 20ms;

std::string callText(const std::string& number, core::WindowNumber window) {
  return fmt::format("{} 请到{}号窗口", number, window);
}

std::vector<std::string> simulatorArgs() {
  return {"--speed", fmt::format("{}", daySpeed()), "--seed", "20261122", "--residents", std::to_string(kResidents),
          "--keypad-share", "0.5"};
}

config::HallConfig loadHall(const std::filesystem::path& file) {
  auto loaded = config::loadHallConfig(file);
  if (!loaded.ok()) throw std::runtime_error("the sample hall does not load");
  return *loaded.config;
}

struct EventCounts {
  int issued = 0, transferred = 0, completed = 0, noShow = 0, reactivated = 0;
  std::map<std::string, int> ratings;
};

EventCounts countEvents(const std::vector<std::pair<std::uint64_t, core::Event>>& events) {
  EventCounts c;
  for (const auto& [seq, e] : events) {
    if (std::holds_alternative<core::ev::TicketIssued>(e)) ++c.issued;
    if (std::holds_alternative<core::ev::TicketTransferred>(e)) ++c.transferred;
    if (std::holds_alternative<core::ev::ServiceCompleted>(e)) ++c.completed;
    if (std::holds_alternative<core::ev::TicketNoShow>(e)) ++c.noShow;
    if (std::holds_alternative<core::ev::TicketReactivated>(e)) ++c.reactivated;
    if (const auto* rated = std::get_if<core::ev::TicketEvaluated>(&e)) ++c.ratings[core::toString(rated->rating)];
  }
  return c;
}

bool wasShown(const DayWatch& watch, const std::string& device, const std::string& text) {
  const auto found = watch.shown().find(device);
  return found != watch.shown().end() && found->second.contains(text);
}

std::string at(core::TimePoint t) {
  const auto ms = t.time_since_epoch().count();
  return fmt::format("{:%H:%M:%S}.{:03}", fmt::localtime(static_cast<std::time_t>(ms / 1000)), ms % 1000);
}

/// The calls made between `from` and `to`, one line each, to explain a failure.
std::string callsBetween(const std::vector<std::pair<std::uint64_t, core::Event>>& events,
                         const std::map<core::TicketId, std::string>& numbers, core::TimePoint from, core::TimePoint to) {
  std::string out;
  for (const auto& [seq, e] : events) {
    const auto* called = std::get_if<core::ev::TicketCalled>(&e);
    if (!called || called->at < from || called->at > to) continue;
    const auto number = numbers.find(called->ticket);
    out += fmt::format("  {} {} (event {})\n", at(called->at),
                       callText(number == numbers.end() ? "?" : number->second, called->window), seq);
  }
  return out;
}

int countOf(const nlohmann::json& object, const std::string& key) {
  return object.contains(key) ? object.at(key).get<int>() : 0;
}

/// Every window display shows what the hall's state says it should, each checked until it
/// does (bounded): the gateway drives displays from state, so they catch up after anything.
void expectDisplaysCatchUp(DayWatch& watch, const config::HallConfig& hall, std::chrono::seconds bound) {
  for (const auto& w : hall.definition.windows) {
    const std::string device = watch.displayOf(w.number);
    if (device.empty()) continue;
    const auto deadline = std::chrono::steady_clock::now() + bound;
    std::string wanted, shown;
    do {
      watch.mirror().poll(5ms);
      wanted = devices::gateway::windowDisplayContent(*watch.mirror().hall(), w.number).text;
      shown = watch.showNow(device);
    } while (shown != wanted && std::chrono::steady_clock::now() < deadline);
    EXPECT_EQ(shown, wanted) << device << " did not catch up with window " << w.number;
  }
}

}  // namespace

TEST(CompressedDay, EveryTicketEndsFinalEveryCallIsShownEveryPadPressCountsOnceAndStatisticsAgree) {
  ScratchDir dir;
  HallProcesses hall(dir.path());
  ASSERT_TRUE(hall.startDispatcher()) << hall.failure();
  ASSERT_TRUE(hall.startBusSimulator()) << hall.failure();
  ASSERT_TRUE(hall.startGateway()) << hall.failure();
  const config::HallConfig config = loadHall(hall.hallFile());
  DayWatch watch(config, hall.commands(), hall.events(), hall.busControl());
  ASSERT_TRUE(hall.startSimulator(simulatorArgs())) << hall.failure();

  const auto deadline = std::chrono::steady_clock::now() + kDayBound;
  while (hall.simulator()->running() && std::chrono::steady_clock::now() < deadline) watch.look(kLookEvery);
  const auto status = hall.simulator()->waitForExit(5s);
  ASSERT_EQ(status.value_or(-1), 0) << hall.outputs();
  watch.look(200ms);  // the last events
  ASSERT_TRUE(watch.readHistory()) << "the bus simulator did not answer";
  EXPECT_EQ(watch.historyGaps(), 0u) << "the display history lost entries before they were read";
  const auto summary = readSummary(hall.summaryFile().string());
  EXPECT_EQ(summary.at("stopped_by"), "day done") << hall.outputs();
  ASSERT_TRUE(watch.mirror().synced());
  EXPECT_EQ(watch.resets(), 1u) << "the watch resynced: its event history has holes";
  EXPECT_EQ(watch.mirror().stream().gaps(), 0u);
  const core::HallState& state = watch.mirror().hall()->state();

  // given a whole day of residents
  EXPECT_GT(std::stoi(summary.at("issued")), kResidents / 2);
  // then every ticket ends in a final state
  for (const auto& [id, t] : state.tickets) {
    EXPECT_TRUE(core::isFinal(t.state)) << t.number << " is " << core::toString(t.state);
  }

  // and every call appeared on its window's LED display and on the main strip
  int calls = 0;
  std::map<core::TicketId, std::string> numbers;
  for (const auto& [seq, e] : watch.events()) {
    if (const auto* issued = std::get_if<core::ev::TicketIssued>(&e)) numbers[issued->ticket.id] = issued->ticket.number;
    if (const auto* moved = std::get_if<core::ev::TicketTransferred>(&e)) numbers[moved->child.id] = moved->child.number;
  }
  for (const auto& [seq, e] : watch.events()) {
    const auto* called = std::get_if<core::ev::TicketCalled>(&e);
    if (!called) continue;
    ++calls;
    const std::string text = callText(numbers[called->ticket], called->window);
    const auto from = called->at - 500ms, to = called->at + 3s;  // what a failure shows
    EXPECT_TRUE(wasShown(watch, watch.displayOf(called->window), text))
        << text << " never appeared on " << watch.displayOf(called->window) << "; called at " << at(called->at)
        << ", it was sent:\n" << watch.sentBetween(watch.displayOf(called->window), from, to);
    EXPECT_TRUE(wasShown(watch, watch.strip(), text))
        << text << " never appeared on the main strip; called at " << at(called->at) << ", the strip was sent:\n"
        << watch.sentBetween(watch.strip(), from, to) << "and the calls then were:\n"
        << callsBetween(watch.events(), numbers, from, to);
  }
  EXPECT_GT(calls, kResidents / 2);

  // and every pad press became exactly one evaluation of that ticket, at that window, of
  // the clerk who served it (the clerk's name was on the pad)
  const auto activity = readActivity(hall.activityLog().string());
  std::map<core::TicketId, std::vector<core::ev::TicketEvaluated>> evaluations;
  for (const auto& [seq, e] : watch.events()) {
    if (const auto* rated = std::get_if<core::ev::TicketEvaluated>(&e)) evaluations[rated->ticket].push_back(*rated);
  }
  std::map<std::string, std::string> clerkNames;
  for (const auto& c : config.clerks) clerkNames[c.id] = c.name;
  int presses = 0;
  for (const auto& entry : activity) {
    if (entry.value("what", "") != "pad_rating") continue;
    ++presses;
    const auto ticket = entry.at("ticket").get<core::TicketId>();
    const auto& found = evaluations[ticket];
    ASSERT_EQ(found.size(), 1u) << "pad press for " << entry.dump();
    EXPECT_EQ(found[0].window, entry.at("window").get<int>());
    EXPECT_STREQ(core::toString(found[0].rating), entry.at("rating").get<std::string>().c_str());
    const core::Ticket* t = watch.mirror().hall()->findTicket(ticket);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->clerk.value_or(""), entry.at("clerk").get<std::string>());
    EXPECT_EQ(clerkNames[t->clerk.value_or("")], entry.at("clerk_name_shown").get<std::string>());
  }
  EXPECT_GT(presses, kResidents / 3);
  EXPECT_EQ(static_cast<int>(evaluations.size()), presses) << "an evaluation came from somewhere else";

  // and the dispatcher's statistics agree with the event history
  const EventCounts counted = countEvents(watch.events());
  const auto stats = watch.manager().request("statistics");
  EXPECT_TRUE(stats.ok) << "statistics: " << stats.error.code << ": " << stats.error.en;
  if (stats.ok) {
    const auto& byState = stats.result.at("tickets").at("by_state");
    EXPECT_EQ(stats.result.at("tickets").at("total").get<int>(), counted.issued + counted.transferred);
    EXPECT_EQ(countOf(byState, "completed"), counted.completed);
    EXPECT_EQ(countOf(byState, "no_show"), counted.noShow - counted.reactivated);
    EXPECT_EQ(countOf(byState, "transferred"), counted.transferred);
    for (const auto& [rating, count] : counted.ratings) EXPECT_EQ(countOf(stats.result.at("ratings"), rating), count);
  }
  EXPECT_EQ(std::stoi(summary.at("completed")), counted.completed);

  // and the displays show the day's end: every window closed
  expectDisplaysCatchUp(watch, config, 10s);
  if (HasFailure()) ADD_FAILURE() << hall.outputs();
}

TEST(CompressedDayWithFailures, NothingAcknowledgedIsLostAcrossTwoDispatcherCrashesAndABusOutage) {
  ScratchDir dir;
  HallProcesses hall(dir.path());
  ASSERT_TRUE(hall.startDispatcher()) << hall.failure();
  ASSERT_TRUE(hall.startBusSimulator()) << hall.failure();
  ASSERT_TRUE(hall.startGateway()) << hall.failure();
  const config::HallConfig config = loadHall(hall.hallFile());
  DayWatch watch(config, hall.commands(), hall.events(), hall.busControl());
  ASSERT_TRUE(hall.startSimulator(simulatorArgs())) << hall.failure();

  // The failures come at simulated 10:00, 12:00 (the second bus is pulled for 2 s) and 14:30.
  const auto started = std::chrono::steady_clock::now();
  const auto atSimulated = [&](double hours) {
    return started + std::chrono::milliseconds(static_cast<long long>((hours - 8.5) * 3600 * 1000 / daySpeed()));
  };
  const auto firstCrash = atSimulated(10), outage = atSimulated(12), secondCrash = atSimulated(14.5);
  int crashes = 0;
  bool busPulled = false;
  const auto deadline = started + kDayBound;
  while (hall.simulator()->running() && std::chrono::steady_clock::now() < deadline) {
    watch.look(kLookEvery);
    const auto now = std::chrono::steady_clock::now();
    if ((crashes == 0 && now >= firstCrash) || (crashes == 1 && now >= secondCrash)) {
      ++crashes;
      ASSERT_TRUE(hall.crashAndRestartDispatcher()) << hall.failure() << hall.outputs();
    }
    if (!busPulled && now >= outage) {
      busPulled = true;
      const auto reply = watch.bus().send("vanish rs485-2 2000");
      ASSERT_TRUE(reply.ok) << reply.text;
    }
  }
  EXPECT_EQ(crashes, 2);
  EXPECT_TRUE(busPulled);
  const auto status = hall.simulator()->waitForExit(5s);
  ASSERT_EQ(status.value_or(-1), 0) << hall.outputs();
  const auto summary = readSummary(hall.summaryFile().string());
  EXPECT_EQ(summary.at("stopped_by"), "day done") << hall.outputs();
  // The watch, too, must be following the third dispatcher before judging.
  const auto syncBound = std::chrono::steady_clock::now() + 10s;
  while (watch.resets() < 3 && std::chrono::steady_clock::now() < syncBound) watch.look(20ms);
  EXPECT_GE(watch.resets(), 3u);
  const core::Hall& hallAtEnd = *watch.mirror().hall();

  // then every ticket the kiosk got an acknowledgement for is there, with its number, final
  int acknowledged = 0;
  for (const auto& entry : readActivity(hall.activityLog().string())) {
    if (entry.value("what", "") != "issued") continue;
    ++acknowledged;
    const core::Ticket* t = hallAtEnd.findTicket(entry.at("ticket").get<core::TicketId>());
    ASSERT_NE(t, nullptr) << "acknowledged ticket lost: " << entry.dump();
    EXPECT_EQ(t->number, entry.at("number").get<std::string>());
    EXPECT_EQ(t->requestKey, entry.at("key").get<std::string>());
    EXPECT_TRUE(core::isFinal(t->state)) << t->number << " is " << core::toString(t->state);
  }
  EXPECT_GT(acknowledged, kResidents / 2);
  // and no resident got two tickets: one ticket per idempotency key
  std::set<std::string> keys;
  for (const auto& [id, t] : hallAtEnd.state().tickets) {
    if (t.channel == core::Channel::Transfer) continue;
    EXPECT_TRUE(keys.insert(t.requestKey).second) << "two tickets under key " << t.requestKey;
    EXPECT_TRUE(core::isFinal(t.state)) << t.number << " is " << core::toString(t.state);
  }
  // and the displays caught up, the ones on the pulled bus included
  expectDisplaysCatchUp(watch, config, 15s);
  if (HasFailure()) ADD_FAILURE() << hall.outputs();
}

TEST(SecondRun, ContinuesTheSameDayFromTheTicketsAlreadyIssued) {
  ScratchDir dir;
  HallProcesses hall(dir.path());
  ASSERT_TRUE(hall.startDispatcher()) << hall.failure();
  // given a first run that stops at simulated 11:00 (no bus: residents rate by command)
  ASSERT_TRUE(hall.startSimulator({"--speed", "3000", "--seed", "1", "--until", "11:00"})) << hall.failure();
  ASSERT_EQ(hall.simulator()->waitForExit(60s).value_or(-1), 0) << hall.outputs();
  const auto first = readSummary(hall.summaryFile().string());
  EXPECT_EQ(first.at("stopped_by"), "until");
  const int issuedFirst = std::stoi(first.at("issued"));
  ASSERT_GT(issuedFirst, 20);

  // when a second run starts
  ASSERT_TRUE(hall.startSimulator({"--speed", "3000", "--seed", "2", "--until", "13:00"})) << hall.failure();
  const auto started = hall.simulator()->waitForLine("jiujin-sim: ", 5s);
  ASSERT_EQ(hall.simulator()->waitForExit(60s).value_or(-1), 0) << hall.outputs();

  // then it starts late in the morning, where that many tickets put the day, not at opening
  ASSERT_TRUE(started.has_value());
  EXPECT_EQ(started->find("from 08:30"), std::string::npos) << *started;
  EXPECT_NE(started->find(fmt::format("{} tickets already issued", issuedFirst)), std::string::npos) << *started;
  // and the day goes on: more tickets, numbers continuing, none issued twice
  const auto second = readSummary(hall.summaryFile().string());
  EXPECT_GT(std::stoi(second.at("issued")), issuedFirst);
  const config::HallConfig config = loadHall(hall.hallFile());
  DayWatch watch(config, hall.commands(), hall.events(), "");
  const auto syncBound = std::chrono::steady_clock::now() + 10s;
  while (!watch.mirror().synced() && std::chrono::steady_clock::now() < syncBound) watch.look(20ms);
  ASSERT_TRUE(watch.mirror().synced());
  std::set<std::string> numbers;
  for (const auto& [id, t] : watch.mirror().hall()->state().tickets) {
    if (t.channel == core::Channel::Transfer) continue;  // keeps its resident's number
    EXPECT_TRUE(numbers.insert(t.number).second) << t.number << " twice";
  }
  EXPECT_EQ(static_cast<int>(numbers.size()), std::stoi(second.at("issued")));
}
