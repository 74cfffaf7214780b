// Clerk PINs against a guesser, on the real dispatcher service (sockets, SQLite, the PIN-check
// thread, argon2id hashes from the hall file), run in this process so that its clock is the
// test's: waiting out a backoff is turning the clock on, never sleeping.
#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/config/pin.hpp"
#include "jiujin/service/dispatcher_service.hpp"
#include "support/test_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

/// A dispatcher service on ephemeral loopback ports whose hall clock the test sets.
class ServiceWithTestClock {
 public:
  ServiceWithTestClock() : hall_(writeTestHall(dir_.path())) {
    const auto loaded = config::loadHallConfig(hall_.hallFile);
    if (!loaded.ok()) throw std::runtime_error("the test hall does not load");
    service::ServiceSettings s;
    s.definition = loaded.config->definition;
    s.database = hall_.database;
    s.commandsEndpoint = "tcp://127.0.0.1:0";
    s.eventsEndpoint = "tcp://127.0.0.1:0";
    for (const auto& c : loaded.config->clerks)
      s.clerks.push_back({c.id, c.pinHash, {c.allowedWindows.begin(), c.allowedWindows.end()}});
    s.verifyPin = [](std::string_view hash, std::string_view pin) { return config::verifyPin(hash, pin); };
    s.clock = [this] { return core::TimePoint{core::Milliseconds{nowMs_.load()}}; };
    auto started = service::DispatcherService::start(std::move(s));
    if (!started) throw std::runtime_error("the service does not start: " + started.error().en);
    service_ = std::move(started).value();
    thread_ = std::thread([this] { service_->run(stop_); });
  }
  ~ServiceWithTestClock() {
    stop_ = true;
    thread_.join();
  }

  void advance(core::Milliseconds by) { nowMs_ += by.count(); }

  std::unique_ptr<client::CommandChannel> channel(const std::string& role, int window = 0) {
    client::ConnectionOptions o;
    o.commands = service_->commandsEndpoint();
    o.events = service_->eventsEndpoint();
    o.identity = client::StatedIdentity{role, window > 0 ? std::optional<int>(window) : std::nullopt, "test-" + role};
    o.requestTimeout = 5000ms;
    o.attempts = 1;
    return std::make_unique<client::CommandChannel>(context_, o);
  }

 private:
  TempDir dir_;
  TestHall hall_;
  // Tuesday 2024-05-07 09:00, hall-local.
  std::atomic<std::int64_t> nowMs_{
      core::TimePoint{std::chrono::sys_days{std::chrono::year{2024} / 5 / 7} + 9h}.time_since_epoch().count()};
  zmq::context_t context_;
  std::unique_ptr<service::DispatcherService> service_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

std::string codeOf(const client::Reply& reply) { return reply.ok ? "ok" : reply.error.code; }

client::Reply login(client::CommandChannel& console, const std::string& clerk, const std::string& pin) {
  return console.request("clerk_login", {{"window", 1}, {"clerk", clerk}, {"pin", pin}});
}

json alarmsOfKind(client::CommandChannel& manager, const std::string& kind) {
  const auto snapshot = manager.request("snapshot", json::object());
  EXPECT_TRUE(snapshot.ok);
  json found = json::array();
  for (const auto& a : snapshot.result["alarms"])
    if (a["kind"] == kind) found.push_back(a);
  return found;
}

TEST(DispatcherPinLock, WrongPinsBackOffThenLockAndOnlyAManagerUnlocks) {
  ServiceWithTestClock hall;
  auto console = hall.channel("console", 1);
  auto manager = hall.channel("manager");

  // Three wrong PINs cost nothing but the answer.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(codeOf(login(*console, "c01", "0000")), "wrong_pin");
  // The fourth comes too soon: refused before any check, with the seconds to wait.
  const auto tooSoon = login(*console, "c01", "1234");
  ASSERT_EQ(codeOf(tooSoon), "pin_backoff");
  EXPECT_NE(tooSoon.error.en.find("try again in 2 s"), std::string::npos) << tooSoon.error.en;
  EXPECT_NE(tooSoon.error.zh.find("2 秒"), std::string::npos) << tooSoon.error.zh;

  // Waiting out each delay (2, 4, 8 … s), six more wrong PINs are checked and refused.
  core::Seconds delay = 2s;
  for (int wrong = 4; wrong <= 9; ++wrong) {
    hall.advance(delay - 1s);
    ASSERT_EQ(codeOf(login(*console, "c01", "0000")), "pin_backoff") << "wrong PIN " << wrong;
    hall.advance(1s);
    ASSERT_EQ(codeOf(login(*console, "c01", "0000")), "wrong_pin") << "wrong PIN " << wrong;
    delay *= 2;
  }
  EXPECT_TRUE(alarmsOfKind(*manager, "clerk_locked").empty());

  // The tenth wrong PIN in a row locks the clerk, and the manager is alarmed.
  hall.advance(delay);
  const auto locking = login(*console, "c01", "0000");
  ASSERT_EQ(codeOf(locking), "clerk_locked");
  const auto alarms = alarmsOfKind(*manager, "clerk_locked");
  ASSERT_EQ(alarms.size(), 1u);
  EXPECT_EQ(alarms[0]["window"], 1);
  EXPECT_NE(alarms[0]["en"].get<std::string>().find("clerk c01"), std::string::npos);

  // Locked: even the right PIN, an hour later, from another window's console.
  hall.advance(1h);
  ASSERT_EQ(codeOf(login(*console, "c01", "1234")), "clerk_locked");
  auto otherConsole = hall.channel("console", 3);
  ASSERT_EQ(codeOf(otherConsole->request("clerk_login", {{"window", 3}, {"clerk", "c01"}, {"pin", "1234"}})),
            "clerk_locked");

  // Only a manager unlocks.
  EXPECT_EQ(codeOf(console->request("unlock_clerk", {{"clerk", "c01"}})), "forbidden");
  EXPECT_EQ(codeOf(manager->request("unlock_clerk", {{"clerk", "c01"}, {"window", 1}})), "invalid_argument");
  const auto unlocked = manager->request("unlock_clerk", {{"clerk", "c01"}});
  ASSERT_EQ(codeOf(unlocked), "ok");
  EXPECT_EQ(unlocked.result["was_locked"], true);

  // The right PIN now logs in at once, from the console that made the wrong ones.
  const auto in = login(*console, "c01", "1234");
  ASSERT_EQ(codeOf(in), "ok") << in.error.en;
  EXPECT_EQ(in.result["events"][0]["type"], "window.clerk_logged_in");

  // The unlock is in the audit record under the manager's name.
  const auto audit = manager->request("audit_export", {{"after", 0}, {"limit", 5000}});
  ASSERT_EQ(codeOf(audit), "ok");
  int unlocks = 0;
  int backoffs = 0;
  for (const auto& row : audit.result["rows"]) {
    if (row["type"] == "unlock_clerk" && row["ok"] == true) {
      ++unlocks;
      EXPECT_EQ(row["client"], "loopback:test-manager");
    }
    if (row["result"] == "pin_backoff") ++backoffs;
  }
  EXPECT_EQ(unlocks, 1);
  EXPECT_EQ(backoffs, 7);
}

TEST(DispatcherPinLock, AnIdThatIsNoClerkIsThrottledAndLockedLikeARealOne) {
  ServiceWithTestClock hall;
  auto console = hall.channel("console", 1);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(codeOf(login(*console, "c99", "1234")), "wrong_pin");
  ASSERT_EQ(codeOf(login(*console, "c99", "1234")), "pin_backoff");
  for (int wrong = 4; wrong <= 10; ++wrong) {
    hall.advance(300s);
    const auto reply = login(*console, "c99", "1234");
    ASSERT_EQ(codeOf(reply), wrong < 10 ? "wrong_pin" : "clerk_locked") << "attempt " << wrong;
  }
  auto manager = hall.channel("manager");
  EXPECT_EQ(alarmsOfKind(*manager, "clerk_locked").size(), 1u);
  // A manager may clear it; an id that is neither a clerk nor locked is not found.
  EXPECT_EQ(codeOf(manager->request("unlock_clerk", {{"clerk", "c99"}})), "ok");
  EXPECT_EQ(codeOf(manager->request("unlock_clerk", {{"clerk", "c99"}})), "not_found");
}

TEST(DispatcherPinLock, ABurstOfGuessesAtOnceGetsOnlyThreeChecks) {
  ServiceWithTestClock hall;
  // Ten consoles' worth of requests sent before any answer: the throttle counts checks still
  // running, so only three PINs are checked and the rest are told to wait.
  std::vector<std::unique_ptr<client::CommandChannel>> guessers;
  for (int i = 0; i < 10; ++i) guessers.push_back(hall.channel("console", 1));
  std::vector<std::thread> threads;
  std::vector<std::string> codes(10);
  for (int i = 0; i < 10; ++i)
    threads.emplace_back([&, i] { codes[static_cast<std::size_t>(i)] = codeOf(login(*guessers[static_cast<std::size_t>(i)], "c01", "0000")); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "wrong_pin"), 3);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "pin_backoff"), 7);
}

}  // namespace
}  // namespace jiujin::testing
