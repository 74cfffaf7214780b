// The case screens' models against a real jiujin-dispatcher: 办件受理 from the served ticket
// (the ticks recorded on the case, the applicant masked on screen, the receipt printed as an
// A4 PDF), 补正 and 不予受理, 代办 for an absent resident, the back office's progress, 统一出件
// at the window that calls the collection ticket, 补正 after acceptance and 补交 of the
// missing materials, and the manager's 台账.
#include <QFileInfo>
#include <algorithm>
#include <set>

#include "jiujin/client/request.hpp"

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

TEST_F(CaseConsole, AnAcceptedCaseFoundMissingMaterialsListsThemAllAndContinuesWhenTheyAreBrought) {
  // every form printed is kept besides its PDF: what the resident is handed
  std::vector<devices::printer::FormPrint> printed;
  const auto pdf = console::pdfFormsInto(QString::fromStdString(forms_.path().string()));
  cases().setPrintForm([&](const devices::printer::FormPrint& form, const QString& name, QString& error) {
    printed.push_back(form);
    return pdf(form, name, error);
  });
  const auto listed = [](const devices::printer::FormPrint& form, const std::string& heading) {
    for (const auto& list : form.lists)
      if (list.heading.find(heading) != std::string::npos) return list.items;
    return std::vector<std::string>{};
  };

  // given a case of three materials accepted with all of them
  residentAtTheCounter("T-0004");
  ASSERT_EQ(cases().materials()->rowCount(), 3);
  cases().setApplicantName(QStringLiteral("周敏"));
  for (int r = 0; r < 3; ++r) cases().markMaterial(r, QStringLiteral("received"));
  cases().accept();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("registered"); })) << cases().refusal().toStdString();
  const QString number = cases().shownCase().value("number").toString();
  EXPECT_FALSE(caseNamed(number).dueDate == std::nullopt);

  // when the back office finds the 户口簿 and the 结婚证 were copies, not originals
  cases().lookUp(number);
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("number").toString() == number; }));
  EXPECT_EQ(cases().followUpKind(), QStringLiteral("correction"));
  ASSERT_EQ(cases().followUp()->rowCount(), 3);
  EXPECT_TRUE(cases().followUp()->field(0, "markable").toBool());
  EXPECT_FALSE(cases().canAskCorrection()) << "nothing marked missing yet";
  cases().askCorrection(QString());
  EXPECT_EQ(cases().refusal(), QStringLiteral("请先标出所缺的材料"));
  cases().markFollowUp(1, true);
  cases().markFollowUp(2, true);
  cases().markFollowUp(0, true);
  cases().markFollowUp(0, false);
  EXPECT_EQ(cases().followUpMarked(), 2);
  EXPECT_TRUE(cases().followUp()->field(2, "marked").toBool());
  ASSERT_TRUE(cases().canAskCorrection());
  const std::size_t before = printed.size();
  cases().askCorrection(QStringLiteral("须提交原件"));

  // then the case waits in 补正 and the 补交材料清单 lists both at once
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("correction"); }))
      << cases().refusal().toStdString();
  EXPECT_TRUE(cases().refusal().isEmpty()) << cases().refusal().toStdString();
  ASSERT_EQ(printed.size(), before + 1);
  EXPECT_EQ(printed.back().title, "补交材料清单");
  EXPECT_EQ(listed(printed.back(), "需补交的全部材料"), (std::vector<std::string>{"户口簿", "结婚证"}));
  EXPECT_TRUE(cases().notice().contains(QStringLiteral("补交材料清单"))) << cases().notice().toStdString();
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString((forms_.path() / (number.toStdString() + "-correction.pdf")).string())));
  core::Case held = caseNamed(number);
  EXPECT_EQ(held.state, core::CaseState::Correction);
  EXPECT_EQ(held.materials[0].status, core::MaterialStatus::Received);
  EXPECT_EQ(held.materials[1].status, core::MaterialStatus::Missing);
  EXPECT_EQ(held.materials[2].status, core::MaterialStatus::Missing);

  // 补交: only the missing ones can be ticked; the 户口簿 brought first, the list of what is left
  EXPECT_EQ(cases().followUpKind(), QStringLiteral("supply"));
  EXPECT_EQ(cases().followUpMarked(), 0) << "the marks were for the step done";
  EXPECT_FALSE(cases().followUp()->field(0, "markable").toBool());
  cases().markFollowUp(0, true);
  EXPECT_FALSE(cases().canSupply()) << "a received material is not brought again";
  cases().markFollowUp(1, true);
  ASSERT_TRUE(cases().canSupply());
  cases().supplyMaterials();
  ASSERT_TRUE(waitFor([&] { return printed.size() == before + 2; })) << cases().refusal().toStdString();
  EXPECT_EQ(printed.back().title, "补交材料清单");
  EXPECT_EQ(listed(printed.back(), "需补交的全部材料"), (std::vector<std::string>{"结婚证"}));
  EXPECT_EQ(cases().lookedUp().value("state").toString(), QStringLiteral("correction"));

  // the 结婚证 brought: the case continues where it was, and the receipt is printed again
  ASSERT_TRUE(waitFor([&] { return !cases().followUp()->field(1, "markable").toBool(); }));
  cases().markFollowUp(2, true);
  ASSERT_TRUE(cases().canSupply());
  cases().supplyMaterials();
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("accepted"); }))
      << cases().refusal().toStdString();
  ASSERT_TRUE(waitFor([&] { return printed.size() == before + 3; }));
  EXPECT_EQ(printed.back().title, "收件回执单");
  EXPECT_TRUE(listed(printed.back(), "尚缺材料").empty());
  EXPECT_EQ(cases().followUpKind(), QStringLiteral("correction")) << "a later slip can still be followed up";
  held = caseNamed(number);
  EXPECT_EQ(held.state, core::CaseState::Accepted);
  for (const auto& m : held.materials) EXPECT_EQ(m.status, core::MaterialStatus::Received) << m.name;
  EXPECT_TRUE(held.dueDate.has_value());
  ASSERT_TRUE(cases().canStartProcessing());
}

TEST_F(CaseConsole, ACaseInProcessingGoesBackToProcessingWhenTheMissingMaterialIsBrought) {
  residentAtTheCounter("T-0002");
  cases().setApplicantName(QStringLiteral("张三"));
  cases().markMaterial(0, QStringLiteral("received"));
  cases().accept();
  ASSERT_TRUE(waitFor([&] { return cases().mode() == QStringLiteral("registered"); }));
  const QString number = cases().shownCase().value("number").toString();
  cases().lookUp(number);
  ASSERT_TRUE(waitFor([&] { return cases().canStartProcessing(); }));
  cases().startProcessing();
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("processing"); }));
  cases().markFollowUp(0, true);
  cases().askCorrection(QString());
  ASSERT_TRUE(waitFor([&] { return cases().followUpKind() == QStringLiteral("supply"); })) << cases().refusal().toStdString();
  EXPECT_FALSE(cases().canDecide()) << "no decision while materials are missing";
  cases().supplyMaterials();
  EXPECT_EQ(cases().refusal(), QStringLiteral("请先标出申请人补交的材料")) << "nothing ticked: nothing sent";
  cases().markFollowUp(0, true);
  cases().supplyMaterials();
  ASSERT_TRUE(waitFor([&] { return cases().lookedUp().value("state").toString() == QStringLiteral("processing"); }))
      << cases().refusal().toStdString();
  EXPECT_EQ(caseNamed(number).state, core::CaseState::Processing);
}

TEST_F(CaseConsole, TheLedgerWalksMoreThanAPageOfCasesWithItsFiltersKept) {
  // given 230 cases registered at window 1: every third one 生育服务登记 (T-0001), the rest
  // 高龄津贴申领 (T-0002)
  logIn();
  auto counter = hall_.channel(hall_.as("console", 1));
  constexpr int kCases = 230;
  for (int i = 0; i < kCases; ++i) {
    core::cmd::AcceptCase a;
    a.window = 1;
    a.item = i % 3 == 0 ? "T-0001" : "T-0002";
    a.applicant.name = "申请人" + std::to_string(i);
    a.materials = {{"居民身份证", core::MaterialStatus::Received}};
    const auto reply = counter->request(client::requests::acceptCase(a));
    ASSERT_TRUE(reply.ok) << i << ": " << jiujin::testing::outcomeOf(reply);
  }
  constexpr int kElderly = kCases - (kCases + 2) / 3;  // 153

  console::CaseLedger& ledger = *monitor_->cases();
  const auto numbersShown = [&] {
    std::vector<std::string> n;
    for (int r = 0; r < ledger.cases()->rowCount(); ++r) n.push_back(ledger.cases()->field(r, "number").toString().toStdString());
    return n;
  };
  // when the manager walks the register page by page
  ASSERT_TRUE(waitFor([&] { return ledger.total() == kCases && ledger.cases()->rowCount() == console::CaseLedger::kPage; }))
      << ledger.total();
  EXPECT_EQ(ledger.page(), 1);
  EXPECT_EQ(ledger.pages(), 3);
  EXPECT_FALSE(ledger.canPreviousPage());
  EXPECT_EQ(ledger.summary(), QStringLiteral("共 230 件，第 1–100 件"));
  std::vector<std::string> walked = numbersShown();
  ASSERT_TRUE(ledger.canNextPage());
  ledger.nextPage();
  ASSERT_TRUE(waitFor([&] { return ledger.page() == 2 && numbersShown().front() != walked.front(); }));
  EXPECT_EQ(ledger.summary(), QStringLiteral("共 230 件，第 101–200 件"));
  for (auto& n : numbersShown()) walked.push_back(n);
  ledger.nextPage();
  ASSERT_TRUE(waitFor([&] { return ledger.page() == 3 && ledger.cases()->rowCount() == kCases - 200; }));
  EXPECT_FALSE(ledger.canNextPage()) << "the last page";
  EXPECT_EQ(ledger.summary(), QStringLiteral("共 230 件，第 201–230 件"));
  for (auto& n : numbersShown()) walked.push_back(n);

  // then every case was shown once, oldest first
  ASSERT_EQ(walked.size(), static_cast<std::size_t>(kCases));
  EXPECT_TRUE(std::is_sorted(walked.begin(), walked.end())) << "numbers count up within the day";
  EXPECT_EQ(std::set<std::string>(walked.begin(), walked.end()).size(), walked.size());

  ledger.previousPage();
  ASSERT_TRUE(waitFor([&] { return ledger.page() == 2 && ledger.cases()->rowCount() == console::CaseLedger::kPage; }));
  EXPECT_EQ(numbersShown().front(), walked[100]);

  // a filter starts again at its first page, and the pages keep it
  ledger.setItem(QStringLiteral("T-0002"));
  ASSERT_TRUE(waitFor([&] { return ledger.total() == kElderly && ledger.page() == 1 && ledger.cases()->rowCount() == 100; }))
      << ledger.total() << " page " << ledger.page();
  EXPECT_EQ(ledger.pages(), 2);
  std::set<std::string> elderly;
  for (auto& n : numbersShown()) elderly.insert(n);
  ledger.nextPage();
  ASSERT_TRUE(waitFor([&] { return ledger.page() == 2 && ledger.cases()->rowCount() == kElderly - 100; }));
  for (int r = 0; r < ledger.cases()->rowCount(); ++r)
    EXPECT_EQ(ledger.cases()->field(r, "itemName").toString(), QStringLiteral("高龄津贴申领")) << r;
  for (auto& n : numbersShown()) elderly.insert(n);
  EXPECT_EQ(elderly.size(), static_cast<std::size_t>(kElderly));
  EXPECT_FALSE(ledger.canNextPage());
  ledger.firstPage();
  ASSERT_TRUE(waitFor([&] { return ledger.page() == 1 && ledger.cases()->rowCount() == 100; }));
  EXPECT_EQ(ledger.item(), QStringLiteral("T-0002")) << "the filter kept";
}

}  // namespace
