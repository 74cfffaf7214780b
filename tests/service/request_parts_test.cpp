// The parts of a request's way through the dispatcher that stand alone: who is asking
// (client_identity), the opening hours (ticketing_hours), unknown fields (unknown_fields)
// and the replies kept for retries (reply_cache).
#include <gtest/gtest.h>

#include "client_identity.hpp"
#include "reply_cache.hpp"
#include "ticketing_hours.hpp"
#include "unknown_fields.hpp"

namespace jiujin::service::detail {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

const core::TimePoint kEvening = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 19h;

Request requestAs(json as) {
  Request r;
  r.id = "r1";
  r.type = "snapshot";
  r.as = std::move(as);
  return r;
}

std::string codeOf(const Outcome<ClientIdentity>& who) { return who.ok() ? "ok" : who.error().code; }

TEST(ClientIdentity, UnderCurveTheHallFileSaysWhoTheKeyIs) {
  const std::map<std::string, ClientEntry> clients{{"console-w3", ClientEntry{"console-w3", "key", Role::Console, {3}}}};
  const auto who = identify(requestAs(json{{"role", "admin"}}), "console-w3", true, clients);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who.value().role, Role::Console);  // what the request states does not count
  EXPECT_EQ(who.value().windows, std::set<core::WindowNumber>{3});
  EXPECT_TRUE(who.value().authenticated);
  EXPECT_EQ(codeOf(identify(requestAs(json()), "stranger", true, clients)), "forbidden");
}

TEST(ClientIdentity, OnLoopbackAProgramThatStatesNothingIsADisplay) {
  const auto who = identify(requestAs(json()), "", false, {});
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who.value().role, Role::Display);
  EXPECT_EQ(who.value().name, "loopback:anonymous");
  EXPECT_FALSE(who.value().authenticated);
}

TEST(ClientIdentity, OnLoopbackTheStatedRoleNameAndWindowAreTaken) {
  const auto who = identify(requestAs(json{{"role", "console"}, {"name", "w2"}, {"window", 2}}), "", false, {});
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who.value().role, Role::Console);
  EXPECT_EQ(who.value().name, "loopback:w2");
  EXPECT_EQ(who.value().windows, std::set<core::WindowNumber>{2});
}

TEST(ClientIdentity, OnLoopbackAMalformedStatementIsABadRequest) {
  EXPECT_EQ(codeOf(identify(requestAs(json{{"role", "mayor"}}), "", false, {})), "bad_request");
  EXPECT_EQ(codeOf(identify(requestAs(json{{"name", "x"}}), "", false, {})), "bad_request");
  EXPECT_EQ(codeOf(identify(requestAs(json{{"role", "console"}, {"window", 0}}), "", false, {})), "bad_request");
  EXPECT_EQ(codeOf(identify(requestAs(json{{"role", "console"}, {"desk", 1}}), "", false, {})), "bad_request");
  EXPECT_EQ(codeOf(identify(requestAs(json{{"role", "kiosk"}, {"name", std::string(65, 'x')}}), "", false, {})),
            "bad_request");
}

TicketingRule always(Ticketing::Kind kind) {
  return [kind](core::TimePoint) { return Ticketing{kind, "周一至周五 9:00-17:00", "Mon-Fri 9:00-17:00"}; };
}

TEST(TicketingHours, AResidentGetsNoTicketWhenTheHallIsClosed) {
  const ClientIdentity kiosk{"kiosk-1", Role::Kiosk, {}, true};
  const auto refusal = checkTicketingHours(core::cmd::IssueTicket{"T-1"}, kiosk, always(Ticketing::Kind::Closed), kEvening);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code, "outside_hours");
  EXPECT_NE(refusal->en.find("Mon-Fri 9:00-17:00"), std::string::npos);
}

TEST(TicketingHours, AManagerMayStillIssueAfterHours) {
  const ClientIdentity manager{"manager", Role::Manager, {}, true};
  EXPECT_FALSE(checkTicketingHours(core::cmd::IssueTicket{"T-1"}, manager, always(Ticketing::Kind::Closed), kEvening));
}

TEST(TicketingHours, AnAppointmentsOnlySessionTakesOnlyAppointments) {
  const ClientIdentity kiosk{"kiosk-1", Role::Kiosk, {}, true};
  const auto rule = always(Ticketing::Kind::AppointmentsOnly);
  EXPECT_EQ(checkTicketingHours(core::cmd::IssueTicket{"T-1"}, kiosk, rule, kEvening)->code, "appointments_only");
  core::cmd::IssueTicket withAppointment{"T-1"};
  withAppointment.appointmentSlot = kEvening;
  EXPECT_FALSE(checkTicketingHours(withAppointment, kiosk, rule, kEvening));
}

TEST(TicketingHours, OnlyTicketsAreBoundByTheHoursAndNoRuleMeansAnyTime) {
  const ClientIdentity kiosk{"kiosk-1", Role::Kiosk, {}, true};
  EXPECT_FALSE(checkTicketingHours(core::cmd::CallNext{1}, kiosk, always(Ticketing::Kind::Closed), kEvening));
  EXPECT_FALSE(checkTicketingHours(core::cmd::IssueTicket{"T-1"}, kiosk, TicketingRule{}, kEvening));
}

TEST(UnknownFields, AMisspeltFieldIsNamedWithItsPath) {
  const json decoded{{"window", 1}, {"profile", {{"entries", json::array({{{"queue", "A"}, {"weight", 1}}})}}}};
  const json body{{"window", 1}, {"profile", {{"entries", json::array({{{"queue", "A"}, {"wieght", 1}}})}}}};
  EXPECT_EQ(unknownField(body, decoded), "profile.entries[0].wieght");
  EXPECT_FALSE(unknownField(decoded, decoded));
}

TEST(UnknownFields, ANullFieldCountsAsAbsent) {
  EXPECT_FALSE(unknownField(json{{"window", 1}, {"note", nullptr}}, json{{"window", 1}}));
  EXPECT_EQ(unknownField(json{{"window", 1}, {"note", ""}}, json{{"window", 1}}), "note");
}

TEST(ReplyCache, ARetryGetsTheFirstReplyKeptUnderItsKey) {
  ReplyCache cache(2);
  const std::string key = replyKey("kiosk-1", "r1");
  cache.remember(key, "first");
  cache.remember(key, "second");
  ASSERT_NE(cache.find(key), nullptr);
  EXPECT_EQ(*cache.find(key), "first");
  EXPECT_EQ(cache.find(replyKey("kiosk-2", "r1")), nullptr);  // another client's r1 is another request
}

TEST(ReplyCache, TheOldestReplyGoesWhenTheCacheIsFull) {
  ReplyCache cache(2);
  cache.remember("a", "1");
  cache.remember("b", "2");
  cache.remember("c", "3");
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("b"), nullptr);
  EXPECT_NE(cache.find("c"), nullptr);
  cache.remember("", "no key");
  EXPECT_EQ(cache.find(""), nullptr);
}

}  // namespace
}  // namespace jiujin::service::detail
