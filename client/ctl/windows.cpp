// What happens at a window: calling, serving, pausing, evaluation, transfer, pinning a ticket
// and the window's work profile. Each subcommand takes the window number first.
#include <memory>

#include <fmt/format.h>

#include "arguments.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

namespace requests = client::requests;

void addEvaluate(CLI::App& app, Invocation& invocation) {
  auto [sub, window] = windowSubcommand(app, "evaluate", "评价 rate the service (1 非常满意 … 5 非常不满意)");
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
  sendsRequest(sub, invocation, [window = window, rating]() -> RequestOrUsage {
    const std::string& r = *rating;
    // A pad key number 1…5 is the level of that rank on the scale.
    if (r.size() == 1 && r[0] >= '1' && r[0] <= '5') return requests::evaluate(*window, static_cast<core::Rating>(r[0] - '0'));
    const auto level = core::parseRating(r);
    if (!level) return BadUsage{fmt::format("\"{}\" is not a rating", r)};
    return requests::evaluate(*window, *level);
  });
}

void addTransfer(CLI::App& app, Invocation& invocation) {
  auto [sub, window] = windowSubcommand(app, "transfer", "转办 transfer the current ticket");
  auto queue = std::make_shared<std::string>();
  auto toWindow = std::make_shared<core::WindowNumber>(0);
  auto kind = std::make_shared<std::string>();
  auto note = std::make_shared<std::string>();
  auto* q = sub->add_option("--to-queue", *queue, "queue id");
  auto* w = sub->add_option("--to-window", *toWindow, "window number");
  auto* k = sub->add_option("--to-kind", *kind, "general specialist issuing complaints");
  q->excludes(w)->excludes(k);
  w->excludes(k);
  sub->add_option("--note", *note, "note for the next clerk");
  sendsRequest(sub, invocation, [window = window, queue, toWindow, kind, note, q, w, k]() -> RequestOrUsage {
    if (!q->empty()) return requests::transfer(*window, core::QueueId(*queue), *note);
    if (!w->empty()) return requests::transfer(*window, *toWindow, *note);
    if (k->empty()) return BadUsage{"transfer needs --to-queue, --to-window or --to-kind"};
    const auto to = enumArgument<core::WindowKind>("--to-kind", *kind, "general specialist issuing complaints");
    if (!to) return to.error();
    return requests::transfer(*window, to.value(), *note);
  });
}

void addProfile(CLI::App& app, Invocation& invocation) {
  auto [sub, window] = windowSubcommand(app, "profile", "工作配置 set a window's work profile");
  auto queues = std::make_shared<std::vector<std::string>>();
  auto profileJson = std::make_shared<std::string>();
  sub->add_option("--queues", *queues, "queue[:weight] …, e.g. general tax:2")->delimiter(',');
  sub->add_option("--profile-json", *profileJson, "the whole profile as JSON");
  sendsRequest(sub, invocation, [window = window, queues, profileJson]() -> RequestOrUsage {
    if (profileJson->empty()) return requests::setWorkProfile(*window, profileFromQueues(*queues));
    const auto profile = profileFromJson(*profileJson);
    if (!profile) return profile.error();
    return requests::setWorkProfile(*window, profile.value());
  });
}

}  // namespace

void addWindowCommands(CLI::App& app, Invocation& invocation) {
  // The commands that take nothing but the window.
  const auto windowOnlySubcommand = [&](const char* name, const char* help,
                                        client::Request (*request)(core::WindowNumber)) {
    auto [sub, window] = windowSubcommand(app, name, help);
    sendsRequest(sub, invocation, [window = window, request] { return request(*window); });
  };
  windowOnlySubcommand("call", "叫号 call the next ticket to a window", requests::callNext);
  windowOnlySubcommand("recall", "重呼 call the current ticket again", requests::recall);
  windowOnlySubcommand("start", "开始办理 start serving the called ticket", requests::startService);
  windowOnlySubcommand("complete", "办结 complete the ticket being served", requests::complete);
  windowOnlySubcommand("no-show", "过号 mark the called ticket absent", requests::markNoShow);
  windowOnlySubcommand("resume", "恢复服务 resume a paused window", requests::resumeWindow);
  windowOnlySubcommand("open", "开窗 open a window", requests::openWindow);
  windowOnlySubcommand("close", "关窗 close a window", requests::closeWindow);
  windowOnlySubcommand("request-evaluation", "请求评价 prompt the evaluation pad", requests::requestEvaluation);
  {
    auto [sub, window] = windowSubcommand(app, "pause", "暂停服务 pause a window");
    auto reason = std::make_shared<std::string>();
    sub->add_option("--reason", *reason, "shown on the window display");
    sendsRequest(sub, invocation, [window = window, reason] { return requests::pauseWindow(*window, *reason); });
  }
  addEvaluate(app, invocation);
  addTransfer(app, invocation);
  {
    auto [sub, window] = windowSubcommand(app, "pin", "指定呼叫 call this ticket next at the window");
    auto ticket = std::make_shared<core::TicketId>(0);
    sub->add_option("ticket", *ticket, "ticket id")->required();
    sendsRequest(sub, invocation, [window = window, ticket] { return requests::pinTicket(*window, *ticket); });
  }
  addProfile(app, invocation);
}

}  // namespace jiujin::ctl
