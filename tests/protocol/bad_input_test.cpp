// Bad input from a client or a damaged journal gives an InvalidArgument error that names
// the field, never an exception or a crash.
#include <random>

#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"
#include "sample_values.hpp"

namespace jiujin::protocol {
namespace {

using namespace jiujin::testing;
using nlohmann::json;

template <typename R> std::string errorText(const R& r) { return r.ok() ? "" : r.error().en; }

TEST(BadInput, MissingFieldIsNamedInTheError) {
  const auto r = commandFromJson(json{{"type", "call_next"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_EQ(r.error().en, "command.window: missing field");
  EXPECT_NE(r.error().zh.find("command.window"), std::string::npos);
}

TEST(BadInput, WrongTypeIsNamedInTheError) {
  const auto r = commandFromJson(json{{"type", "call_next"}, {"window", "three"}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().en, "command.window: expected an integer from 1 to 999, got a string of 5 characters");
  // A field without a limit says its type.
  EXPECT_EQ(commandFromJson(json{{"type", "evaluate"}, {"window", 1}, {"rating", 5}}).error().en,
            "command.rating: expected a string");
}

TEST(BadInput, NestedFieldErrorCarriesTheFullPath) {
  json j = toJson(Event{ev::TicketIssued{at(1), sampleTicket()}});
  j["ticket"]["history"][1]["state"] = "teleported";
  const auto r = eventFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().en, "event.ticket.history[1].state: unknown value \"teleported\"");
}

TEST(BadInput, UnknownTypeListsTheKnownOnes) {
  const auto r = commandFromJson(json{{"type", "launch_rocket"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(errorText(r).find("command.type: unknown type \"launch_rocket\""), std::string::npos);
  EXPECT_NE(errorText(r).find("call_next"), std::string::npos);
}

TEST(BadInput, NonObjectsAreRefused) {
  for (const json& j : {json(nullptr), json(3), json("call_next"), json::array({1, 2})}) {
    EXPECT_FALSE(commandFromJson(j).ok()) << j.dump();
    EXPECT_FALSE(eventFromJson(j).ok()) << j.dump();
    EXPECT_FALSE(hallStateFromJson(j).ok()) << j.dump();
  }
}

TEST(BadInput, NumbersOutOfRangeAreRefused) {
  EXPECT_EQ(errorText(commandFromJson(json{{"type", "call_next"}, {"window", 1LL << 40}})),
            "command.window: expected an integer from 1 to 999, got 1099511627776");
  EXPECT_EQ(errorText(commandFromJson(json{{"type", "reactivate"}, {"ticket", -1}})),
            "command.ticket: expected an integer from 1 to 9007199254740991, got -1");
  // Where the journal has no limit, the type's own range still holds.
  EXPECT_EQ(errorText(eventFromJson(json{{"type", "window.opened"}, {"at", 1}, {"window", 1LL << 40}})),
            "event.window: number out of range");
  EXPECT_FALSE(commandFromJson(json{{"type", "call_next"}, {"window", 2.5}}).ok());
}

TEST(BadInput, MalformedDatesAreRefused) {
  for (const char* text : {"2024-02-30", "2024-3-15", "20240315", "2024-13-01", "abcd-ef-gh", "", "+024-01-01"}) {
    EXPECT_FALSE(dateFromString(text).ok()) << text;
    EXPECT_FALSE(commandFromJson(json{{"type", "open_day"}, {"date", text}}).ok()) << text;
  }
}

TEST(BadInput, TransferTargetNeedsExactlyOneKind) {
  EXPECT_FALSE(transferTargetFromJson(json::object()).ok());
  EXPECT_FALSE(transferTargetFromJson(json{{"queue", "a"}, {"window", 1}}).ok());
  EXPECT_FALSE(transferTargetFromJson(json{{"kind", "nowhere"}}).ok());
}

TEST(BadInput, DuplicateTicketsInAStateAreRefused) {
  json j = toJson(sampleState());
  j["tickets"].push_back(j["tickets"][0]);
  const auto r = hallStateFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(errorText(r).find("duplicate"), std::string::npos);
}

// Every way of damaging one field of a valid encoding must give a value, not a crash.
TEST(BadInput, RandomlyDamagedEncodingsNeverThrow) {
  std::mt19937 random{20240315};
  const std::vector<json> replacements{json(nullptr), json(-1), json(1e300), json("x"), json::array(),
                                       json::object(), json(true), json(18446744073709551615ULL)};
  std::vector<json> valid;
  for (const auto& e : everyEvent()) valid.push_back(toJson(e));
  for (const auto& c : everyCommand()) valid.push_back(toJson(c));
  valid.push_back(toJson(sampleState()));

  for (int round = 0; round < 2000; ++round) {
    json j = valid[random() % valid.size()];
    // Walk down to a random leaf-ish place and damage it.
    json* node = &j;
    while ((node->is_object() || node->is_array()) && !node->empty() && random() % 3 != 0) {
      auto it = node->begin();
      std::advance(it, static_cast<long>(random() % node->size()));
      node = &*it;
    }
    if (random() % 4 == 0 && node->is_object() && !node->empty()) {
      node->erase(node->begin());
    } else {
      *node = replacements[random() % replacements.size()];
    }
    EXPECT_NO_THROW({
      (void)commandFromJson(j);
      (void)eventFromJson(j);
      (void)hallStateFromJson(j);
    });
  }
}

}  // namespace
}  // namespace jiujin::protocol
