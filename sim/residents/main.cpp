// jiujin-sim --config HALL.toml [--commands EP --events EP] [--speed N] [--until HH:MM | --for SECONDS]
//            [--seed S] [--summary FILE] [--bussim-control EP] [--activity FILE]
// Brings a hall to life: residents arrive and take tickets, clerks serve them, residents
// rate. Writes the day's summary to --summary and stdout at the end of the day, at --until
// or --for, or on SIGINT/SIGTERM. Exit codes: 0 done, 1 no dispatcher, 2 bad arguments or
// hall file.
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "jiujin/config/loader.hpp"
#include "jiujin/sim/hall_simulation.hpp"

namespace {

std::atomic<bool> stopRequested{false};

void onSignal(int) { stopRequested = true; }

}  // namespace

int main(int argc, char** argv) {
  using namespace jiujin;
  CLI::App app{"jiujin-sim: residents and clerks of a simulated day in the hall"};
  std::string hallFile, until, summaryFile;
  std::optional<std::string> start;
  std::optional<double> forSeconds;
  sim::SimulationOptions options;
  std::optional<std::string> busControl;
  app.add_option("--config", hallFile, "hall file (TOML)")->required();
  app.add_option("--commands", options.commands, "the dispatcher's command endpoint (default: the hall file's)");
  app.add_option("--events", options.events, "the dispatcher's event endpoint (default: the hall file's)");
  app.add_option("--speed", options.speed, "simulated seconds per real second (the dispatcher keeps real time)")
      ->check(CLI::Range(0.1, 100000.0));
  auto* untilOption = app.add_option("--until", until, "stop at this simulated time of day, HH:MM");
  app.add_option("--for", forSeconds, "stop after this many real seconds")->excludes(untilOption);
  app.add_option("--start", start, "simulated start time HH:MM (default: opening, or where today's tickets say the day is)");
  app.add_option("--seed", options.seed, "random seed (the same seed gives the same residents)");
  app.add_option("--summary", summaryFile, "write the day's summary here too");
  app.add_option("--bussim-control", busControl, "jiujin-bussim control endpoint: keypads and pads over the bus");
  app.add_option("--activity", options.activityLog, "append what was done (tickets, keys, ratings) as JSON lines");
  app.add_option("--residents", options.residentsPerDay, "expected residents over a whole day")->check(CLI::Range(1.0, 5000.0));
  app.add_option("--keypad-share", options.keypadShare, "share of start/complete/transfer pressed on the keypad")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--pin", options.pin, "the clerks' PIN");
  CLI11_PARSE(app, argc, argv);

  const auto loaded = config::loadHallConfig(hallFile);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors) std::cerr << config::toString(e) << '\n';
    return 2;
  }
  const auto parseTime = [](const std::string& text) -> std::optional<sim::SimSeconds> {
    const auto t = config::parseClockTime(text);
    if (!t) return std::nullopt;
    return t->minutesSinceMidnight * 60.0;
  };
  if (!until.empty()) {
    options.until = parseTime(until);
    if (!options.until) {
      std::cerr << "jiujin-sim: --until wants HH:MM, not " << until << '\n';
      return 2;
    }
  }
  if (start) {
    options.start = parseTime(*start);
    if (!options.start) {
      std::cerr << "jiujin-sim: --start wants HH:MM, not " << *start << '\n';
      return 2;
    }
  }
  if (forSeconds) options.runFor = std::chrono::milliseconds(static_cast<long long>(*forSeconds * 1000));
  options.busControl = busControl;

  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  sim::HallSimulation simulation(*loaded.config, options);
  const sim::SimulationResult result = simulation.run(stopRequested);
  if (!result.synced) {
    std::cerr << "jiujin-sim: the dispatcher did not answer; nothing simulated\n";
    return 1;
  }
  const std::string text = sim::toText(result.summary) +
                           fmt::format("stopped_by: {}\nissued_this_run: {}\nrequest_timeouts: {}\n", result.stoppedBy,
                                       result.ticketsIssued, result.requestTimeouts);
  std::cout << text << std::flush;
  if (!summaryFile.empty()) {
    std::ofstream out(summaryFile);
    out << text;
    if (!out) {
      std::cerr << "jiujin-sim: cannot write " << summaryFile << '\n';
      return 1;
    }
  }
  return 0;
}
