// The display model against event sequences from a real core::Hall.
#include <QSignalSpy>
#include <gtest/gtest.h>

#include "hall_feed.hpp"
#include "jiujin/display/display_model.hpp"

namespace jiujin::display {
namespace {

using testing::HallFeed;
using namespace std::chrono_literals;

QStringList callTexts(DisplayModel& model) {
  QStringList out;
  for (const auto& r : model.calls()->rows()) {
    out << QStringLiteral("%1→%2").arg(r.ticketNumber).arg(r.windowNumber);
  }
  return out;
}

const WindowRow& windowRow(DisplayModel& model, int number) {
  const auto& rows = model.windows()->rows();
  const auto it = std::find_if(rows.begin(), rows.end(), [number](const WindowRow& r) { return r.number == number; });
  EXPECT_NE(it, rows.end()) << "window " << number;
  return *it;
}

class DisplayModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    feed.openHall();
    feed.issue("GA-001", 5);
    feed.issue("SB-010", 2);
  }

  HallFeed feed;
};

TEST_F(DisplayModelTest, CalledTicketIsShownFirstWithItsWindowAndAnnounced) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  feed.into(model, core::cmd::CallNext{1});
  feed.into(model, core::cmd::CallNext{3});

  EXPECT_EQ(callTexts(model), (QStringList{"B001→3", "A001→1"}));
  EXPECT_EQ(model.newestTicket(), "B001");
  EXPECT_EQ(model.newestWindow(), 3);
  ASSERT_EQ(announced.count(), 2);
  EXPECT_EQ(announced.at(0), (QVariantList{"A001", 1, false}));
  EXPECT_EQ(announced.at(1), (QVariantList{"B001", 3, false}));
  EXPECT_EQ(windowRow(model, 1).ticketNumber, "A001");
  EXPECT_EQ(windowRow(model, 1).status, "calling");
}

TEST_F(DisplayModelTest, ATicketDoneOrMissedLeavesTheBigPanelAtOnceAndMissedOnesAreListed) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});  // A001
  feed.into(model, core::cmd::CallNext{3});  // B001, newest
  QSignalSpy newest(&model, &DisplayModel::newestCallChanged);
  QSignalSpy missed(&model, &DisplayModel::missedTicketsChanged);

  // when window 3 serves and completes B001, the panel goes back to A001 (still called)
  feed.into(model, core::cmd::StartService{3});
  EXPECT_EQ(model.newestTicket(), "B001") << "being served is still current";
  feed.into(model, core::cmd::Complete{3});
  EXPECT_EQ(model.newestTicket(), "A001");
  EXPECT_EQ(model.newestWindow(), 1);
  EXPECT_GE(newest.count(), 1);
  EXPECT_FALSE(model.highlightActive()) << "an older call taking the panel back must not blink as new";
  EXPECT_EQ(callTexts(model), (QStringList{"B001→3", "A001→1"})) << "the list keeps the history";

  // when A001 does not come, the panel is empty and A001 is listed under 过号
  feed.into(model, core::cmd::MarkNoShow{1});
  EXPECT_EQ(model.newestTicket(), "");
  EXPECT_EQ(model.missedTickets(), "A001");
  EXPECT_EQ(missed.count(), 1);
  // and a reactivated ticket leaves that list
  const auto a001 = std::find_if(feed.hall().state().tickets.begin(), feed.hall().state().tickets.end(),
                                 [](const auto& t) { return t.second.number == "A001"; });
  ASSERT_NE(a001, feed.hall().state().tickets.end());
  feed.into(model, core::cmd::Reactivate{a001->first});
  EXPECT_EQ(model.missedTickets(), "");
}

TEST_F(DisplayModelTest, AQueueNobodyWaitsInShowsNoEstimate) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  for (int i = 0; i < 2; ++i) {
    feed.into(model, core::cmd::CallNext{3});
    feed.into(model, core::cmd::StartService{3});
    feed.into(model, core::cmd::Complete{3});
  }
  const auto& rows = model.queues()->rows();
  const auto social = std::find_if(rows.begin(), rows.end(), [](const QueueRow& r) { return r.prefix == "B"; });
  ASSERT_NE(social, rows.end());
  EXPECT_EQ(social->waiting, 0);
  EXPECT_EQ(social->figures, "无人等候");
  const auto general = std::find_if(rows.begin(), rows.end(), [](const QueueRow& r) { return r.prefix == "A"; });
  ASSERT_NE(general, rows.end());
  EXPECT_EQ(general->figures, QStringLiteral("等候 5 人 · %1").arg(general->waitText));
}

TEST_F(DisplayModelTest, AFourDigitNumberIsListedShownAtItsWindowAndAnnouncedWhole) {
  feed.issue("GA-001", 994);  // with the five of SetUp: A001…A999, then cancelled
  std::vector<core::TicketId> earlier;
  for (const auto& [id, t] : feed.hall().state().tickets)
    if (t.queue == "general") earlier.push_back(id);
  for (const core::TicketId id : earlier) feed.run(core::cmd::Cancel{id, "test"});
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  feed.issue("GA-001", 2, &model);
  feed.into(model, core::cmd::CallNext{1});
  feed.into(model, core::cmd::CallNext{2});

  EXPECT_EQ(callTexts(model), (QStringList{"A1001→2", "A1000→1"}));
  EXPECT_EQ(model.newestTicket(), "A1001");
  EXPECT_EQ(windowRow(model, 1).ticketNumber, "A1000");
  ASSERT_EQ(announced.count(), 2);
  EXPECT_EQ(announced.at(0), (QVariantList{"A1000", 1, false}));
}

TEST_F(DisplayModelTest, BurstOfCallsIsListedNewestFirstAndAnnouncedInCallOrder) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  for (int round = 0; round < 2; ++round) {
    for (int w : {1, 2}) {
      if (round > 0) {
        feed.into(model, core::cmd::StartService{w});
        feed.into(model, core::cmd::Complete{w});
      }
      feed.into(model, core::cmd::CallNext{w});
    }
  }

  EXPECT_EQ(callTexts(model), (QStringList{"A004→2", "A003→1", "A002→2", "A001→1"}));
  QStringList order;
  for (const auto& args : announced) order << args.at(0).toString();
  EXPECT_EQ(order, (QStringList{"A001", "A002", "A003", "A004"}));
}

TEST_F(DisplayModelTest, RecallMovesTheTicketBackToTheTopAndIsAnnouncedAsRecall) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});
  feed.into(model, core::cmd::CallNext{2});
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  feed.into(model, core::cmd::Recall{1});

  EXPECT_EQ(callTexts(model), (QStringList{"A001→1", "A002→2"}));
  ASSERT_EQ(announced.count(), 1);
  EXPECT_EQ(announced.at(0), (QVariantList{"A001", 1, true}));
}

TEST_F(DisplayModelTest, TicketIsCalledToItsWindowOnlyUntilServedNoShowOrTransferred) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  EXPECT_TRUE(model.isCalledTo("A001", 1)) << "before the first snapshot the voice is not silenced";
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});
  EXPECT_TRUE(model.isCalledTo("A001", 1));
  EXPECT_FALSE(model.isCalledTo("A001", 2)) << "called to another window";
  EXPECT_FALSE(model.isCalledTo("A002", 1)) << "not called yet";

  feed.into(model, core::cmd::StartService{1});
  EXPECT_FALSE(model.isCalledTo("A001", 1)) << "the resident is at the window";
  feed.into(model, core::cmd::Complete{1});
  EXPECT_FALSE(model.isCalledTo("A001", 1));

  feed.into(model, core::cmd::CallNext{1});
  ASSERT_TRUE(model.isCalledTo("A002", 1));
  feed.into(model, core::cmd::MarkNoShow{1});
  EXPECT_FALSE(model.isCalledTo("A002", 1));

  feed.into(model, core::cmd::CallNext{1});
  ASSERT_TRUE(model.isCalledTo("A003", 1));
  feed.into(model, core::cmd::Transfer{1, core::WindowNumber{2}, "转2号"});
  EXPECT_FALSE(model.isCalledTo("A003", 1));
}

TEST_F(DisplayModelTest, GapInSequenceRequestsResyncAndStopsApplyingEvents) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});
  const auto applied = *model.sequence();
  QSignalSpy resync(&model, &DisplayModel::resyncRequested);
  QSignalSpy liveChanged(&model, &DisplayModel::liveChanged);

  feed.run(core::cmd::CallNext{2});      // lost on the way
  feed.into(model, core::cmd::CallNext{3});  // arrives after the gap

  ASSERT_EQ(resync.count(), 1);
  EXPECT_EQ(resync.at(0).at(0).toULongLong(), applied);
  EXPECT_TRUE(model.resyncNeeded());
  EXPECT_FALSE(model.live());
  EXPECT_EQ(liveChanged.count(), 1);
  EXPECT_EQ(callTexts(model), (QStringList{"A001→1"}));  // nothing after the gap was applied
  EXPECT_EQ(*model.sequence(), applied);
}

TEST_F(DisplayModelTest, SnapshotAfterGapBringsTheScreenBackInStepWithoutAnnouncingAgain) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});
  feed.run(core::cmd::CallNext{2});
  feed.into(model, core::cmd::CallNext{3});
  ASSERT_TRUE(model.resyncNeeded());
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  feed.snapshotInto(model);
  feed.into(model, core::cmd::StartService{1});

  EXPECT_FALSE(model.resyncNeeded());
  EXPECT_TRUE(model.live());
  EXPECT_EQ(callTexts(model), (QStringList{"B001→3", "A002→2", "A001→1"}));
  EXPECT_EQ(announced.count(), 0);
  EXPECT_EQ(windowRow(model, 1).status, "serving");
  EXPECT_EQ(*model.sequence(), feed.sequence());
}

TEST_F(DisplayModelTest, ResentEventIsIgnored) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  const auto events = feed.run(core::cmd::CallNext{1});
  for (const auto& [seq, e] : events) model.onEvent(seq, e);
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  for (const auto& [seq, e] : events) model.onEvent(seq, e);

  EXPECT_EQ(announced.count(), 0);
  EXPECT_FALSE(model.resyncNeeded());
  EXPECT_EQ(callTexts(model), (QStringList{"A001→1"}));
}

TEST_F(DisplayModelTest, DispatcherRestartSnapshotReplacesEverything) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});

  // The dispatcher restarts with another hall state and numbers events from 1 again.
  HallFeed restarted;
  restarted.openHall();
  restarted.issue("SB-010", 3);
  restarted.run(core::cmd::CallNext{3});
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);
  restarted.snapshotInto(model);
  restarted.into(model, core::cmd::StartService{3});

  EXPECT_EQ(callTexts(model), (QStringList{"B001→3"}));
  EXPECT_EQ(*model.sequence(), restarted.sequence());
  EXPECT_EQ(windowRow(model, 1).ticketNumber, "");
  EXPECT_EQ(windowRow(model, 3).status, "serving");
  EXPECT_EQ(announced.count(), 0);
  EXPECT_FALSE(model.highlightActive());
}

TEST_F(DisplayModelTest, PausedWindowSaysPausedAndClosedWindowSaysNotOpen) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);

  feed.into(model, core::cmd::PauseWindow{2, "午休"});

  EXPECT_EQ(windowRow(model, 2).status, "paused");
  EXPECT_EQ(windowRow(model, 2).statusText, "暂停服务");
  EXPECT_EQ(windowRow(model, 4).status, "closed");
  EXPECT_EQ(windowRow(model, 4).statusText, "未开放");

  feed.into(model, core::cmd::ResumeWindow{2});
  EXPECT_EQ(windowRow(model, 2).status, "idle");
}

TEST_F(DisplayModelTest, ZoneShowsAndAnnouncesOnlyItsOwnWindows) {
  DisplayOptions options;
  options.zone = Zone::parse("1,3-4").value();
  DisplayModel model(options, feed.clock());
  feed.snapshotInto(model);
  QSignalSpy announced(&model, &DisplayModel::callAnnounced);

  feed.into(model, core::cmd::CallNext{1});
  feed.into(model, core::cmd::CallNext{2});
  feed.into(model, core::cmd::CallNext{3});

  EXPECT_EQ(callTexts(model), (QStringList{"B001→3", "A001→1"}));
  EXPECT_EQ(announced.count(), 2);
  std::vector<int> shown;
  for (const auto& r : model.windows()->rows()) shown.push_back(r.number);
  EXPECT_EQ(shown, (std::vector<int>{1, 3, 4}));
  EXPECT_EQ(model.zoneText(), "1,3-4");
}

TEST_F(DisplayModelTest, DisconnectedScreenIsNotLiveAndDoesNotHighlight) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});
  ASSERT_TRUE(model.highlightActive());
  QSignalSpy liveChanged(&model, &DisplayModel::liveChanged);

  model.setConnected(false);

  EXPECT_FALSE(model.live());
  EXPECT_FALSE(model.connected());
  EXPECT_FALSE(model.highlightActive());
  EXPECT_FALSE(model.blinkOn());
  EXPECT_EQ(liveChanged.count(), 1);

  model.setConnected(true);
  EXPECT_TRUE(model.live());
}

TEST_F(DisplayModelTest, NewestCallBlinksForTheHighlightPeriodThenStops) {
  DisplayOptions options;
  options.highlightFor = 300ms;
  options.blinkEvery = 40ms;
  DisplayModel model(options, feed.clock());
  feed.snapshotInto(model);
  QSignalSpy blink(&model, &DisplayModel::blinkChanged);
  QSignalSpy highlight(&model, &DisplayModel::highlightChanged);

  feed.into(model, core::cmd::CallNext{1});
  ASSERT_TRUE(model.highlightActive());
  ASSERT_EQ(highlight.count(), 1);

  EXPECT_TRUE(blink.wait(2000));  // it toggles by itself
  EXPECT_TRUE(highlight.wait(3000));  // and the highlight ends
  EXPECT_FALSE(model.highlightActive());
  EXPECT_FALSE(model.blinkOn());
  EXPECT_GE(blink.count(), 3);
}

TEST_F(DisplayModelTest, QueueRowsCountWaitingTicketsAndUseTheMirrorsEstimate) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  feed.into(model, core::cmd::CallNext{1});

  const auto& rows = model.queues()->rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].prefix, "A");
  EXPECT_EQ(rows[0].waiting, 4);
  EXPECT_EQ(rows[1].waiting, 2);
  const auto estimate = model.mirror()->estimateForQueue("general", feed.now());
  EXPECT_EQ(rows[0].waitMinutes, (estimate.wait.count() + 59) / 60);
  EXPECT_GT(rows[0].waitMinutes, 0);
}

TEST_F(DisplayModelTest, NoticeFollowsTheManagersBroadcast) {
  DisplayModel model(DisplayOptions{}, feed.clock());
  feed.snapshotInto(model);
  QSignalSpy changed(&model, &DisplayModel::noticeChanged);

  feed.into(model, core::cmd::BroadcastNotice{"今日午间不间断服务"});

  EXPECT_EQ(model.notice(), "今日午间不间断服务");
  EXPECT_EQ(changed.count(), 1);
}

TEST(DisplayModelBeforeSnapshot, EventsBeforeTheFirstSnapshotAreIgnoredAndScreenIsNotLive) {
  HallFeed feed;
  DisplayModel model(DisplayOptions{}, feed.clock());
  for (const auto& [seq, e] : feed.run(core::cmd::OpenDay{core::dateOf(feed.now())})) model.onEvent(seq, e);
  EXPECT_FALSE(model.live());
  EXPECT_FALSE(model.sequence().has_value());
  EXPECT_EQ(model.calls()->count(), 0);
}

TEST(DisplayModelClock, DateAndTimeComeFromTheInjectedHallClock) {
  HallFeed feed;
  DisplayModel model(DisplayOptions{}, feed.clock());
  EXPECT_EQ(model.timeText(), "09:00:00");
  EXPECT_TRUE(model.dateText().contains("2024")) << model.dateText().toStdString();
}

}  // namespace
}  // namespace jiujin::display
