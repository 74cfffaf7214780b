#include <gtest/gtest.h>

#include <map>

#include "jiujin/sim/resident_model.hpp"

using namespace jiujin;
using namespace jiujin::sim;

namespace {

std::vector<core::ServiceItem> sampleItems() {
  std::vector<core::ServiceItem> items;
  const auto add = [&](const char* code, const char* queue) {
    core::ServiceItem i;
    i.code = code;
    i.queue = queue;
    items.push_back(i);
  };
  add("G1", "general");
  add("G2", "general");
  add("S1", "social");
  add("E1", "issuing");
  return items;
}

}  // namespace

TEST(ArrivalModel, ADayBringsAboutTheExpectedNumberOfResidents) {
  ArrivalProfile profile;
  profile.residentsPerDay = 300;
  const ArrivalModel model(profile, sampleItems());
  EXPECT_NEAR(model.expectedBy(profile.close), 300, 1e-6);
  Random random(7);
  int count = 0;
  for (auto r = model.next(0, random); r; r = model.next(r->arrival, random)) ++count;
  EXPECT_NEAR(count, 300, 3 * 17.3);  // Poisson: three standard deviations
}

TEST(ArrivalModel, MorningPeakIsBusierThanEarlyAfternoon) {
  const ArrivalModel model(ArrivalProfile{}, sampleItems());
  EXPECT_GT(model.rate(10 * 3600), 1.5 * model.rate(12.5 * 3600));
  EXPECT_GT(model.rate(15 * 3600), 1.3 * model.rate(12.5 * 3600));
  EXPECT_EQ(model.rate(8 * 3600), 0);
  EXPECT_EQ(model.rate(18 * 3600), 0);
}

TEST(ArrivalModel, NoResidentArrivesAfterClosing) {
  const ArrivalModel model(ArrivalProfile{}, sampleItems());
  Random random(1);
  EXPECT_FALSE(model.next(17.5 * 3600, random).has_value());
}

TEST(ArrivalModel, TicketsAlreadyIssuedPlaceTheSecondRunLaterInTheDay) {
  const ArrivalModel model(ArrivalProfile{}, sampleItems());
  const SimSeconds t = model.timeOfExpected(140);
  EXPECT_NEAR(model.expectedBy(t), 140, 0.01);
  EXPECT_GT(t, 8.5 * 3600);
  EXPECT_LT(t, 17.5 * 3600);
  EXPECT_EQ(model.timeOfExpected(0), 8.5 * 3600);
  EXPECT_EQ(model.timeOfExpected(1e6), 17.5 * 3600);
}

TEST(ArrivalModel, GeneralItemsAreTheMostCommon) {
  const ArrivalModel model(ArrivalProfile{}, sampleItems());
  Random random(3);
  std::map<std::string, int> byItem;
  for (auto r = model.next(0, random); r; r = model.next(r->arrival, random)) ++byItem[r->item];
  EXPECT_GT(byItem["G1"] + byItem["G2"], byItem["S1"]);
  EXPECT_GT(byItem["S1"], byItem["E1"]);
}

TEST(ResidentBehaviour, MostRatingsAreSatisfiedAndAFewAreBad) {
  Behaviour b;
  Random random(11);
  std::map<int, int> counts;
  int none = 0;
  for (int i = 0; i < 10000; ++i) {
    const auto r = drawRating(b, random);
    r ? ++counts[static_cast<int>(*r)] : ++none;
  }
  EXPECT_GT(counts[1] + counts[2], 8000);
  EXPECT_GT(counts[3], 300);
  EXPECT_GT(counts[4] + counts[5], 50);
  EXPECT_LT(counts[4] + counts[5], 800);
  EXPECT_GT(none, 100);
}

TEST(ResidentBehaviour, ServiceTimesCentreOnTheTypicalMinutes) {
  Behaviour b;
  Random random(5);
  std::vector<double> draws;
  for (int i = 0; i < 2001; ++i) draws.push_back(drawServiceSeconds(10, b, random));
  std::nth_element(draws.begin(), draws.begin() + 1000, draws.end());
  EXPECT_NEAR(draws[1000], 600, 60);
}

TEST(ResidentBehaviour, AboutOneInTenIsGreenChannel) {
  Behaviour b;
  Random random(9);
  int priority = 0;
  for (int i = 0; i < 10000; ++i) priority += drawPriority(b, random) != core::PriorityClass::Normal;
  EXPECT_NEAR(priority, 1000, 150);
}
