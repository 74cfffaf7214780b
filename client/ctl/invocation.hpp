#pragma once
// What every jiujinctl subcommand shares: the global options, the one action the command line
// chose, and how a typed request is sent and its reply printed. Exit codes: 0 ok, 1 refused by
// the dispatcher, 2 bad usage or invalid file, 3 no answer (timeout).
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "jiujin/base/result.hpp"
#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/connection.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::ctl {

/// The options before the subcommand: where the dispatcher is, who we are, how to print.
struct GlobalOptions {
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

/// The command line as parsed: the global options, and what the chosen subcommand does.
struct Invocation {
  GlobalOptions options;
  /// Set by the chosen subcommand's callback; run once parsing is done, returns the exit code.
  std::function<int()> action;
};

/// Why a subcommand's arguments do not make a request (exit 2, nothing sent).
struct BadUsage {
  std::string text;
};

/// The request a subcommand builds from its arguments, or why it cannot.
using RequestOrUsage = base::Result<client::Request, BadUsage>;

/// Words a successful reply for a person; empty text leaves it to printReply (printing.hpp).
using DescribeReply = std::function<std::string(const client::Reply&)>;

/// Prints "jiujinctl: <message>" on stderr and returns 2.
int fail(const std::string& message);

/// The connection the global options describe (CURVE keys read from their files), or the problem.
std::optional<client::ConnectionOptions> connectionOptions(const GlobalOptions& options, std::string& problem);

/// Sends the request and answers with its reply (below), worded by `describe` if given.
int send(const GlobalOptions& options, const client::Request& request, const DescribeReply& describe = {});

/// Prints a reply for a person (by what was asked, when the kind is known) or as --json, and
/// returns its exit code: 0 ok, 1 refused, 3 no answer.
int answer(const GlobalOptions& options, std::optional<client::RequestKind> kind, const client::Reply& reply);

/// Makes `subcommand`, when chosen, send the request `build` makes from its parsed arguments;
/// `describe`, if given, words a successful reply (not with --json).
void sendsRequest(CLI::App* subcommand, Invocation& invocation, std::function<RequestOrUsage()> build,
                  DescribeReply describe = {});

/// Makes `subcommand`, when chosen, run `action` (a local tool or a stream) for the exit code.
void runs(CLI::App* subcommand, Invocation& invocation, std::function<int()> action);

}  // namespace jiujin::ctl
