// jiujin-printersim: a simulated ESC/POS ticket printer on a pseudo-terminal, for the demo
// and for trying the kiosk without hardware. Thin: parse options, start the simulator, take
// control lines on stdin until told to stop.
#include "jiujin/devices/printer/printer_simulator.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <poll.h>
#include <sstream>
#include <sys/signalfd.h>
#include <unistd.h>

namespace printer = jiujin::devices::printer;

namespace {

const char* kControlHelp =
    "control lines on stdin:\n"
    "  state ok|near_end|out|cover_open|offline|error|silent\n"
    "  paper N        the roll holds N more tickets, then runs out part-way\n"
    "  paper endless  an endless roll (the default)\n"
    "  status         print condition and counters\n"
    "  quit           stop (as do SIGINT and SIGTERM)\n";

// Applies one control line; returns false on "quit".
bool control(printer::PrinterSimulator& sim, const std::string& line) {
  std::istringstream words(line);
  std::string verb, argument;
  words >> verb >> argument;
  if (verb.empty()) return true;
  if (verb == "quit") return false;
  if (verb == "state") {
    if (auto condition = printer::conditionFromName(argument)) {
      sim.setCondition(*condition);
      fmt::print("state {}\n", printer::conditionName(*condition));
    } else {
      fmt::print(stderr, "unknown state '{}'\n{}", argument, kControlHelp);
    }
  } else if (verb == "paper") {
    if (argument == "endless") {
      sim.setPaperRemaining(std::nullopt);
      fmt::print("paper endless\n");
    } else {
      try {
        const int tickets = std::stoi(argument);
        sim.setPaperRemaining(tickets);
        fmt::print("paper {}\n", tickets);
      } catch (const std::exception&) {
        fmt::print(stderr, "paper needs a number of tickets or 'endless'\n");
      }
    }
  } else if (verb == "status") {
    fmt::print("state {} printed {} lost {} status-answers {}\n", printer::conditionName(sim.condition()),
               sim.printedTickets().size(), sim.lostTickets(), sim.statusQuestionsAnswered());
  } else {
    fmt::print(stderr, "unknown command '{}'\n{}", verb, kControlHelp);
  }
  std::fflush(stdout);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Simulated ESC/POS ticket printer on a pseudo-terminal"};
  app.footer(kControlHelp);
  std::string link;
  std::string state = "ok";
  std::string logPath;
  app.add_option("--link", link, "path of the symlink to the printer's serial device")->required();
  app.add_option("--state", state, "initial condition: ok near_end out cover_open offline error silent");
  app.add_option("--log", logPath, "also append each printed ticket to this file");
  CLI11_PARSE(app, argc, argv);

  const auto condition = printer::conditionFromName(state);
  if (!condition) {
    fmt::print(stderr, "unknown --state '{}'\n", state);
    return 2;
  }
  std::ofstream log;
  if (!logPath.empty()) {
    log.open(logPath, std::ios::app);
    if (!log) {
      fmt::print(stderr, "cannot open --log {}\n", logPath);
      return 1;
    }
  }

  // Signals are taken as events on a descriptor, blocked before the simulator's thread starts.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  sigprocmask(SIG_BLOCK, &stopSignals, nullptr);
  const int signals = signalfd(-1, &stopSignals, SFD_CLOEXEC);

  auto started = printer::PrinterSimulator::start(link, *condition);
  if (!started.simulator) {
    fmt::print(stderr, "jiujin-printersim: {}\n", started.error);
    return 1;
  }
  auto& sim = *started.simulator;
  sim.onPrinted([&log](const printer::PrintedTicket& ticket) {
    const auto text = printer::renderTicket(ticket);
    fmt::print("{}", text);
    std::fflush(stdout);
    if (log.is_open()) log << text << std::flush;
  });
  fmt::print("ready {} -> {} state {}\n", link, sim.devicePath(), printer::conditionName(*condition));
  std::fflush(stdout);

  bool stdinOpen = true;
  std::string pending;
  for (;;) {
    pollfd fds[2] = {{signals, POLLIN, 0}, {stdinOpen ? STDIN_FILENO : -1, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      fmt::print(stderr, "jiujin-printersim: poll: {}\n", std::strerror(errno));
      break;
    }
    if (fds[0].revents != 0) break;
    if (fds[1].revents == 0) continue;
    char chunk[512];
    const auto n = read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
      stdinOpen = false;  // no more control lines: run until a signal
      continue;
    }
    pending.append(chunk, static_cast<std::size_t>(n));
    bool quit = false;
    for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
      const std::string line = pending.substr(0, end);
      pending.erase(0, end + 1);
      if (!control(sim, line)) quit = true;
    }
    if (quit) break;
  }
  fmt::print("stopped: printed {} lost {}\n", sim.printedTickets().size(), sim.lostTickets());
  return 0;
}
