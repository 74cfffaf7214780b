// `jiujinctl config check FILE`: the hall file and its catalog validated as the dispatcher
// would load them, plus the device layer's checks: each bus's response timeout and the profiles the hall names.
#include <iostream>
#include <memory>

#include "jiujin/config/loader.hpp"
#include "jiujin/devices/gateway/profile_check.hpp"
#include "subcommands.hpp"

namespace jiujin::ctl {

void addConfigCommands(CLI::App& app, Invocation& invocation) {
  auto* config = app.add_subcommand("config", "配置 configuration files");
  config->require_subcommand(1);
  auto file = std::make_shared<std::string>();
  auto* check = config->add_subcommand("check", "validate a hall file and its catalog");
  check->add_option("file", *file)->required();
  runs(check, invocation, [file] {
    return config::checkConfigFile(*file, std::cout, [](const config::LoadResult& loaded) {
      return devices::gateway::checkDeviceConfig(loaded);
    });
  });
}

}  // namespace jiujin::ctl
