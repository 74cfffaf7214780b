// `jiujinctl watch`: the event stream as it comes — a line per event or piece of news, the
// resync after a gap, and the dispatcher falling silent — until --count, --for or Ctrl-C.
#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/event_stream.hpp"
#include "printing.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

using nlohmann::json;

std::atomic<bool> interrupted{false};

int watch(const GlobalOptions& g, const std::vector<std::string>& topics, int count, int seconds) {
  std::string problem;
  auto options = connectionOptions(g, problem);
  if (!options) return fail(problem);
  zmq::context_t context;
  int seen = 0;
  client::StreamHandlers handlers;
  handlers.onSnapshot = [&](const client::Snapshot& s) {
    if (g.json) std::cout << json{{"snapshot", {{"seq", s.seq}, {"epoch", s.epoch}}}}.dump() << std::endl;
    else std::cout << fmt::format("— 已同步 synced at seq {} (epoch {})", s.seq, s.epoch) << std::endl;
  };
  handlers.onEvent = [&](std::uint64_t seq, const std::string& topic, const json& event) {
    ++seen;
    if (g.json) std::cout << json{{"seq", seq}, {"topic", topic}, {"event", event}}.dump() << std::endl;
    else std::cout << fmt::format("{:>6}  {}", seq, describeEvent(event)) << std::endl;
  };
  handlers.onNews = [&](const std::string& topic, const json& message) {
    ++seen;
    if (g.json) std::cout << json{{"topic", topic}, {"message", message}}.dump() << std::endl;
    else std::cout << fmt::format("{:>6}  {} {}", "*", topic, describeNews(message)) << std::endl;
  };
  handlers.onDisconnected = [&] {
    if (g.json) std::cout << json{{"disconnected", true}}.dump() << std::endl;
    else std::cout << "— 调度服务无响应 dispatcher silent, waiting…" << std::endl;
  };
  client::EventStream stream(context, *options, handlers, topics.empty() ? std::vector<std::string>{""} : topics);
  std::signal(SIGINT, [](int) { interrupted = true; });
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds > 0 ? seconds : 1000000000);
  while (!interrupted && (count <= 0 || seen < count) && std::chrono::steady_clock::now() < end)
    stream.poll(std::chrono::milliseconds(200));
  return 0;
}

}  // namespace

void addWatchCommand(CLI::App& app, Invocation& invocation) {
  auto* sub = app.add_subcommand("watch", "实时事件 print the event stream");
  auto topics = std::make_shared<std::vector<std::string>>();
  auto count = std::make_shared<int>(0);
  auto seconds = std::make_shared<int>(0);
  sub->add_option("--topic", *topics, "prefix such as ticket. window. alarm. (default: everything)");
  sub->add_option("--count", *count, "stop after this many messages");
  sub->add_option("--for", *seconds, "stop after this many seconds");
  runs(sub, invocation, [&invocation, topics, count, seconds] {
    return watch(invocation.options, *topics, *count, *seconds);
  });
}

}  // namespace jiujin::ctl
