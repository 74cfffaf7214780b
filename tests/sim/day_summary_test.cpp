#include <gtest/gtest.h>

#include "jiujin/sim/bus_control.hpp"
#include "jiujin/sim/day_summary.hpp"

using namespace jiujin;
using namespace jiujin::sim;
using namespace std::chrono_literals;

namespace {

core::Ticket ticket(core::TicketId id, core::TicketState state, std::chrono::seconds waited) {
  core::Ticket t;
  t.id = id;
  t.state = state;
  t.arrivalAt = core::TimePoint{} + 1000s;
  if (state != core::TicketState::Waiting) t.calledAt = t.arrivalAt + waited;
  return t;
}

}  // namespace

TEST(DaySummary, CountsOutcomesAndScalesRealWaitsToSimulatedMinutes) {
  core::HallState state;
  state.tickets[1] = ticket(1, core::TicketState::Completed, 6s);
  state.tickets[1].rating = core::Rating::VerySatisfied;
  state.tickets[2] = ticket(2, core::TicketState::NoShow, 12s);
  state.tickets[3] = ticket(3, core::TicketState::Transferred, 18s);
  state.tickets[4] = ticket(4, core::TicketState::Completed, 0s);
  state.tickets[4].channel = core::Channel::Transfer;  // the same resident at the issuing window
  state.tickets[4].evaluation = core::EvaluationStatus::NotRated;
  state.tickets[5] = ticket(5, core::TicketState::Waiting, 0s);
  const DaySummary s = summarize(state, 100);  // 6 real seconds = 10 simulated minutes
  EXPECT_EQ(s.issued, 4);
  EXPECT_EQ(s.completed, 2);
  EXPECT_EQ(s.noShow, 1);
  EXPECT_EQ(s.transferred, 1);
  EXPECT_EQ(s.unfinished, 1);
  EXPECT_EQ(s.waitsMeasured, 3);
  EXPECT_NEAR(s.meanWaitMinutes, 20, 1e-9);
  EXPECT_NEAR(s.p90WaitMinutes, 30, 1e-9);
  EXPECT_EQ(s.ratings.at(core::Rating::VerySatisfied), 1);
  EXPECT_EQ(s.notRated, 1);
  EXPECT_NE(toText(s).find("rating.very_satisfied: 1"), std::string::npos);
}

TEST(DaySummary, AnEmptyDayHasNoWaits) {
  const DaySummary s = summarize(core::HallState{}, 60);
  EXPECT_EQ(s.issued, 0);
  EXPECT_EQ(s.meanWaitMinutes, 0);
}

TEST(BusControlReply, QuotedFieldsAreReadWithTheirSpacesAndEscapes) {
  const auto r = parseControlReply(R"(ok state=prompting ticket="A001" clerk_name="王 \"芳\"" rating=0)");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.field("state"), "prompting");
  EXPECT_EQ(r.field("ticket"), "A001");
  EXPECT_EQ(r.field("clerk_name"), "王 \"芳\"");
  EXPECT_EQ(r.field("rating"), "0");
}

TEST(BusControlReply, AnErrorKeepsItsReason) {
  const auto r = parseControlReply("error w1-pad: not prompting");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "w1-pad: not prompting");
}
