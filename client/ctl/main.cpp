// jiujinctl: every dispatcher command and query from a shell. Human-readable by default,
// --json for scripts. Exit codes: 0 ok, 1 refused by the dispatcher, 2 bad usage or
// invalid file, 3 no answer (timeout); `audit verify` adds 1 chain broken, 4 truncated,
// 5 rewritten, 6 bad checkpoint signature (audit.hpp); `health` 0 ok, 1 warning, 2 critical.
//
// This file builds the command line and runs what it chose; each group of subcommands is in
// its own file (subcommands.hpp), and every request is a typed one from the client library.
#include <CLI/CLI.hpp>

#include "invocation.hpp"
#include "subcommands.hpp"

namespace {

void addGlobalOptions(CLI::App& app, jiujin::ctl::GlobalOptions& g) {
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
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jiujin::ctl;
  CLI::App app{"jiujinctl — 就近 Jiujin dispatcher control"};
  app.require_subcommand(1);
  Invocation invocation;
  addGlobalOptions(app, invocation.options);
  // The hall's commands and queries, then local tools and streams.
  addTicketCommands(app, invocation);
  addWindowCommands(app, invocation);
  addClerkCommands(app, invocation);
  addHallCommands(app, invocation);
  addCaseCommands(app, invocation);
  addQueryCommands(app, invocation);
  addDeviceCommands(app, invocation);
  addRawCommand(app, invocation);
  addWatchCommand(app, invocation);
  addConfigCommands(app, invocation);
  addKeyCommands(app, invocation);
  addAuditCommands(app, invocation);
  addBackupCommand(app, invocation);
  addRestoreCommand(app, invocation);
  addHealthCommand(app, invocation);

  CLI11_PARSE(app, argc, argv);
  if (!invocation.action) return fail("nothing to do");
  return invocation.action();
}
