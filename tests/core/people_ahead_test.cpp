// People ahead of a waiting ticket: the core's one answer, in routing order, and the same
// number the issue estimate gave the moment the ticket was issued.
#include <map>

#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class PeopleAhead : public HallTest {
 protected:
  PeopleAhead() { openWindow(1, at(8, 50)); }  // window 1 serves 综合受理 (general) alone

  TicketId issueWith(const cmd::IssueTicket& c, TimePoint t) {
    auto events = run(c, t);
    return events.empty() ? 0 : std::get<ev::TicketIssued>(events.front()).ticket.id;
  }
  TicketId book(TimePoint slot, TimePoint t, PriorityClass p = PriorityClass::Normal) {
    return issueWith({"birth", Channel::Appointment, p, slot, ""}, t);
  }
  int ahead(TicketId id, TimePoint t) const {
    const auto e = hall.estimateForTicket(id, t);
    EXPECT_TRUE(e.has_value()) << "ticket " << id << " is not waiting";
    return e ? e->peopleAhead : -1;
  }
};

TEST_F(PeopleAhead, TicketsIssuedBeforeAreAheadAndTheirWorkIsTheWait) {
  const TicketId first = issue("birth", at(9, 0));       // 10 min
  const TicketId second = issue("elder_card", at(9, 1)); //  5 min
  const TicketId third = issue("birth", at(9, 2));
  EXPECT_EQ(ahead(first, at(9, 3)), 0);
  EXPECT_EQ(ahead(second, at(9, 3)), 1);
  const auto e = hall.estimateForTicket(third, at(9, 3));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->peopleAhead, 2);
  EXPECT_EQ(e->wait, Seconds{15 * 60});
  EXPECT_EQ(e->windowsServing, 1);
}

TEST_F(PeopleAhead, AGreenChannelTicketHasOnlyGreenChannelTicketsAheadAndGoesBeforeNormalOnes) {
  const TicketId n1 = issue("birth", at(9, 0));
  const TicketId n2 = issue("birth", at(9, 1));
  const TicketId p1 = issue("elder_card", at(9, 2), PriorityClass::Elderly);
  const TicketId p2 = issue("elder_card", at(9, 3), PriorityClass::Disabled);
  EXPECT_EQ(ahead(p1, at(9, 4)), 0);
  EXPECT_EQ(ahead(p2, at(9, 4)), 1);
  EXPECT_EQ(ahead(n1, at(9, 4)), 2) << "both 绿色通道 tickets go first";
  EXPECT_EQ(ahead(n2, at(9, 4)), 3);
}

TEST_F(PeopleAhead, AnAppointmentGoesFirstOnceItsSlotHasBegun) {
  const TicketId walkIn = issue("birth", at(9, 0));
  const TicketId elder = issue("elder_card", at(9, 1), PriorityClass::Elderly);
  const TicketId booked = book(at(10, 0), at(9, 2));
  EXPECT_EQ(ahead(booked, at(9, 30)), 2) << "before its slot it waits like any ticket";
  EXPECT_EQ(ahead(elder, at(9, 30)), 0);
  EXPECT_EQ(ahead(booked, at(10, 0)), 0);
  EXPECT_EQ(ahead(elder, at(10, 0)), 1);
  EXPECT_EQ(ahead(walkIn, at(10, 0)), 2);
}

TEST_F(PeopleAhead, RightAfterIssuingItEqualsWhatTheIssueEstimateSaid) {
  issue("birth", at(9, 0));
  issue("elder_card", at(9, 1), PriorityClass::Elderly);
  book(at(9, 5), at(9, 2));  // its slot has begun by 09:10
  issue("birth", at(9, 3));
  for (const PriorityClass p : {PriorityClass::Normal, PriorityClass::Pregnant}) {
    const auto before = hall.estimateForItem("birth", p, at(9, 10));
    const TicketId id = issue("birth", at(9, 10), p);
    const auto after = hall.estimateForTicket(id, at(9, 10));
    ASSERT_TRUE(after);
    EXPECT_EQ(after->peopleAhead, before.peopleAhead) << toString(p);
    EXPECT_EQ(after->wait, before.wait) << toString(p);
  }
  EXPECT_EQ(hall.estimateForItem("birth", PriorityClass::Elderly, at(9, 11)).peopleAhead, 3)
      << "the begun appointment and both 绿色通道 tickets";
}

TEST_F(PeopleAhead, CountsWhatWindowOneWouldReallyCallFirst) {
  // A mix in one queue served by one window: the position each ticket is called at is the
  // number of people the core said were ahead of it.
  std::vector<TicketId> tickets{issue("birth", at(9, 0)), issue("elder_card", at(9, 1)),
                                issue("birth", at(9, 2), PriorityClass::Serviceman), book(at(9, 8), at(9, 3)),
                                issue("elder_card", at(9, 4), PriorityClass::Elderly), book(at(11, 0), at(9, 5)),
                                issue("birth", at(9, 6))};
  std::map<TicketId, int> said;
  for (const TicketId id : tickets) said[id] = ahead(id, at(9, 10));
  for (int position = 0; position < static_cast<int>(tickets.size()); ++position) {
    const TicketId called = callNext(1, at(9, 10)).ticket;
    EXPECT_EQ(said[called], position) << ticket(called).number << " was called at position " << position;
    run(cmd::StartService{1}, at(9, 10));
    run(cmd::Complete{1}, at(9, 10));
  }
}

TEST_F(PeopleAhead, ATransferredTicketCountsThoseTransferredToTheSameWindowBeforeIt) {
  openWindow(3, at(8, 50));
  for (int i = 0; i < 2; ++i) {
    issue("birth", at(9, i));
    callNext(1, at(9, i));
    run(cmd::Transfer{1, WindowNumber{3}, "户籍业务"}, at(9, i));
  }
  std::vector<TicketId> moved;
  for (const auto& [id, t] : hall.state().tickets)
    if (t.state == TicketState::Waiting && t.targetWindow) moved.push_back(id);
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(ahead(moved[0], at(9, 5)), 0);
  EXPECT_EQ(ahead(moved[1], at(9, 5)), 1);
}

TEST_F(PeopleAhead, ATicketNoLongerWaitingHasNoAnswer) {
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  EXPECT_FALSE(hall.estimateForTicket(id, at(9, 2)));
  EXPECT_FALSE(hall.estimateForTicket(9999, at(9, 2)));
}

}  // namespace
}  // namespace jiujin::core::testing
