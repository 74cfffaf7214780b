// The reader of service request bodies: every field checked for its type and its limit, the
// first problem kept and named, unknown fields refused — never an exception.
#include <gtest/gtest.h>

#include "jiujin/protocol/field_reader.hpp"

namespace jiujin::protocol {
namespace {

using nlohmann::json;

TEST(FieldReader, ReadsFieldsWithinTheirLimits) {
  const json body{{"after", 12}, {"verify", true}, {"note", "已回访"}, {"from", "2024-05-01"}, {"status", "offline"}};
  FieldReader reader(body, {"after", "limit", "verify", "note", "from", "status"});
  EXPECT_EQ(reader.integer("after", limits::kAuditAfter), 12);
  EXPECT_EQ(reader.integer("limit", limits::kAuditLimit), std::nullopt);  // left out
  EXPECT_EQ(reader.flag("verify"), true);
  EXPECT_EQ(reader.text("note", limits::kFollowUpNote), "已回访");
  EXPECT_EQ(reader.date("from"), core::Date{std::chrono::year{2024} / 5 / 1});
  EXPECT_EQ(reader.choice("status", {"online", "offline"}), "offline");
  EXPECT_FALSE(reader.error());
}

TEST(FieldReader, AWrongTypeNamesTheFieldAndWhatItExpects) {
  const json body{{"after", "0"}};
  FieldReader reader(body, {"after"});
  EXPECT_EQ(reader.integer("after", limits::kAuditAfter), std::nullopt);
  ASSERT_TRUE(reader.error());
  EXPECT_EQ(reader.error()->code, core::ErrorCode::InvalidArgument);
  EXPECT_EQ(reader.error()->en,
            "body.after: expected an integer from 0 to 9007199254740991, got a string of 1 characters");
  EXPECT_NE(reader.error()->zh.find("body.after"), std::string::npos);
}

TEST(FieldReader, ValuesOutsideTheRangeAreRefused) {
  for (const json& limit : {json(0), json(5001), json(-1), json(1.5), json(1.8e19), json(18446744073709551615ULL)}) {
    const json body{{"limit", limit}};
    FieldReader reader(body, {"limit"});
    EXPECT_EQ(reader.integer("limit", limits::kAuditLimit), std::nullopt) << limit.dump();
    ASSERT_TRUE(reader.error()) << limit.dump();
    EXPECT_TRUE(reader.error()->en.starts_with("body.limit: expected an integer from 1 to 5000, got ")) << reader.error()->en;
  }
}

TEST(FieldReader, TextLengthIsCountedInCharacters) {
  std::string fiveHundred;
  for (int i = 0; i < 500; ++i) fiveHundred += "访";
  const json fitting{{"note", fiveHundred}};
  FieldReader fits(fitting, {"note"});
  EXPECT_TRUE(fits.text("note", limits::kFollowUpNote).has_value());
  const json longer{{"note", fiveHundred + "x"}};
  FieldReader tooLong(longer, {"note"});
  EXPECT_EQ(tooLong.text("note", limits::kFollowUpNote), std::nullopt);
  EXPECT_EQ(tooLong.error()->en, "body.note: expected a string of 1 to 500 characters, got a string of 501 characters");
  const json nothing{{"note", ""}};
  FieldReader empty(nothing, {"note"});
  EXPECT_EQ(empty.text("note", limits::kFollowUpNote), std::nullopt);
}

TEST(FieldReader, NullIsAWrongTypeUnlessTheFieldMayBeNull) {
  const json verifyNull{{"verify", nullptr}};
  FieldReader strict(verifyNull, {"verify"});
  EXPECT_EQ(strict.flag("verify"), std::nullopt);
  EXPECT_EQ(strict.error()->en, "body.verify: expected true or false, got null");
  const json fromNull{{"from", nullptr}};
  FieldReader lenient(fromNull, {"from"});
  EXPECT_EQ(lenient.date("from", Presence::OptionalOrNull), std::nullopt);
  EXPECT_FALSE(lenient.error());
}

TEST(FieldReader, RequiredFieldsAndUnknownFieldsAreNamed) {
  const json none = json::object();
  FieldReader missing(none, {"alarm"});
  EXPECT_EQ(missing.integer("alarm", limits::kAlarmId, Presence::Required), std::nullopt);
  EXPECT_EQ(missing.error()->en, "body.alarm: missing field");
  const json coloured{{"alarm", 1}, {"colour", "red"}};
  FieldReader unknown(coloured, {"alarm"});
  EXPECT_EQ(unknown.error()->en, "body.colour: unknown field");
  const json list = json::array();
  FieldReader notAnObject(list, {});
  EXPECT_EQ(notAnObject.error()->en, "body: expected an object, got an array");
}

TEST(FieldReader, TheFirstProblemIsKeptAndLaterReadsGiveNothing) {
  const json body{{"after", -1}, {"limit", 10}};
  FieldReader reader(body, {"after", "limit"});
  EXPECT_EQ(reader.integer("after", limits::kAuditAfter), std::nullopt);
  EXPECT_EQ(reader.integer("limit", limits::kAuditLimit), std::nullopt);
  EXPECT_TRUE(reader.error()->en.starts_with("body.after:"));
}

TEST(FieldReader, AChoiceOutsideItsNamesListsThem) {
  const json body{{"status", "on fire"}};
  FieldReader reader(body, {"status"});
  EXPECT_EQ(reader.choice("status", {"online", "offline"}), std::nullopt);
  EXPECT_EQ(reader.error()->en, "body.status: expected one of online|offline, got a string of 7 characters");
}

TEST(FieldReader, ABadDateNamesTheField) {
  const json body{{"to", "2024-02-30"}};
  FieldReader reader(body, {"to"});
  EXPECT_EQ(reader.date("to"), std::nullopt);
  EXPECT_TRUE(reader.error()->en.starts_with("body.to:")) << reader.error()->en;
}

}  // namespace
}  // namespace jiujin::protocol
