// The physical limits every figure of scripts/bench is compared with, measured on this
// machine in the same run: what no code of ours could beat.
//   BM_RawDurableCommit   one-row INSERT + COMMIT in SQLite, WAL, synchronous=FULL
//   BM_BareZeroMqRoundTrip  REQ/REP over tcp 127.0.0.1, 100-byte messages, nothing else
//   BM_Rs485DisplayFrame  a 16-register display write and its reply on the paced simulated
//                         RS-485 line at 9600 baud 8N1 (the call's display frame)
//   BM_Rs485OneRegisterPoll  a 1-register read and its reply on the same line
// Each reports its mean time per operation; the RS-485 ones also report the theoretical wire
// time (counter "wire_ms"): bytes × 10 bits / baud plus two 3.5-character gaps.
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <random>
#include <thread>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <zmq.hpp>

#include "jiujin/devices/modbus_link.hpp"
#include "jiujin/devices/sim/bus_simulator.hpp"

namespace {

using namespace jiujin;

std::filesystem::path scratch(const std::string& what) {
  std::random_device seed;
  auto dir = std::filesystem::temp_directory_path() / fmt::format("jiujin-limits-{}-{}-{:x}", what, ::getpid(), seed());
  std::filesystem::create_directories(dir);
  return dir;
}

void BM_RawDurableCommit(benchmark::State& state) {
  const auto dir = scratch("sqlite");
  sqlite3* db = nullptr;
  if (sqlite3_open((dir / "raw.db").c_str(), &db) != SQLITE_OK) {
    state.SkipWithError("cannot open SQLite");
    return;
  }
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                   "CREATE TABLE journal(seq INTEGER PRIMARY KEY, body TEXT)", nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO journal(body) VALUES(?)", -1, &insert, nullptr);
  const std::string body(200, 'x');  // about one event's JSON
  for (auto _ : state) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert, 1, body.c_str(), static_cast<int>(body.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_RawDurableCommit)->Unit(benchmark::kMicrosecond)->MinTime(1.0)->UseRealTime();

void BM_BareZeroMqRoundTrip(benchmark::State& state) {
  zmq::context_t context;
  zmq::socket_t server(context, zmq::socket_type::rep);
  server.bind("tcp://127.0.0.1:*");
  const std::string endpoint = server.get(zmq::sockopt::last_endpoint);
  std::thread echo([&] {
    while (true) {
      zmq::message_t m;
      if (!server.recv(m)) break;
      const bool last = m.size() == 0;
      server.send(m, zmq::send_flags::none);
      if (last) break;
    }
  });
  zmq::socket_t client(context, zmq::socket_type::req);
  client.connect(endpoint);
  const std::string payload(100, 'r');
  zmq::message_t reply;
  for (auto _ : state) {
    client.send(zmq::buffer(payload), zmq::send_flags::none);
    (void)client.recv(reply);
  }
  client.send(zmq::message_t{}, zmq::send_flags::none);  // ends the echo thread
  (void)client.recv(reply);
  echo.join();
}
BENCHMARK(BM_BareZeroMqRoundTrip)->Unit(benchmark::kMicrosecond)->MinTime(1.0)->UseRealTime();

/// Wire time of a frame exchange at 8N1: request and reply bytes at 10 bits each, plus the
/// 3.5-character silence after each.
double wireMillis(int requestBytes, int replyBytes, int baud) {
  const double character = 10.0 / baud;
  return ((requestBytes + replyBytes) * character + 2 * 3.5 * character) * 1000.0;
}

void rs485Exchange(benchmark::State& state, int registers, bool write) {
  devices::sim::DeviceProfiles profiles;
  if (auto error = profiles.loadDirectory(devices::sim::builtinProfileDir())) {
    state.SkipWithError(error->message.c_str());
    return;
  }
  const auto dir = scratch("rs485");
  auto sim = devices::sim::BusSimulator::create({{"line", 9600, 'N', 8, 1}},
                                                {{"display", "line", 1, "jiujin-window-display-v1"}}, profiles,
                                                {dir, true, std::chrono::milliseconds(1000)});
  if (!sim) {
    state.SkipWithError(sim.error().message.c_str());
    return;
  }
  devices::RtuLinkSettings settings;
  settings.port = sim.value()->buses().front().link.string();
  settings.timeouts.response = std::chrono::milliseconds(500);
  auto link = devices::makeRtuLink(settings);
  std::vector<std::uint16_t> text(static_cast<std::size_t>(registers), 0x4130);
  for (auto _ : state) {
    bool ok = false;
    if (write) {
      ok = link->writeRegisters(1, 0, text).ok();
    } else {
      ok = link->readHoldingRegisters(1, 0, registers).ok();
    }
    if (!ok) {
      state.SkipWithError("the simulated device did not answer");
      break;
    }
  }
  // 0x10: 9 + 2n bytes out, 8 back; 0x03: 8 out, 5 + 2n back.
  state.counters["wire_ms"] = write ? wireMillis(9 + 2 * registers, 8, 9600) : wireMillis(8, 5 + 2 * registers, 9600);
  link.reset();
  sim.value().reset();
  std::filesystem::remove_all(dir);
}

void BM_Rs485DisplayFrame(benchmark::State& state) { rs485Exchange(state, 16, true); }
BENCHMARK(BM_Rs485DisplayFrame)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_Rs485OneRegisterPoll(benchmark::State& state) { rs485Exchange(state, 1, false); }
BENCHMARK(BM_Rs485OneRegisterPoll)->Unit(benchmark::kMillisecond)->Iterations(30);

}  // namespace

BENCHMARK_MAIN();
