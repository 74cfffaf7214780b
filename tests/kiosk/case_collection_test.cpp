// 领取办件结果 at the kiosk, against a dispatcher the test plays: a scanned or typed case number
// is looked up; a ready case gets a ticket in the issuing queue that names it, a case not ready
// is told so with its promised date and gets none.
#include "jiujin/kiosk/case_collection.hpp"

#include <QSignalSpy>
#include <QTranslator>
#include <gtest/gtest.h>

#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "test_hall.hpp"

namespace jiujin::kiosk {
namespace {

using nlohmann::json;

struct Sent {
  std::string type;
  json body;
  TicketIssuer::ReplyHandler done;
};

client::Reply caseReply(core::CaseState state, std::optional<core::Date> due) {
  core::Case c;
  c.id = 3;
  c.number = "370199101-20260403-0001";
  c.item = "370199-GG-0005";
  c.itemName = "老年优待证办理";
  c.applicant = {"张*", "3701**********1234", ""};
  c.state = state;
  c.dueDate = due;
  client::Reply r;
  r.ok = true;
  r.result = json{{"case", protocol::toJson(c)}};
  return r;
}

client::Reply failure(const std::string& code) {
  client::Reply r;
  r.error = {code, "没有该办件", "no such case"};
  return r;
}

constexpr auto kApril13 = std::chrono::year{2026} / 4 / 13;

TEST(CaseNumberFrom, AScannersTextIsTrimmedAndUpperCasedAndGarbageIsNoNumber) {
  EXPECT_EQ(caseNumberFrom(" 370199101-20260403-0001\r\n"), "370199101-20260403-0001");
  EXPECT_EQ(caseNumberFrom("bj-20260403-0012"), "BJ-20260403-0012");
  EXPECT_EQ(caseNumberFrom("A001"), "") << "a ticket number is not a case number";
  EXPECT_EQ(caseNumberFrom("370199101-2026043-0001"), "");
  EXPECT_EQ(caseNumberFrom(""), "");
}

TEST(CollectionItem, IsTheItemOfTheQueueTheIssuingWindowServesFirst) {
  const auto item = collectionItemOf(test::townshipSample().definition);
  ASSERT_TRUE(item.has_value());
  EXPECT_EQ(item->code, "370199-GG-0030") << "办件结果领取（统一出件）";
  auto noIssuing = test::townshipSample().definition;
  for (auto& w : noIssuing.windows)
    if (w.kind == core::WindowKind::Issuing) w.kind = core::WindowKind::General;
  EXPECT_FALSE(collectionItemOf(noIssuing).has_value());
}

class Collection : public ::testing::Test {
 protected:
  CaseCollection collection{[this](client::Request request, TicketIssuer::ReplyHandler done) {
    sent.push_back({request.type(), request.body, std::move(done)});
  }};
  std::vector<Sent> sent;
};

TEST_F(Collection, AReadyCaseIsAnnouncedForItsTicket) {
  QSignalSpy ready(&collection, &CaseCollection::caseReady);
  collection.submit("370199101-20260403-0001\n");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].body["number"], "370199101-20260403-0001");
  EXPECT_EQ(collection.state(), CaseCollection::State::Looking);
  collection.submit("370199101-20260403-0001\n");  // the scanner's second Enter
  EXPECT_EQ(sent.size(), 1u);
  sent[0].done(caseReply(core::CaseState::Ready, kApril13));
  EXPECT_EQ(collection.state(), CaseCollection::State::Ready);
  ASSERT_EQ(ready.count(), 1);
  EXPECT_EQ(ready.at(0).at(0).toString(), "370199101-20260403-0001");
  EXPECT_EQ(collection.itemName(), "老年优待证办理");
}

TEST_F(Collection, ACaseInProcessingSaysSoWithItsPromisedDateAndIsNotAnnounced) {
  QSignalSpy ready(&collection, &CaseCollection::caseReady);
  collection.submit("370199101-20260403-0001");
  sent[0].done(caseReply(core::CaseState::Processing, kApril13));
  EXPECT_EQ(collection.state(), CaseCollection::State::NotReady);
  EXPECT_EQ(ready.count(), 0);
  EXPECT_EQ(collection.dueDate(), QDate(2026, 4, 13));
  EXPECT_TRUE(collection.message().contains("承诺办结日期：2026年4月13日")) << collection.message().toStdString();
}

TEST_F(Collection, UnknownNumbersCollectedCasesAndSilenceEachSayWhy) {
  collection.submit("not a number");
  EXPECT_TRUE(sent.empty()) << "nothing asked for text that is no case number";
  EXPECT_EQ(collection.state(), CaseCollection::State::NotFound);
  collection.submit("370199101-20260403-0009");
  sent.back().done(failure("not_found"));
  EXPECT_EQ(collection.state(), CaseCollection::State::NotFound);
  EXPECT_TRUE(collection.message().contains("没有找到该办件"));
  collection.submit("370199101-20260403-0001");
  sent.back().done(caseReply(core::CaseState::Collected, kApril13));
  EXPECT_EQ(collection.state(), CaseCollection::State::Closed);
  EXPECT_TRUE(collection.message().contains("已被领取"));
  collection.submit("370199101-20260403-0001");
  sent.back().done(failure("timeout"));
  EXPECT_EQ(collection.state(), CaseCollection::State::Unreachable);
}

TEST_F(Collection, AnAnswerForAResidentWhoLeftIsIgnored) {
  QSignalSpy ready(&collection, &CaseCollection::caseReady);
  collection.submit("370199101-20260403-0001");
  collection.clear();
  sent[0].done(caseReply(core::CaseState::Ready, kApril13));
  EXPECT_EQ(collection.state(), CaseCollection::State::Idle);
  EXPECT_EQ(ready.count(), 0);
}

// --- through the kiosk model ---

class KioskCollection : public ::testing::Test {
 protected:
  KioskCollection() {
    KioskModel::Options options;
    options.clock = [] { return QDateTime(QDate(2026, 4, 13), QTime(10, 0)); };  // a Monday, open
    options.kioskName = "kiosk-c";
    kiosk = std::make_unique<KioskModel>(
        config,
        [this](client::Request request, TicketIssuer::ReplyHandler done) {
          sent.push_back({request.type(), request.body, std::move(done)});
        },
        TicketIssuer::Print{}, options);
  }
  config::HallConfig config = test::townshipSample();
  std::vector<Sent> sent;
  std::unique_ptr<KioskModel> kiosk;
};

TEST_F(KioskCollection, AScannedReadyCaseGetsATicketInTheIssuingQueueNamingTheCase) {
  ASSERT_TRUE(kiosk->canCollect());
  kiosk->openCollection();
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Collect);
  kiosk->collection()->submit("370199101-20260403-0001\n");
  ASSERT_EQ(sent.size(), 1u);
  sent[0].done(caseReply(core::CaseState::Ready, kApril13));
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[1].type, "issue_ticket");
  EXPECT_EQ(sent[1].body["item"], "370199-GG-0030");
  EXPECT_EQ(sent[1].body["case"], "370199101-20260403-0001");
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Ticket);
  EXPECT_EQ(kiosk->issuer()->queueName(), "统一出件");
}

TEST_F(KioskCollection, ACaseNotReadyIssuesNoTicketAndHomeForgetsIt) {
  kiosk->openCollection();
  kiosk->collection()->submit("370199101-20260403-0001");
  sent[0].done(caseReply(core::CaseState::Decided, kApril13));
  EXPECT_EQ(sent.size(), 1u) << "no pointless ticket";
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Collect);
  kiosk->goHome();
  EXPECT_EQ(kiosk->page(), KioskModel::Page::Home);
  EXPECT_EQ(kiosk->collection()->state(), CaseCollection::State::Idle);
  EXPECT_TRUE(kiosk->collection()->caseNumber().isEmpty());
}

}  // namespace
}  // namespace jiujin::kiosk
