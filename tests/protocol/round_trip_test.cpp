// Every core value survives toJson → text → fromJson unchanged: the journal and the wire
// depend on it.
#include <set>

#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"
#include "sample_values.hpp"

namespace jiujin::protocol {
namespace {

using namespace jiujin::testing;

// Through text, as the journal and the wire carry it.
nlohmann::json throughText(const nlohmann::json& j) { return nlohmann::json::parse(j.dump()); }

TEST(CommandCodec, EveryCommandRoundTripsUnchanged) {
  for (const Command& command : everyCommand()) {
    SCOPED_TRACE(commandType(command));
    const auto decoded = commandFromJson(throughText(toJson(command)));
    ASSERT_TRUE(decoded.ok()) << decoded.error().en;
    // Command alternatives have no operator==: compare their canonical encodings and the alternative.
    EXPECT_EQ(decoded.value().index(), command.index());
    EXPECT_EQ(toJson(decoded.value()), toJson(command));
  }
}

TEST(CommandCodec, SamplesCoverEveryCommandAlternativeWithDistinctNames) {
  std::set<std::size_t> indices;
  std::set<std::string> names;
  for (const Command& command : everyCommand()) {
    indices.insert(command.index());
    names.insert(commandType(command));
  }
  EXPECT_EQ(indices.size(), std::variant_size_v<Command>);
  EXPECT_EQ(names.size(), std::variant_size_v<Command>);
}

TEST(CommandCodec, IssueTicketFieldsSurviveIncludingRequestKey) {
  const Command original =
      cmd::IssueTicket{"X1", Channel::Agent, PriorityClass::Disabled, at(1'710'471'000'000), "key-1"};
  const auto decoded = commandFromJson(throughText(toJson(original)));
  ASSERT_TRUE(decoded.ok());
  const auto& issue = std::get<cmd::IssueTicket>(decoded.value());
  EXPECT_EQ(issue.item, "X1");
  EXPECT_EQ(issue.channel, Channel::Agent);
  EXPECT_EQ(issue.priority, PriorityClass::Disabled);
  EXPECT_EQ(issue.appointmentSlot, at(1'710'471'000'000));
  EXPECT_EQ(issue.requestKey, "key-1");
}

TEST(CommandCodec, ACollectionTicketNamesItsCaseAndAnOldTicketHasNone) {
  cmd::IssueTicket collect{"X1", Channel::Kiosk, PriorityClass::Normal, std::nullopt, "key-2"};
  collect.caseNumber = "370199101-20260430-0001";
  const auto decoded = commandFromJson(throughText(toJson(Command{collect})));
  ASSERT_TRUE(decoded.ok()) << decoded.error().en;
  EXPECT_EQ(std::get<cmd::IssueTicket>(decoded.value()).caseNumber, "370199101-20260430-0001");
  // a ticket journaled before tickets named cases decodes with none
  auto old = toJson(Event{ev::TicketIssued{at(1'710'471'000'000), sampleTicket()}});
  old["ticket"].erase("case");
  const auto replayed = eventFromJson(throughText(old));
  ASSERT_TRUE(replayed.ok()) << replayed.error().en;
  EXPECT_FALSE(std::get<ev::TicketIssued>(replayed.value()).ticket.caseNumber);
}

TEST(CommandCodec, TransferTargetsOfEveryKindRoundTrip) {
  for (const TransferTarget& to : {TransferTarget{QueueId{"tax"}}, TransferTarget{7},
                                   TransferTarget{WindowKind::Complaints}}) {
    const auto decoded = transferTargetFromJson(throughText(toJson(to)));
    ASSERT_TRUE(decoded.ok()) << decoded.error().en;
    EXPECT_EQ(decoded.value(), to);
  }
}

TEST(CommandCodec, ClientMayLeaveOutOptionsWithDefaults) {
  const auto decoded = commandFromJson(nlohmann::json{{"type", "issue_ticket"}, {"item", "X1"}});
  ASSERT_TRUE(decoded.ok()) << decoded.error().en;
  const auto& issue = std::get<cmd::IssueTicket>(decoded.value());
  EXPECT_EQ(issue.channel, Channel::Kiosk);
  EXPECT_EQ(issue.priority, PriorityClass::Normal);
  EXPECT_FALSE(issue.appointmentSlot);
  EXPECT_EQ(issue.requestKey, "");
}

TEST(EventCodec, EveryEventRoundTripsUnchanged) {
  for (const Event& event : everyEvent()) {
    SCOPED_TRACE(eventType(event));
    const auto decoded = eventFromJson(throughText(toJson(event)));
    ASSERT_TRUE(decoded.ok()) << decoded.error().en;
    EXPECT_EQ(decoded.value().index(), event.index());
    EXPECT_EQ(toJson(decoded.value()), toJson(event));
  }
}

TEST(EventCodec, SamplesCoverEveryEventAlternativeWithDistinctNames) {
  std::set<std::size_t> indices;
  std::set<std::string> names;
  for (const Event& event : everyEvent()) {
    indices.insert(event.index());
    names.insert(eventType(event));
  }
  EXPECT_EQ(indices.size(), std::variant_size_v<Event>);
  EXPECT_EQ(names.size(), std::variant_size_v<Event>);
}

TEST(EventCodec, EveryEventTypeStartsWithATopicFamily) {
  const std::set<std::string> families{"ticket", "window", "queue", "notice", "day", "hall", "case"};
  for (const Event& event : everyEvent()) {
    const std::string type = eventType(event);
    EXPECT_TRUE(families.contains(type.substr(0, type.find('.')))) << type;
  }
}

TEST(EventCodec, TypeIsWrittenIntoTheObject) {
  const Event e = ev::WindowPaused{at(1), 3, "午休"};
  const auto j = toJson(e);
  EXPECT_EQ(j.at("type"), "window.paused");
  EXPECT_EQ(j.at("at"), 1);
  EXPECT_EQ(j.at("reason"), "午休");
}

TEST(StateCodec, FullHallStateRoundTripsEqual) {
  const HallState state = sampleState();
  const auto decoded = hallStateFromJson(throughText(toJson(state)));
  ASSERT_TRUE(decoded.ok()) << decoded.error().en;
  EXPECT_EQ(decoded.value(), state);
}

TEST(StateCodec, EmptyHallStateRoundTripsEqual) {
  const auto decoded = hallStateFromJson(throughText(toJson(HallState{})));
  ASSERT_TRUE(decoded.ok()) << decoded.error().en;
  EXPECT_EQ(decoded.value(), HallState{});
}

TEST(StateCodec, TicketAndProfileAndDefinitionRoundTripEqual) {
  const auto ticket = ticketFromJson(throughText(toJson(sampleTicket())));
  ASSERT_TRUE(ticket.ok()) << ticket.error().en;
  EXPECT_EQ(ticket.value(), sampleTicket());

  const auto profile = workProfileFromJson(throughText(toJson(sampleProfile())));
  ASSERT_TRUE(profile.ok()) << profile.error().en;
  EXPECT_EQ(profile.value(), sampleProfile());

  const auto definition = hallDefinitionFromJson(throughText(toJson(sampleDefinition())));
  ASSERT_TRUE(definition.ok()) << definition.error().en;
  EXPECT_EQ(definition.value(), sampleDefinition());
}

TEST(StateCodec, TimesAreIntegerMillisecondsAndDatesAreIsoDays) {
  const auto j = toJson(sampleState());
  EXPECT_EQ(j.at("day"), "2024-03-15");
  EXPECT_TRUE(j.at("tickets").at(0).at("issuedAt").is_number_integer());
  EXPECT_EQ(j.at("tickets").at(0).at("issuedAt"), 1'710'470'000'123);
}

TEST(DateCodec, DatesFormatWithLeadingZeros) {
  EXPECT_EQ(dateToString(Date{2024y / 1 / 5}), "2024-01-05");
  const auto d = dateFromString("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value(), Date{2024y / 2 / 29});
}

}  // namespace
}  // namespace jiujin::protocol
