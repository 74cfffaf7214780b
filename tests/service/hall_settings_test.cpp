// What jiujin-dispatcher makes of its hall file and command line (dispatcher/service/app,
// hall_settings): every setting the hall file gives, the defaults when it gives none, the
// command line's overrides, and a clear refusal for values out of range.
#include <gtest/gtest.h>
#include <zmq.h>

#include <array>
#include <fstream>

#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/dispatcher/hall_settings.hpp"
#include "jiujin/service/audit_checkpoint.hpp"
#include "support/test_hall.hpp"

namespace jiujin::dispatcher {
namespace {

using namespace std::chrono_literals;
using jiujin::testing::TempDir;

const core::TimePoint kMonday = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}};

std::string curvePublicKey() {
  std::array<char, 41> pub{};
  std::array<char, 41> sec{};
  EXPECT_EQ(zmq_curve_keypair(pub.data(), sec.data()), 0);
  return std::string(pub.data(), 40);
}

config::HallConfig load(const std::filesystem::path& file) {
  auto loaded = config::loadHallConfig(file);
  EXPECT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors.front().message);
  return loaded.ok() ? *loaded.config : config::HallConfig{};
}

/// The test hall with CURVE, a console at window 1, a manager, a gateway on rs485-1 (where
/// window 1's pad and keypad are), [store] synchronous = normal, a case archive period and a
/// signed [audit].
class EveryHallSetting : public ::testing::Test {
 protected:
  EveryHallSetting() {
    jiujin::testing::TestHallOptions options;
    options.curve = true;
    options.clients = {{"console-w1", "console", 1, "", ""}, {"manager", "manager", 0, "", ""}};
    options.hours = "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\nopen = \"09:00-17:00\"\n";
    hall = jiujin::testing::writeTestHall(dir.path(), options);
    std::ofstream(dir.path() / "audit.key") << service::toHex(service::newAuditKeyPair().secretKey) << '\n';
    std::ofstream(hall.hallFile, std::ios::app) << "[[client]]\nname = \"gateway\"\nrole = \"devices\"\n"
                                                << "public_key = '" << curvePublicKey() << "'\n"
                                                << "buses = [\"rs485-1\"]\n\n"
                                                << "[store]\nsynchronous = \"normal\"\n\n"
                                                << "[cases]\narchive_days = 1096\n\n"
                                                << "[audit]\nsigning_key_file = \"audit.key\"\n"
                                                << "checkpoint_every_rows = 50\ncheckpoint_every_minutes = 5\n";
    options_.configFile = hall.hallFile;
    options_.database = hall.database;
  }

  service::ServiceSettings settings(const config::HallConfig& config) {
    auto s = settingsFor(config, options_);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().en);
    return s.ok() ? std::move(s).value() : service::ServiceSettings{};
  }

  TempDir dir;
  jiujin::testing::TestHall hall;
  DaemonOptions options_;
};

TEST_F(EveryHallSetting, EndpointsKeysAndTheStoreComeFromTheHallFile) {
  const auto s = settings(load(hall.hallFile));
  EXPECT_EQ(s.commandsEndpoint, "tcp://127.0.0.1:5570");
  EXPECT_EQ(s.eventsEndpoint, "tcp://127.0.0.1:5571");
  EXPECT_TRUE(s.curve);
  EXPECT_EQ(s.serverSecretKey.size(), 40u);  // read from service.key, beside the hall file
  EXPECT_FALSE(s.synchronousFull);
  EXPECT_EQ(s.caseArchiveDays, 1096);
  EXPECT_EQ(s.database, hall.database);
  EXPECT_EQ(s.definition.name, "测试便民服务中心");
  EXPECT_EQ(s.heartbeatInterval, 1000ms);
  EXPECT_TRUE(s.crashBeforeReplyTo.empty());
}

TEST_F(EveryHallSetting, ClientsGetTheirRolesAndWindows) {
  const auto s = settings(load(hall.hallFile));
  std::map<std::string, service::ClientEntry> clients;
  for (const auto& c : s.clients) clients.emplace(c.name, c);
  ASSERT_EQ(clients.size(), 3u);
  EXPECT_EQ(clients.at("console-w1").role, service::Role::Console);
  EXPECT_EQ(clients.at("console-w1").windows, std::set<core::WindowNumber>{1});
  EXPECT_EQ(clients.at("manager").role, service::Role::Manager);
  EXPECT_TRUE(clients.at("manager").windows.empty());
  // The gateway drives rs485-1: window 1's pad and keypad are its windows.
  EXPECT_EQ(clients.at("gateway").role, service::Role::Devices);
  EXPECT_EQ(clients.at("gateway").windows, std::set<core::WindowNumber>{1});
  EXPECT_EQ(clients.at("gateway").publicKey.size(), 40u);
}

TEST_F(EveryHallSetting, ClerksDevicesAndPinsComeAcross) {
  const auto s = settings(load(hall.hallFile));
  ASSERT_EQ(s.clerks.size(), 3u);
  EXPECT_EQ(s.clerks[0].id, "c01");
  EXPECT_FALSE(s.clerks[0].manager);
  EXPECT_EQ(s.clerks[2].id, "m01");
  EXPECT_TRUE(s.clerks[2].manager);
  EXPECT_EQ(s.clerks[0].allowedWindows, (std::set<core::WindowNumber>{1, 3}));
  EXPECT_TRUE(s.clerks[1].allowedWindows.empty());
  ASSERT_TRUE(s.verifyPin);
  EXPECT_TRUE(s.verifyPin(s.clerks[0].pinHash, "1234"));
  EXPECT_FALSE(s.verifyPin(s.clerks[0].pinHash, "4321"));
  ASSERT_EQ(s.devices.size(), 3u);
  EXPECT_EQ(s.devices[1], (service::ConfiguredDevice{"kp-1", "keypad", 1, "rs485-1"}));
  EXPECT_EQ(s.devices[2], (service::ConfiguredDevice{"main-strip", "main_strip", std::nullopt, "rs485-1"}));
}

TEST_F(EveryHallSetting, TheAuditIsCheckpointedAsTheHallFileSays) {
  const auto s = settings(load(hall.hallFile));
  EXPECT_TRUE(s.auditCheckpoints.signingKey.has_value());
  EXPECT_EQ(s.auditCheckpoints.file, std::filesystem::path(hall.database.string() + ".checkpoints"));
  EXPECT_EQ(s.auditCheckpoints.hall, "370199101");  // the region code names the hall
  EXPECT_EQ(s.auditCheckpoints.everyRows, 50);
  EXPECT_EQ(s.auditCheckpoints.everyMinutes, 5min);
}

TEST_F(EveryHallSetting, TicketsFollowTheOpeningHoursUnlessTheyAreIgnored) {
  const auto s = settings(load(hall.hallFile));
  ASSERT_TRUE(s.ticketing);
  EXPECT_EQ(s.ticketing(kMonday + 8h).kind, service::Ticketing::Kind::Closed);
  EXPECT_EQ(s.ticketing(kMonday + 10h).kind, service::Ticketing::Kind::Open);
  options_.followHours = false;
  EXPECT_FALSE(settings(load(hall.hallFile)).ticketing);
}

TEST_F(EveryHallSetting, TheCommandLineOverridesEndpointsAndTheServerKey) {
  std::ofstream(dir.path() / "other.key") << "0123456789012345678901234567890123456789\n";
  options_.commands = "tcp://127.0.0.1:0";
  options_.events = "ipc:///tmp/jiujin-events";
  options_.serverKeyFile = dir.path() / "other.key";
  options_.heartbeatMs = 250;
  options_.crashBeforeReplyTo = "call_next";
  const auto s = settings(load(hall.hallFile));
  EXPECT_EQ(s.commandsEndpoint, "tcp://127.0.0.1:0");
  EXPECT_EQ(s.eventsEndpoint, "ipc:///tmp/jiujin-events");
  EXPECT_EQ(s.serverSecretKey, "0123456789012345678901234567890123456789");
  EXPECT_EQ(s.heartbeatInterval, 250ms);
  EXPECT_EQ(s.crashBeforeReplyTo, "call_next");
}

TEST_F(EveryHallSetting, AHeartbeatOutOfRangeIsRefusedNamingTheRange) {
  const auto config = load(hall.hallFile);
  for (int ms : {kMinHeartbeatMs - 1, kMaxHeartbeatMs + 1}) {
    options_.heartbeatMs = ms;
    const auto refused = settingsFor(config, options_);
    ASSERT_FALSE(refused.ok()) << ms;
    EXPECT_EQ(refused.error().code, "invalid_config");
    EXPECT_EQ(refused.error().en,
              fmt::format("heartbeat interval {} ms is out of range; expected 50 to 10000 ms", ms));
  }
  options_.heartbeatMs = kMaxHeartbeatMs;
  EXPECT_TRUE(settingsFor(config, options_).ok());
}

TEST_F(EveryHallSetting, ACheckpointIntervalBelowOneIsRefused) {
  auto config = load(hall.hallFile);
  config.audit.checkpointEveryRows = 0;
  const auto refused = settingsFor(config, options_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "invalid_config");
  EXPECT_NE(refused.error().en.find("checkpoint_every_rows (0)"), std::string::npos) << refused.error().en;
}

TEST_F(EveryHallSetting, ASigningKeyWhoseHalvesDoNotBelongTogetherStopsTheStart) {
  // 128 hex characters pass the hall file's check; the key itself is checked here.
  std::ofstream(dir.path() / "audit.key") << std::string(128, 'a') << '\n';
  const auto refused = settingsFor(load(hall.hallFile), options_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().en.rfind("[audit] signing_key_file: ", 0), 0u) << refused.error().en;
}

TEST(HallSettingsDefaults, AHallFileThatSaysLittleGetsTheDefaults) {
  TempDir dir;
  const auto hall = jiujin::testing::writeTestHall(dir.path());
  const auto s = settingsFor(load(hall.hallFile), DaemonOptions{hall.hallFile, hall.database});
  ASSERT_TRUE(s.ok()) << s.error().en;
  EXPECT_FALSE(s.value().curve);
  EXPECT_TRUE(s.value().serverSecretKey.empty());
  EXPECT_TRUE(s.value().clients.empty());
  EXPECT_TRUE(s.value().synchronousFull);
  EXPECT_FALSE(s.value().auditCheckpoints.signingKey.has_value());
  EXPECT_EQ(s.value().heartbeatInterval, 1000ms);
  EXPECT_TRUE(s.value().ticketing);  // hours are followed unless the command line says otherwise
  EXPECT_TRUE(s.value().reload);
}

TEST(HallSettingsReload, ABrokenHallFileIsRefusedWithEveryDiagnosticAndAGoodOneReloads) {
  TempDir dir;
  const auto hall = jiujin::testing::writeTestHall(dir.path());
  auto reloaded = reloadFrom(hall.hallFile, true);
  ASSERT_TRUE(reloaded.ok()) << reloaded.error().en;
  EXPECT_EQ(reloaded.value().clerks.size(), 3u);
  EXPECT_EQ(reloaded.value().devices.size(), 3u);
  EXPECT_TRUE(reloaded.value().ticketing);
  EXPECT_FALSE(reloadFrom(hall.hallFile, false).value().ticketing);

  std::ofstream(hall.hallFile, std::ios::app) << "[[window]]\nnumber = 1\nname = \"重复\"\nkind = \"general\"\n";
  const auto refused = reloadFrom(hall.hallFile, true);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "invalid_config");
  EXPECT_NE(refused.error().en.find("the hall keeps its configuration"), std::string::npos);
  EXPECT_NE(refused.error().en.find("hall.toml:"), std::string::npos) << refused.error().en;
}

}  // namespace
}  // namespace jiujin::dispatcher
