// The case screens' models against a real jiujin-dispatcher: 办件受理 from the served ticket
// (the ticks recorded on the case, the applicant masked on screen, the receipt printed as an
// A4 PDF), 补正 and 不予受理, 代办 for an absent resident, the back office's progress, 统一出件
// at the window that calls the collection ticket, and the manager's 台账.
#include <QFileInfo>

#include "jiujin/protocol/json_codec.hpp"

#include "console_against_dispatcher.hpp"

namespace {

using namespace jiujin;
using console::test::ConsoleAgainstDispatcher;
using console::test::waitFor;
using nlohmann::json;

class CaseConsole : public ConsoleAgainstDispatcher {
 protected:
  void SetUp() override {
    ConsoleAgainstDispatcher::SetUp();
    console_->cases()->setPrintForm(console::pdfFormsInto(QString::fromStdString(forms_.path().string())));
  }

  console::CaseDesk& cases() { return *console_->cases(); }

  /// Logs in at window 1, issues a ticket of `item` and calls it: the resident at the counter.
  void residentAtTheCounter(const std::string& item) {
    logIn();
    issue(item);
    ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
    console_->callNext();
    ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("acceptance"); })) << cases().mode().toStdString();
  }

  /// The case as the dispatcher holds it (asked as a manager: whole).
  core::Case caseNamed(const QString& number) {
    auto manager = hall_.channel(hall_.as("manager"));
    const auto reply = manager->request("case", json{{"number", number.toStdString()}});
    EXPECT_TRUE(reply.ok) << jiujin::testing::outcomeOf(reply);
    auto c = protocol::caseFromJson(reply.result.value("case", json::object()));
    EXPECT_TRUE(c.ok());
    return c.ok() ? c.value() : core::Case{};
  }

  jiujin::testing::TempDir forms_;
};

TEST_F(CaseConsole, AnAcceptedCaseRecordsTheClerksTicksMasksTheApplicantAndPrintsTheReceipt) {
  residentAtTheCounter("T-0002");  // 高龄津贴申领, 承诺件 10 working days
  ASSERT_EQ(cases().materials()->rowCount(), 1);
  EXPECT_EQ(cases().materials()->field(0, "material").toString(), QStringLiteral("居民身份证"));
  EXPECT_EQ(cases().materials()->field(0, "statusText").toString(), QStringLiteral("未核对"));
  EXPECT_EQ(cases().itemTerms(), QStringLiteral("承诺件 · 承诺 10 个工作日"));

  // the applicant typed in: the screen shows the ID number and phone masked until checked
  cases().setApplicantName(QStringLiteral("张三"));
  cases().setIdNumber(QStringLiteral("370102199001011234"));
  cases().setPhone(QStringLiteral("13812345678"));
  EXPECT_EQ(cases().idNumberShown(), QStringLiteral("3701**********1234"));
  EXPECT_EQ(cases().phoneShown(), QStringLiteral("138****5678"));
  cases().setCheckingPersonal(true);
  EXPECT_EQ(cases().idNumberShown(), QStringLiteral("370102199001011234"));
  cases().setCheckingPersonal(false);

  // nothing can be decided before every material is ticked
  EXPECT_FALSE(cases().canAccept());
  EXPECT_EQ(cases().materialsSummary(), QStringLiteral("还有 1 项材料未核对"));
  cases().markMaterial(0, QStringLiteral("received"));
  EXPECT_EQ(cases().materials()->field(0, "statusText").toString(), QStringLiteral("已收"));
  ASSERT_TRUE(cases().canAccept());
  EXPECT_FALSE(cases().canRequestCorrection());

  cases().accept();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("registered"); })) << cases().refusal().toStdString();
  const QVariantMap shown = cases().shownCase();
  const QString number = shown.value("number").toString();
  EXPECT_TRUE(number.startsWith(QStringLiteral("370199101-"))) << number.toStdString();
  EXPECT_EQ(shown.value("stateText").toString(), QStringLiteral("已受理"));
  EXPECT_EQ(shown.value("idNumber").toString(), QStringLiteral("3701**********1234")) << "masked on screen";
  EXPECT_FALSE(shown.value("dueDate").toString().isEmpty());

  // the receipt went to the office printer's folder as an A4 PDF, and the clerk is told where
  const QString pdf = QString::fromStdString((forms_.path() / (number.toStdString() + "-receipt.pdf")).string());
  EXPECT_TRUE(QFileInfo(pdf).size() > 1000) << pdf.toStdString();
  EXPECT_TRUE(cases().notice().contains(QStringLiteral("收件回执单"))) << cases().notice().toStdString();

  // the dispatcher holds the clerk's ticks, the whole applicant, the ticket, the clerk
  const core::Case held = caseNamed(number);
  ASSERT_EQ(held.materials.size(), 1u);
  EXPECT_EQ(held.materials[0].status, core::MaterialStatus::Received);
  EXPECT_EQ(held.applicant.idNumber, "370102199001011234");
  EXPECT_EQ(held.clerk, "c01");
  EXPECT_EQ(held.channel, core::CaseChannel::Window);
  EXPECT_EQ(held.tickets.size(), 1u);

  // 核对 shows the whole number for this case only
  cases().checkApplicant();
  EXPECT_EQ(cases().shownCase().value("idNumber").toString(), QStringLiteral("370102199001011234"));
  // a 承诺件 is not closed on the spot
  EXPECT_FALSE(cases().canFinishOnSpot());
}

TEST_F(CaseConsole, AnImmediateCaseIsClosedOnTheSpot) {
  residentAtTheCounter("T-0001");  // 生育服务登记, 即办件
  cases().setApplicantName(QStringLiteral("李四"));
  cases().markMaterial(0, QStringLiteral("received"));
  cases().accept();
  ASSERT_TRUE(waitFor([&] { return cases().canFinishOnSpot(); })) << cases().refusal().toStdString();
  cases().finishOnSpot();
  ASSERT_TRUE(waitFor([&] { return cases().shownCase().value("state").toString() == QStringLiteral("collected"); }))
      << cases().refusal().toStdString();
  EXPECT_EQ(caseNamed(cases().shownCase().value("number").toString()).state, core::CaseState::Collected);
}

TEST_F(CaseConsole, MissingMaterialsAreListedAllAtOnceAndARejectionNeedsAWrittenReason) {
  residentAtTheCounter("T-0002");
  issue("T-0002");
  cases().setApplicantName(QStringLiteral("王五"));
  cases().markMaterial(0, QStringLiteral("missing"));
  EXPECT_FALSE(cases().canAccept());
  ASSERT_TRUE(cases().canRequestCorrection());
  cases().requestCorrection();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("registered"); })) << cases().refusal().toStdString();
  const QString corrected = cases().shownCase().value("number").toString();
  EXPECT_EQ(cases().shownCase().value("state").toString(), QStringLiteral("correction"));
  EXPECT_EQ(cases().shownCase().value("dueDate").toString(), QStringLiteral("材料补齐之日起计算"));
  EXPECT_TRUE(cases().notice().contains(QStringLiteral("补交材料清单"))) << cases().notice().toStdString();
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString((forms_.path() / (corrected.toStdString() + "-correction.pdf")).string())));
  EXPECT_EQ(caseNamed(corrected).materials[0].status, core::MaterialStatus::Missing);

  // the next resident: a fresh acceptance
  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  console_->complete();
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("acceptance"); }));
  EXPECT_TRUE(cases().applicantName().isEmpty());
  cases().setApplicantName(QStringLiteral("赵六"));
  // without a reason nothing is sent
  cases().reject(QStringLiteral("  "));
  EXPECT_EQ(cases().refusal(), QStringLiteral("请写明不予受理的理由"));
  EXPECT_EQ(cases().mode(), QStringLiteral("acceptance"));
  cases().reject(QStringLiteral("不属于本中心受理范围"));
  // registered, then rejected: two commands, the second sent when the first is answered; the
  // notice is printed when the rejection's reply comes (the mirror may show the state first)
  ASSERT_TRUE(waitFor([&] { return cases().notice().contains(QStringLiteral("不予受理通知书")); }))
      << cases().refusal().toStdString();
  EXPECT_EQ(cases().mode(), QStringLiteral("registered"));
  EXPECT_EQ(cases().shownCase().value("state").toString(), QStringLiteral("rejected"));
  const core::Case rejected = caseNamed(cases().shownCase().value("number").toString());
  EXPECT_EQ(rejected.state, core::CaseState::Rejected);
  EXPECT_EQ(rejected.reason, "不属于本中心受理范围");
}

TEST_F(CaseConsole, AnAgentRegistersACaseForAnAbsentResidentWithoutATicket) {
  // 李强 (c02) is a 代办员 in the hall file; at window 2
  clientqt::HallLink agentLink(hall_.as("console", 2));
  console::ClerkConsole agentDesk(2, console::sendThrough(agentLink));
  agentDesk.cases()->setAgents({"c02"});
  console::followLink(agentDesk, agentLink);
  agentLink.start();
  ASSERT_TRUE(waitFor([&] { return agentDesk.online(); }));
  agentDesk.login(QStringLiteral("c02"), QStringLiteral("1234"));
  ASSERT_TRUE(waitFor([&] { return agentDesk.loggedIn() && !agentDesk.busy(); })) << agentDesk.refusal().toStdString();
  console::CaseDesk& agent = *agentDesk.cases();
  ASSERT_TRUE(agent.agentClerk());
  EXPECT_EQ(agent.mode(), QStringLiteral("none"));
  agent.setAgentMode(true);
  ASSERT_EQ(agent.mode(), QStringLiteral("agent"));
  const QVariantList items = agent.itemChoices();
  for (int i = 0; i < items.size(); ++i)
    if (items[i].toMap().value("code").toString() == QStringLiteral("T-0002")) agent.setItemIndex(i);
  EXPECT_EQ(agent.itemName(), QStringLiteral("高龄津贴申领"));
  agent.setApplicantName(QStringLiteral("孙大娘"));
  agent.setPhone(QStringLiteral("13900001111"));
  agent.setRequest(QStringLiteral("卧床老人申领高龄津贴，材料由代办员带来"));
  agent.markMaterial(0, QStringLiteral("received"));
  agent.accept();
  ASSERT_TRUE(waitFor([&] { return agent.mode() == QStringLiteral("registered"); })) << agent.refusal().toStdString();
  const core::Case held = caseNamed(agent.shownCase().value("number").toString());
  EXPECT_EQ(held.channel, core::CaseChannel::Agent);
  EXPECT_EQ(held.request, "卧床老人申领高龄津贴，材料由代办员带来");
  EXPECT_TRUE(held.tickets.empty()) << "no ticket: the resident is not in the hall";
  EXPECT_EQ(held.clerk, "c02");
  agentLink.stop();

  // 王芳 (c01) is no 代办员: her console offers no 代办登记 …
  logIn();
  cases().setAgentMode(true);
  EXPECT_FALSE(cases().agentMode());
  // … and were it misconfigured to, the dispatcher refuses and the console says why
  cases().setAgents({"c01"});
  console_->cases()->setAgentMode(true);
  ASSERT_TRUE(cases().agentMode());
  cases().setApplicantName(QStringLiteral("钱七"));
  cases().markMaterial(0, QStringLiteral("received"));
  cases().accept();
  ASSERT_TRUE(waitFor([&] { return !cases().refusal().isEmpty(); }));
  EXPECT_EQ(cases().mode(), QStringLiteral("agent"));
}

TEST_F(CaseConsole, TheBackOfficeDecidesTheIssuingWindowHandsItOverAndTheLedgerFollows) {
  residentAtTheCounter("T-0002");
  cases().setApplicantName(QStringLiteral("张三"));
  cases().setIdNumber(QStringLiteral("370102199001011234"));
  cases().markMaterial(0, QStringLiteral("received"));
  cases().accept();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("registered"); })) << cases().refusal().toStdString();
  const QString number = cases().shownCase().value("number").toString();
  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  console_->complete();

  // the manager's 台账 lists it, applicant masked, and filters by state
  console::CaseLedger& ledger = *monitor_->cases();
  ASSERT_TRUE(waitFor([&] { return ledger.cases()->rowCount() == 1; }));
  EXPECT_EQ(ledger.cases()->field(0, "number").toString(), number);
  EXPECT_EQ(ledger.cases()->field(0, "applicant").toString(), QStringLiteral("张*"));
  EXPECT_EQ(ledger.cases()->field(0, "clerk").toString(), QStringLiteral("王芳"));
  ledger.setState(QStringLiteral("processing"));
  ASSERT_TRUE(waitFor([&] { return ledger.cases()->rowCount() == 0; }));
  EXPECT_EQ(ledger.total(), 0);

  // 办件进度: found by its number, advanced step by step
  cases().lookUp(number.toLower() + QStringLiteral(" "));
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("number").toString() == number; })) << cases().refusal().toStdString();
  ASSERT_TRUE(cases().canStartProcessing());
  EXPECT_FALSE(cases().canMarkReady());
  cases().startProcessing();
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("processing"); }));
  ASSERT_TRUE(waitFor([&] { return ledger.cases()->rowCount() == 1; })) << "the filter now matches";

  // a refusal without a reason: the dispatcher says no, in the interface's language
  cases().decide(QStringLiteral("refused"), QString());
  ASSERT_TRUE(waitFor([&] { return !cases().refusal().isEmpty(); }));
  EXPECT_EQ(cases().refusal(), QStringLiteral("不予办理须写明理由"));
  console_->setLanguage(QStringLiteral("en"));
  cases().decide(QStringLiteral("refused"), QString());
  ASSERT_TRUE(waitFor([&] { return cases().refusal() == QStringLiteral("a refusal needs a written reason"); }))
      << cases().refusal().toStdString();
  console_->setLanguage(QStringLiteral("zh"));

  cases().decide(QStringLiteral("approved"), QString());
  ASSERT_TRUE(waitFor([&] { return cases().canMarkReady(); })) << cases().refusal().toStdString();
  EXPECT_TRUE(cases().refusal().isEmpty());
  cases().markReady();
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("ready"); }));

  // 统一出件: the kiosk's collection ticket for the case, called at this window
  auto kiosk = hall_.channel(hall_.as("kiosk"));
  const auto issued = kiosk->request("issue_ticket", json{{"item", "T-0001"}, {"case", number.toStdString()}});
  ASSERT_TRUE(issued.ok) << jiujin::testing::outcomeOf(issued);
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("handover"); })) << cases().mode().toStdString();
  EXPECT_EQ(cases().counterTitle(), QStringLiteral("统一出件"));
  EXPECT_EQ(cases().shownCase().value("number").toString(), number);
  EXPECT_EQ(cases().shownCase().value("result").toString(), QStringLiteral("准予"));
  EXPECT_EQ(cases().shownCase().value("readiness").toString(), QStringLiteral("结果已备好，可以交付"));
  ASSERT_TRUE(cases().canHandOver());
  cases().handOver(QStringLiteral(" "));
  EXPECT_EQ(cases().refusal(), QStringLiteral("请登记领取人"));
  cases().handOver(QStringLiteral("张三"));
  ASSERT_TRUE(waitFor([&] { return cases().shownCase().value("state").toString() == QStringLiteral("collected"); }))
      << cases().refusal().toStdString();
  EXPECT_FALSE(cases().canHandOver());
  EXPECT_TRUE(cases().shownCase().value("readiness").toString().startsWith(QStringLiteral("已于")));
  const core::Case held = caseNamed(number);
  EXPECT_EQ(held.state, core::CaseState::Collected);
  EXPECT_EQ(held.collectedBy, "张三");
}

TEST_F(CaseConsole, ACaseNoLongerReadyAtTheIssuingWindowSaysSoAndCannotBeHandedOver) {
  residentAtTheCounter("T-0002");
  cases().setApplicantName(QStringLiteral("张三"));
  cases().markMaterial(0, QStringLiteral("received"));
  cases().accept();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("registered"); }));
  const QString number = cases().shownCase().value("number").toString();
  // made ready and called with its collection ticket; then handed over elsewhere first
  cases().lookUp(number);
  ASSERT_TRUE(waitFor([&] { return cases().canDecide(); }));
  cases().decide(QStringLiteral("approved"), QString());
  ASSERT_TRUE(waitFor([&] { return cases().canMarkReady(); }));
  cases().markReady();
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("ready"); }));
  console_->start();
  ASSERT_TRUE(waitFor([&] { return console_->canComplete(); }));
  console_->complete();
  auto kiosk = hall_.channel(hall_.as("kiosk"));
  ASSERT_TRUE(kiosk->request("issue_ticket", json{{"item", "T-0001"}, {"case", number.toStdString()}}).ok);
  ASSERT_TRUE(waitFor([&] { return console_->canCall(); }));
  console_->callNext();
  ASSERT_TRUE(waitFor([&] { return cases().canHandOver(); }));
  // the manager hands it over from window 1 first (e.g. at the desk behind)
  auto manager = hall_.channel(hall_.as("manager"));
  ASSERT_TRUE(manager->request("collect_case", json{{"window", 1}, {"case", number.toStdString()}, {"collectedBy", "张三之子"}}).ok);
  ASSERT_TRUE(waitFor([&] { return !cases().canHandOver(); }));
  EXPECT_EQ(cases().shownCase().value("stateText").toString(), QStringLiteral("已领取"));
  EXPECT_TRUE(cases().shownCase().value("readiness").toString().contains(QStringLiteral("张*"))) << "the mirror is masked";
}

}  // namespace
