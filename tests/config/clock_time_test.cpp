#include <gtest/gtest.h>

#include "jiujin/config/clock_time.hpp"

namespace jiujin::config {
namespace {

TEST(OpeningClock, ReadsSpansWrittenHhMmDashHhMm) {
  const auto span = parseTimeSpan("12:00-13:30");
  ASSERT_TRUE(span);
  EXPECT_EQ(span->start.minutesSinceMidnight, 12 * 60);
  EXPECT_EQ(span->end.minutesSinceMidnight, 13 * 60 + 30);
  EXPECT_EQ(toString(*span), "12:00-13:30");
  EXPECT_TRUE(span->contains(*parseClockTime("12:00")));
  EXPECT_FALSE(span->contains(*parseClockTime("13:30")));
  EXPECT_EQ(parseClockTime("24:00")->minutesSinceMidnight, 24 * 60);
}

TEST(OpeningClock, RejectsTimesThatAreNotHhMm) {
  for (const char* bad : {"8:30", "08:60", "24:30", "25:00", "0830", "08:3a", "", "08:30 "}) {
    EXPECT_FALSE(parseClockTime(bad)) << bad;
  }
  EXPECT_FALSE(parseTimeSpan("08:30~17:30"));
  EXPECT_FALSE(parseTimeSpan("08:30-"));
}

TEST(OpeningClock, ReadsWeekdaysInEnglishAndChinese) {
  EXPECT_EQ(parseWeekday("mon"), std::chrono::Monday);
  EXPECT_EQ(parseWeekday("周六"), std::chrono::Saturday);
  EXPECT_EQ(parseWeekday("星期日"), std::chrono::Sunday);
  EXPECT_EQ(parseWeekday("周天"), std::chrono::Sunday);
  EXPECT_FALSE(parseWeekday("Monday"));
  EXPECT_EQ(toString(std::chrono::Friday), "fri");
}

}  // namespace
}  // namespace jiujin::config
