// The last resort: an exception inside the dispatcher while it serves one request is answered
// `internal` under that request's id, the rest of the batch is served, and the hall stays
// equal to its journal — nothing half-done is kept, nothing of the others is lost.
#include <gtest/gtest.h>

#include <stdexcept>

#include "jiujin/protocol/json_codec.hpp"
#include "support/handler_on_disk.hpp"
#include "support/test_hall.hpp"
#include "support/one_window_hall.hpp"

namespace jiujin::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using service::detail::BatchOutput;
using service::detail::RequestHandler;

const core::TimePoint kMorning = core::TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 11 / 23}} + 9h;

core::HallDefinition oneQueueHall() { return jiujin::testing::oneWindowHall(); }

class LastResort : public ::testing::Test {
 protected:
  LastResort() {
    settings.definition = oneQueueHall();
    settings.database = dir.path() / "hall.db";
    settings.synchronousFull = false;
    settings.clock = [] { return kMorning; };
    // reload_config calls this: the one part of a request a test can make fail on purpose.
    settings.reload = []() -> service::Outcome<service::ReloadedHall> { throw std::runtime_error("disk on fire"); };
    handler = openHandler(settings);
  }

  void send(const std::string& id, const std::string& type, const json& body) {
    std::vector<zmq::message_t> envelope;
    envelope.emplace_back(id.data(), id.size());  // a routing id per request: replies are told apart by it
    const std::string frame =
        json{{"v", 1}, {"id", id}, {"type", type}, {"body", body}, {"as", {{"role", "admin"}, {"name", "t"}}}}.dump();
    handler->handle(std::move(envelope), frame, "");
  }

  /// The replies of a batch by request id.
  static std::map<std::string, json> byId(const BatchOutput& out) {
    std::map<std::string, json> replies;
    for (const auto& r : out.replies) {
      const json reply = json::parse(r.text);
      replies[reply["id"].get<std::string>()] = reply;
    }
    return replies;
  }

  json stateNow() {
    handler->beginBatch(kMorning, false);
    send("snapshot", "snapshot", json::object());
    return byId(handler->commitBatch())["snapshot"]["result"]["state"];
  }

  /// The hall as its journal has it, read by a fresh handler after this one is gone.
  json stateFromTheJournal() {
    handler.reset();
    handler = openHandler(settings);
    return stateNow();
  }

  TempDir dir;
  service::ServiceSettings settings;
  std::unique_ptr<RequestHandler> handler;
};

TEST_F(LastResort, AFailingRequestIsAnsweredInternalAndTheRestOfItsBatchIsServed) {
  handler->beginBatch(kMorning, true);  // opens the day: events before any request
  send("first", "issue_ticket", {{"item", "T-1"}});
  send("boom", "reload_config", json::object());
  send("last", "issue_ticket", {{"item", "T-1"}});
  const auto replies = byId(handler->commitBatch());

  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies.at("boom")["ok"], false);
  EXPECT_EQ(replies.at("boom")["error"]["code"], "internal");
  EXPECT_EQ(replies.at("first")["result"]["ticket"]["number"], "A001");
  EXPECT_EQ(replies.at("last")["result"]["ticket"]["number"], "A002");
  // The events the others produced are journaled once each, in order, without a gap.
  EXPECT_EQ(replies.at("last")["result"]["seq"].get<int>(), replies.at("first")["result"]["seq"].get<int>() + 1);

  const json memory = stateNow();
  EXPECT_EQ(memory["tickets"].size(), 2u);
  EXPECT_EQ(stateFromTheJournal(), memory);
}

TEST_F(LastResort, TheDispatcherGoesOnServingAfterAFailure) {
  handler->beginBatch(kMorning, true);
  send("boom", "reload_config", json::object());
  EXPECT_EQ(byId(handler->commitBatch()).at("boom")["error"]["code"], "internal");

  handler->beginBatch(kMorning + 1s, false);
  send("after", "issue_ticket", {{"item", "T-1"}});
  send("boom-again", "reload_config", json::object());
  const auto replies = byId(handler->commitBatch());
  EXPECT_EQ(replies.at("after")["result"]["ticket"]["number"], "A001");
  EXPECT_EQ(replies.at("boom-again")["error"]["code"], "internal");
}

TEST_F(LastResort, AnAbandonedTurnAnswersEveryoneAndPutsTheHallBackToItsJournal) {
  handler->beginBatch(kMorning, true);
  send("kept", "issue_ticket", {{"item", "T-1"}});
  (void)handler->commitBatch();

  // Executed on the hall, not yet committed: then the turn fails outside any request.
  handler->beginBatch(kMorning + 1s, false);
  send("lost", "issue_ticket", {{"item", "T-1"}});
  const auto abandoned = byId(handler->abandonBatch("test"));
  ASSERT_EQ(abandoned.size(), 1u);
  EXPECT_EQ(abandoned.at("lost")["error"]["code"], "internal");

  const json memory = stateNow();
  EXPECT_EQ(memory["tickets"].size(), 1u);
  // The number A002 was never given out: the next ticket gets it.
  handler->beginBatch(kMorning + 2s, false);
  send("next", "issue_ticket", {{"item", "T-1"}});
  EXPECT_EQ(byId(handler->commitBatch()).at("next")["result"]["ticket"]["number"], "A002");
  const json now = stateNow();
  EXPECT_EQ(stateFromTheJournal(), now);
}

}  // namespace
}  // namespace jiujin::testing
