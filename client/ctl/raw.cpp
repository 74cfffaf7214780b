// `jiujinctl raw TYPE BODY`: any request, its type and JSON body as typed on the command line —
// the one place jiujinctl sends something that is not a typed request (client/lib), so a
// request the other subcommands lack (e.g. `raw reload_config '{}'`, docs/configuration.md)
// can still be sent. It names no type itself: the type comes from the operator.
#include <memory>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "jiujin/client/command_channel.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace {

int sendRaw(const GlobalOptions& g, const std::string& type, const std::string& bodyText) {
  const nlohmann::json body = nlohmann::json::parse(bodyText, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return fail("the body is not a JSON object");
  std::string problem;
  auto options = connectionOptions(g, problem);
  if (!options) return fail(problem);
  zmq::context_t context;
  client::CommandChannel channel(context, *options);
  return answer(g, client::requestKindNamed(type), channel.request(type, body));
}

}  // namespace

void addRawCommand(CLI::App& app, Invocation& invocation) {
  auto* sub = app.add_subcommand("raw", "send any request: TYPE and a JSON body");
  auto type = std::make_shared<std::string>();
  auto body = std::make_shared<std::string>("{}");
  sub->add_option("type", *type)->required();
  sub->add_option("body", *body);
  runs(sub, invocation, [&invocation, type, body] { return sendRaw(invocation.options, *type, *body); });
}

}  // namespace jiujin::ctl
