// jiujin-dispatcher --config HALL.toml --db HALL.db [--commands EP] [--events EP] [--hours follow|ignore]
//                   [--disk-alarm-mb N]
// Testing only: --test-clock-file FILE (with JIUJIN_TEST_CLOCK=i-am-a-test in the environment,
// else refused): the hall's time is read from FILE ("2026-04-13T09:30:00"), see test_clock.hpp.
// Prints "READY commands=<ep> events=<ep>" on stdout once it serves. Exit codes: 0 after
// SIGINT/SIGTERM, 2 for an invalid configuration, 1 when it cannot start. SIGHUP reloads the
// hall file (like the reload_config command): an invalid file leaves the hall as it was.
// With [audit] signing_key_file it signs audit checkpoints into <db>.checkpoints (or
// [audit] checkpoint_file) and publishes them as `audit.checkpoint`.
// Under systemd (packaging/systemd/jiujin-dispatcher.service, Type=notify) it also sends
// READY=1 once recovered and serving, and feeds the watchdog from its command loop.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "jiujin/base/log.hpp"
#include "jiujin/base/service_manager.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/dispatcher/hall_settings.hpp"
#include "jiujin/dispatcher/test_clock.hpp"
#include "jiujin/service/dispatcher_service.hpp"

namespace {

std::atomic<bool> stopRequested{false};
std::atomic<bool> reloadRequested{false};
int wakeWriteFd = -1;

void wake() {
  const char byte = 1;
  [[maybe_unused]] const auto n = ::write(wakeWriteFd, &byte, 1);
}

void onSignal(int) {
  stopRequested = true;
  wake();
}

void onHangUp(int) {
  reloadRequested = true;
  wake();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"就近 Jiujin dispatcher: the hall's queues and windows, served over ZeroMQ"};
  jiujin::dispatcher::DaemonOptions options;
  std::string hours = "follow";
  app.add_option("--config", options.configFile, "hall file (TOML)")->required();
  app.add_option("--db", options.database, "the hall's SQLite database (created if missing)")->required();
  app.add_option("--commands", options.commands, "request endpoint, e.g. tcp://127.0.0.1:0 for any free port");
  app.add_option("--events", options.events, "event endpoint");
  app.add_option("--server-key", options.serverKeyFile, "the service's CURVE secret key file (Z85)");
  app.add_flag("--curve", options.curve, "use CURVE even on loopback endpoints");
  app.add_option("--heartbeat-ms", options.heartbeatMs, "heartbeat interval")
      ->check(CLI::Range(jiujin::dispatcher::kMinHeartbeatMs, jiujin::dispatcher::kMaxHeartbeatMs));
  app.add_option("--hours", hours,
                 "follow: residents take tickets only in the opening hours of the hall file; "
                 "ignore: at any time (tests, a demo at night)")
      ->check(CLI::IsMember({"follow", "ignore"}));
  app.add_option("--disk-alarm-mb", options.diskAlarmMb,
                 "raise the disk_space_low alarm when less than this many MB are free for the database")
      ->check(CLI::Range(jiujin::service::kMinDiskAlarmMb, jiujin::service::kMaxDiskAlarmMb))
      ->capture_default_str();
  app.add_option("--fault-crash-before-reply", options.crashBeforeReplyTo,
                 "crash tests only: die (SIGKILL) after committing a request of this type, before replying")
      ->group("Testing");
  std::string testClockFile;
  app.add_option("--test-clock-file", testClockFile,
                 "end-to-end tests only: the hall's time is read from this file (2026-04-13T09:30:00); "
                 "refused unless JIUJIN_TEST_CLOCK=i-am-a-test is set too")
      ->group("Testing");
  CLI11_PARSE(app, argc, argv);
  options.followHours = hours == "follow";

  const auto loaded = jiujin::config::loadHallConfig(options.configFile);
  if (!loaded.ok()) {
    for (const auto& d : loaded.errors) jiujin::log::error("dispatcher", "{}", jiujin::config::toString(d));
    jiujin::log::error("dispatcher", "{} has {} error(s); not starting", options.configFile.string(),
                       loaded.errors.size());
    return 2;
  }
  auto settings = jiujin::dispatcher::settingsFor(*loaded.config, options);
  if (!settings) {
    jiujin::log::error("dispatcher", "{}; not starting", settings.error().en);
    return 2;
  }
  if (!testClockFile.empty()) {
    auto clock = jiujin::dispatcher::testClockFrom(testClockFile, std::getenv(jiujin::dispatcher::kTestClockEnvironment));
    if (!clock) {
      jiujin::log::error("dispatcher", "{}; not starting", clock.error().en);
      return 2;
    }
    settings.value().clock = std::move(clock).value();
    jiujin::log::warning("dispatcher", "TEST CLOCK: the hall's time is read from {}, not from the machine; "
                                       "never run a hall like this", testClockFile);
  }
  if (!settings.value().auditCheckpoints.signingKey)
    jiujin::log::warning("dispatcher", "no [audit] signing_key_file: the audit record is not checkpointed, so "
                                       "cutting or recomputing it would go unnoticed (docs/configuration.md, [audit])");

  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0) {
    jiujin::log::error("dispatcher", "cannot create the signal pipe");
    return 1;
  }
  wakeWriteFd = pipeFds[1];
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  struct sigaction hangUp {};
  hangUp.sa_handler = onHangUp;
  sigemptyset(&hangUp.sa_mask);
  sigaction(SIGHUP, &hangUp, nullptr);

  jiujin::service_manager::WatchdogFeeder watchdog;
  if (watchdog.enabled()) settings.value().turned = [&watchdog] { watchdog.turned(); };
  auto service = jiujin::service::DispatcherService::start(std::move(settings).value());
  if (!service) {
    jiujin::log::error("dispatcher", "cannot start: {} ({})", service.error().en, service.error().code);
    return 1;
  }
  std::cout << "READY commands=" << service.value()->commandsEndpoint()
            << " events=" << service.value()->eventsEndpoint() << std::endl;
  jiujin::service_manager::notifyReady();
  service.value()->run(stopRequested, pipeFds[0], &reloadRequested);
  jiujin::service_manager::notifyStopping();
  service.value().reset();
  jiujin::log::notice("dispatcher", "stopped");
  return 0;
}
