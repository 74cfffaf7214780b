// Event sourcing: the events of a hall rebuild the same state, and a hall restored from a
// state behaves exactly like the original from then on.
#include "hall_fixture.hpp"

namespace jiujin::core::testing {
namespace {

/// Runs a morning through `hall`, returning every event it produced (commands and ticks).
std::vector<Event> morning(Hall& hall, std::vector<Event> journal = {}) {
  auto record = [&](const Command& c, TimePoint t) {
    auto r = hall.execute(c, t);
    if (r) journal.insert(journal.end(), r.value().begin(), r.value().end());
  };
  auto tick = [&](TimePoint t) {
    auto events = hall.tick(t);
    journal.insert(journal.end(), events.begin(), events.end());
  };
  record(cmd::OpenDay{today()}, at(8, 30));
  for (WindowNumber w : {1, 2, 3, 4}) {
    record(cmd::ClerkLogin{w, "clerk" + std::to_string(w)}, at(8, 40));
    record(cmd::OpenWindow{w}, at(8, 41));
  }
  record(cmd::IssueTicket{"birth", Channel::Kiosk, PriorityClass::Normal, std::nullopt, "k-1"}, at(9, 0));
  record(cmd::IssueTicket{"hukou"}, at(9, 1));
  record(cmd::IssueTicket{"elder_card", Channel::Agent, PriorityClass::Elderly}, at(9, 2));
  record(cmd::IssueTicket{"birth", Channel::Appointment, PriorityClass::Normal, at(9, 30), ""}, at(9, 3));
  record(cmd::CallNext{1}, at(9, 4));
  record(cmd::StartService{1}, at(9, 5));
  record(cmd::CallNext{3}, at(9, 5));
  tick(at(9, 11));  // 3's resident never came
  record(cmd::Reactivate{2}, at(9, 12));
  record(cmd::Transfer{1, WindowKind::Issuing, "领证"}, at(9, 15));
  record(cmd::CallNext{4}, at(9, 16));
  record(cmd::StartService{4}, at(9, 16));
  record(cmd::Complete{4}, at(9, 19));
  record(cmd::Evaluate{4, Rating::VerySatisfied}, at(9, 19, 30));
  record(cmd::PinTicket{2, 4}, at(9, 20));
  record(cmd::SetWorkProfile{2, {{{"general", 2.0}, {"issuing"}}}}, at(9, 21));
  record(cmd::PauseWindow{1, "午休"}, at(9, 25));
  record(cmd::BroadcastNotice{"今日延时服务至19:00"}, at(9, 26));
  return journal;
}

TEST(Replay, EventsAppliedToAFreshHallRebuildTheSameState) {
  Hall original{sampleHall()};
  const auto journal = morning(original);
  ASSERT_GT(journal.size(), 20u);
  Hall replayed{sampleHall()};
  for (const auto& e : journal) replayed.apply(e);
  EXPECT_TRUE(replayed.state() == original.state());
}

TEST(Replay, RestoredHallDecidesExactlyLikeTheOriginal) {
  Hall original{sampleHall()};
  morning(original);
  Hall restored{sampleHall(), original.state()};
  const std::vector<std::pair<Command, TimePoint>> afternoon{
      {cmd::CallNext{2}, at(13, 0)},          {cmd::IssueTicket{"hukou"}, at(13, 1)},
      {cmd::CallNext{3}, at(13, 2)},          {cmd::ResumeWindow{1}, at(13, 3)},
      {cmd::CallNext{1}, at(13, 4)},          {cmd::Recall{1}, at(13, 5)},
      {cmd::IssueTicket{"birth", Channel::Kiosk, PriorityClass::Normal, std::nullopt, "k-1"}, at(13, 6)},
      {cmd::CloseDay{}, at(17, 0)}};
  for (const auto& [command, t] : afternoon) {
    auto a = original.execute(command, t);
    auto b = restored.execute(command, t);
    ASSERT_EQ(a.ok(), b.ok());
    if (a.ok()) {
      ASSERT_EQ(a.value().size(), b.value().size());
      for (std::size_t i = 0; i < a.value().size(); ++i) {
        EXPECT_EQ(timeOf(a.value()[i]), timeOf(b.value()[i]));
      }
    } else {
      EXPECT_EQ(a.error(), b.error());
    }
    EXPECT_TRUE(original.state() == restored.state());
    EXPECT_EQ(original.peekNext(1, t).has_value(), restored.peekNext(1, t).has_value());
    EXPECT_EQ(original.estimateForQueue("general", t).wait, restored.estimateForQueue("general", t).wait);
  }
  EXPECT_EQ(restored.ticketByRequestKey("k-1"), original.ticketByRequestKey("k-1"));
}

TEST(Replay, DefinitionUpdateReplaysToTheSameWindows) {
  Hall original{sampleHall()};
  auto journal = morning(original);
  HallDefinition d = sampleHall();
  d.windows.push_back({6, "6号窗口", WindowKind::Complaints, {{{"general"}}}});
  d.windows[0].profile.entries.push_back({"issuing"});
  auto r = original.execute(cmd::UpdateDefinition{d}, at(10, 0));
  ASSERT_TRUE(r.ok());
  journal.insert(journal.end(), r.value().begin(), r.value().end());
  Hall replayed{sampleHall()};
  for (const auto& e : journal) replayed.apply(e);
  EXPECT_TRUE(replayed.state() == original.state());
  EXPECT_TRUE(replayed.definition() == original.definition());
  EXPECT_EQ(original.state().windows.at(1).profile, d.windows[0].profile);
  EXPECT_EQ(original.state().windows.at(2).profile.entries.size(), 2u) << "the manager's edit stays";
}

TEST(Replay, EventsNamingUnknownThingsChangeNothing) {
  Hall hall{sampleHall()};
  const HallState before = hall.state();
  hall.apply(ev::TicketCalled{at(9, 0), 12345, 1, CallReason::Priority, ""});
  hall.apply(ev::ServiceCompleted{at(9, 0), 12345, 77});
  hall.apply(ev::WindowOpened{at(9, 0), 77});
  EXPECT_TRUE(hall.state() == before);
}

}  // namespace
}  // namespace jiujin::core::testing
