// The disk-space alarm: DiskWatch with a probe the test sets, then the request handler on a
// real SQLite file raising `disk_space_low` into its batch and clearing it when space returns.
#include <gtest/gtest.h>

#include <filesystem>

#include "jiujin/service/disk_watch.hpp"
#include "support/handler_on_disk.hpp"
#include "support/test_hall.hpp"
#include "support/one_window_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using service::DiskWatch;

constexpr std::uint64_t kMb = 1ull << 20;

TEST(DiskWatch, RaisesOnceWhenSpaceFallsBelowTheThresholdAndClearsOnceAboveItsMargin) {
  std::optional<std::uint64_t> free = 5000 * kMb;
  DiskWatch watch([&] { return free; }, 1024 * kMb);
  EXPECT_EQ(watch.check().change, DiskWatch::Change::None);
  // when the disk fills past the threshold
  free = 1000 * kMb;
  const auto low = watch.check();
  EXPECT_EQ(low.change, DiskWatch::Change::Low);
  EXPECT_EQ(low.freeBytes, 1000 * kMb);
  // then it is said once, however long it stays low
  free = 900 * kMb;
  EXPECT_EQ(watch.check().change, DiskWatch::Change::None);
  // and a disk hovering just above the line is not "returned" (margin: a tenth of the threshold)
  free = 1100 * kMb;
  EXPECT_EQ(watch.check().change, DiskWatch::Change::None);
  EXPECT_TRUE(watch.low());
  free = watch.clearAboveBytes();
  EXPECT_EQ(watch.check().change, DiskWatch::Change::Returned);
  EXPECT_FALSE(watch.low());
  // re-armed: a second filling is a second alarm
  free = 10 * kMb;
  EXPECT_EQ(watch.check().change, DiskWatch::Change::Low);
}

TEST(DiskWatch, AProbeThatFailsIsSaidOnceAndNoAlarmIsMadeOfIt) {
  std::optional<std::uint64_t> free;
  DiskWatch watch([&] { return free; }, 1024 * kMb);
  EXPECT_EQ(watch.check().change, DiskWatch::Change::Unreadable);
  EXPECT_EQ(watch.check().change, DiskWatch::Change::None);
  free = 10 * kMb;
  EXPECT_EQ(watch.check().change, DiskWatch::Change::Low);
}

TEST(DiskWatch, WithoutAProbeItNeverSpeaks) {
  DiskWatch watch({}, 1024 * kMb);
  EXPECT_EQ(watch.check().change, DiskWatch::Change::None);
}

TEST(DiskWatch, TheRealProbeReadsTheFilesystemOfTheFolderItIsGiven) {
  TempDir dir;
  const auto free = service::freeSpaceOf(dir.path())();
  ASSERT_TRUE(free);
  const auto space = std::filesystem::space(dir.path());
  // the two reads are moments apart on a shared disk: equal within 64 MB
  EXPECT_LT(*free > space.available ? *free - space.available : space.available - *free, 64 * kMb);
  EXPECT_FALSE(service::freeSpaceOf(dir.path() / "no-such-folder")());
}

const core::TimePoint kMorning = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 12 / 3}} + 9h;

/// The publications of a batch by topic.
std::multimap<std::string, json> byTopic(const service::detail::BatchOutput& out) {
  std::multimap<std::string, json> topics;
  for (const auto& [topic, body] : out.publications) topics.emplace(topic, body);
  return topics;
}

TEST(DispatcherDiskAlarm, TheManagerIsToldWhenTheDatabaseDiskRunsLowAndTheAlarmIsClearedWhenSpaceReturns) {
  TempDir dir;
  std::uint64_t free = 4096 * kMb;
  service::ServiceSettings settings;
  settings.definition = oneWindowHall();
  settings.database = dir.path() / "hall.db";
  settings.synchronousFull = false;
  settings.clock = [] { return kMorning; };
  settings.freeSpace = [&]() -> std::optional<std::uint64_t> { return free; };
  settings.diskAlarmBelowBytes = 1024 * kMb;
  auto handler = openHandler(settings);
  handler->beginBatch(kMorning, true);
  EXPECT_EQ(byTopic(handler->commitBatch()).count("alarm.disk_space_low"), 0u);

  // given the database's disk filling up below the threshold
  free = 700 * kMb;
  handler->beginBatch(kMorning + 1s, true);
  auto raised = byTopic(handler->commitBatch());
  // then the alarm is raised, recorded (it has an id) and published, once
  ASSERT_EQ(raised.count("alarm.disk_space_low"), 1u);
  const json alarm = raised.find("alarm.disk_space_low")->second["alarm"];
  EXPECT_GT(alarm["id"].get<std::int64_t>(), 0);
  EXPECT_NE(alarm["zh"].get<std::string>().find("700 MB"), std::string::npos) << alarm.dump();
  EXPECT_TRUE(alarm["acknowledged"].is_null());
  handler->beginBatch(kMorning + 2s, true);
  EXPECT_EQ(byTopic(handler->commitBatch()).count("alarm.disk_space_low"), 0u) << "said once";

  // when space returns
  free = 3000 * kMb;
  handler->beginBatch(kMorning + 3s, true);
  auto cleared = byTopic(handler->commitBatch());
  // then the dispatcher acknowledges it, and every monitor hears so
  ASSERT_EQ(cleared.count("alarm.updated"), 1u);
  const json updated = cleared.find("alarm.updated")->second["alarm"];
  EXPECT_EQ(updated["id"], alarm["id"]);
  EXPECT_EQ(updated["acknowledged"]["by"], "dispatcher");

  // and the acknowledgement is durable: a fresh handler on the same file finds it so
  handler.reset();
  handler = openHandler(settings);
  handler->beginBatch(kMorning + 4s, false);
  const std::string frame =
      json{{"v", 1}, {"id", "s"}, {"type", "snapshot"}, {"body", json::object()}, {"as", {{"role", "manager"}, {"name", "t"}}}}
          .dump();
  handler->handle({}, frame, "");
  const auto out = handler->commitBatch();
  ASSERT_EQ(out.replies.size(), 1u);
  const json reply = json::parse(out.replies[0].text);
  bool found = false;
  for (const auto& a : reply["result"]["alarms"]) {
    if (a["kind"] != "disk_space_low") continue;
    found = true;
    EXPECT_EQ(a["acknowledged"]["by"], "dispatcher");
  }
  EXPECT_TRUE(found) << reply.dump();
}

}  // namespace
}  // namespace jiujin::testing
