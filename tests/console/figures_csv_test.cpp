// The CSV exports open in Excel: a byte-order mark, CRLF, quoted fields, Chinese headers.
#include <gtest/gtest.h>

#include "jiujin/console/figures_csv.hpp"

namespace {

using nlohmann::json;

json someFigures() {
  return json{{"from", "2024-05-01"},
              {"to", "2024-06-30"},
              {"tickets", {{"issued", 4}, {"completed", 3}}},
              {"waiting", {{"mean_s", 1155.0}, {"p90_s", 2400.0}}},
              {"service", {{"mean_s", 600.0}, {"p90_s", 900.0}}},
              {"within_target", {{"share", 0.75}}},
              {"no_show_rate", 0.25},
              {"ratings", {{"satisfaction_rate", 0.5}, {"by_level", {{"very_satisfied", 1}, {"dissatisfied", 1}}}}},
              {"arrivals_by_hour", std::vector<int>(24, 0)},
              {"by_item", {{"T-0001", {{"name", "生育服务登记, 补办"}, {"issued", 3}}}}},
              {"by_clerk",
               {{"c01",
                 {{"completed", 3},
                  {"logged_in_s", 7200.0},
                  {"paused_s", 600.0},
                  {"service", {{"mean_s", 600.0}, {"p90_s", 900.0}}},
                  {"ratings", {{"very_satisfied", 1}, {"dissatisfied", 1}}},
                  {"rated", 2},
                  {"satisfaction_rate", 0.5}}}}}};
}

TEST(FiguresCsv, StartsWithAByteOrderMarkAndEndsLinesWithCrLf) {
  const std::string csv = jiujin::console::figuresCsv(someFigures());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("统计期间,2024-05-01,2024-06-30\r\n"), std::string::npos);
  EXPECT_NE(csv.find("过号率,25.0%\r\n"), std::string::npos);
}

TEST(FiguresCsv, QuotesANameThatHoldsAComma) {
  const std::string csv = jiujin::console::figuresCsv(someFigures());
  EXPECT_NE(csv.find("T-0001,\"生育服务登记, 补办\",3,"), std::string::npos);
}

TEST(AppraisalCsv, GivesEachClerkHoursServedAndSatisfaction) {
  const std::string csv = jiujin::console::appraisalCsv(someFigures(), {{"c01", "王芳"}});
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("c01,王芳,2.00,0.17,3,10.0,15.0,2,1,0,0,1,0,50.0%\r\n"), std::string::npos) << csv;
}

}  // namespace
