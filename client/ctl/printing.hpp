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
/// The period figures of a statistics reply (`result.figures`): totals, waits, ratings,
/// arrivals by hour, then one line per queue, item, window and clerk.
std::string describeFigures(const nlohmann::json& figures);
/// Whether `text` has the shape YYYY-MM-DD (the dispatcher checks that the day exists).
bool looksLikeDate(const std::string& text);

}  // namespace jiujin::ctl
