#include "jiujin/devices/sim/control_protocol.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <fmt/format.h>
#include <sstream>
#include <vector>

namespace jiujin::devices::sim {

namespace {

constexpr const char* kHelp =
    "ok commands:\n"
    "buses                          bus id, symlink and pty of every bus\n"
    "devices                        every device: bus, address, kind, profile, faults, counters\n"
    "show DEVICE                    what a display shows, a keypad holds, a pad prompts\n"
    "history SINCE [MAX]            up to MAX (1000) content changes after entry SINCE, oldest first\n"
    "press KEYPAD KEY               KEY as the keypad's profile names it: call_next recall\n"
    "                               start complete no_show transfer pause_resume request_evaluation\n"
    "rate PAD 1..5                  1 非常满意 .. 5 非常不满意; only while prompting\n"
    "fault DEVICE FAULT             FAULT: absent silent bad_crc garbage slow refuse_writes\n"
    "                               late_reply drop_next\n"
    "clear DEVICE [FAULT]           clears one fault or all\n"
    "vanish BUS [MS]                the port disappears; returns after MS or on restore\n"
    "restore BUS                    the port returns behind the same symlink";

std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  std::istringstream in{std::string(line)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::optional<int> number(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string done(const std::optional<SimError>& error) {
  return error ? "error " + error->message : "ok";
}

std::string listBuses(const BusSimulator& sim) {
  std::string out = "ok";
  for (const auto& b : sim.buses()) {
    out += fmt::format("\n{} {} {}", b.id, b.link.string(), b.pty.empty() ? "-" : b.pty);
  }
  return out;
}

constexpr std::size_t kHistoryPage = 1000;
constexpr std::size_t kHistoryPageMax = 10'000;

std::string listHistory(const BusSimulator& sim, std::uint64_t since, std::size_t limit) {
  const auto page = sim.history().since(since, limit);
  std::string out = fmt::format("ok next={} more={} gap={} count={}", page.next, page.more ? 1 : 0,
                                page.gap ? 1 : 0, page.entries.size());
  for (const auto& e : page.entries) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(e.time.time_since_epoch()).count();
    out += fmt::format("\nentry={} time_ms={} bus={} device={} {}", e.entry, ms, e.bus, e.device, e.shown);
  }
  return out;
}

std::string listDevices(const BusSimulator& sim) {
  std::string out = "ok";
  for (const auto& d : sim.devices()) {
    std::string faults;
    for (const auto f : d.faults) faults += fmt::format("{}{}", faults.empty() ? "" : ",", toString(f));
    out += fmt::format("\n{} bus={} address={} kind={} profile={} faults={} requests={} answered={}",
                       d.id, d.bus, d.address, toString(d.kind), d.profile,
                       faults.empty() ? "-" : faults, d.requests, d.answered);
  }
  return out;
}

}  // namespace

std::string handleControlCommand(BusSimulator& sim, std::string_view line) {
  const auto w = words(line);
  if (w.empty()) return "error empty command; try help";
  const std::string& command = w[0];
  auto usage = [&](const char* form) { return fmt::format("error usage: {}", form); };

  if (command == "help") return kHelp;
  if (command == "buses") return listBuses(sim);
  if (command == "devices") return listDevices(sim);
  if (command == "show") {
    if (w.size() != 2) return usage("show DEVICE");
    const auto shown = sim.show(w[1]);
    return shown ? "ok " + shown.value() : "error " + shown.error().message;
  }
  if (command == "history") {
    if (w.size() < 2 || w.size() > 3) return usage("history SINCE [MAX]");
    std::uint64_t since = 0;
    const auto [end, ec] = std::from_chars(w[1].data(), w[1].data() + w[1].size(), since);
    if (ec != std::errc{} || end != w[1].data() + w[1].size()) return "error SINCE is an entry number (0 for all)";
    std::size_t limit = kHistoryPage;
    if (w.size() == 3) {
      const auto max = number(w[2]);
      if (!max || *max < 1) return "error MAX is a positive number of entries";
      limit = std::min(static_cast<std::size_t>(*max), kHistoryPageMax);
    }
    return listHistory(sim, since, limit);
  }
  if (command == "press") {
    if (w.size() != 3) return usage("press KEYPAD KEY");
    const auto seq = sim.press(w[1], w[2]);
    return seq ? fmt::format("ok seq={}", seq.value()) : "error " + seq.error().message;
  }
  if (command == "rate") {
    if (w.size() != 3) return usage("rate PAD 1..5");
    const auto value = number(w[2]);
    const auto rating = value ? ratingFromNumber(*value) : std::nullopt;
    if (!rating) return "error a rating is 1 (非常满意) .. 5 (非常不满意)";
    const auto seq = sim.rate(w[1], *rating);
    return seq ? fmt::format("ok rating_seq={}", seq.value()) : "error " + seq.error().message;
  }
  if (command == "fault") {
    if (w.size() != 3) return usage("fault DEVICE FAULT");
    const auto fault = faultFromString(w[2]);
    if (!fault) return fmt::format("error unknown fault \"{}\"", w[2]);
    return done(sim.injectFault(w[1], *fault));
  }
  if (command == "clear") {
    if (w.size() < 2 || w.size() > 3) return usage("clear DEVICE [FAULT]");
    std::optional<Fault> fault;
    if (w.size() == 3) {
      fault = faultFromString(w[2]);
      if (!fault) return fmt::format("error unknown fault \"{}\"", w[2]);
    }
    return done(sim.clearFault(w[1], fault));
  }
  if (command == "vanish") {
    if (w.size() < 2 || w.size() > 3) return usage("vanish BUS [MS]");
    std::optional<std::chrono::milliseconds> after;
    if (w.size() == 3) {
      const auto ms = number(w[2]);
      if (!ms || *ms < 0) return "error MS must be a whole number of milliseconds";
      after = std::chrono::milliseconds(*ms);
    }
    return done(sim.vanishPort(w[1], after));
  }
  if (command == "restore") {
    if (w.size() != 2) return usage("restore BUS");
    return done(sim.restorePort(w[1]));
  }
  return fmt::format("error unknown command \"{}\"; try help", command);
}

}  // namespace jiujin::devices::sim
