// libFuzzer target for the whole request handler: what a client sends goes through the same
// path as in jiujin-dispatcher — envelope, identity (the loopback `as`), authorisation, field
// reading, execution on a live hall, the group commit to a real SQLite file, every query —
// without the sockets.
//
// An input is a turn: one request frame per line, handled as one batch. The clock moves on
// 20 s per input, so days open and close and timed transitions fire. Every 2,000 inputs the
// hall starts afresh on a new database, after checking that the hall in memory equals the
// hall its journal rebuilds.
//
// Besides crashes, leaks and undefined behaviour, the target traps on:
// - a reply that is not a JSON object with "ok", or a request answered twice or not at all;
// - an `internal` reply: an exception reached the last resort, so some field was not read
//   through a checked reader;
// - a hall in memory that differs from its journal;
// - a command that decodes but does not encode and decode to itself.
#include <poll.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/wire.hpp"
#include "request_handler.hpp"
#include "support/handler_on_disk.hpp"

namespace {

using nlohmann::json;
using namespace std::chrono_literals;
namespace service = jiujin::service;
namespace core = jiujin::core;

constexpr int kInputsPerHall = 2000;

core::HallDefinition fuzzHall() {
  core::HallDefinition d;
  d.name = "模糊测试便民服务中心";
  d.queues = {{"general", "A", "综合受理"}, {"social", "B", "社保"}, {"tax", "C", "税务"}};
  const auto item = [](const char* code, const char* queue, int minutes, bool priority) {
    core::ServiceItem i;
    i.code = code;
    i.name = code;
    i.queue = queue;
    i.typicalServiceMinutes = minutes;
    i.priorityAllowed = priority;
    return i;
  };
  d.items = {item("T-0001", "general", 10, true), item("T-0002", "general", 5, false),
             item("T-0003", "social", 8, true), item("T-0004", "tax", 15, true)};
  // Cases: a 即办件 and a 承诺件 with materials, so that seeds can walk a case's life.
  d.items[0].materials = {"身份证", "户口簿"};
  d.items[3].kind = core::ItemKind::Promised;
  d.items[3].promisedWorkingDays = 2;
  d.items[3].materials = {"申请表"};
  d.cases.numberPrefix = "FZ";
  const auto window = [](int number, core::WindowKind kind, core::WorkProfile profile) {
    core::WindowDef w;
    w.number = number;
    w.name = std::to_string(number) + "号窗口";
    w.kind = kind;
    w.profile = std::move(profile);
    return w;
  };
  d.windows = {
      window(1, core::WindowKind::General, {{{"general"}, {"social", 1.5, std::nullopt, false}}}),
      window(2, core::WindowKind::General, {{{"general"}, {"tax", 1.0, core::Minutes{10}, true}}}),
      window(3, core::WindowKind::Issuing, {{{"social"}, {"tax"}}}),
  };
  d.rules.overflowThreshold = 5;
  d.rules.idleWindowLimit = core::Minutes{2};
  return d;
}

/// A live hall on a database in a temporary folder, and the handler serving it.
struct LiveHall {
  LiveHall() {
    char pattern[] = "/tmp/jiujin-fuzz-XXXXXX";
    if (::mkdtemp(pattern) == nullptr) std::abort();
    dir = pattern;
    settings.definition = fuzzHall();
    settings.database = dir / "hall.db";
    settings.synchronousFull = false;  // a fuzzer's hall need not survive a power cut
    settings.clerks = {{"c01", "hash-c01", {1, 3}, true}, {"c02", "hash-c02", {}, false}};
    // The PIN check runs on the verifier's thread as in the dispatcher; argon2 would only slow it.
    settings.verifyPin = [](std::string_view, std::string_view pin) { return pin == "1234"; };
    settings.devices = {{"w1-pad", "eval_pad", 1, "rs485-1"}, {"kp-1", "keypad", 1, "rs485-1"},
                        {"main-strip", "main_strip", std::nullopt, "rs485-1"}};
    settings.reload = [this]() -> service::Outcome<service::ReloadedHall> {
      return service::ReloadedHall{settings.definition, settings.clerks, {}, {}, settings.devices};
    };
    settings.clock = [this] { return now; };
    handler = jiujin::testing::openHandler(settings);
  }
  ~LiveHall() {
    handler.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }

  std::filesystem::path dir;
  service::ServiceSettings settings;
  core::TimePoint now = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 8h + 30min;
  std::unique_ptr<service::detail::RequestHandler> handler;
  int inputs = 0;
  std::uint64_t requests = 0;
  std::set<std::string> waiting;  ///< routing ids of requests not answered yet
};

std::unique_ptr<LiveHall> hall;

[[noreturn]] void fail(const char* why, std::string_view detail) {
  std::fprintf(stderr, "request_handler_fuzz: %s: %.*s\n", why, static_cast<int>(detail.size()), detail.data());
  __builtin_trap();
}

/// What decodes as a command must encode and decode to the same command.
void checkRoundTrip(std::string_view frame) {
  auto request = service::decodeRequest(frame);
  if (!request) return;
  json command = request.value().body;
  command["type"] = request.value().type;
  auto decoded = jiujin::protocol::commandFromJson(command);
  if (!decoded) return;
  const json encoded = jiujin::protocol::toJson(decoded.value());
  auto again = jiujin::protocol::commandFromJson(encoded);
  if (!again || jiujin::protocol::toJson(again.value()) != encoded) fail("a command does not round-trip", frame);
}

/// Checks every reply of a turn, and that each answers a request still waiting for one.
void checkReplies(const service::detail::BatchOutput& out, std::set<std::string>& waiting) {
  for (const auto& reply : out.replies) {
    const json parsed = json::parse(reply.text, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("ok") || !parsed["ok"].is_boolean()) fail("a reply is not a reply", reply.text);
    if (!parsed["ok"].get<bool>() && parsed["error"]["code"] == "internal") fail("a request reached the last resort", reply.text);
    if (reply.envelope.empty()) fail("a reply has no way back", reply.text);
    const std::string routing = reply.envelope.front().to_string();
    if (routing.rfind("client-", 0) != 0) continue;
    if (waiting.erase(routing) != 1) fail("a request was answered twice", reply.text);
  }
  for (const auto& p : out.publications) {
    if (!p.second.is_object() || !p.second.contains("seq")) fail("a publication has no seq", p.first);
  }
}

/// The state in the reply to a snapshot sent now.
json stateOf(LiveHall& live) {
  live.handler->beginBatch(live.now, false);
  std::vector<zmq::message_t> envelope;
  envelope.emplace_back("snapshot", 8);
  live.handler->handle(std::move(envelope), R"({"v":1,"id":"s","type":"snapshot"})", "");
  const auto out = live.handler->commitBatch();
  for (const auto& reply : out.replies) {
    const json parsed = json::parse(reply.text, nullptr, false);
    if (parsed.value("id", "") == "s") return parsed["result"]["state"];
  }
  fail("no snapshot", "");
}

/// Every request gets its reply: clerk logins once their PIN checks are done (bounded wait).
void checkEveryoneAnswered(LiveHall& live) {
  for (int turn = 0; turn < 50 && !live.waiting.empty(); ++turn) {
    pollfd done{live.handler->offThreadFd(), POLLIN, 0};
    (void)::poll(&done, 1, 100);
    live.handler->beginBatch(live.now, false);
    live.handler->finishOffThreadWork();
    checkReplies(live.handler->commitBatch(), live.waiting);
  }
  if (!live.waiting.empty()) fail("a request was never answered", *live.waiting.begin());
}

/// The hall in memory must be the hall its journal rebuilds: nothing half-executed stays.
void checkAgainstTheJournal(LiveHall& live) {
  const json memory = stateOf(live);
  live.handler.reset();
  live.handler = jiujin::testing::openHandler(live.settings);
  const json journal = stateOf(live);
  if (memory != journal) fail("the hall in memory differs from its journal", memory.dump().substr(0, 2000));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!hall) hall = std::make_unique<LiveHall>();
  LiveHall& live = *hall;
  live.now += 20s;
  live.handler->beginBatch(live.now, /*tickDue=*/true);
  live.handler->finishOffThreadWork();

  // One request per line, each with its own routing id so that its reply can be found.
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t start = 0;
  for (int line = 0; start < input.size() && line < 64; ++line) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    const std::string_view frame = input.substr(start, end - start);
    start = end + 1;
    checkRoundTrip(frame);
    const std::string routing = "client-" + std::to_string(live.requests++);
    std::vector<zmq::message_t> envelope;
    envelope.emplace_back(routing.data(), routing.size());
    envelope.emplace_back();  // the empty delimiter of a DEALER
    live.handler->handle(std::move(envelope), frame, "");
    live.waiting.insert(routing);
  }
  checkReplies(live.handler->commitBatch(), live.waiting);

  if (++live.inputs % kInputsPerHall == 0) {
    checkEveryoneAnswered(live);
    checkAgainstTheJournal(live);
    hall.reset();
  }
  return 0;
}
