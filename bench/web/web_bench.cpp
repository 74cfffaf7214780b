// jiujin-web figures, each against what it stands on, measured in the same run (docs/web.md):
//   1. call → the called ticket's page gets its SSE event, p50/p99, against call → the
//      dispatcher's ZeroMQ event reaching a subscriber (the physical floor under it);
//   2. N pages following at once (default 2000: a district hall's morning), each its own
//      ticket and token, with the jiujin-web process's memory per connection (VmRSS delta / N)
//      and the same call figures measured while all N follow.
// Real processes: jiujin-dispatcher and jiujin-web from the build tree, on loopback.
// Usage: jiujin_bench_web [followers] [calls]   (default 2000 200)
#include <poll.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "support/dispatcher_process.hpp"
#include "support/http_client.hpp"
#include "support/running_hall.hpp"
#include "support/test_hall.hpp"
#include "support/web_process.hpp"
#include "jiujin/client/request.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;
using namespace std::chrono_literals;
using jiujin::web::testing::EventReader;
namespace requests = jiujin::client::requests;

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(v.size() * p))];
}

long rssKiB(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

void allowManyFiles() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

struct CallFigures {
  std::vector<double> sse;  ///< ms, call sent → the called page's event read
  std::vector<double> zmq;  ///< ms, call sent → ticket.called read by a SUB socket
};

}  // namespace

int main(int argc, char** argv) {
  const int followers = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int calls = argc > 2 ? std::atoi(argv[2]) : 200;
  allowManyFiles();
  jiujin::testing::TempDir dir;
  auto hall = jiujin::testing::writeTestHall(dir.path());
  // One bench machine is one address: the per-address limits are lifted for it.
  std::ofstream(hall.hallFile, std::ios::app) << fmt::format(
      "\n[web]\nmax_connections = {}\nstreams_per_address = {}\nrequests_per_minute = 1000000\n", followers + 200,
      followers + 100);
  jiujin::testing::DispatcherProcess dispatcher(hall.hallFile, hall.database);
  if (!dispatcher.ready()) {
    std::cerr << "dispatcher did not start: " << dispatcher.output() << "\n";
    return 1;
  }
  jiujin::web::testing::WebProcess web(hall.hallFile, dispatcher.commands(), dispatcher.events());
  if (!web.ready()) {
    std::cerr << "jiujin-web did not start: " << web.output() << "\n";
    return 1;
  }
  zmq::context_t context;
  auto as = [&](const std::string& role, int window = 0) {
    jiujin::client::ConnectionOptions o;
    o.commands = dispatcher.commands();
    o.events = dispatcher.events();
    o.identity = jiujin::client::StatedIdentity{role, window ? std::optional<int>(window) : std::nullopt, role};
    o.requestTimeout = 30s;
    return o;
  };
  jiujin::client::CommandChannel kiosk(context, as("kiosk"));
  jiujin::client::CommandChannel console(context, as("console", 1));
  auto ok = [](const jiujin::client::Reply& r, const char* what) {
    if (!r.ok) {
      std::cerr << what << " refused: " << r.error.en << "\n";
      std::exit(1);
    }
    return r.result;
  };
  ok(console.request(requests::clerkLogin(1, "c01", "1234")), "clerk login");
  ok(console.request(requests::openWindow(1)), "open window");

  // Every follower its own ticket, issued in the order they will be called.
  const int tickets = std::max(followers, calls + 1);
  std::vector<std::string> tokens;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < tickets; ++i) {
    const json r = ok(kiosk.request(requests::issueTicket("T-0001", jiujin::core::PriorityClass::Normal, fmt::format("b{}", i))),
                      "issue ticket");
    tokens.push_back(r["token"]);
    ids.push_back(r["ticket"]["id"]);
  }

  const long rssBefore = rssKiB(web.pid());
  std::vector<EventReader> pages;
  pages.reserve(followers);
  const auto opening = Clock::now();
  for (int i = 0; i < followers; ++i) {
    pages.emplace_back(web.port(), "/t/" + tokens[i] + "/events");
    // In steps of 50: at most 64 new tokens are looked up at once (more get 503).
    if (i % 50 == 49 || i + 1 == followers)
      for (int k = i - (i % 50); k <= i; ++k)
        if (!pages[k].next(10s)) {
          std::cerr << "page " << k << " got no first event (status " << pages[k].status() << ")\n";
          return 1;
        }
  }
  const double openSeconds = std::chrono::duration<double>(Clock::now() - opening).count();
  const long rssAfter = rssKiB(web.pid());

  // The floor: the dispatcher's own event reaching a subscriber.
  zmq::socket_t sub(context, zmq::socket_type::sub);
  sub.set(zmq::sockopt::subscribe, "ticket.called");
  sub.set(zmq::sockopt::subscribe, "hb");
  sub.set(zmq::sockopt::rcvtimeo, 5000);
  sub.connect(dispatcher.events());
  // A SUB joins late by design: the first heartbeat says the subscription is in place.
  for (bool joined = false; !joined;) {
    std::vector<zmq::message_t> frames;
    if (!zmq::recv_multipart(sub, std::back_inserter(frames))) {
      std::cerr << "no heartbeat from the dispatcher\n";
      return 1;
    }
    joined = frames.front().to_string() == "hb";
  }

  CallFigures figures;
  std::map<std::int64_t, std::size_t> pageOf;
  for (int i = 0; i < followers; ++i) pageOf[ids[i]] = static_cast<std::size_t>(i);
  for (int c = 0; c < calls; ++c) {
    const auto sent = Clock::now();
    const json called = ok(console.request(requests::callNext(1)), "call next");
    const std::int64_t ticket = called["ticket"]["id"];
    // ZeroMQ: the published event for this ticket.
    bool zmqSeen = false;
    while (!zmqSeen) {
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(sub, std::back_inserter(frames))) break;
      if (frames.front().to_string() == "hb") continue;
      const json e = json::parse(frames.back().to_string());
      if (e["event"].value("ticket", std::int64_t{0}) == ticket) {
        figures.zmq.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
        zmqSeen = true;
      }
    }
    // SSE: the called ticket's own page says "called" (other pages' events are read too).
    if (const auto p = pageOf.find(ticket); p != pageOf.end()) {
      while (true) {
        const auto message = pages[p->second].next(5s);
        if (!message) {
          std::cerr << "the call of ticket " << ticket << " never reached its page\n";
          return 1;
        }
        if (json::parse(*message)["phase"] == "called") break;
      }
      figures.sse.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
    }
    // Keep the other pages' sockets drained so the server is never held up by this client.
    for (auto& page : pages) page.pump();
    ok(console.request(requests::startService(1)), "start of service");
    ok(console.request(requests::complete(1)), "completion");
  }

  std::cout << fmt::format("jiujin-web bench: {} pages following, {} calls (loopback, real processes)\n", followers,
                           calls);
  std::cout << fmt::format("  pages opened in {:.2f} s ({:.0f}/s incl. token look-ups)\n", openSeconds,
                           followers / openSeconds);
  std::cout << fmt::format("  memory: jiujin-web VmRSS {} KiB → {} KiB, {:.1f} KiB per following page\n", rssBefore,
                           rssAfter, followers ? double(rssAfter - rssBefore) / followers : 0.0);
  std::cout << fmt::format("  call → ZeroMQ event at a subscriber   p50 {:7.2f} ms  p99 {:7.2f} ms  (floor)\n",
                           percentile(figures.zmq, 0.5), percentile(figures.zmq, 0.99));
  std::cout << fmt::format("  call → SSE event at the called page   p50 {:7.2f} ms  p99 {:7.2f} ms  (goal p99 ≤ 1000 ms"
                           " with {} following)\n",
                           percentile(figures.sse, 0.5), percentile(figures.sse, 0.99), followers);
  return 0;
}
