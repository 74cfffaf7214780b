// Waiting-time estimate: people ahead, learned service times, the windows really serving.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class Estimate : public HallTest {};

TEST_F(Estimate, EmptyQueueWithAnIdleWindowMeansNoWait) {
  openWindow(1, at(8, 50));
  auto e = hall.estimateForQueue("general", at(9, 0));
  EXPECT_EQ(e.peopleAhead, 0);
  EXPECT_EQ(e.wait, Seconds{0});
  EXPECT_EQ(e.windowsServing, 1);
}

TEST_F(Estimate, WaitIsTheWorkAheadOverTheWindowsServing) {
  openWindow(1, at(8, 50));
  issue("birth", at(9, 0));       // 10 min prior
  issue("elder_card", at(9, 0));  //  5 min prior
  auto one = hall.estimateForQueue("general", at(9, 0));
  EXPECT_EQ(one.peopleAhead, 2);
  EXPECT_EQ(one.wait, Seconds{15 * 60});
  openWindow(5, at(9, 0));  // serves general fully (police only when no dedicated window)
  auto two = hall.estimateForQueue("general", at(9, 0));
  EXPECT_EQ(two.windowsServing, 2);
  EXPECT_EQ(two.wait, Seconds{15 * 60 / 2});
}

TEST_F(Estimate, WindowSharedWithABusyQueueCountsByItsShare) {
  openWindow(2, at(8, 50));  // general + police once police waits ≥ 20 min
  issue("birth", at(9, 0));
  issue("hukou", at(9, 0));
  EXPECT_EQ(hall.estimateForQueue("general", at(9, 10)).wait, Seconds{600}) << "police not yet taken";
  EXPECT_EQ(hall.estimateForQueue("general", at(9, 20)).wait, Seconds{1200}) << "half the window";
}

TEST_F(Estimate, NobodyServingCountsOneWindowAndSaysSo) {
  issue("hukou", at(9, 0));
  auto e = hall.estimateForQueue("police", at(9, 1));
  EXPECT_EQ(e.windowsServing, 0);
  EXPECT_EQ(e.peopleAhead, 1);
  EXPECT_EQ(e.wait, Seconds{15 * 60});
}

TEST_F(Estimate, PausedWindowsDoNotServe) {
  openWindow(1, at(8, 50));
  run(cmd::PauseWindow{1, "午休"}, at(12, 0));
  EXPECT_EQ(hall.estimateForQueue("general", at(12, 1)).windowsServing, 0);
}

TEST_F(Estimate, ServiceInProgressAddsItsRemainingTime) {
  openWindow(1, at(8, 50));
  issue("birth", at(9, 0));
  callNext(1, at(9, 0));
  run(cmd::StartService{1}, at(9, 0));
  EXPECT_EQ(hall.estimateForQueue("general", at(9, 4)).wait, Seconds{6 * 60});
}

TEST_F(Estimate, PriorityTicketCountsOnlyPriorityTicketsAhead) {
  openWindow(1, at(8, 50));
  issue("birth", at(9, 0));
  issue("birth", at(9, 0));
  issue("elder_card", at(9, 0), PriorityClass::Elderly);
  auto e = hall.estimateForItem("birth", PriorityClass::Elderly, at(9, 1));
  EXPECT_EQ(e.peopleAhead, 1);
  EXPECT_EQ(e.wait, Seconds{5 * 60});
  EXPECT_EQ(hall.estimateForItem("birth", PriorityClass::Normal, at(9, 1)).peopleAhead, 3);
}

TEST_F(Estimate, ServiceTimesAreLearnedPerItemByExponentialSmoothing) {
  openWindow(1, at(8, 50));
  issue("birth", at(9, 0));
  serveNext(1, at(9, 0), Minutes{20});
  // 600 s prior, 1200 s observed, smoothing 0.2 → 720 s
  EXPECT_DOUBLE_EQ(hall.state().serviceSecondsEwma.at("birth"), 720.0);
  issue("birth", at(9, 30));
  EXPECT_EQ(hall.estimateForQueue("general", at(9, 30)).wait, Seconds{720});
}

TEST_F(Estimate, UnknownQueueOrItemEstimatesNothing) {
  EXPECT_EQ(hall.estimateForQueue("tax", at(9, 0)).peopleAhead, 0);
  EXPECT_EQ(hall.estimateForItem("nothing", PriorityClass::Normal, at(9, 0)).wait, Seconds{0});
}

}  // namespace
}  // namespace jiujin::core::testing
