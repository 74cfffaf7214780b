#include "invocation.hpp"

#include <iostream>

#include <fmt/format.h>
#include <zmq.hpp>

#include "printing.hpp"

namespace jiujin::ctl {

int fail(const std::string& message) {
  std::cerr << "jiujinctl: " << message << '\n';
  return 2;
}

std::optional<client::ConnectionOptions> connectionOptions(const GlobalOptions& g, std::string& problem) {
  client::ConnectionOptions o;
  o.commands = g.commands;
  o.events = g.events;
  o.requestTimeout = std::chrono::milliseconds(g.timeoutMs);
  o.attempts = g.attempts;
  if (!g.keyFile.empty()) {
    client::CurveKeys keys;
    keys.secretKey = client::readKeyFile(g.keyFile);
    keys.publicKey = client::publicKeyOf(keys.secretKey);
    keys.serverKey = g.serverKey.size() == 40 ? g.serverKey : client::readKeyFile(g.serverKey);
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
    o.identity = client::StatedIdentity{g.role, g.window, g.name};
  }
  return o;
}

int send(const GlobalOptions& g, const client::Request& request, const DescribeReply& describe) {
  std::string problem;
  auto options = connectionOptions(g, problem);
  if (!options) return fail(problem);
  zmq::context_t context;
  client::CommandChannel channel(context, *options);
  const client::Reply reply = channel.request(request);
  if (describe && reply.ok && !g.json) {
    if (const std::string text = describe(reply); !text.empty()) {
      std::cout << text;
      return 0;
    }
  }
  return answer(g, request.kind, reply);
}

int answer(const GlobalOptions& g, std::optional<client::RequestKind> kind, const client::Reply& reply) {
  printReply(kind, reply, g.json, std::cout, std::cerr);
  if (reply.ok) return 0;
  return reply.error.code == "timeout" ? 3 : 1;
}

void sendsRequest(CLI::App* subcommand, Invocation& invocation, std::function<RequestOrUsage()> build,
                  DescribeReply describe) {
  runs(subcommand, invocation, [&invocation, build = std::move(build), describe = std::move(describe)] {
    const RequestOrUsage request = build();
    return request ? send(invocation.options, request.value(), describe) : fail(request.error().text);
  });
}

void runs(CLI::App* subcommand, Invocation& invocation, std::function<int()> action) {
  subcommand->callback([&invocation, action = std::move(action)] { invocation.action = action; });
}

}  // namespace jiujin::ctl
