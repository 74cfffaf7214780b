#pragma once
// The figures of a period as CSV files for Excel: UTF-8 with a byte-order mark (Excel reads
// UTF-8 Chinese only with it), CRLF line ends, fields quoted when they need it.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace jiujin::console {

/// The statistics query's "figures" as one table per grouping (事项, 队列, 窗口, 工作人员)
/// after a summary block.
std::string figuresCsv(const nlohmann::json& figures);

/// 考核: one row per clerk — time logged in and paused, tickets served, service time,
/// ratings and satisfaction — for the period of `figures` (normally two months).
/// `clerkNames` maps a clerk id to the name shown (the id when missing).
std::string appraisalCsv(const nlohmann::json& figures, const std::map<std::string, std::string>& clerkNames);

}  // namespace jiujin::console
