// The manager's 台账 (CaseLedger) against a dispatcher the test plays: the filters become the
// case_list query, the dispatcher's due-soon and overdue notices mark the rows, the statistics'
// `cases` become the on-time table, a refusal is said in the interface's language.
#include "jiujin/console/case_ledger.hpp"

#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::console {
namespace {

using nlohmann::json;

core::Case aCase(core::CaseId id, core::CaseState state, bool dueSoon, bool overdue) {
  core::Case c;
  c.id = id;
  c.number = "370199101-20240422-000" + std::to_string(id);
  c.item = "370199-GG-0005";
  c.itemName = "老年优待证办理";
  c.kind = core::ItemKind::Promised;
  c.promisedWorkingDays = 5;
  c.applicant = {"孙*", "3701**********1528", ""};
  c.clerk = "c01";
  c.window = 1;
  c.state = state;
  c.dueDate = core::Date{std::chrono::year{2024}, std::chrono::month{4}, std::chrono::day{29}};
  c.dueSoonNoticed = dueSoon;
  c.overdueNoticed = overdue;
  return c;
}

class Ledger : public ::testing::Test {
 protected:
  CaseLedger ledger{[this](client::Request request, ReplyHandler done) {
                      bodies.push_back(request.body);
                      done(next);
                    },
                    {{"c01", "王芳"}},
                    [] { return core::TimePoint{}; }};
  std::vector<json> bodies;
  client::Reply next;

  void answerWith(const std::vector<core::Case>& cases, int total) {
    json list = json::array();
    for (const auto& c : cases) list.push_back(protocol::toJson(c));
    next = client::Reply{};
    next.ok = true;
    next.result = json{{"cases", list}, {"total", total}, {"next_after", nullptr}};
  }
};

TEST_F(Ledger, TheFiltersAreTheQueryAndTheDispatchersNoticesMarkDueAndOverdueCases) {
  answerWith({aCase(1, core::CaseState::Processing, true, true), aCase(2, core::CaseState::Accepted, true, false),
              aCase(3, core::CaseState::Decided, true, true), aCase(4, core::CaseState::Accepted, false, false)},
             4);
  ledger.setState(QStringLiteral("processing"));
  ledger.setItem(QStringLiteral("370199-GG-0005"));
  ledger.setClerk(QStringLiteral("c01"));
  ledger.setDueBefore(QStringLiteral("2024-05-08"));
  ASSERT_FALSE(bodies.empty());
  const json& q = bodies.back();
  EXPECT_EQ(q["state"], "processing");
  EXPECT_EQ(q["item"], "370199-GG-0005");
  EXPECT_EQ(q["clerk"], "c01");
  EXPECT_EQ(q["due_before"], "2024-05-08");
  EXPECT_EQ(q["limit"], CaseLedger::kPage);

  auto& rows = *ledger.cases();
  ASSERT_EQ(rows.rowCount(), 4);
  EXPECT_TRUE(rows.field(0, "overdue").toBool());
  EXPECT_FALSE(rows.field(0, "dueSoon").toBool()) << "overdue says more than due soon";
  EXPECT_EQ(rows.field(0, "alarm").toString(), QStringLiteral("已超期"));
  EXPECT_TRUE(rows.field(1, "dueSoon").toBool());
  EXPECT_EQ(rows.field(1, "alarm").toString(), QStringLiteral("即将到期"));
  EXPECT_FALSE(rows.field(2, "overdue").toBool()) << "a decided case is no longer running late";
  EXPECT_TRUE(rows.field(3, "alarm").toString().isEmpty());
  EXPECT_EQ(ledger.overdue(), 1);
  EXPECT_EQ(ledger.dueSoon(), 1);
  EXPECT_EQ(rows.field(0, "clerk").toString(), QStringLiteral("王芳"));
  EXPECT_EQ(rows.field(0, "applicant").toString(), QStringLiteral("孙*"));
  EXPECT_EQ(rows.field(0, "stateText").toString(), QStringLiteral("办理中"));
  EXPECT_EQ(rows.field(0, "dueDate").toString(), QStringLiteral("2024-04-29"));
  EXPECT_EQ(ledger.summary(), QStringLiteral("共 4 件"));

  // clearing a filter asks again without it
  ledger.setState(QString());
  EXPECT_FALSE(bodies.back().contains("state"));
}

TEST_F(Ledger, AMalformedDateIsRefusedHereAndARefusedQueryIsSaidInTheInterfacesLanguage) {
  QString said;
  QObject::connect(&ledger, &CaseLedger::refused, [&](const QString& r) { said = r; });
  ledger.setDueBefore(QStringLiteral("2024-5-8"));
  EXPECT_TRUE(bodies.empty());
  EXPECT_TRUE(said.contains(QStringLiteral("2024-5-8")));
  EXPECT_TRUE(ledger.dueBefore().isEmpty());

  next = client::Reply{};
  next.error = {"forbidden", "无权查看办件台账", "not allowed to list cases"};
  ledger.setLanguage(true);
  ledger.reload();
  EXPECT_EQ(said, QStringLiteral("not allowed to list cases"));
}

TEST_F(Ledger, TheOnTimeRateComesPerItemWindowAndClerkFromTheStatistics) {
  ledger.setFigures(json{{"cases",
                          {{"decided", 4},
                           {"on_time", 3},
                           {"on_time_rate", 0.75},
                           {"by_item", {{"370199-GG-0005", {{"decided", 4}, {"on_time", 3}, {"on_time_rate", 0.75}}}}},
                           {"by_window", {{"1", {{"decided", 4}, {"on_time", 3}, {"on_time_rate", 0.75}}}}},
                           {"by_clerk", {{"c01", {{"decided", 0}, {"on_time", 0}, {"on_time_rate", nullptr}}}}}}}});
  EXPECT_EQ(ledger.onTimeRate(), QStringLiteral("75.0%"));
  auto& rows = *ledger.onTime();
  ASSERT_EQ(rows.rowCount(), 3);
  EXPECT_EQ(rows.field(0, "group").toString(), QStringLiteral("事项"));
  EXPECT_EQ(rows.field(0, "rate").toString(), QStringLiteral("75.0%"));
  EXPECT_EQ(rows.field(1, "name").toString(), QStringLiteral("1号窗口"));
  EXPECT_EQ(rows.field(2, "name").toString(), QStringLiteral("王芳"));
  EXPECT_EQ(rows.field(2, "rate").toString(), QStringLiteral("—")) << "nothing decided: no rate";
  ledger.setFigures(json::object());
  EXPECT_EQ(ledger.onTimeRate(), QStringLiteral("—"));
}

TEST_F(Ledger, PagesFollowTheDispatchersCursorAndAFilterStartsAgainAtTheFirst) {
  std::vector<core::Case> page;
  for (core::CaseId id = 1; id <= 3; ++id) page.push_back(aCase(id, core::CaseState::Accepted, false, false));
  answerWith(page, 250);
  next.result["next_after"] = 100;
  ledger.reload();
  EXPECT_EQ(bodies.back().value("after", 0), 0);
  EXPECT_EQ(ledger.pages(), 3);
  ASSERT_TRUE(ledger.canNextPage());
  EXPECT_FALSE(ledger.canPreviousPage());

  next.result["next_after"] = 200;
  ledger.nextPage();
  EXPECT_EQ(bodies.back()["after"], 100) << "the page starts after the last case of the one before";
  EXPECT_EQ(ledger.page(), 2);
  EXPECT_EQ(ledger.summary(), QStringLiteral("共 250 件，第 101–103 件"));
  next.result["next_after"] = nullptr;
  ledger.nextPage();
  EXPECT_EQ(bodies.back()["after"], 200);
  EXPECT_FALSE(ledger.canNextPage());
  ledger.previousPage();
  EXPECT_EQ(bodies.back()["after"], 100);
  EXPECT_EQ(ledger.page(), 2);

  // a filter keeps nothing of the walk; the pages keep the filter
  next.result["next_after"] = 3;
  ledger.setState(QStringLiteral("accepted"));
  EXPECT_EQ(bodies.back().value("after", 0), 0);
  EXPECT_EQ(ledger.page(), 1);
  ledger.nextPage();
  EXPECT_EQ(bodies.back()["state"], "accepted");
  EXPECT_EQ(bodies.back()["after"], 3);

  // a page emptied under the manager (its cases left the filter): one page back
  const std::size_t asked = bodies.size();
  answerWith({}, 3);
  ledger.reload();
  EXPECT_EQ(ledger.page(), 1);
  EXPECT_EQ(bodies.size(), asked + 2) << "asked again for the page before";
}

}  // namespace
}  // namespace jiujin::console
