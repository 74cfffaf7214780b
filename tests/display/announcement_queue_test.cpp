// The bounded queue of calls waiting to be spoken: a clock in the test's hand, no sound.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "jiujin/voice/announcement_queue.hpp"

namespace jiujin::voice {
namespace {

using namespace std::chrono_literals;

/// A hall clock that moves only when the test says so, and the set of tickets still called.
class AnnouncementQueueTest : public ::testing::Test {
 protected:
  AnnouncementQueue queue{[this] { return now; }, [this](const Call& c) { return !gone.count(key(c)); }};

  static std::string key(const Call& c) { return c.ticketNumber + "→" + std::to_string(c.window); }
  std::string nextStarted() {
    const auto next = queue.next();
    return next.start ? key(next.start->call) : "nothing";
  }

  WallClock::time_point start = WallClock::time_point{} + 1'780'000'000s;
  WallClock::time_point now = start;
  std::set<std::string> gone;  // tickets no longer called to that window
};

TEST_F(AnnouncementQueueTest, CallsAreSaidInTheOrderTheyCame) {
  queue.push(Call{"A001", 1});
  queue.push(Call{"B001", 2});
  queue.push(Call{"C001", 3});
  EXPECT_EQ(nextStarted(), "A001→1");
  EXPECT_EQ(nextStarted(), "B001→2");
  EXPECT_EQ(nextStarted(), "C001→3");
  EXPECT_EQ(nextStarted(), "nothing");
}

TEST_F(AnnouncementQueueTest, CallOfATicketNoLongerCalledIsDroppedWhenItWouldStart) {
  queue.push(Call{"A001", 1});
  queue.push(Call{"B001", 2});
  queue.push(Call{"C001", 3});
  // while A001 is said, window 2 completes B001 (or marks it a no-show, transfers it, …)
  EXPECT_EQ(nextStarted(), "A001→1");
  now += 4s;
  gone.insert("B001→2");

  const auto next = queue.next();
  ASSERT_TRUE(next.start);
  EXPECT_EQ(key(next.start->call), "C001→3");
  ASSERT_EQ(next.dropped.size(), 1u);
  EXPECT_EQ(key(next.dropped[0].queued.call), "B001→2");
  EXPECT_EQ(next.dropped[0].reason, DropReason::NoLongerCalled);
  EXPECT_EQ(next.dropped[0].queued.calledAt, start);
  EXPECT_EQ(next.dropped[0].droppedAt, start + 4s);
}

TEST_F(AnnouncementQueueTest, TheRuleIsAskedWhenTheCallWouldStartNotWhenItCame) {
  gone.insert("A001→1");  // not yet in the mirror when the call arrives…
  queue.push(Call{"A001", 1});
  gone.clear();           // …and called by the time the player is free
  EXPECT_EQ(nextStarted(), "A001→1");
}

TEST_F(AnnouncementQueueTest, CallIsSaidUpToTheMaximumDelayAndDroppedOneMillisecondLater) {
  EXPECT_EQ(queue.maxDelay(), 30s) << "the default of the hall file";
  queue.push(Call{"A001", 1});
  queue.push(Call{"B001", 2});
  now += 30s;
  EXPECT_EQ(nextStarted(), "A001→1");
  now += 1ms;
  const auto next = queue.next();
  EXPECT_FALSE(next.start);
  ASSERT_EQ(next.dropped.size(), 1u);
  EXPECT_EQ(next.dropped[0].reason, DropReason::TooLate);
  EXPECT_EQ(next.dropped[0].droppedAt - next.dropped[0].queued.calledAt, 30s + 1ms);
}

TEST_F(AnnouncementQueueTest, MaximumDelayIsConfigurable) {
  queue.setMaxDelay(10s);
  queue.push(Call{"A001", 1});
  now += 11s;
  EXPECT_EQ(nextStarted(), "nothing");
}

TEST_F(AnnouncementQueueTest, RecallReplacesTheWaitingCallOfTheTicketInItsPlace) {
  queue.push(Call{"A001", 1});
  queue.push(Call{"B001", 2});
  now += 5s;
  const auto replaced = queue.push(Call{"A001", 1, true});

  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->reason, DropReason::Replaced);
  EXPECT_FALSE(replaced->queued.call.recall);
  EXPECT_EQ(queue.size(), 2u) << "no double";
  const auto next = queue.next();
  ASSERT_TRUE(next.start);
  EXPECT_TRUE(next.start->call.recall) << "the recall is what is said";
  EXPECT_EQ(next.start->calledAt, start + 5s) << "its age counts from the recall";
  EXPECT_EQ(nextStarted(), "B001→2");
  EXPECT_EQ(nextStarted(), "nothing");
}

TEST_F(AnnouncementQueueTest, TicketCalledElsewhereWhileWaitingIsSaidOnceAtItsNewWindow) {
  queue.push(Call{"A001", 1});
  queue.push(Call{"A001", 4});  // transferred and called at window 4 before the first was said
  EXPECT_EQ(queue.size(), 1u);
  EXPECT_EQ(nextStarted(), "A001→4");
}

TEST_F(AnnouncementQueueTest, NextTellsHowManyCallsWaitBehindTheOneStarting) {
  for (const char* t : {"A001", "A002", "A003"}) queue.push(Call{t, 1});
  EXPECT_EQ(queue.next().stillWaiting, 2u);
  EXPECT_EQ(queue.next().stillWaiting, 1u);
  EXPECT_EQ(queue.next().stillWaiting, 0u);
}

TEST_F(AnnouncementQueueTest, CallWithOthersWaitingBehindItIsSaidOnceAndTheLastInFull) {
  queue.push(Call{"A001", 1});
  queue.push(Call{"A002", 2});
  const auto first = queue.next();
  EXPECT_TRUE(first.toSay().brief);
  EXPECT_EQ(first.toSay().ticketNumber, "A001");
  EXPECT_FALSE(queue.next().toSay().brief) << "nobody waits behind the last one";
}

TEST_F(AnnouncementQueueTest, ABurstDropsEveryStaleCallBeforeTheFirstFreshOne) {
  queue.push(Call{"A001", 1});
  queue.push(Call{"A002", 2});
  now += 20s;
  queue.push(Call{"A003", 3});
  now += 15s;  // A001 and A002 are 35 s old, A003 15 s
  const auto next = queue.next();
  ASSERT_TRUE(next.start);
  EXPECT_EQ(key(next.start->call), "A003→3");
  ASSERT_EQ(next.dropped.size(), 2u);
  EXPECT_EQ(key(next.dropped[0].queued.call), "A001→1");
  EXPECT_EQ(key(next.dropped[1].queued.call), "A002→2");
  EXPECT_TRUE(queue.empty());
}

}  // namespace
}  // namespace jiujin::voice
