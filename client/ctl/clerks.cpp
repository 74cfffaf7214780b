// A clerk at a window: log in with the PIN, log out; and the manager's unlock of a clerk
// locked after wrong PINs.
#include <memory>

#include "arguments.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

namespace requests = client::requests;

void addClerkCommands(CLI::App& app, Invocation& invocation) {
  {
    auto [sub, window] = windowSubcommand(app, "login", "登录 log a clerk in at a window");
    auto clerk = std::make_shared<std::string>();
    auto pin = std::make_shared<std::string>();
    sub->add_option("clerk", *clerk, "clerk id (工号)")->required();
    sub->add_option("--pin", *pin, "PIN")->required();
    sendsRequest(sub, invocation, [window = window, clerk, pin] { return requests::clerkLogin(*window, *clerk, *pin); });
  }
  {
    auto [sub, window] = windowSubcommand(app, "logout", "退出登录 log the clerk out");
    sendsRequest(sub, invocation, [window = window] { return requests::clerkLogout(*window); });
  }
  {
    auto* sub = app.add_subcommand("unlock-clerk", "解锁 let a clerk locked after wrong PINs log in again (manager)");
    auto clerk = std::make_shared<std::string>();
    sub->add_option("clerk", *clerk, "clerk id (工号)")->required();
    sendsRequest(sub, invocation, [clerk] { return requests::unlockClerk(*clerk); });
  }
}

}  // namespace jiujin::ctl
