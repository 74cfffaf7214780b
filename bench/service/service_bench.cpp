// Dispatcher service figures, each measured in the same run as the physical limits it is
// held against (issue 6):
//   1. bare ZeroMQ DEALER→ROUTER round trip over TCP loopback;
//   2. one raw durable SQLite commit (WAL, synchronous=FULL, one-row INSERT);
//   3. durable issue-ticket and call-next round trips through the real service, each with its
//      audit row and stored reply in the batch's one commit — goal p99 ≤ 1.3 × (1 + 2);
//   4. event fan-out to 50 subscribers, commit → delivery — goal p99 ≤ 1 ms.
// Usage: jiujin_bench_service [samples]   (default 2000)
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/service/dispatcher_service.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Figures {
  double p50 = 0;
  double p99 = 0;
  std::size_t samples = 0;
};

Figures figuresOf(std::vector<double> micros) {
  Figures f;
  if (micros.empty()) return f;
  std::sort(micros.begin(), micros.end());
  f.samples = micros.size();
  f.p50 = micros[micros.size() / 2];
  f.p99 = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
  return f;
}

double microsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

void print(const char* what, const Figures& f) {
  std::cout << fmt::format("{:<48} p50 {:>8.1f} µs   p99 {:>8.1f} µs   (n={})\n", what, f.p50, f.p99, f.samples);
}

Figures bareZmqRoundTrip(int samples) {
  zmq::context_t context;
  zmq::socket_t router(context, zmq::socket_type::router);
  router.bind("tcp://127.0.0.1:*");
  const std::string endpoint = router.get(zmq::sockopt::last_endpoint);
  std::thread echo([&] {
    for (int i = 0; i < samples + 10; ++i) {
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(router, std::back_inserter(frames))) return;
      zmq::send_multipart(router, frames);
    }
  });
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  dealer.connect(endpoint);
  const std::string payload(100, 'x');
  std::vector<double> micros;
  for (int i = 0; i < samples + 10; ++i) {
    const auto start = Clock::now();
    std::array<zmq::const_buffer, 2> parts{zmq::const_buffer(), zmq::buffer(payload)};
    zmq::send_multipart(dealer, parts);
    std::vector<zmq::message_t> reply;
    (void)zmq::recv_multipart(dealer, std::back_inserter(reply));
    if (i >= 10) micros.push_back(microsSince(start));
  }
  echo.join();
  return figuresOf(micros);
}

Figures rawDurableCommit(const std::filesystem::path& dir, int samples) {
  sqlite3* db = nullptr;
  sqlite3_open((dir / "raw.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x INTEGER, y TEXT);", nullptr,
               nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?, 'a ticket event of about a hundred bytes')", -1, &insert, nullptr);
  std::vector<double> micros;
  for (int i = 0; i < samples; ++i) {
    const auto start = Clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_bind_int(insert, 1, i);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    micros.push_back(microsSince(start));
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return figuresOf(micros);
}

jiujin::core::HallDefinition benchHall() {
  using namespace jiujin::core;
  HallDefinition d;
  d.name = "bench hall";
  d.queues = {{"general", "A", "综合受理"}, {"social", "B", "社保"}};
  ServiceItem a;
  a.code = "T-0001";
  a.name = "生育服务登记";
  a.queue = "general";
  ServiceItem b = a;
  b.code = "T-0002";
  b.queue = "social";
  d.items = {a, b};
  for (int w = 1; w <= 2; ++w) {
    WindowDef window;
    window.number = w;
    window.name = fmt::format("窗口{}", w);
    window.profile.entries = {{"general"}, {"social"}};
    d.windows.push_back(window);
  }
  return d;
}

/// The real service in this process, on ephemeral loopback ports.
struct ServiceUnderTest {
  std::unique_ptr<jiujin::service::DispatcherService> service;
  std::atomic<bool> stop{false};
  std::thread thread;

  explicit ServiceUnderTest(const std::filesystem::path& db) {
    jiujin::service::ServiceSettings s;
    s.definition = benchHall();
    s.database = db;
    s.commandsEndpoint = "tcp://127.0.0.1:0";
    s.eventsEndpoint = "tcp://127.0.0.1:0";
    s.clerks = {{"c01", "", {}}};
    s.verifyPin = [](std::string_view, std::string_view pin) { return pin == "1234"; };
    auto started = jiujin::service::DispatcherService::start(std::move(s));
    if (!started) {
      std::cerr << "cannot start the service: " << started.error().en << '\n';
      std::exit(1);
    }
    service = std::move(started).value();
    thread = std::thread([this] { service->run(stop); });
  }
  ~ServiceUnderTest() {
    stop = true;
    thread.join();
  }
};

jiujin::client::ConnectionOptions managerAt(const ServiceUnderTest& s) {
  jiujin::client::ConnectionOptions o;
  o.commands = s.service->commandsEndpoint();
  o.events = s.service->eventsEndpoint();
  o.identity = jiujin::client::StatedIdentity{"manager", std::nullopt, "bench"};
  o.requestTimeout = std::chrono::seconds(10);
  return o;
}

void must(const jiujin::client::Reply& reply, const char* what) {
  if (reply.ok) return;
  std::cerr << what << ": " << reply.error.code << " " << reply.error.en << '\n';
  std::exit(1);
}

Figures durableCallNext(const std::filesystem::path& dir, int samples) {
  ServiceUnderTest s(dir / "callnext.db");
  zmq::context_t context;
  jiujin::client::CommandChannel channel(context, managerAt(s));
  must(channel.request(jiujin::client::requests::clerkLogin(1, "c01", "1234")), "clerk login");
  must(channel.request(jiujin::client::requests::openWindow(1)), "open window");
  std::vector<double> micros;
  for (int i = 0; i < samples; ++i) {
    // Queues hold at most 999 numbers a day: alternate them and keep a few waiting.
    must(channel.request(jiujin::client::requests::issueTicket(i % 2 ? "T-0001" : "T-0002")), "issue ticket");
    if (i >= 1900) break;
    const auto start = Clock::now();
    must(channel.request(jiujin::client::requests::callNext(1)), "call next");
    micros.push_back(microsSince(start));
    must(channel.request(jiujin::client::requests::startService(1)), "start service");
    must(channel.request(jiujin::client::requests::complete(1)), "complete ticket");
  }
  return figuresOf(micros);
}

Figures durableIssueTicket(const std::filesystem::path& dir, int samples) {
  ServiceUnderTest s(dir / "issue.db");
  zmq::context_t context;
  jiujin::client::CommandChannel channel(context, managerAt(s));
  std::vector<double> micros;
  for (int i = 0; i < std::min(samples, 1900); ++i) {
    const auto start = Clock::now();
    must(channel.request(jiujin::client::requests::issueTicket(i % 2 ? "T-0001" : "T-0002")), "issue ticket");
    micros.push_back(microsSince(start));
  }
  return figuresOf(micros);
}

/// Commit → delivery: the service publishes an event right after its commit and then sends
/// the reply, so the commit moment is the reply's arrival minus its one-way trip (half the
/// bare round trip measured above).
Figures fanOut(const std::filesystem::path& dir, int samples, double oneWayMicros) {
  constexpr int kSubscribers = 50;
  ServiceUnderTest s(dir / "fanout.db");
  zmq::context_t context;
  std::vector<zmq::socket_t> subscribers;
  for (int i = 0; i < kSubscribers; ++i) {
    subscribers.emplace_back(context, zmq::socket_type::sub);
    subscribers.back().set(zmq::sockopt::subscribe, "ticket.");
    subscribers.back().set(zmq::sockopt::rcvhwm, 100000);
    subscribers.back().connect(s.service->eventsEndpoint());
  }
  jiujin::client::CommandChannel channel(context, managerAt(s));
  // Wait until every subscriber receives (subscriptions travel asynchronously).
  std::vector<bool> joined(kSubscribers, false);
  for (int round = 0; round < 200 && std::count(joined.begin(), joined.end(), true) < kSubscribers; ++round) {
    must(channel.request(jiujin::client::requests::issueTicket("T-0001")), "issue ticket");
    for (int i = 0; i < kSubscribers; ++i) {
      std::vector<zmq::message_t> frames;
      while (zmq::recv_multipart(subscribers[i], std::back_inserter(frames), zmq::recv_flags::dontwait)) {
        joined[i] = true;
        frames.clear();
      }
    }
  }
  std::vector<double> micros;
  std::vector<zmq::pollitem_t> items;
  for (auto& sub : subscribers) items.push_back({sub.handle(), 0, ZMQ_POLLIN, 0});
  const int rounds = std::min(samples / 4, 700);
  for (int r = 0; r < rounds; ++r) {
    const auto sent = Clock::now();
    must(channel.request(jiujin::client::requests::issueTicket("T-0002")), "issue ticket");
    const double committedAt = microsSince(sent) - oneWayMicros;
    int delivered = 0;
    while (delivered < kSubscribers) {
      zmq::poll(items, std::chrono::milliseconds(1000));
      for (int i = 0; i < kSubscribers; ++i) {
        if (!(items[i].revents & ZMQ_POLLIN)) continue;
        std::vector<zmq::message_t> frames;
        if (zmq::recv_multipart(subscribers[i], std::back_inserter(frames), zmq::recv_flags::dontwait)) {
          micros.push_back(std::max(0.0, microsSince(sent) - committedAt));
          ++delivered;
        }
      }
    }
  }
  return figuresOf(micros);
}

}  // namespace

int main(int argc, char** argv) {
  const int samples = argc > 1 ? std::max(100, std::atoi(argv[1])) : 2000;
  std::string pattern = (std::filesystem::temp_directory_path() / "jiujin-bench-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return 1;
  const std::filesystem::path dir = pattern;

  std::cout << "jiujin dispatcher service — " << samples << " samples per figure, files in " << dir << "\n\n";
  const Figures zmqRtt = bareZmqRoundTrip(samples);
  print("bare ZeroMQ round trip (tcp loopback, 100 B)", zmqRtt);
  const Figures commit = rawDurableCommit(dir, samples);
  print("raw SQLite commit (WAL, synchronous=FULL)", commit);
  const double limit = 1.3 * (zmqRtt.p99 + commit.p99);
  const Figures issue = durableIssueTicket(dir, samples);
  print("durable issue_ticket round trip (service)", issue);
  std::cout << fmt::format("  goal p99 ≤ 1.3 × ({:.1f} + {:.1f}) = {:.1f} µs: {}\n", zmqRtt.p99, commit.p99, limit,
                           issue.p99 <= limit ? "MET" : "NOT MET");
  const Figures callNext = durableCallNext(dir, samples);
  print("durable call_next round trip (service)", callNext);
  std::cout << fmt::format("  goal p99 ≤ 1.3 × ({:.1f} + {:.1f}) = {:.1f} µs: {}\n", zmqRtt.p99, commit.p99, limit,
                           callNext.p99 <= limit ? "MET" : "NOT MET");
  const Figures fan = fanOut(dir, samples, zmqRtt.p50 / 2);
  print("fan-out to 50 subscribers, commit → delivery", fan);
  std::cout << fmt::format("  goal p99 ≤ 1000 µs: {}\n", fan.p99 <= 1000 ? "MET" : "NOT MET");
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return 0;
}
