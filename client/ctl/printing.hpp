#pragma once
// How jiujinctl words replies and events for a person at a terminal.
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "jiujin/client/command_channel.hpp"
#include "jiujin/client/request.hpp"

namespace jiujin::ctl {

/// A reply for a person, worded by what was asked (`kind`: none for a type this client does not
/// know), or as one JSON line with --json.
void printReply(std::optional<client::RequestKind> kind, const client::Reply& reply, bool asJson, std::ostream& out,
                std::ostream& err);
std::string describeEvent(const nlohmann::json& event);
std::string describeNews(const nlohmann::json& message);
std::string describeTicket(const nlohmann::json& ticket);
/// The period figures of a statistics reply (`result.figures`): totals, waits, ratings,
/// arrivals by hour, then one line per queue, item, window and clerk.
std::string describeFigures(const nlohmann::json& figures);

}  // namespace jiujin::ctl
