// The case register beside the journal: rows written in the batch's transaction, recovery
// keeps the cases, filters and pages, on-time figures, anonymisation after the archive period.
#include <gtest/gtest.h>

#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "store_fixtures.hpp"

namespace jiujin::testing {
namespace {

HallDefinition caseTownship() {
  HallDefinition d = townshipHall();
  d.items[0].kind = ItemKind::Promised;
  d.items[0].promisedWorkingDays = 2;
  d.items[0].materials = {"身份证", "户口簿"};
  d.items[1].kind = ItemKind::Immediate;
  d.items[1].promisedWorkingDays = 0;
  d.cases.numberPrefix = "370199101";
  return d;
}

const Date kMonday{2026y / 3 / 2};

class CaseRegisterTest : public ::testing::Test {
 protected:
  CaseRegisterTest() { open(); }

  void open(store::StoreOptions options = {}) {
    store.reset();
    auto opened = store::HallStore::open(folder / "hall.db", options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store = std::move(opened).value();
    auto recovered = store->recover(caseTownship());
    ASSERT_TRUE(recovered.ok()) << recovered.error().message;
    hall.emplace(std::move(recovered.value().hall));
  }

  void run(const Command& c, TimePoint t) {
    auto r = hall->execute(c, t);
    ASSERT_TRUE(r.ok()) << r.error().en;
    auto appended = store->append(r.value(), *hall);
    ASSERT_TRUE(appended.ok()) << appended.error().message;
  }

  void startDay(Date day) {
    if (hall->state().open) run(cmd::CloseDay{}, TimePoint{std::chrono::sys_days{day}} - 1h);
    run(cmd::OpenDay{day}, TimePoint{std::chrono::sys_days{day}} + 8h);
    if (!hall->state().windows.at(1).clerk) run(cmd::ClerkLogin{1, "c01"}, morning(day, 0));
  }

  std::string accept(TimePoint t, ItemCode item = "GAOLING") {
    std::vector<CaseMaterial> materials;
    if (item == "GAOLING") materials = {{"身份证", MaterialStatus::Received}, {"户口簿", MaterialStatus::Received}};
    auto r = hall->execute(cmd::AcceptCase{1, item, Applicant{"王秀英", "370102194001011234", "13812345678"},
                                           CaseChannel::Window, materials, "", {}},
                           t);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().en);
    if (!r.ok()) return "";
    EXPECT_TRUE(store->append(r.value(), *hall).ok());
    return std::get<ev::CaseRegistered>(r.value().front()).registered.number;
  }

  TempFolder folder;
  std::unique_ptr<store::HallStore> store;
  std::optional<Hall> hall;
};

TEST_F(CaseRegisterTest, ACaseIsInTheRegisterAsSoonAsItsBatchIsCommitted) {
  startDay(kMonday);
  const auto number = accept(morning(kMonday, 5));
  auto found = store->findCase(number);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found.value());
  EXPECT_EQ(*found.value(), *hall->findCase(number));
  run(cmd::DecideCase{1, number, CaseOutcome::Approved, ""}, morning(kMonday, 30));
  EXPECT_EQ(store->findCase(number).value()->state, CaseState::Decided);
}

TEST_F(CaseRegisterTest, CasesSurviveARestartAndDaysWhileTicketsDoNot) {
  startDay(kMonday);
  const auto number = accept(morning(kMonday, 5));
  const HallState before = hall->state();
  open();  // the dispatcher restarts
  EXPECT_TRUE(hall->state() == before);
  startDay(Date{2026y / 3 / 3});
  ASSERT_NE(hall->findCase(number), nullptr);
  EXPECT_EQ(hall->findCase(number)->dueDate, Date{2026y / 3 / 4});
  open();
  ASSERT_NE(hall->findCase(number), nullptr);
}

TEST_F(CaseRegisterTest, EverySnapshotHoldsTheCasesAsTheStateEncodesThemWhateverChangedBetween) {
  // given snapshots as often as the store takes them (every max(1, tickets + cases) events)
  store::StoreOptions options;
  options.snapshotEvery = 1;
  open(options);
  // the state as protocol::toJson writes it after each journal row a batch ends with
  std::map<store::Seq, nlohmann::json> states;
  std::set<store::Seq> snapshotsWithCases;
  auto snapshotIsTheStateOfItsRow = [&] {
    states[store->lastSeq()] = protocol::toJson(hall->state());
    auto db = store::Database::open(folder / "hall.db", store::Database::Mode::OpenExisting);
    ASSERT_TRUE(db.ok());
    auto s = db.value().prepare("SELECT seq, state FROM snapshot ORDER BY seq DESC LIMIT 1");
    ASSERT_TRUE(s.ok() && s.value().step().value());
    const store::Seq seq = s.value().integer(0);
    if (!states.contains(seq)) return;  // taken in startDay(), before this test looked
    EXPECT_EQ(nlohmann::json::parse(s.value().text(1)), states.at(seq)) << "snapshot after row " << seq;
    if (!states.at(seq).at("cases").empty()) snapshotsWithCases.insert(seq);
  };
  startDay(kMonday);
  std::vector<std::string> numbers;
  int minute = 10;
  // when cases are accepted, move on, are decided, collected, and leave the state at a day's open
  for (int i = 0; i < 6; ++i) {
    numbers.push_back(accept(morning(kMonday, ++minute)));
    snapshotIsTheStateOfItsRow();
  }
  numbers.push_back(accept(morning(kMonday, ++minute), "SHEBAO"));
  run(cmd::StartCaseProcessing{1, numbers[1]}, morning(kMonday, ++minute));
  run(cmd::DecideCase{1, numbers[2], CaseOutcome::Approved, ""}, morning(kMonday, ++minute));
  run(cmd::FinishCaseOnSpot{1, numbers[6]}, morning(kMonday, ++minute));
  for (int i = 3; i < 6; ++i) {
    for (const Command& c : std::vector<Command>{cmd::StartCaseProcessing{1, numbers[i]},
                                                 cmd::DecideCase{1, numbers[i], CaseOutcome::Approved, ""},
                                                 cmd::MarkCaseReady{1, numbers[i]}}) {
      run(c, morning(kMonday, ++minute));
      // then each snapshot is the state after its row, as protocol::toJson writes it
      snapshotIsTheStateOfItsRow();
    }
  }
  // and recovery from it (and the journal after it) gives the same hall
  const HallState before = hall->state();
  open(options);
  EXPECT_TRUE(hall->state() == before);
  startDay(Date{2026y / 3 / 3});
  startDay(Date{2026y / 3 / 4});
  snapshotIsTheStateOfItsRow();
  EXPECT_GE(snapshotsWithCases.size(), 3u);
  EXPECT_EQ(hall->findCase(numbers[6]), nullptr) << "a case closed before the previous day leaves the state";
  const HallState later = hall->state();
  open(options);
  EXPECT_TRUE(hall->state() == later);
}

TEST_F(CaseRegisterTest, ListsFilterByStateItemClerkWindowAndDueDateAndPage) {
  startDay(kMonday);
  std::vector<std::string> numbers;
  for (int i = 0; i < 5; ++i) numbers.push_back(accept(morning(kMonday, 10 + i)));
  run(cmd::StartCaseProcessing{1, numbers[1]}, morning(kMonday, 30));
  run(cmd::StartCaseProcessing{1, numbers[3]}, morning(kMonday, 31));

  auto processing = store->listCases({.state = CaseState::Processing});
  ASSERT_TRUE(processing.ok());
  EXPECT_EQ(processing.value().total, 2);
  ASSERT_EQ(processing.value().cases.size(), 2u);
  EXPECT_EQ(processing.value().cases[0].number, numbers[1]);

  EXPECT_EQ(store->listCases({.item = "GAOLING"}).value().total, 5);
  EXPECT_EQ(store->listCases({.item = "SHEBAO"}).value().total, 0);
  EXPECT_EQ(store->listCases({.clerk = "c01"}).value().total, 5);
  EXPECT_EQ(store->listCases({.window = 2}).value().total, 0);
  EXPECT_EQ(store->listCases({.dueBefore = Date{2026y / 3 / 4}}).value().total, 0);
  EXPECT_EQ(store->listCases({.dueBefore = Date{2026y / 3 / 5}}).value().total, 5);

  auto first = store->listCases({.limit = 2}).value();
  ASSERT_EQ(first.cases.size(), 2u);
  auto second = store->listCases({.after = first.cases.back().id, .limit = 2}).value();
  ASSERT_EQ(second.cases.size(), 2u);
  EXPECT_EQ(second.cases[0].number, numbers[2]);
  EXPECT_EQ(second.total, 5);
}

TEST_F(CaseRegisterTest, OnTimeRatesCountCasesDecidedByTheirPromisedDate) {
  startDay(kMonday);
  const auto early = accept(morning(kMonday, 5));
  const auto late = accept(morning(kMonday, 6));
  run(cmd::DecideCase{1, early, CaseOutcome::Approved, ""}, morning(kMonday, 30));
  startDay(Date{2026y / 3 / 6});  // Friday: due Wednesday
  run(cmd::DecideCase{1, late, CaseOutcome::Refused, "不符合条件"}, morning(Date{2026y / 3 / 6}, 30));
  // read as the statistics do, on a connection of their own
  auto db = store::Database::open(folder / "hall.db", store::Database::Mode::OpenExisting);
  ASSERT_TRUE(db.ok());
  auto figures = store::readOnTime(db.value(), kMonday, Date{2026y / 3 / 6});
  ASSERT_TRUE(figures.ok()) << figures.error().message;
  EXPECT_EQ(figures.value().all, (store::OnTimeCount{2, 1}));
  EXPECT_EQ(figures.value().byItem.at("GAOLING"), (store::OnTimeCount{2, 1}));
  EXPECT_EQ(figures.value().byClerk.at("c01"), (store::OnTimeCount{2, 1}));
  EXPECT_EQ(figures.value().byWindow.at(1), (store::OnTimeCount{2, 1}));
  EXPECT_EQ(store::readOnTime(db.value(), kMonday, kMonday).value().all, (store::OnTimeCount{1, 1}));
}

TEST_F(CaseRegisterTest, PersonalDataIsBlankedWhenTheArchivePeriodEnds) {
  store::StoreOptions options;
  options.caseArchiveDays = 2;
  open(options);
  startDay(kMonday);
  const auto closed = accept(morning(kMonday, 5), "SHEBAO");
  run(cmd::FinishCaseOnSpot{1, closed}, morning(kMonday, 6));
  const auto open = accept(morning(kMonday, 7));
  startDay(Date{2026y / 3 / 3});
  EXPECT_EQ(store->findCase(closed).value()->applicant.idNumber, "370102194001011234");
  startDay(Date{2026y / 3 / 5});
  const auto blanked = store->findCase(closed).value();
  EXPECT_EQ(blanked->applicant.idNumber, "");
  EXPECT_EQ(blanked->applicant.phone, "");
  EXPECT_EQ(blanked->applicant.name, "王秀英");
  EXPECT_EQ(store->findCase(open).value()->applicant.idNumber, "370102194001011234") << "still open";
}

}  // namespace
}  // namespace jiujin::testing
