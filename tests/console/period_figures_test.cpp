// The figures of a period, computed by the dispatcher from its durable history: a known
// morning at one window is played on the core, journaled in a real hall database, and the
// figures read back from that file must be exactly what the morning was.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "jiujin/core/hall.hpp"
#include "jiujin/service/statistics.hpp"
#include "jiujin/store/hall_store.hpp"

namespace {

using namespace jiujin;
using nlohmann::json;
using namespace std::chrono_literals;

core::HallDefinition oneWindowHall() {
  core::HallDefinition def;
  def.name = "测试便民服务中心";
  def.queues = {{"general", "A", "综合受理"}, {"social", "B", "社保"}};
  core::ServiceItem birth;
  birth.code = "T-0001";
  birth.name = "生育服务登记";
  birth.queue = "general";
  core::ServiceItem card = birth;
  card.code = "T-0003";
  card.name = "社保卡申领";
  card.queue = "social";
  def.items = {birth, card};
  def.windows = {{1, "综合受理一", core::WindowKind::General, {{{"general"}, {"social"}}}}};
  def.rules.waitingTarget = 30min;
  return def;
}

/// 2024-05-07 at hh:mm, hall-local.
core::TimePoint at(int hh, int mm) {
  return core::TimePoint(std::chrono::sys_days{2024y / 5 / 7}) + std::chrono::hours(hh) + std::chrono::minutes(mm);
}

class PeriodFigures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("jiujin-figures-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    database_ = dir_ / "hall.db";
    auto opened = store::HallStore::open(database_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    auto recovered = store_->recover(oneWindowHall());
    ASSERT_TRUE(recovered.ok()) << recovered.error().message;
    hall_.emplace(std::move(recovered.value().hall));
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void run(const core::Command& command, core::TimePoint when) {
    auto events = hall_->execute(command, when);
    ASSERT_TRUE(events.ok()) << events.error().en;
    ASSERT_TRUE(store_->append(events.value(), *hall_).ok());
  }

  /// 09:00–11:00 at window 1, clerk c01: four residents, one no-show, two ratings, a pause.
  void playTheMorning() {
    run(core::cmd::OpenDay{core::dateOf(at(9, 0))}, at(9, 0));
    run(core::cmd::ClerkLogin{1, "c01"}, at(9, 0));
    run(core::cmd::OpenWindow{1}, at(9, 0));
    run(core::cmd::IssueTicket{"T-0001"}, at(9, 0));   // A001
    run(core::cmd::IssueTicket{"T-0003"}, at(9, 5));   // B001
    run(core::cmd::IssueTicket{"T-0001"}, at(9, 10));  // A002
    run(core::cmd::CallNext{1}, at(9, 10));            // A001 waited 10 min
    run(core::cmd::StartService{1}, at(9, 11));
    run(core::cmd::Complete{1}, at(9, 21));            // served 10 min
    run(core::cmd::RequestEvaluation{1}, at(9, 21));
    run(core::cmd::Evaluate{1, core::Rating::VerySatisfied}, at(9, 21));
    run(core::cmd::CallNext{1}, at(9, 22));            // B001 waited 17 min
    run(core::cmd::StartService{1}, at(9, 23));
    run(core::cmd::Complete{1}, at(9, 28));            // served 5 min
    run(core::cmd::RequestEvaluation{1}, at(9, 28));
    run(core::cmd::Evaluate{1, core::Rating::Dissatisfied}, at(9, 28));
    run(core::cmd::PauseWindow{1, "午间交接"}, at(9, 30));
    run(core::cmd::ResumeWindow{1}, at(9, 40));        // paused 10 min
    run(core::cmd::CallNext{1}, at(9, 50));            // A002 waited 40 min, over target
    run(core::cmd::MarkNoShow{1}, at(9, 52));
    run(core::cmd::IssueTicket{"T-0001"}, at(10, 30));  // A003
    run(core::cmd::CallNext{1}, at(10, 40));            // waited 10 min
    run(core::cmd::StartService{1}, at(10, 41));
    run(core::cmd::Complete{1}, at(10, 56));            // served 15 min
    run(core::cmd::ClerkLogout{1}, at(11, 0));          // logged in 2 h
  }

  json figuresFor(core::Date from, core::Date to, core::TimePoint now) {
    auto figures = service::periodFigures(database_, service::FigurePeriod{from, to}, hall_->definition(), now);
    EXPECT_TRUE(figures.ok()) << (figures.ok() ? "" : figures.error().en);
    return figures.ok() ? figures.value() : json::object();
  }

  std::filesystem::path dir_;
  std::filesystem::path database_;
  std::unique_ptr<store::HallStore> store_;
  std::optional<core::Hall> hall_;
};

TEST_F(PeriodFigures, AMorningAtOneWindowGivesItsExactFigures) {
  playTheMorning();
  const json f = figuresFor(2024y / 5 / 7, 2024y / 5 / 7, at(12, 0));

  EXPECT_EQ(f["from"], "2024-05-07");
  EXPECT_EQ(f["tickets"]["issued"], 4);
  EXPECT_EQ(f["tickets"]["called"], 4);
  EXPECT_EQ(f["tickets"]["completed"], 3);
  EXPECT_EQ(f["tickets"]["no_show"], 1);
  // Waits 600, 1020, 2400, 600 s: mean 1155, nearest-rank p90 the 4th of 4.
  EXPECT_DOUBLE_EQ(f["waiting"]["mean_s"].get<double>(), 1155.0);
  EXPECT_DOUBLE_EQ(f["waiting"]["p90_s"].get<double>(), 2400.0);
  // Services 600, 300, 900 s.
  EXPECT_DOUBLE_EQ(f["service"]["mean_s"].get<double>(), 600.0);
  EXPECT_DOUBLE_EQ(f["service"]["p90_s"].get<double>(), 900.0);
  EXPECT_EQ(f["within_target"]["count"], 3);
  EXPECT_DOUBLE_EQ(f["within_target"]["share"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(f["no_show_rate"].get<double>(), 0.25);
  EXPECT_EQ(f["ratings"]["by_level"]["very_satisfied"], 1);
  EXPECT_EQ(f["ratings"]["by_level"]["dissatisfied"], 1);
  EXPECT_EQ(f["ratings"]["rated"], 2);
  EXPECT_DOUBLE_EQ(f["ratings"]["satisfaction_rate"].get<double>(), 0.5);
  EXPECT_EQ(f["arrivals_by_hour"][9], 3);
  EXPECT_EQ(f["arrivals_by_hour"][10], 1);
  EXPECT_EQ(f["arrivals_by_hour"][11], 0);
}

TEST_F(PeriodFigures, TicketsAreCountedByItemQueueWindowAndClerk) {
  playTheMorning();
  const json f = figuresFor(2024y / 5 / 7, 2024y / 5 / 7, at(12, 0));

  EXPECT_EQ(f["by_item"]["T-0001"]["issued"], 3);
  EXPECT_EQ(f["by_item"]["T-0001"]["name"], "生育服务登记");
  EXPECT_EQ(f["by_item"]["T-0003"]["completed"], 1);
  EXPECT_EQ(f["by_queue"]["general"]["no_show"], 1);
  EXPECT_EQ(f["by_queue"]["social"]["issued"], 1);
  EXPECT_EQ(f["by_window"]["1"]["completed"], 3);
  const json c01 = f["by_clerk"]["c01"];
  EXPECT_EQ(c01["completed"], 3);
  EXPECT_DOUBLE_EQ(c01["service"]["mean_s"].get<double>(), 600.0);
  EXPECT_DOUBLE_EQ(c01["satisfaction_rate"].get<double>(), 0.5);
}

TEST_F(PeriodFigures, AppraisalCountsTimeLoggedInAndPaused) {
  playTheMorning();
  const json c01 = figuresFor(2024y / 5 / 7, 2024y / 5 / 7, at(12, 0))["by_clerk"]["c01"];
  EXPECT_DOUBLE_EQ(c01["logged_in_s"].get<double>(), 7200.0);
  EXPECT_DOUBLE_EQ(c01["paused_s"].get<double>(), 600.0);
}

TEST_F(PeriodFigures, ALoginStillOpenTodayCountsUpToNow) {
  run(core::cmd::OpenDay{core::dateOf(at(9, 0))}, at(9, 0));
  run(core::cmd::ClerkLogin{1, "c01"}, at(9, 0));
  run(core::cmd::OpenWindow{1}, at(9, 0));
  const json c01 = figuresFor(2024y / 5 / 7, 2024y / 5 / 7, at(9, 45))["by_clerk"]["c01"];
  EXPECT_DOUBLE_EQ(c01["logged_in_s"].get<double>(), 2700.0);
}

TEST_F(PeriodFigures, ADayOutsideThePeriodIsNotCounted) {
  playTheMorning();
  const json f = figuresFor(2024y / 5 / 8, 2024y / 5 / 31, at(12, 0));
  EXPECT_EQ(f["tickets"]["issued"], 0);
  EXPECT_DOUBLE_EQ(f["waiting"]["mean_s"].get<double>(), 0.0);
  EXPECT_TRUE(f["by_clerk"].empty());
}

TEST(FigurePeriodRequest, DefaultsToTodayAndRefusesAReversedRange) {
  const core::Date today = 2024y / 5 / 7;
  const auto none = service::figurePeriodFromJson(json::object(), today);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none.value().from, today);
  EXPECT_EQ(none.value().to, today);
  const auto reversed = service::figurePeriodFromJson(json{{"from", "2024-05-07"}, {"to", "2024-05-01"}}, today);
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().code, "invalid_argument");
  EXPECT_FALSE(service::figurePeriodFromJson(json{{"from", "7 May"}}, today).ok());
  EXPECT_FALSE(service::figurePeriodFromJson(json{{"clerk", "c01"}}, today).ok());
}

}  // namespace
