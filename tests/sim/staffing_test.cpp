#include <gtest/gtest.h>

#include "jiujin/sim/staffing.hpp"

using namespace jiujin;
using namespace jiujin::sim;

namespace {

core::WindowDef window(int n) {
  core::WindowDef w;
  w.number = n;
  return w;
}

config::ClerkConfig clerk(const char* id, std::vector<int> windows) {
  config::ClerkConfig c;
  c.id = id;
  c.allowedWindows = std::move(windows);
  return c;
}

}  // namespace

TEST(Staffing, SpecialistClerksKeepTheirWindowsAndGeneralistsFillTheRest) {
  const auto staffed = staffWindows({window(1), window(2), window(5)},
                                    {clerk("any1", {1, 2, 5}), clerk("hukou", {5}), clerk("any2", {1, 2})});
  ASSERT_EQ(staffed.size(), 3u);
  EXPECT_EQ(staffed.at(5), "hukou");
  EXPECT_NE(staffed.at(1), staffed.at(2));
}

TEST(Staffing, AWindowNoClerkMayTakeStaysUnstaffed) {
  const auto staffed = staffWindows({window(1), window(9)}, {clerk("a", {1})});
  EXPECT_EQ(staffed.size(), 1u);
  EXPECT_FALSE(staffed.contains(9));
}

TEST(Staffing, AClerkWithoutRestrictionsMayTakeAnyWindow) {
  const auto staffed = staffWindows({window(3)}, {clerk("free", {})});
  EXPECT_EQ(staffed.at(3), "free");
}
