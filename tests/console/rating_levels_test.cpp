// 好差评 end to end: each of the five levels given with `jiujinctl evaluate`, as a clerk or an
// operator types it, reaches the dispatcher and comes out under its own name in every output
// — `jiujinctl stats` text and JSON, the monitor's statistics CSV and its 考核表.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "jiujin/clientqt/hall_link.hpp"
#include "jiujin/console/hall_monitor.hpp"
#include "jiujin/console/link_wiring.hpp"
#include "jiujin/core/names.hpp"
#include "support/running_hall.hpp"
#include "wait_for.hpp"

namespace {

using namespace jiujin;
using console::test::waitFor;
using nlohmann::json;

/// One CSV line split at commas (the lines checked here hold no quoted fields).
std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out(1);
  for (const char c : line) {
    if (c == ',') out.emplace_back();
    else if (c != '\r') out.back() += c;
  }
  return out;
}

std::vector<std::vector<std::string>> csvLines(const QString& path) {
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
  std::vector<std::vector<std::string>> lines;
  for (const QByteArray& line : file.readAll().split('\n')) lines.push_back(fields(line.toStdString()));
  return lines;
}

class RatingLevels : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(hall_.dispatcher->ready()) << hall_.dispatcher->output(); }

  /// jiujinctl against the test hall; returns its exit status, its output in `out`.
  int ctl(std::vector<std::string> args, std::string& out) {
    std::vector<std::string> argv{jiujin::testing::jiujinctlBinary().string(), "--endpoint", hall_.commands, "--events",
                                  hall_.events, "--role", "manager"};
    argv.insert(argv.end(), args.begin(), args.end());
    return jiujin::testing::runProgram(argv, out);
  }
  void ctlOk(std::vector<std::string> args) {
    std::string out;
    ASSERT_EQ(ctl(args, out), 0) << out;
  }

  jiujin::testing::RunningHall hall_;
};

TEST_F(RatingLevels, EachOfTheFiveLevelsReachesEveryOutputUnderItsOwnName) {
  ctlOk({"login", "1", "c01", "--pin", "1234"});
  ctlOk({"open", "1"});
  // Level n once each, by the pad's key number as `jiujinctl evaluate W n` takes it.
  for (const core::Rating level : core::kRatingScale) {
    ctlOk({"issue", "T-0001"});
    ctlOk({"call", "1"});
    ctlOk({"start", "1"});
    ctlOk({"complete", "1"});
    ctlOk({"evaluate", "1", std::to_string(static_cast<int>(level))});
  }

  std::string text;
  ASSERT_EQ(ctl({"stats"}, text), 0) << text;
  ASSERT_NE(text.find("评价 ratings"), std::string::npos) << text;
  const auto ratingsLine = text.substr(text.find("评价 ratings"));
  for (const core::Rating level : core::kRatingScale) {
    // "  满意 1" must not be found inside "  非常满意 1": each level follows two spaces.
    const std::string said = std::string("  ") + core::zhName(level) + " 1";
    const auto at = ratingsLine.find(said);
    ASSERT_NE(at, std::string::npos) << core::zhName(level) << " is not 1 in:\n" << text;
    EXPECT_TRUE(std::string(" \n").find(ratingsLine.at(at + said.size())) != std::string::npos) << text;
  }

  std::string raw;
  ASSERT_EQ(ctl({"--json", "stats"}, raw), 0) << raw;
  const json stats = json::parse(raw, nullptr, false);
  ASSERT_TRUE(stats.is_object()) << raw;
  const json& figures = stats["result"]["figures"];
  for (const core::Rating level : core::kRatingScale) {
    EXPECT_EQ(figures["ratings"]["by_level"].value(core::toString(level), -1), 1) << core::toString(level);
    EXPECT_EQ(figures["by_clerk"]["c01"]["ratings"].value(core::toString(level), -1), 1) << core::toString(level);
  }

  // The monitor, connected as the app connects, exports what the dispatcher answered.
  clientqt::HallLink link(hall_.as("manager"));
  console::HallMonitor monitor(console::sendThrough(link), {{"c01", "王芳"}});
  console::followLink(monitor, link);
  link.start();
  ASSERT_TRUE(waitFor([&] { return monitor.online(); }));
  monitor.loadToday();
  ASSERT_TRUE(waitFor([&] { return monitor.summary().value("rated").toInt() == 5; }));
  QTemporaryDir dir;
  const QString statistics = dir.filePath("statistics.csv");
  const QString appraisal = dir.filePath("appraisal.csv");
  ASSERT_TRUE(monitor.exportFigures(statistics));
  ASSERT_TRUE(monitor.exportAppraisal(appraisal));
  link.stop();

  std::map<std::string, std::string> byLabel;
  for (const auto& line : csvLines(statistics))
    if (line.size() == 2) byLabel[line[0]] = line[1];
  for (const core::Rating level : core::kRatingScale)
    EXPECT_EQ(byLabel[core::zhName(level)], "1") << "statistics CSV, " << core::zhName(level);

  const auto sheet = csvLines(appraisal);
  ASSERT_GE(sheet.size(), 3u);
  const auto& header = sheet[1];
  const auto row = std::find_if(sheet.begin(), sheet.end(), [](const auto& l) { return !l.empty() && l[0] == "c01"; });
  ASSERT_NE(row, sheet.end()) << "no row for c01 in the 考核表";
  for (const core::Rating level : core::kRatingScale) {
    const auto column = std::find(header.begin(), header.end(), core::zhName(level));
    ASSERT_NE(column, header.end()) << "考核表 has no column " << core::zhName(level);
    EXPECT_EQ(row->at(static_cast<std::size_t>(column - header.begin())), "1") << "考核表, " << core::zhName(level);
  }
}

TEST_F(RatingLevels, AnUnknownLevelIsRefusedByJiujinctlBeforeItIsSent) {
  std::string out;
  EXPECT_NE(ctl({"evaluate", "1", "basic"}, out), 0);
  EXPECT_NE(out.find("basically_satisfied"), std::string::npos) << "the help names the levels:\n" << out;
  EXPECT_NE(ctl({"evaluate", "1", "6"}, out), 0);
}

}  // namespace
