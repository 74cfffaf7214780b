// The service day: numbering, idempotent issuing, closing and reopening.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

class Day : public HallTest {};

TEST(DayClosed, IssuingBeforeTheDayOpensIsRefused) {
  Hall hall{sampleHall()};
  auto r = hall.execute(cmd::IssueTicket{"birth"}, at(8, 0));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::DayNotOpen);
}

TEST_F(Day, OpeningTwiceIsRefused) { refused(cmd::OpenDay{today()}, at(9, 0), ErrorCode::DayAlreadyOpen); }

TEST_F(Day, NumbersArePerQueue) {
  EXPECT_EQ(ticket(issue("birth", at(9, 0))).number, "A001");
  EXPECT_EQ(ticket(issue("hukou", at(9, 0))).number, "B001");
  EXPECT_EQ(ticket(issue("elder_card", at(9, 0))).number, "A002");
  EXPECT_EQ(ticket(issue("pickup", at(9, 0))).number, "C001");
}

TEST_F(Day, NumbersAreNotReusedAfterCancellation) {
  const TicketId first = issue("birth", at(9, 0));
  run(cmd::Cancel{first, ""}, at(9, 1));
  EXPECT_EQ(ticket(issue("birth", at(9, 2))).number, "A002");
}

TEST_F(Day, NumbersGoOnIntoFourDigitsAfterA999) {
  for (int i = 0; i < 999; ++i) issue("birth", at(9, 0));
  EXPECT_EQ(hall.state().lastSequence.at("general"), 999);
  const Ticket& thousandth = ticket(issue("birth", at(9, 1)));
  EXPECT_EQ(thousandth.number, "A1000");
  EXPECT_EQ(thousandth.sequence, 1000);
  EXPECT_EQ(ticket(issue("elder_card", at(9, 1))).number, "A1001");
}

TEST_F(Day, OnlyTheTenThousandthTicketOfAQueueIsRefusedAndTheRefusalSaysWhy) {
  for (int i = 0; i < kLastSequenceOfDay; ++i) issue("pickup", at(9, 0));
  EXPECT_EQ(ticket(hall.state().nextTicketId - 1).number, "C9999");
  const Error error = refused(cmd::IssueTicket{"pickup"}, at(9, 1), ErrorCode::NumberingExhausted);
  EXPECT_NE(error.zh.find("C9999"), std::string::npos) << error.zh;
  EXPECT_NE(error.en.find("9999"), std::string::npos) << error.en;
  EXPECT_EQ(ticket(issue("birth", at(9, 1))).number, "A001") << "other queues still number";
}

TEST_F(Day, ReissuingWithAKnownRequestKeyChangesNothing) {
  auto first = run(cmd::IssueTicket{"birth", Channel::Kiosk, PriorityClass::Normal, std::nullopt, "kiosk1-0001"}, at(9, 0));
  ASSERT_EQ(first.size(), 1u);
  const TicketId id = std::get<ev::TicketIssued>(first[0]).ticket.id;
  const HallState before = hall.state();
  auto again = run(cmd::IssueTicket{"birth", Channel::Kiosk, PriorityClass::Normal, std::nullopt, "kiosk1-0001"}, at(9, 1));
  EXPECT_TRUE(again.empty());
  EXPECT_TRUE(hall.state() == before);
  EXPECT_EQ(hall.ticketByRequestKey("kiosk1-0001"), id);
  EXPECT_EQ(hall.ticketByRequestKey("kiosk1-0002"), std::nullopt);
}

TEST_F(Day, UnknownItemIsRefused) { refused(cmd::IssueTicket{"no_such_item"}, at(9, 0), ErrorCode::UnknownItem); }

TEST_F(Day, PriorityIsRefusedForItemsWithoutGreenChannel) {
  refused(cmd::IssueTicket{"id_card", Channel::Kiosk, PriorityClass::Elderly}, at(9, 0), ErrorCode::PriorityNotAllowed);
}

TEST_F(Day, TransferChannelAndStraySlotsAreRefusedAtIssue) {
  refused(cmd::IssueTicket{"birth", Channel::Transfer}, at(9, 0), ErrorCode::InvalidArgument);
  refused(cmd::IssueTicket{"birth", Channel::Kiosk, PriorityClass::Normal, at(10, 0)}, at(9, 0),
          ErrorCode::InvalidArgument);
  refused(cmd::IssueTicket{"birth", static_cast<Channel>(17)}, at(9, 0), ErrorCode::InvalidArgument);
}

TEST_F(Day, ClosingExpiresWaitingAndCalledTicketsButKeepsThemInTheDay) {
  openWindow(1, at(8, 50));
  const TicketId called = issue("birth", at(9, 0));
  const TicketId waiting = issue("birth", at(9, 1));
  const TicketId served = issue("hukou", at(9, 2));
  callNext(1, at(9, 3));
  auto events = run(cmd::CloseDay{}, at(17, 0));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::get<ev::DayClosed>(events[0]).expired, (std::vector<TicketId>{called, waiting, served}));
  EXPECT_EQ(ticket(called).state, TicketState::Expired);
  EXPECT_EQ(ticket(waiting).state, TicketState::Expired);
  EXPECT_EQ(window(1).current, std::nullopt);
  EXPECT_FALSE(hall.state().open);
  refused(cmd::IssueTicket{"birth"}, at(17, 1), ErrorCode::DayNotOpen);
}

TEST_F(Day, ServiceInProgressAtClosingCanStillBeCompleted) {
  openWindow(1, at(8, 50));
  const TicketId id = issue("birth", at(9, 0));
  callNext(1, at(9, 1));
  run(cmd::StartService{1}, at(9, 2));
  run(cmd::CloseDay{}, at(17, 0));
  EXPECT_EQ(ticket(id).state, TicketState::Serving);
  refused(cmd::OpenDay{today()}, at(17, 1), ErrorCode::WindowBusy);
  run(cmd::Complete{1}, at(17, 5));
  EXPECT_EQ(ticket(id).state, TicketState::Completed);
}

TEST_F(Day, OpeningTheNextDayRestartsNumberingAndDropsYesterdaysTickets) {
  issue("birth", at(9, 0));
  issue("birth", at(9, 1));
  const TicketId nextId = hall.state().nextTicketId;
  run(cmd::CloseDay{}, at(17, 0));
  using namespace std::chrono;
  const Date tomorrow = dateOf(at(0, 0) + days{1});
  run(cmd::OpenDay{tomorrow}, at(0, 0) + days{1} + hours{8});
  EXPECT_TRUE(hall.state().tickets.empty());
  EXPECT_EQ(hall.state().day, tomorrow);
  const TicketId id = issue("birth", at(9, 0) + days{1});
  EXPECT_EQ(ticket(id).number, "A001");
  EXPECT_EQ(id, nextId) << "ticket ids stay unique across days";
}

TEST_F(Day, NoticeIsKeptInTheState) {
  run(cmd::BroadcastNotice{"午间不间断服务"}, at(11, 30));
  EXPECT_EQ(hall.state().notice, "午间不间断服务");
}

TEST_F(Day, DefinitionUpdateAddsWindowsClosedAndRejectsBrokenDefinitions) {
  HallDefinition d = sampleHall();
  d.windows.push_back({6, "6号窗口", WindowKind::Complaints, {{{"general"}}}});
  run(cmd::UpdateDefinition{d}, at(9, 0));
  EXPECT_EQ(window(6).state, WindowState::Closed);
  EXPECT_EQ(hall.definition().windows.size(), 6u);

  HallDefinition broken = sampleHall();
  broken.items.push_back(broken.items.front());
  refused(cmd::UpdateDefinition{broken}, at(9, 1), ErrorCode::InvalidArgument);
  HallDefinition unknownQueue = sampleHall();
  unknownQueue.items.front().queue = "tax";
  refused(cmd::UpdateDefinition{unknownQueue}, at(9, 1), ErrorCode::UnknownQueue);
}

TEST_F(Day, DefinitionUpdateCannotDropAQueueThatStillHasTickets) {
  issue("pickup", at(9, 0));
  HallDefinition d = sampleHall();
  d.queues.pop_back();
  std::erase_if(d.items, [](const ServiceItem& i) { return i.queue == "issuing"; });
  d.windows[3].profile.entries.clear();
  refused(cmd::UpdateDefinition{d}, at(9, 1), ErrorCode::InvalidArgument);
}

TEST_F(Day, DefinitionUpdateCannotRemoveAnOpenWindow) {
  openWindow(5, at(8, 50));
  HallDefinition d = sampleHall();
  d.windows.pop_back();
  refused(cmd::UpdateDefinition{d}, at(9, 1), ErrorCode::IllegalTransition);
}

}  // namespace
}  // namespace jiujin::core::testing
