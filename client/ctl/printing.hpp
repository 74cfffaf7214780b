#pragma once
// How jiujinctl words replies and events for a person at a terminal.
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/client/command_channel.hpp"

namespace jiujin::ctl {

void printReply(const std::string& type, const client::Reply& reply, bool asJson, std::ostream& out,
                std::ostream& err);
std::string describeEvent(const nlohmann::json& event);
std::string describeNews(const nlohmann::json& message);
std::string describeTicket(const nlohmann::json& ticket);

}  // namespace jiujin::ctl
