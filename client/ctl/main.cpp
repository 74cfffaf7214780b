// jiujinctl: every dispatcher command and query from a shell. Human-readable by default,
// --json for scripts. Exit codes: 0 ok, 1 refused by the dispatcher, 2 bad usage or
// invalid file, 3 no answer (timeout); `audit verify` adds 1 chain broken, 4 truncated,
// 5 rewritten, 6 bad checkpoint signature (audit.hpp).
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "jiujin/devices/gateway/profile_check.hpp"
#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/client/event_stream.hpp"
#include "audit.hpp"
#include "jiujin/config/loader.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/service/audit_log.hpp"
#include "printing.hpp"

namespace {

using nlohmann::json;
namespace core = jiujin::core;
using jiujin::ctl::printReply;
namespace core = jiujin::core;

struct Globals {
  std::string commands = "tcp://127.0.0.1:5570";
  std::string events = "tcp://127.0.0.1:5571";
  std::string keyFile;
  std::string serverKey;
  std::string role = "admin";
  std::optional<int> window;
  std::string name = "jiujinctl";
  bool json = false;
  int timeoutMs = 3000;
  int attempts = 3;
};

std::atomic<bool> interrupted{false};

int fail(const std::string& message) {
  std::cerr << "jiujinctl: " << message << '\n';
  return 2;
}

std::optional<jiujin::client::ConnectionOptions> connectionOptions(const Globals& g, std::string& problem) {
  jiujin::client::ConnectionOptions o;
  o.commands = g.commands;
  o.events = g.events;
  o.requestTimeout = std::chrono::milliseconds(g.timeoutMs);
  o.attempts = g.attempts;
  if (!g.keyFile.empty()) {
    jiujin::client::CurveKeys keys;
    keys.secretKey = jiujin::client::readKeyFile(g.keyFile);
    keys.publicKey = jiujin::client::publicKeyOf(keys.secretKey);
    keys.serverKey = g.serverKey.size() == 40 ? g.serverKey : jiujin::client::readKeyFile(g.serverKey);
    if (keys.publicKey.empty()) {
      problem = fmt::format("{} does not hold a Z85 secret key", g.keyFile);
      return std::nullopt;
    }
    if (keys.serverKey.empty()) {
      problem = "--server-key (the dispatcher's public key, Z85 or a file) is required with --key";
      return std::nullopt;
    }
    o.curve = keys;
  } else {
    o.identity = jiujin::client::StatedIdentity{g.role, g.window, g.name};
  }
  return o;
}

int send(const Globals& g, const std::string& type, const json& body) {
  std::string problem;
  auto options = connectionOptions(g, problem);
  if (!options) return fail(problem);
  zmq::context_t context;
  jiujin::client::CommandChannel channel(context, *options);
  const auto reply = channel.request(type, body);
  printReply(type, reply, g.json, std::cout, std::cerr);
  if (reply.ok) return 0;
  return reply.error.code == "timeout" ? 3 : 1;
}

std::string newRequestKey() {
  std::random_device device;
  return fmt::format("ctl-{:08x}{:08x}", device(), device());
}

int watch(const Globals& g, const std::vector<std::string>& topics, int count, int seconds) {
  std::string problem;
  auto options = connectionOptions(g, problem);
  if (!options) return fail(problem);
  zmq::context_t context;
  int seen = 0;
  jiujin::client::StreamHandlers handlers;
  handlers.onSnapshot = [&](const jiujin::client::Snapshot& s) {
    if (g.json) std::cout << json{{"snapshot", {{"seq", s.seq}, {"epoch", s.epoch}}}}.dump() << std::endl;
    else std::cout << fmt::format("— 已同步 synced at seq {} (epoch {})", s.seq, s.epoch) << std::endl;
  };
  handlers.onEvent = [&](std::uint64_t seq, const std::string& topic, const json& event) {
    ++seen;
    if (g.json) std::cout << json{{"seq", seq}, {"topic", topic}, {"event", event}}.dump() << std::endl;
    else std::cout << fmt::format("{:>6}  {}", seq, jiujin::ctl::describeEvent(event)) << std::endl;
  };
  handlers.onNews = [&](const std::string& topic, const json& message) {
    ++seen;
    if (g.json) std::cout << json{{"topic", topic}, {"message", message}}.dump() << std::endl;
    else std::cout << fmt::format("{:>6}  {} {}", "*", topic, jiujin::ctl::describeNews(message)) << std::endl;
  };
  handlers.onDisconnected = [&] {
    if (g.json) std::cout << json{{"disconnected", true}}.dump() << std::endl;
    else std::cout << "— 调度服务无响应 dispatcher silent, waiting…" << std::endl;
  };
  jiujin::client::EventStream stream(context, *options, handlers, topics.empty() ? std::vector<std::string>{""} : topics);
  std::signal(SIGINT, [](int) { interrupted = true; });
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds > 0 ? seconds : 1000000000);
  while (!interrupted && (count <= 0 || seen < count) && std::chrono::steady_clock::now() < end)
    stream.poll(std::chrono::milliseconds(200));
  return 0;
}

/// Rows come from the database file when one is given, else from the dispatcher.
std::optional<jiujin::ctl::AuditSource> auditSource(const Globals& g, const std::string& db, std::string& problem) {
  jiujin::ctl::AuditSource source{db, std::nullopt};
  if (!db.empty()) return source;
  source.dispatcher = connectionOptions(g, problem);
  if (!source.dispatcher) return std::nullopt;
  return source;
}

int newKeys(const std::string& name) {
  const auto keys = jiujin::client::newKeyPair();
  if (keys.publicKey.empty()) return fail("this libzmq has no CURVE support");
  std::ofstream secret(name + ".key");
  std::ofstream pub(name + ".pub");
  if (!secret || !pub) return fail(fmt::format("cannot write {}.key / {}.pub", name, name));
  secret << keys.secretKey << '\n';
  pub << keys.publicKey << '\n';
  secret.close();
  std::filesystem::permissions(name + ".key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  std::cout << fmt::format("{}.key (secret, keep it on that machine only)\n{}.pub {}\n", name, name, keys.publicKey);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"jiujinctl — 就近 Jiujin dispatcher control"};
  app.require_subcommand(1);
  Globals g;
  app.add_option("--endpoint", g.commands, "the dispatcher's request endpoint");
  app.add_option("--events", g.events, "the dispatcher's event endpoint");
  app.add_option("--key", g.keyFile, "this client's CURVE secret key file (from `keys new`)");
  app.add_option("--server-key", g.serverKey, "the dispatcher's public key: Z85 text or a file");
  app.add_option("--role", g.role, "loopback only: the role to state")
      ->check(CLI::IsMember({"kiosk", "console", "devices", "display", "manager", "admin"}));
  app.add_option("--window", g.window, "loopback only: the window this console or gateway serves");
  app.add_option("--name", g.name, "loopback only: the name the audit record shows");
  app.add_flag("--json", g.json, "print the raw JSON result");
  app.add_option("--timeout", g.timeoutMs, "milliseconds per attempt")->check(CLI::Range(10, 600000));
  app.add_option("--attempts", g.attempts, "attempts before giving up")->check(CLI::Range(1, 20));

  // Every request subcommand sets these; the dispatch happens after parsing.
  std::string type;
  json body = json::object();
  std::function<int()> action;

  auto windowCommand = [&](const char* name, const char* wireType, const char* help) {
    auto* sub = app.add_subcommand(name, help);
    auto window = std::make_shared<int>(0);
    sub->add_option("window", *window, "window number")->required();
    sub->callback([&, window, wireType] {
      type = wireType;
      body = {{"window", *window}};
    });
    return std::make_pair(sub, window);
  };

  // Tickets.
  {
    auto* sub = app.add_subcommand("issue", "取号 issue a ticket");
    auto item = std::make_shared<std::string>();
    auto priority = std::make_shared<std::string>("normal");
    auto channel = std::make_shared<std::string>("kiosk");
    auto key = std::make_shared<std::string>();
    sub->add_option("item", *item, "item code (事项编码)")->required();
    sub->add_option("--priority", *priority, "normal elderly disabled pregnant serviceman");
    sub->add_option("--channel", *channel, "kiosk appointment agent");
    sub->add_option("--request-key", *key, "idempotency key (default: a fresh one; retries reuse it)");
    sub->callback([&, item, priority, channel, key] {
      type = "issue_ticket";
      body = {{"item", *item}, {"priority", *priority}, {"channel", *channel},
              {"requestKey", key->empty() ? newRequestKey() : *key}};
    });
  }
  windowCommand("call", "call_next", "叫号 call the next ticket to a window");
  windowCommand("recall", "recall", "重呼 call the current ticket again");
  windowCommand("start", "start_service", "开始办理 start serving the called ticket");
  windowCommand("complete", "complete", "办结 complete the ticket being served");
  windowCommand("no-show", "mark_no_show", "过号 mark the called ticket absent");
  windowCommand("resume", "resume_window", "恢复服务 resume a paused window");
  windowCommand("open", "open_window", "开窗 open a window");
  windowCommand("close", "close_window", "关窗 close a window");
  windowCommand("logout", "clerk_logout", "退出登录 log the clerk out");
  windowCommand("request-evaluation", "request_evaluation", "请求评价 prompt the evaluation pad");
  {
    auto [sub, window] = windowCommand("pause", "pause_window", "暂停服务 pause a window");
    auto reason = std::make_shared<std::string>();
    sub->add_option("--reason", *reason, "shown on the window display");
    sub->callback([&, window = window, reason] {
      type = "pause_window";
      body = {{"window", *window}, {"reason", *reason}};
    });
  }
  {
    auto [sub, window] = windowCommand("login", "clerk_login", "登录 log a clerk in at a window");
    auto clerk = std::make_shared<std::string>();
    auto pin = std::make_shared<std::string>();
    sub->add_option("clerk", *clerk, "clerk id (工号)")->required();
    sub->add_option("--pin", *pin, "PIN")->required();
    sub->callback([&, window = window, clerk, pin] {
      type = "clerk_login";
      body = {{"window", *window}, {"clerk", *clerk}, {"pin", *pin}};
    });
  }
  {
    auto [sub, window] = windowCommand("evaluate", "evaluate", "评价 rate the service (1 非常满意 … 5 非常不满意)");
    auto rating = std::make_shared<std::string>();
    // The level names are the core's (the dispatcher parses them with the same table).
    std::vector<std::string> levels;
    std::string levelHelp = "1-5 or";
    for (const core::Rating r : core::kRatingScale) {
      levels.push_back(std::to_string(static_cast<int>(r)));
      levels.push_back(core::toString(r));
      levelHelp += fmt::format(" {}={}", static_cast<int>(r), core::toString(r));
    }
    sub->add_option("rating", *rating, levelHelp)->required()->check(CLI::IsMember(levels));
    sub->callback([&, window = window, rating] {
      std::string r = *rating;
      if (r.size() == 1 && r[0] >= '1' && r[0] <= '5') r = core::toString(static_cast<core::Rating>(r[0] - '0'));
      type = "evaluate";
      body = {{"window", *window}, {"rating", r}};
    });
  }
  {
    auto [sub, window] = windowCommand("transfer", "transfer", "转办 transfer the current ticket");
    auto queue = std::make_shared<std::string>();
    auto toWindow = std::make_shared<int>(0);
    auto kind = std::make_shared<std::string>();
    auto note = std::make_shared<std::string>();
    auto* q = sub->add_option("--to-queue", *queue, "queue id");
    auto* w = sub->add_option("--to-window", *toWindow, "window number");
    auto* k = sub->add_option("--to-kind", *kind, "general specialist issuing complaints");
    q->excludes(w)->excludes(k);
    w->excludes(k);
    sub->add_option("--note", *note, "note for the next clerk");
    sub->callback([&, window = window, queue, toWindow, kind, note, q, w] {
      json to = !q->empty() ? json{{"queue", *queue}} : !w->empty() ? json{{"window", *toWindow}} : json{{"kind", *kind}};
      type = "transfer";
      body = {{"window", *window}, {"to", to}, {"note", *note}};
    });
  }
  {
    auto [sub, window] = windowCommand("pin", "pin_ticket", "指定呼叫 call this ticket next at the window");
    auto ticket = std::make_shared<std::uint64_t>(0);
    sub->add_option("ticket", *ticket, "ticket id")->required();
    sub->callback([&, window = window, ticket] {
      type = "pin_ticket";
      body = {{"window", *window}, {"ticket", *ticket}};
    });
  }
  {
    auto [sub, window] = windowCommand("profile", "set_work_profile", "工作配置 set a window's work profile");
    auto queues = std::make_shared<std::vector<std::string>>();
    auto profileJson = std::make_shared<std::string>();
    sub->add_option("--queues", *queues, "queue[:weight] …, e.g. general tax:2")->delimiter(',');
    sub->add_option("--profile-json", *profileJson, "the whole profile as JSON");
    sub->callback([&, window = window, queues, profileJson] {
      json profile;
      if (!profileJson->empty()) {
        profile = json::parse(*profileJson, nullptr, false);
      } else {
        json entries = json::array();
        for (const auto& q : *queues) {
          const auto colon = q.find(':');
          json entry{{"queue", q.substr(0, colon)}};
          if (colon != std::string::npos) entry["weight"] = std::strtod(q.c_str() + colon + 1, nullptr);
          entries.push_back(entry);
        }
        profile = {{"entries", entries}};
      }
      type = "set_work_profile";
      body = {{"window", *window}, {"profile", profile}};
    });
  }
  auto ticketCommand = [&](const char* name, const char* wireType, const char* help, bool withReason) {
    auto* sub = app.add_subcommand(name, help);
    auto ticket = std::make_shared<std::uint64_t>(0);
    auto reason = std::make_shared<std::string>();
    sub->add_option("ticket", *ticket, "ticket id")->required();
    if (withReason) sub->add_option("--reason", *reason, "why");
    sub->callback([&, ticket, reason, wireType, withReason] {
      type = wireType;
      body = {{"ticket", *ticket}};
      if (withReason) body["reason"] = *reason;
    });
  };
  ticketCommand("reactivate", "reactivate", "过号重排 a late resident waits again", false);
  ticketCommand("cancel", "cancel", "取消 cancel a ticket", true);
  {
    auto* sub = app.add_subcommand("notice", "公告 broadcast a notice to the hall displays");
    auto text = std::make_shared<std::string>();
    sub->add_option("text", *text)->required();
    sub->callback([&, text] {
      type = "broadcast_notice";
      body = {{"text", *text}};
    });
  }
  {
    auto* day = app.add_subcommand("day", "营业日 open or close the day");
    day->require_subcommand(1);
    auto date = std::make_shared<std::string>();
    day->add_subcommand("open", "open a day (default today)")
        ->callback([&, date] {
          type = "open_day";
          body = {{"date", *date}};
        })
        ->add_option("date", *date, "YYYY-MM-DD")
        ->required();
    day->add_subcommand("close", "close the day: waiting tickets expire")->callback([&] { type = "close_day"; });
  }
  // Queries.
  {
    auto* sub = app.add_subcommand("ticket", "查询 a ticket's status by id or number");
    auto which = std::make_shared<std::string>();
    sub->add_option("ticket", *which, "id (e.g. 17) or number (e.g. A001)")->required();
    sub->callback([&, which] {
      type = "ticket_status";
      const bool numeric = !which->empty() && which->find_first_not_of("0123456789") == std::string::npos;
      body = numeric ? json{{"ticket", std::stoull(*which)}} : json{{"number", *which}};
    });
  }
  for (auto [name, wire, help] : std::initializer_list<std::tuple<const char*, const char*, const char*>>{
           {"snapshot", "snapshot", "大厅快照 the whole hall state"},
           {"items", "items", "事项 items with waiting figures"},
           {"hello", "hello", "who the dispatcher takes this client for"},
           {"ping", "ping", "is the dispatcher there"}}) {
    app.add_subcommand(name, help)->callback([&, wire = std::string(wire)] { type = wire; });
  }
  {
    auto* sub = app.add_subcommand("stats", "统计 the figures of today or of --from … --to (from the hall's history)");
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    sub->add_option("--from", *from, "first day, YYYY-MM-DD (default today)");
    sub->add_option("--to", *to, "last day, YYYY-MM-DD (default: --from, or today)");
    sub->callback([&, from, to] {
      type = "statistics";
      body = json::object();
      if (!from->empty()) body["from"] = *from;
      if (!to->empty()) body["to"] = *to;
    });
  }
  {
    auto* sub = app.add_subcommand("unlock-clerk", "解锁 let a clerk locked after wrong PINs log in again (manager)");
    auto clerk = std::make_shared<std::string>();
    sub->add_option("clerk", *clerk, "clerk id (工号)")->required();
    sub->callback([&, clerk] {
      type = "unlock_clerk";
      body = {{"clerk", *clerk}};
    });
  }
  {
    auto* sub = app.add_subcommand("estimate", "预计等待 people ahead and wait for an item");
    auto item = std::make_shared<std::string>();
    auto priority = std::make_shared<std::string>("normal");
    sub->add_option("item", *item)->required();
    sub->add_option("--priority", *priority);
    sub->callback([&, item, priority] {
      type = "estimate";
      body = {{"item", *item}, {"priority", *priority}};
    });
  }
  {
    auto* sub = app.add_subcommand("device", "设备状态 report a device's health (gateway)");
    auto device = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    auto status = std::make_shared<std::string>();
    auto window = std::make_shared<int>(0);
    auto detail = std::make_shared<std::string>();
    sub->add_option("device", *device)->required();
    sub->add_option("status", *status, "online offline error")->required();
    sub->add_option("--kind", *kind, "window_display main_strip keypad eval_pad")->required();
    auto* w = sub->add_option("--device-window", *window, "the window it belongs to");
    sub->add_option("--detail", *detail);
    sub->callback([&, device, kind, status, window, detail, w] {
      type = "device_report";
      body = {{"device", *device}, {"kind", *kind}, {"status", *status}, {"detail", *detail}};
      if (!w->empty()) body["window"] = *window;
    });
  }
  {
    auto* sub = app.add_subcommand("printer", "打印机状态 report a ticket printer's paper state");
    auto device = std::make_shared<std::string>();
    auto status = std::make_shared<std::string>();
    sub->add_option("device", *device)->required();
    sub->add_option("status", *status, "ok near_end out offline")->required();
    sub->callback([&, device, status] {
      type = "printer_status";
      body = {{"device", *device}, {"status", *status}};
    });
  }
  {
    auto* sub = app.add_subcommand("raw", "send any request: TYPE and a JSON body");
    auto rawType = std::make_shared<std::string>();
    auto rawBody = std::make_shared<std::string>("{}");
    sub->add_option("type", *rawType)->required();
    sub->add_option("body", *rawBody);
    sub->callback([&, rawType, rawBody] {
      type = *rawType;
      body = json::parse(*rawBody, nullptr, false);
    });
  }
  // Local tools and streams.
  {
    auto* sub = app.add_subcommand("watch", "实时事件 print the event stream");
    auto topics = std::make_shared<std::vector<std::string>>();
    auto count = std::make_shared<int>(0);
    auto seconds = std::make_shared<int>(0);
    sub->add_option("--topic", *topics, "prefix such as ticket. window. alarm. (default: everything)");
    sub->add_option("--count", *count, "stop after this many messages");
    sub->add_option("--for", *seconds, "stop after this many seconds");
    sub->callback([&, topics, count, seconds] { action = [&, topics, count, seconds] { return watch(g, *topics, *count, *seconds); }; });
  }
  {
    auto* config = app.add_subcommand("config", "配置 configuration files");
    config->require_subcommand(1);
    auto file = std::make_shared<std::string>();
    config->add_subcommand("check", "validate a hall file and its catalog")
        ->callback([&, file] { action = [file] { return jiujin::config::checkConfigFile(*file, std::cout, [](const jiujin::config::LoadResult& loaded) { return jiujin::devices::gateway::checkDeviceConfig(loaded); }); }; })
        ->add_option("file", *file)
        ->required();
  }
  {
    auto* keys = app.add_subcommand("keys", "密钥 CURVE keys, and the hall's audit signing key");
    keys->require_subcommand(1);
    auto name = std::make_shared<std::string>();
    auto audit = std::make_shared<bool>(false);
    auto* newCmd = keys->add_subcommand("new", "write NAME.key (secret) and NAME.pub (public)");
    newCmd->add_option("name", *name)->required();
    newCmd->add_flag("--audit", *audit, "an Ed25519 pair for signing audit checkpoints ([audit] signing_key_file)");
    newCmd->callback([&, name, audit] {
      action = [name, audit] { return *audit ? jiujin::ctl::newAuditKeys(*name) : newKeys(*name); };
    });
  }
  {
    auto* audit = app.add_subcommand("audit", "电子监察 the audit record");
    audit->require_subcommand(1);
    auto db = std::make_shared<std::string>();
    auto after = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>();
    auto verify = std::make_shared<jiujin::ctl::AuditVerifyOptions>();
    auto* exportCmd = audit->add_subcommand("export", "write rows as JSON lines (from the dispatcher, or --db)");
    exportCmd->add_option("--db", *db, "read the hall's database file directly");
    exportCmd->add_option("--after", *after, "only rows after this one")->check(CLI::NonNegativeNumber);
    exportCmd->add_option("--out", *out, "file to write (default stdout)");
    exportCmd->callback([&, db, after, out] {
      action = [&, db, after, out] {
        std::string problem;
        const auto source = auditSource(g, *db, problem);
        return source ? jiujin::ctl::exportAudit(*source, *after, *out) : fail(problem);
      };
    });
    auto* verifyCmd = audit->add_subcommand(
        "verify",
        "check the hash chain (dispatcher, --db or --file) and, with --checkpoint, that nothing signed was cut or "
        "rewritten. Exit 0 intact, 1 chain broken, 4 truncated, 5 rewritten, 6 bad checkpoint signature");
    auto* dbOption = verifyCmd->add_option("--db", *db, "the hall's database file");
    verifyCmd->add_option("--file", verify->exportFile, "an export written by `audit export`")->excludes(dbOption);
    verifyCmd->add_option("--checkpoint", verify->checkpoint,
                          "the checkpoint file (<database>.checkpoints), or one checkpoint as JSON");
    verifyCmd->add_option("--audit-key", verify->auditKey, "the hall's audit public key: hex, or the .pub file");
    verifyCmd->callback([&, db, verify] {
      action = [&, db, verify] {
        verify->asJson = g.json;
        std::string problem;
        const auto source = verify->exportFile.empty() ? auditSource(g, *db, problem)
                                                       : std::optional(jiujin::ctl::AuditSource{});
        return source ? jiujin::ctl::verifyAudit(*source, *verify) : fail(problem);
      };
    });
  }

  CLI11_PARSE(app, argc, argv);
  if (action) return action();
  if (type.empty()) return fail("nothing to do");
  if (body.is_discarded() || !body.is_object()) return fail("the body is not a JSON object");
  if (type == "open_day" && body.value("date", "").empty()) return fail("day open needs a date (YYYY-MM-DD)");
  for (const char* key : {"from", "to"}) {
    const auto date = body.find(key);
    if (type == "statistics" && date != body.end() && date->is_string() && !jiujin::ctl::looksLikeDate(date->get<std::string>()))
      return fail(fmt::format("--{} needs a date YYYY-MM-DD, not \"{}\"", key, date->get<std::string>()));
  }
  return send(g, type, body);
}
