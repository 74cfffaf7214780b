// Nothing a client sends can stop the hall: every field of every command and service request,
// given every JSON kind it does not take, and every value outside its range, is refused with
// an error that names the field — and afterwards the real dispatcher still answers and the
// hall is exactly as it was. The requests come from one table (support/request_table.hpp)
// that must name every type the dispatcher knows and every type docs/protocol.md lists.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <zmq_addon.hpp>

#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/policy.hpp"
#include "support/request_table.hpp"
#include "support/running_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

template <std::size_t... I>
std::set<std::string> commandTypes(std::index_sequence<I...>) {
  return {protocol::commandType(core::Command{std::in_place_index<I>})...};
}

/// Every request type the dispatcher knows: the core's commands and the service's requests.
std::set<std::string> typesTheDispatcherKnows() {
  auto types = commandTypes(std::make_index_sequence<std::variant_size_v<core::Command>>{});
  for (const auto& t : service::serviceRequestTypes()) types.insert(t);
  return types;
}

std::set<std::string> typesInTheTable() {
  std::set<std::string> types;
  for (const auto& r : everyRequest()) types.insert(r.type);
  return types;
}

std::string sourceDir();

std::string protocolDoc() {
  std::ifstream in(sourceDir() + "/docs/protocol.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The rows of the two request tables in docs/protocol.md ("## Commands", "## Service
/// requests"), by type: "| `call_next` | `window`: … | … |".
std::map<std::string, std::string> documentedRows() {
  std::map<std::string, std::string> rows;
  std::istringstream doc(protocolDoc());
  const std::regex firstCell(R"(^\| ((`[a-z_]+`( / )?)+) \|)");
  const std::regex name("`([a-z_]+)`");
  bool inRequestTable = false;
  for (std::string line; std::getline(doc, line);) {
    if (line.starts_with("## ") || line.starts_with("### ")) {
      inRequestTable = line.starts_with("## Commands") || line.starts_with("## Service requests");
      continue;
    }
    std::smatch cell;
    if (!inRequestTable || !std::regex_search(line, cell, firstCell)) continue;
    const std::string names = cell[1];
    for (auto it = std::sregex_iterator(names.begin(), names.end(), name); it != std::sregex_iterator(); ++it)
      rows[(*it)[1]] += line;
  }
  return rows;
}

/// The top-level field of a path: "profile" of "profile.entries[0].weight".
std::string topField(const std::string& path) { return path.substr(0, path.find_first_of(".[")); }

TEST(RequestTable, NamesEveryTypeTheDispatcherKnows) {
  EXPECT_EQ(typesInTheTable(), typesTheDispatcherKnows());
}

TEST(RequestTable, EveryRequestAndFieldIsInTheProtocolDocument) {
  const auto rows = documentedRows();
  for (const auto& request : everyRequest()) {
    const auto row = rows.find(request.type);
    ASSERT_NE(row, rows.end()) << request.type << " has no row in docs/protocol.md";
    for (const auto& field : request.fields) {
      EXPECT_NE(row->second.find("`" + topField(field.path) + "`"), std::string::npos)
          << request.type << "." << field.path << " is not in its row of docs/protocol.md";
    }
  }
  for (const auto& [type, row] : rows) {
    EXPECT_TRUE(typesTheDispatcherKnows().contains(type)) << type << " is documented but the dispatcher does not know it";
  }
}

std::string sourceDir() {
  const char* source = std::getenv("JIUJIN_SOURCE_DIR");
  return source ? source : JIUJIN_SOURCE_DIR;
}

TEST(RequestTable, TheFuzzCorpusSeedsEveryType) {
  std::set<std::string> seeded;
  for (const auto& file : std::filesystem::directory_iterator(sourceDir() + "/tests/service/fuzz_corpus")) {
    std::ifstream in(file.path());
    for (std::string line; std::getline(in, line);) {
      const json request = json::parse(line, nullptr, false);
      if (request.is_object() && request.contains("type")) seeded.insert(request["type"].get<std::string>());
    }
  }
  for (const auto& type : typesTheDispatcherKnows()) EXPECT_TRUE(seeded.contains(type)) << type << " has no seed";
}

/// A hall with something in it, and an administrator who may send everything.
class RequestFields : public ::testing::Test {
 protected:
  void SetUp() override {
    admin = hall.channel(hall.as("admin"));
    auto kiosk = hall.channel(hall.as("kiosk"));
    ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0001"}, {"requestKey", "fields-1"}})), "ok");
    ASSERT_EQ(outcomeOf(kiosk->request("issue_ticket", {{"item", "T-0003"}, {"priority", "elderly"}})), "ok");
    ASSERT_EQ(outcomeOf(admin->request("device_report", {{"device", "w1-pad"}, {"kind", "eval_pad"}, {"status", "online"}})),
              "ok");
    ASSERT_EQ(outcomeOf(admin->request("broadcast_notice", {{"text", "今日延时服务至19:00"}})), "ok");
    before = hallNow();
    ASSERT_FALSE(before.is_null());
  }

  /// What must not change: the hall's state and journal position, devices and alarms.
  json hallNow() {
    const auto snapshot = admin->request("snapshot");
    if (!snapshot.ok) return nullptr;
    return json{{"seq", snapshot.result["seq"]},
                {"state", snapshot.result["state"]},
                {"devices", snapshot.result["devices"]},
                {"alarms", snapshot.result["alarms"]}};
  }

  /// Sends `body`; the reply must be a refusal with `code` whose message names `field`; the
  /// dispatcher must answer a ping afterwards and the hall must be as it was.
  void expectRefused(const std::string& type, const json& body, const std::string& field,
                     const std::string& code = "invalid_argument") {
    SCOPED_TRACE(fmt::format("{} {}", type, body.dump()));
    const auto reply = admin->request(type, body);
    EXPECT_FALSE(reply.ok);
    EXPECT_EQ(reply.error.code, code) << reply.error.en;
    EXPECT_NE(reply.error.en.find(field), std::string::npos) << "the error does not name " << field << ": " << reply.error.en;
    const auto ping = admin->request("ping");
    ASSERT_TRUE(ping.ok) << "the dispatcher no longer answers: " << outcomeOf(ping);
    EXPECT_EQ(hallNow(), before) << "the hall changed";
  }

  RunningHall hall;
  std::unique_ptr<client::CommandChannel> admin;
  json before;
};

TEST_F(RequestFields, EveryFieldGivenEveryWrongKindIsRefusedNamingTheField) {
  int refused = 0;
  for (const auto& request : everyRequest()) {
    for (const auto& field : request.fields) {
      for (const JsonKind kind : everyJsonKind()) {
        if (field.accepted.contains(kind)) continue;
        SCOPED_TRACE(fmt::format("{}.{} as {}", request.type, field.path, toString(kind)));
        expectRefused(request.type, withField(request.body, field.path, sampleOf(kind)), field.path);
        ++refused;
      }
    }
  }
  // Every field has at least four wrong kinds: a table that shrank would show here.
  EXPECT_GT(refused, 300);
}

TEST_F(RequestFields, AnUnknownFieldIsRefusedForEveryRequest) {
  for (const auto& request : everyRequest()) {
    json body = request.body;
    body["bogus"] = 1;
    expectRefused(request.type, body, "bogus");
  }
  // Inside a command's nested objects too.
  expectRefused("set_work_profile",
                {{"window", 1}, {"profile", {{"entries", json::array({{{"queue", "general"}, {"wieght", 2}}})}}}},
                "profile.entries[0].wieght");
  expectRefused("transfer", {{"window", 1}, {"to", {{"queue", "social"}, {"also", "x"}}}}, "to.also");
}

TEST_F(RequestFields, TheIssuesCrashingAuditExportIsRefusedAndTheHallGoesOn) {
  for (const json& after : {json("0"), json(nullptr), json(true), json::array(), json::object()}) {
    expectRefused("audit_export", {{"after", after}}, "after");
  }
  for (const json& limit : {json("10"), json(nullptr), json(false), json::array({1}), json{{"n", 1}}}) {
    expectRefused("audit_export", {{"limit", limit}}, "limit");
  }
  for (const json& verify : {json("yes"), json(nullptr), json(1), json::array(), json::object()}) {
    expectRefused("audit_export", {{"verify", verify}}, "verify");
  }
}

TEST_F(RequestFields, ProfileWeightsMinutesAndEntriesOutsideTheirRangesAreRefused) {
  const auto entry = [](json weight, json minutes) {
    return json{{"window", 1},
                {"profile",
                 {{"entries", json::array({{{"queue", "general"}, {"weight", weight},
                                            {"onlyWhenOldestWaitsAtLeastMinutes", minutes}}})}}}};
  };
  expectRefused("set_work_profile", entry(1e308, nullptr), "weight");
  expectRefused("set_work_profile", entry(0.01, nullptr), "weight");
  expectRefused("set_work_profile", entry(10.5, nullptr), "weight");
  expectRefused("set_work_profile", entry(1.0, 0), "onlyWhenOldestWaitsAtLeastMinutes");
  expectRefused("set_work_profile", entry(1.0, 100000), "onlyWhenOldestWaitsAtLeastMinutes");
  expectRefused("set_work_profile", {{"window", 1}, {"profile", {{"entries", json::array()}}}}, "entries");
  expectRefused("set_work_profile", {{"window", 1000}, {"profile", entry(1.0, nullptr)["profile"]}}, "window");

  // The ends of the ranges are the hall file's, and accepted.
  const auto accepted = admin->request("set_work_profile", entry(0.1, 480));
  EXPECT_EQ(outcomeOf(accepted), "ok");
  EXPECT_EQ(outcomeOf(admin->request("set_work_profile", entry(10, 1))), "ok");
}

TEST_F(RequestFields, AuditExportRowsAndLimitsOutsideTheirRangesAreRefused) {
  expectRefused("audit_export", {{"after", -1}}, "after");
  expectRefused("audit_export", {{"after", 1.5}}, "after");
  expectRefused("audit_export", {{"after", 9223372036854775808ULL}}, "after");  // 2^63
  expectRefused("audit_export", {{"limit", 0}}, "limit");
  expectRefused("audit_export", {{"limit", 5001}}, "limit");
  expectRefused("audit_export", {{"limit", 1.8e19}}, "limit");
  expectRefused("audit_export", {{"limit", 18000000000000000000ULL}}, "limit");
  const auto edge = admin->request("audit_export", {{"after", 0}, {"limit", 5000}});
  ASSERT_EQ(outcomeOf(edge), "ok");
  EXPECT_FALSE(edge.result["rows"].empty());
}

TEST_F(RequestFields, DeviceReportsForUnknownDevicesOrWindowsAreRefused) {
  expectRefused("device_report", {{"device", "ghost-1"}, {"kind", "keypad"}, {"status", "offline"}}, "ghost-1",
                "not_found");
  expectRefused("device_report", {{"device", "kp-1"}, {"kind", "keypad"}, {"window", -5}, {"status", "offline"}},
                "window");
  expectRefused("device_report", {{"device", "kp-1"}, {"kind", "keypad"}, {"window", 2}, {"status", "offline"}},
                "window");
  expectRefused("device_report", {{"device", "kp-1"}, {"kind", "eval_pad"}, {"status", "offline"}}, "kind");
  expectRefused("device_report", {{"device", "kp-1"}, {"kind", "keypad"}, {"bus", "rs485-9"}, {"status", "offline"}},
                "bus");
  expectRefused("printer_status", {{"device", "kiosk-1/printer"}, {"window", -5}, {"status", "out"}}, "window");
  expectRefused("printer_status", {{"device", "kiosk-1/printer"}, {"window", 42}, {"status", "out"}}, "window 42",
                "not_found");
  expectRefused("printer_status", {{"device", "kiosk-1"}, {"status", "out"}}, "device");
  expectRefused("device_report", {{"device", "kp-1"}, {"kind", "keypad"}, {"status", "offline"},
                                  {"detail", std::string(201, 'x')}}, "detail");
}

TEST_F(RequestFields, UnboundedTextIsRefused) {
  expectRefused("broadcast_notice", {{"text", std::string(30000, 'x')}}, "text");
  expectRefused("issue_ticket", {{"item", "T-0001"}, {"requestKey", std::string(10000, 'k')}}, "requestKey");
  expectRefused("transfer", {{"window", 1}, {"to", {{"queue", "social"}}}, {"note", std::string(501, 'n')}}, "note");
  expectRefused("pause_window", {{"window", 1}, {"reason", std::string(201, 'r')}}, "reason");
  expectRefused("cancel", {{"ticket", 1}, {"reason", std::string(201, 'r')}}, "reason");
  expectRefused("clerk_login", {{"window", 1}, {"clerk", std::string(65, 'c')}, {"pin", "1234"}}, "clerk");
  expectRefused("clerk_login", {{"window", 1}, {"clerk", "c01"}, {"pin", std::string(65, '1')}}, "pin");
  expectRefused("issue_ticket", {{"item", std::string(65, 'i')}}, "item");
  expectRefused("estimate", {{"item", std::string(65, 'i')}}, "item");
  expectRefused("ticket_status", {{"number", std::string(17, 'A')}}, "number");
  expectRefused("rate_ticket", {{"token", std::string(65, 'A')}, {"rating", "satisfied"}}, "token");
  expectRefused("rate_ticket", {{"token", ""}, {"rating", "satisfied"}}, "token");
  expectRefused("rate_ticket", {{"token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, {"rating", "great"}}, "rating");
  expectRefused("rate_ticket", {{"token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}, "rating");
  expectRefused("rate_ticket", {{"ticket", 1}, {"rating", "satisfied"}}, "ticket");
  expectRefused("close_follow_up", {{"alarm", 1}, {"note", std::string(501, 'n')}}, "note");

  // Lengths are counted in characters: 500 Chinese characters (1,500 bytes) are a notice.
  std::string notice;
  for (int i = 0; i < 500; ++i) notice += "通";
  EXPECT_EQ(outcomeOf(admin->request("broadcast_notice", {{"text", notice}})), "ok");
}

TEST_F(RequestFields, OutOfRangeNumbersOfCommandsAreRefused) {
  expectRefused("call_next", {{"window", 0}}, "window");
  expectRefused("call_next", {{"window", 1000}}, "window");
  expectRefused("reactivate", {{"ticket", 0}}, "ticket");
  expectRefused("pin_ticket", {{"window", 1}, {"ticket", 9007199254740992ULL}}, "ticket");
  expectRefused("issue_ticket", {{"item", "T-0001"}, {"channel", "appointment"}, {"appointmentSlot", -1}},
                "appointmentSlot");
  expectRefused("acknowledge_alarm", {{"alarm", 0}}, "alarm");
  expectRefused("ticket_status", {{"ticket", 1}, {"number", "A001"}}, "ticket");
}

/// The envelope is read as strictly: a wrong `as` or `type` is refused naming its field.
TEST_F(RequestFields, AWrongEnvelopeIsRefusedNamingTheField) {
  zmq::socket_t dealer(hall.context, zmq::socket_type::dealer);
  dealer.set(zmq::sockopt::linger, 0);
  dealer.connect(hall.commands);
  const auto ask = [&](const json& as, const std::string& type = "ping") {
    const std::string frame = json{{"v", 1}, {"id", "as-1"}, {"type", type}, {"as", as}}.dump();
    std::array<zmq::const_buffer, 2> parts{zmq::buffer(std::string_view()), zmq::buffer(frame)};
    EXPECT_TRUE(zmq::send_multipart(dealer, parts));
    std::vector<zmq::message_t> reply;
    zmq::pollitem_t item{dealer.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(10000)) == 0) return json();
    EXPECT_TRUE(zmq::recv_multipart(dealer, std::back_inserter(reply)));
    return json::parse(reply.back().to_string_view());
  };
  for (const json& window : {json("1"), json(1.5), json(-5), json(0), json(1000), json(nullptr), json::array()}) {
    const json reply = ask({{"role", "console"}, {"window", window}});
    ASSERT_TRUE(reply.is_object()) << "no answer";
    EXPECT_EQ(reply["id"], "as-1");
    EXPECT_EQ(reply["error"]["code"], "bad_request") << window.dump();
    EXPECT_NE(reply["error"]["en"].get<std::string>().find("as.window"), std::string::npos) << reply.dump();
  }
  const json longType = ask({{"role", "display"}}, std::string(10000, 't'));
  EXPECT_EQ(longType["error"]["code"], "bad_request");
  EXPECT_NE(longType["error"]["en"].get<std::string>().find("\"type\""), std::string::npos) << longType.dump();
  EXPECT_LT(longType.dump().size(), 1000u) << "the reply echoes the type";
  const json alive = ask({{"role", "display"}});
  EXPECT_EQ(alive["ok"], true);
  EXPECT_EQ(hallNow(), before);
}

}  // namespace
}  // namespace jiujin::testing
