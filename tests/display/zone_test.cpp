#include <gtest/gtest.h>

#include "jiujin/display/zone.hpp"

namespace jiujin::display {
namespace {

TEST(Zone, RangesAndSingleWindowsAreIncluded) {
  const auto zone = Zone::parse("1-6,9");
  ASSERT_TRUE(zone.ok());
  for (int w : {1, 3, 6, 9}) EXPECT_TRUE(zone.value().includes(w)) << w;
  for (int w : {7, 8, 10}) EXPECT_FALSE(zone.value().includes(w)) << w;
  EXPECT_EQ(zone.value().describe(), "1-6,9");
}

TEST(Zone, EmptyOrAllMeansTheWholeHall) {
  EXPECT_TRUE(Zone::parse("").value().isWholeHall());
  EXPECT_TRUE(Zone::parse("all").value().isWholeHall());
  EXPECT_TRUE(Zone::parse("").value().includes(42));
}

TEST(Zone, OverlappingPartsAreMergedInTheDescription) {
  EXPECT_EQ(Zone::parse(" 5, 1-3 ,3-4").value().describe(), "1-5");
}

TEST(Zone, MalformedListIsAnErrorNamingThePart) {
  for (const char* bad : {"6-1", "a", "0", "1,,2", "3-", "1-1000", "2;3"}) {
    const auto zone = Zone::parse(bad);
    ASSERT_FALSE(zone.ok()) << bad;
    EXPECT_EQ(zone.error().code, core::ErrorCode::InvalidArgument);
    EXPECT_FALSE(zone.error().zh.empty());
  }
}

}  // namespace
}  // namespace jiujin::display
