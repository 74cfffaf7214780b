// Commands are client input: every field a client fills is held to its limit (limits.hpp),
// and the error names the field and the whole of what it expects. The journal is not: what
// was accepted under older rules still loads.
#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"
#include "sample_values.hpp"

namespace jiujin::protocol {
namespace {

using namespace jiujin::testing;
using nlohmann::json;

std::string refusal(const json& command) {
  const auto r = commandFromJson(command);
  return r.ok() ? "accepted" : r.error().en;
}

json profileCommand(json weight, json minutes) {
  return json{{"type", "set_work_profile"},
              {"window", 2},
              {"profile",
               {{"entries", json::array({{{"queue", "general"},
                                          {"weight", weight},
                                          {"onlyWhenOldestWaitsAtLeastMinutes", minutes}}})}}}};
}

TEST(CommandLimits, WindowsAreTheHallFilesNumbers) {
  EXPECT_EQ(refusal({{"type", "call_next"}, {"window", 0}}), "command.window: expected an integer from 1 to 999, got 0");
  EXPECT_EQ(refusal({{"type", "call_next"}, {"window", 1000}}),
            "command.window: expected an integer from 1 to 999, got 1000");
  EXPECT_EQ(refusal({{"type", "call_next"}, {"window", "3"}}),
            "command.window: expected an integer from 1 to 999, got a string of 1 characters");
  EXPECT_EQ(refusal({{"type", "call_next"}, {"window", 999}}), "accepted");
}

TEST(CommandLimits, ProfileWeightsMinutesAndEntriesAreTheHallFilesRanges) {
  EXPECT_EQ(refusal(profileCommand(1e308, nullptr)),
            "command.profile.entries[0].weight: expected a number from 0.1 to 10, got 1e+308");
  EXPECT_NE(refusal(profileCommand(0.01, nullptr)), "accepted");
  EXPECT_EQ(refusal(profileCommand(1.0, 0)),
            "command.profile.entries[0].onlyWhenOldestWaitsAtLeastMinutes: expected an integer from 1 to 480, got 0");
  EXPECT_NE(refusal(profileCommand(1.0, 100000)), "accepted");
  EXPECT_EQ(refusal(profileCommand(1.0, "10")),
            "command.profile.entries[0].onlyWhenOldestWaitsAtLeastMinutes: expected an integer from 1 to 480 or null, "
            "got a string of 2 characters");
  EXPECT_EQ(refusal({{"type", "set_work_profile"}, {"window", 2}, {"profile", {{"entries", json::array()}}}}),
            "command.profile.entries: expected an array of 1 to 50 entries, got 0 entries");
  EXPECT_EQ(refusal(profileCommand(0.1, 1)), "accepted");
  EXPECT_EQ(refusal(profileCommand(10, 480)), "accepted");
  EXPECT_EQ(refusal(profileCommand(2.5, nullptr)), "accepted");
}

TEST(CommandLimits, FreeTextHasAMaximumLength) {
  EXPECT_EQ(refusal({{"type", "broadcast_notice"}, {"text", std::string(30000, 'x')}}),
            "command.text: expected a string of at most 500 characters, got 30000 characters");
  EXPECT_NE(refusal({{"type", "issue_ticket"}, {"item", "T-1"}, {"requestKey", std::string(10000, 'k')}}), "accepted");
  EXPECT_NE(refusal({{"type", "issue_ticket"}, {"item", ""}}), "accepted");
  EXPECT_NE(refusal({{"type", "pause_window"}, {"window", 1}, {"reason", std::string(201, 'r')}}), "accepted");
  EXPECT_NE(refusal({{"type", "transfer"}, {"window", 1}, {"to", {{"queue", std::string(65, 'q')}}}}), "accepted");
  EXPECT_EQ(refusal({{"type", "broadcast_notice"}, {"text", ""}}), "accepted");  // clears the notice
}

TEST(CommandLimits, TicketIdsAndAppointmentSlotsHaveRanges) {
  EXPECT_EQ(refusal({{"type", "reactivate"}, {"ticket", -1}}),
            "command.ticket: expected an integer from 1 to 9007199254740991, got -1");
  EXPECT_NE(refusal({{"type", "reactivate"}, {"ticket", 0}}), "accepted");
  EXPECT_NE(refusal({{"type", "cancel"}, {"ticket", 18446744073709551615ULL}}), "accepted");
  EXPECT_EQ(refusal({{"type", "issue_ticket"}, {"item", "T-1"}, {"appointmentSlot", -5}}),
            "command.appointmentSlot: expected an integer from 946684800000 to 4102444800000, got -5");
  EXPECT_EQ(refusal({{"type", "issue_ticket"}, {"item", "T-1"}, {"appointmentSlot", "9:30"}}),
            "command.appointmentSlot: expected an integer from 946684800000 to 4102444800000 or null, got a string of 4 "
            "characters");
  EXPECT_EQ(refusal({{"type", "issue_ticket"}, {"item", "T-1"}, {"appointmentSlot", nullptr}}), "accepted");
}

TEST(CommandLimits, ATransferTargetsWindowIsAWindowNumber) {
  EXPECT_EQ(refusal({{"type", "transfer"}, {"window", 1}, {"to", {{"window", -5}}}}),
            "command.to.window: expected an integer from 1 to 999, got -5");
}

TEST(CommandLimits, ADefinitionIsHeldToTheHallFilesRanges) {
  json definition = toJson(sampleDefinition());
  definition["rules"]["recallLimit"] = 1000;
  EXPECT_EQ(refusal({{"type", "update_definition"}, {"definition", definition}}),
            "command.definition.rules.recallLimit: expected an integer from 0 to 99, got 1000");
  definition = toJson(sampleDefinition());
  definition["windows"][0]["profile"]["entries"][0]["weight"] = 0;
  EXPECT_NE(refusal({{"type", "update_definition"}, {"definition", definition}}), "accepted");
  definition = toJson(sampleDefinition());
  definition["rules"]["evaluationTimeoutMinutes"] = 0;  // "at the next tick": tests shorten rules so
  EXPECT_EQ(refusal({{"type", "update_definition"}, {"definition", definition}}), "accepted");
}

// Found by the handler fuzzer: a window without a profile was taken as an empty profile,
// which the same codec then refused to read back.
TEST(CommandLimits, ADefinitionsWindowNeedsItsProfileAsInTheHallFile) {
  json definition = toJson(sampleDefinition());
  definition["windows"][0].erase("profile");
  const std::string absent = refusal({{"type", "update_definition"}, {"definition", definition}});
  EXPECT_NE(absent.find("command.definition.windows[0].profile"), std::string::npos) << absent;
  definition["windows"][0]["profile"] = {{"entries", json::array()}};
  const std::string empty = refusal({{"type", "update_definition"}, {"definition", definition}});
  EXPECT_NE(empty.find("expected an array of 1 to 50 entries"), std::string::npos) << empty;
}

TEST(CommandLimits, TheJournalIsReadWithoutLimits) {
  // A profile change journaled before the limits existed still replays.
  core::WorkProfile old{{core::ProfileEntry{"general", 50.0, core::Minutes{1000}, false}}};
  const auto event = eventFromJson(toJson(Event{ev::ProfileChanged{at(1), 2, old}}));
  ASSERT_TRUE(event.ok()) << event.error().en;
  EXPECT_EQ(std::get<ev::ProfileChanged>(event.value()).profile, old);
}

json acceptCase(json applicant, json materials) {
  return json{{"type", "accept_case"}, {"window", 1}, {"item", "T-1"}, {"applicant", applicant},
              {"materials", materials}};
}

TEST(CommandLimits, CaseFieldsHaveTheirRanges) {
  const json zhang{{"name", "张三"}, {"idNumber", "370102199001011234"}, {"phone", "13812345678"}};
  const json oneMaterial = json::array({{{"name", "身份证"}, {"status", "received"}}});
  EXPECT_EQ(refusal(acceptCase(zhang, oneMaterial)), "accepted");
  EXPECT_EQ(refusal(acceptCase({{"name", ""}}, oneMaterial)),
            "command.applicant.name: expected a string of 1 to 50 characters, got 0 characters");
  EXPECT_EQ(refusal(acceptCase({{"name", "张三"}, {"idNumber", std::string(33, '1')}}, oneMaterial)),
            "command.applicant.idNumber: expected a string of at most 32 characters, got 33 characters");
  EXPECT_EQ(refusal(acceptCase({{"name", "张三"}, {"phone", 13812345678LL}}, oneMaterial)),
            "command.applicant.phone: expected a string of at most 20 characters, got 13812345678");
  EXPECT_EQ(refusal(acceptCase(zhang, json::array({{{"name", "身份证"}, {"status", "lost"}}}))),
            "command.materials[0].status: unknown value \"lost\"");
  EXPECT_EQ(refusal({{"type", "collect_case"}, {"window", 4}, {"case", ""}, {"collectedBy", "李四"}}),
            "command.case: expected a string of 1 to 40 characters, got 0 characters");
  EXPECT_EQ(refusal({{"type", "supply_case_materials"}, {"window", 4}, {"case", "X-1"}, {"received", json::array()}}),
            "command.received: expected an array of 1 to 50 entries, got 0 entries");
  EXPECT_EQ(refusal({{"type", "reject_case"}, {"window", 4}, {"case", "X-1"}, {"reason", std::string(501, 'r')}}),
            "command.reason: expected a string of at most 500 characters, got 501 characters");
  EXPECT_EQ(refusal({{"type", "decide_case"}, {"window", 4}, {"case", "X-1"}, {"outcome", "maybe"}}),
            "command.outcome: unknown value \"maybe\"");
}

}  // namespace
}  // namespace jiujin::protocol
