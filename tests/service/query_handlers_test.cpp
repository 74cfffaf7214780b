// Each of the service's queries on its own (dispatcher/service/src/queries.hpp): a real hall on
// a temporary SQLite file, no handler, no sockets. What the query answers, and what it leaves
// for the batch (news, alarms).
#include <gtest/gtest.h>

#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/durable_hall.hpp"
#include "queries.hpp"
#include "support/test_hall.hpp"
#include "support/one_window_hall.hpp"

namespace jiujin::service::detail {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

const core::TimePoint kMorning = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 9h;

core::HallDefinition oneWindowHall() { return jiujin::testing::oneWindowHall(); }

class Queries : public ::testing::Test {
 protected:
  Queries() {
    auto opened = DurableHall::open(dir.path() / "hall.db", oneWindowHall(), false);
    EXPECT_TRUE(opened.ok());
    durable = std::move(opened).value();
    alarmBook = std::make_unique<AlarmBook>(durable->store());
    bookings = std::make_unique<BookingDesk>(durable->store(), core::BookingRules{}, "key");
    clerks.emplace("c01", ClerkEntry{"c01", "hash", {}});
    hall().execute(core::cmd::OpenDay{core::dateOf(kMorning)}, kMorning);
  }

  core::Hall& hall() { return durable->hall(); }

  Outcome<json> ask(QueryHandler handler, const json& body, const ClientIdentity& who = manager) {
    QueryContext context{who,         kMorning, hall(),   7,      epoch, durable->store(), *alarmBook, alarms,
                         devices,     configured, throttle, clerks, news,  raised, tokens, *bookings};
    return handler(body, context);
  }

  std::string refusalOf(QueryHandler handler, const json& body, const ClientIdentity& who = manager) {
    const auto outcome = ask(handler, body, who);
    return outcome.ok() ? "ok" : outcome.error().code;
  }

  void issueTicket() { ASSERT_TRUE(hall().execute(core::cmd::IssueTicket{"T-1"}, kMorning).ok()); }

  static inline const ClientIdentity manager{"loopback:m", Role::Manager, {}, false};
  jiujin::testing::TempDir dir;
  std::unique_ptr<DurableHall> durable;
  std::unique_ptr<AlarmBook> alarmBook;
  std::unique_ptr<BookingDesk> bookings;
  const std::string epoch = "test-epoch";
  AlarmDesk alarms;
  DeviceTable devices;
  std::vector<ConfiguredDevice> configured{{"kp-1", "keypad", 1, "rs485-1"}};
  PinThrottle throttle;
  TicketTokens tokens{std::string(TicketTokens::kKeyBytes, 'k')};
  std::map<core::ClerkId, ClerkEntry> clerks;
  std::vector<std::pair<std::string, json>> news;
  std::vector<Alarm> raised;
};

TEST_F(Queries, HelloTellsTheClientWhoTheServiceThinksItIs) {
  const ClientIdentity console{"console-w1", Role::Console, {1}, true};
  const auto hello = ask(serveHello, json::object(), console);
  ASSERT_TRUE(hello.ok());
  EXPECT_EQ(hello.value()["client"], "console-w1");
  EXPECT_EQ(hello.value()["role"], "console");
  EXPECT_EQ(hello.value()["windows"], json::array({1}));
  EXPECT_EQ(hello.value()["hall"], "测试站");
  EXPECT_EQ(hello.value()["epoch"], "test-epoch");
}

TEST_F(Queries, QueriesWithoutFieldsRefuseAnyField) {
  for (QueryHandler handler : {serveHello, servePing, serveSnapshot, serveItems})
    EXPECT_EQ(refusalOf(handler, json{{"extra", 1}}), "invalid_argument");
}

TEST_F(Queries, PingCarriesTheSeqTheBatchWillReach) {
  const auto ping = ask(servePing, json::object());
  ASSERT_TRUE(ping.ok());
  EXPECT_EQ(ping.value()["seq"], 7);
  EXPECT_EQ(ping.value()["at"], kMorning.time_since_epoch().count());
}

TEST_F(Queries, SnapshotHoldsTheDefinitionTheStateAndTheDevices) {
  issueTicket();
  const auto snapshot = ask(serveSnapshot, json::object());
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ(snapshot.value()["seq"], 7);
  EXPECT_EQ(snapshot.value()["definition"]["name"], "测试站");
  EXPECT_EQ(snapshot.value()["state"], protocol::toJson(hall().state()));
  EXPECT_TRUE(snapshot.value()["alarms"].is_array());
}

TEST_F(Queries, ItemsListTheCatalogWithItsWaits) {
  const auto items = ask(serveItems, json::object());
  ASSERT_TRUE(items.ok());
  EXPECT_NE(items.value().dump().find("T-1"), std::string::npos);
}

TEST_F(Queries, EstimateCountsThePeopleAheadAndRefusesAnUnknownItem) {
  issueTicket();
  const auto estimate = ask(serveEstimate, json{{"item", "T-1"}});
  ASSERT_TRUE(estimate.ok());
  EXPECT_EQ(estimate.value()["people_ahead"], 1);
  EXPECT_EQ(refusalOf(serveEstimate, json{{"item", "X-9"}}), "not_found");
}

TEST_F(Queries, TicketStatusFindsATicketByItsNumber) {
  issueTicket();
  const auto status = ask(serveTicketStatus, json{{"number", "A001"}});
  ASSERT_TRUE(status.ok()) << status.error().en;
  EXPECT_EQ(status.value()["ticket"]["number"], "A001");
  EXPECT_EQ(status.value()["people_ahead"], 0);
  EXPECT_EQ(refusalOf(serveTicketStatus, json{{"number", "A999"}}), "not_found");
}

TEST_F(Queries, ADeviceReportIsNewsOnlyWhenTheStatusChanges) {
  const json report{{"device", "kp-1"}, {"kind", "keypad"}, {"status", "online"}};
  const ClientIdentity gateway{"gateway", Role::Devices, {1}, true};
  ASSERT_TRUE(ask(serveDeviceReport, report, gateway).ok());
  EXPECT_EQ(ask(serveDeviceReport, report, gateway).value()["changed"], false);
  const auto offline = ask(serveDeviceReport, json{{"device", "kp-1"}, {"kind", "keypad"}, {"status", "offline"}}, gateway);
  ASSERT_TRUE(offline.ok());
  EXPECT_EQ(offline.value()["changed"], true);
  ASSERT_FALSE(news.empty());
  EXPECT_EQ(news.back().first, "device.offline");
  EXPECT_EQ(devices.devices().at("kp-1").reportedBy, "gateway");
}

TEST_F(Queries, AGatewayMayNotReportADeviceOfAnotherGatewaysWindow) {
  const ClientIdentity otherGateway{"gateway-2", Role::Devices, {5}, true};
  EXPECT_EQ(refusalOf(serveDeviceReport, json{{"device", "kp-1"}, {"kind", "keypad"}, {"status", "online"}},
                      otherGateway),
            "forbidden");
  EXPECT_TRUE(devices.devices().empty());
}

TEST_F(Queries, APrinterOutOfPaperRaisesAnAlarmForTheBatch) {
  const auto out = ask(servePrinterStatus, json{{"device", "kiosk-1/printer"}, {"status", "out"}});
  ASSERT_TRUE(out.ok()) << out.error().en;
  EXPECT_EQ(out.value()["changed"], true);
  EXPECT_EQ(raised.size(), 1u);
  EXPECT_EQ(refusalOf(servePrinterStatus, json{{"device", "kiosk-1"}, {"status", "ok"}}), "invalid_argument");
}

TEST_F(Queries, AcknowledgingAnUnknownAlarmIsNotFoundAndNothingIsNews) {
  EXPECT_EQ(refusalOf(serveAcknowledgeAlarm, json{{"alarm", 42}}), "not_found");
  EXPECT_EQ(refusalOf(serveCloseFollowUp, json{{"alarm", 42}, {"note", "已回访"}}), "not_found");
  EXPECT_TRUE(news.empty());
}

TEST_F(Queries, AcknowledgingAnAlarmIsNewsForEveryMonitor) {
  std::vector<Alarm> recorded{Alarm{.kind = "device_offline", .at = kMorning, .zh = "离线", .en = "offline"}};
  ASSERT_TRUE(alarmBook->record(recorded).ok());
  const auto acknowledged = ask(serveAcknowledgeAlarm, json{{"alarm", recorded.front().id}});
  ASSERT_TRUE(acknowledged.ok()) << acknowledged.error().en;
  EXPECT_EQ(acknowledged.value()["alarm"]["acknowledged"]["by"], "loopback:m");
  ASSERT_EQ(news.size(), 1u);
  EXPECT_EQ(news.front().first, "alarm.updated");
}

TEST_F(Queries, AnAuditExportOfAnEmptyRecordStartsTheChainAndIsIntact) {
  const auto exported = ask(serveAuditExport, json{{"verify", true}});
  ASSERT_TRUE(exported.ok()) << exported.error().en;
  EXPECT_EQ(exported.value()["rows"], json::array());
  EXPECT_TRUE(exported.value()["previous_hash"].is_string());  // the chain's starting hash
  EXPECT_EQ(exported.value()["verification"]["intact"], true);
}

TEST_F(Queries, UnlockingAClerkSaysWhetherItWasLocked) {
  const auto unlocked = ask(serveUnlockClerk, json{{"clerk", "c01"}});
  ASSERT_TRUE(unlocked.ok());
  EXPECT_EQ(unlocked.value()["was_locked"], false);
  EXPECT_EQ(refusalOf(serveUnlockClerk, json{{"clerk", "c99"}}), "not_found");
}

TEST(QueryTable, EveryQueryHasAHandlerButTheThreeTheRequestHandlerServes) {
  for (const std::string& type : serviceRequestTypes()) {
    const ServiceRequest request = *serviceRequestFromType(type);
    // Statistics and confirm_clerk are answered off the command thread, reload_config in the batch.
    const bool servedByTheHandler = request == ServiceRequest::Statistics || request == ServiceRequest::ReloadConfig ||
                                    request == ServiceRequest::ConfirmClerk || request == ServiceRequest::ManagerLogin ||
                                    request == ServiceRequest::ManagerLogout || request == ServiceRequest::CheckIn;
    EXPECT_EQ(queryHandlerFor(request) == nullptr, servedByTheHandler) << type;
  }
}

TEST(QueryTable, OnlyReadsAreQuiet) {
  EXPECT_TRUE(isQuietRead(ServiceRequest::Snapshot));
  EXPECT_TRUE(isQuietRead(ServiceRequest::Statistics));
  EXPECT_FALSE(isQuietRead(ServiceRequest::DeviceReport));
  EXPECT_FALSE(isQuietRead(ServiceRequest::AcknowledgeAlarm));
  EXPECT_FALSE(isQuietRead(ServiceRequest::ReloadConfig));
  EXPECT_FALSE(isQuietRead(ServiceRequest::ConfirmClerk)) << "who confirmed a session is audited";
  EXPECT_FALSE(isQuietRead(ServiceRequest::ManagerLogin)) << "who logged in at a monitor is audited";
}

}  // namespace
}  // namespace jiujin::service::detail
