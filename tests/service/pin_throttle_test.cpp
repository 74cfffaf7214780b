// The PIN throttle's policy, with time passed in: no waiting in these tests.
#include "jiujin/service/pin_throttle.hpp"

#include <gtest/gtest.h>

namespace jiujin::service {
namespace {

using namespace std::chrono_literals;
using Kind = PinThrottle::Refusal::Kind;
using Verdict = PinThrottle::Verdict;

const core::TimePoint kNine{std::chrono::sys_days{std::chrono::year{2024} / 5 / 7} + 9h};

/// One wrong PIN for `clerk` from `client` at `at`; fails the test if it was not admitted.
Verdict wrongPin(PinThrottle& throttle, const std::string& clerk, const std::string& client, core::TimePoint at) {
  const auto refusal = throttle.admit(clerk, client, at);
  EXPECT_FALSE(refusal.has_value()) << "refused at " << (at - kNine).count() << " ms";
  return throttle.answer(clerk, client, false);
}

TEST(PinThrottle, ThreeWrongPinsCostNothingAndTheFourthAttemptWaitsTwoSeconds) {
  PinThrottle throttle;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(wrongPin(throttle, "c01", "console-1", kNine), Verdict::Wrong);
  const auto refusal = throttle.admit("c01", "console-1", kNine + 500ms);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->kind, Kind::Backoff);
  EXPECT_EQ(refusal->wait, 2s);  // 1.5 s left, rounded up: never "try again in 0 s"
  EXPECT_FALSE(refusal->byClient);
  EXPECT_FALSE(throttle.admit("c01", "console-1", kNine + 2s).has_value());
}

TEST(PinThrottle, EachFurtherWrongPinDoublesTheWaitAndARefusedAttemptIsNotCounted) {
  PinThrottle throttle;
  core::TimePoint now = kNine;
  for (int i = 0; i < 3; ++i) wrongPin(throttle, "c01", "console-1", now);
  for (core::Seconds expected : {2s, 4s, 8s, 16s}) {
    // Asking early again and again changes nothing about the wait.
    for (int early = 0; early < 3; ++early) {
      const auto refusal = throttle.admit("c01", "console-1", now);
      ASSERT_TRUE(refusal.has_value());
      EXPECT_EQ(refusal->wait, expected);
    }
    now += expected;
    EXPECT_EQ(wrongPin(throttle, "c01", "console-1", now), Verdict::Wrong);
  }
  EXPECT_EQ(throttle.delayAfter(9), 128s);
  EXPECT_EQ(throttle.delayAfter(40), 300s);
}

TEST(PinThrottle, TheTenthWrongPinInARowLocksTheClerkAndThenEvenTheRightPinIsRefused) {
  PinThrottle throttle;
  core::TimePoint now = kNine;
  for (int i = 1; i <= 9; ++i) {
    now += throttle.delayAfter(i - 1);
    ASSERT_EQ(wrongPin(throttle, "c01", "console-1", now), Verdict::Wrong) << "wrong PIN " << i;
  }
  now += throttle.delayAfter(9);
  EXPECT_EQ(wrongPin(throttle, "c01", "console-1", now), Verdict::LockedNow);
  EXPECT_TRUE(throttle.isLocked("c01"));
  const auto refusal = throttle.admit("c01", "console-2", now + 24h);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->kind, Kind::Locked);
}

TEST(PinThrottle, ARightPinWhileTheClerkWasLockedIsRefused) {
  PinThrottle::Rules rules;
  rules.freeAttempts = 100;  // no waiting: only the lock matters here
  PinThrottle throttle(rules);
  ASSERT_FALSE(throttle.admit("c01", "console-1", kNine).has_value());  // the right PIN, still being checked
  for (int i = 0; i < 9; ++i) wrongPin(throttle, "c01", "console-2", kNine);
  EXPECT_EQ(wrongPin(throttle, "c01", "console-2", kNine), Verdict::LockedNow);
  EXPECT_EQ(throttle.answer("c01", "console-1", true), Verdict::Locked);
}

TEST(PinThrottle, ARightPinStartsTheCountAgain) {
  PinThrottle throttle;
  for (int i = 0; i < 3; ++i) wrongPin(throttle, "c01", "console-1", kNine);
  ASSERT_FALSE(throttle.admit("c01", "console-1", kNine + 2s).has_value());
  EXPECT_EQ(throttle.answer("c01", "console-1", true), Verdict::Accepted);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(wrongPin(throttle, "c01", "console-1", kNine + 3s), Verdict::Wrong);
}

TEST(PinThrottle, SimultaneousAttemptsCountAsWrongUntilAnswered) {
  PinThrottle throttle;
  // A burst of ten at once: three are checked, the rest wait for the delay.
  int admitted = 0;
  for (int i = 0; i < 10; ++i)
    if (!throttle.admit("c01", "console-1", kNine)) ++admitted;
  EXPECT_EQ(admitted, 3);
}

TEST(PinThrottle, AClientGuessingAcrossClerksIsSlowedDownThoughNoClerkIs) {
  PinThrottle throttle;
  wrongPin(throttle, "c01", "console-1", kNine);
  wrongPin(throttle, "c02", "console-1", kNine);
  wrongPin(throttle, "c03", "console-1", kNine);
  const auto refusal = throttle.admit("c04", "console-1", kNine);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_TRUE(refusal->byClient);
  EXPECT_EQ(refusal->wait, 2s);
  // Another console may still log c04 in.
  EXPECT_FALSE(throttle.admit("c04", "console-2", kNine).has_value());
}

TEST(PinThrottle, UnlockingForgetsTheClerksWrongPinsAndThoseOfTheConsoleThatMadeThem) {
  PinThrottle::Rules rules;
  rules.freeAttempts = 100;
  PinThrottle throttle(rules);
  for (int i = 0; i < 10; ++i) wrongPin(throttle, "c01", "console-1", kNine);
  for (int i = 0; i < 10; ++i) wrongPin(throttle, "c02", "console-2", kNine);
  ASSERT_TRUE(throttle.isLocked("c01"));
  EXPECT_TRUE(throttle.unlock("c01"));
  EXPECT_FALSE(throttle.isLocked("c01"));
  EXPECT_FALSE(throttle.unlock("c01"));
  EXPECT_TRUE(throttle.isLocked("c02"));
  // Nine more wrong PINs do not lock c01 again: its count started over.
  for (int i = 0; i < 9; ++i) EXPECT_EQ(wrongPin(throttle, "c01", "console-1", kNine), Verdict::Wrong);
}

TEST(PinThrottle, AClockSetBackDoesNotLockAnybodyOutUntilItCatchesUp) {
  PinThrottle throttle;
  for (int i = 0; i < 3; ++i) wrongPin(throttle, "c01", "console-1", kNine);
  const auto refusal = throttle.admit("c01", "console-1", kNine - 1h);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->wait, 2s);
  EXPECT_FALSE(throttle.admit("c01", "console-1", kNine - 1h + 2s).has_value());
}

TEST(PinThrottle, WhenFullItForgetsTheLeastRecentlyTriedButNeverALockedClerk) {
  PinThrottle::Rules rules;
  rules.freeAttempts = 100;
  rules.remembered = 3;
  PinThrottle throttle(rules);
  for (int i = 0; i < 10; ++i) wrongPin(throttle, "c01", "console-1", kNine);  // locked
  wrongPin(throttle, "c02", "console-1", kNine + 1s);
  wrongPin(throttle, "c03", "console-1", kNine + 2s);
  wrongPin(throttle, "c04", "console-1", kNine + 3s);  // c02 is forgotten
  EXPECT_TRUE(throttle.isLocked("c01"));
  for (int i = 0; i < 9; ++i) EXPECT_EQ(wrongPin(throttle, "c02", "console-1", kNine + 4s), Verdict::Wrong);
}

}  // namespace
}  // namespace jiujin::service
