#pragma once
// The cases (办件) a clerk handles at one window (docs/cases.md, docs/console.md "Cases"):
//  - 办件受理 from the ticket being served: the item's materials ticked received / missing /
//    not applicable, the applicant, and one of three outcomes — 受理 (收件回执单), 补正 (补交材料
//    清单 listing every missing material at once) or 不予受理 with a written reason (通知书);
//    a 即办件 accepted here is closed on the spot;
//  - 代办登记 by a clerk with the hall file's `agent = true`, for a resident not present,
//    without a ticket (channel 代办, what the resident asked for);
//  - 统一出件 when the served ticket was issued for collecting a case (the kiosk's flow): the
//    case, its state and result, and who collected it;
//  - 办件进度 for the back office: a case found by its number advanced to 办理中, decided
//    (准予 / 不予 with a reason) and made ready (待领取) at this window; and its materials
//    followed up: a case accepted that turns out to miss materials goes to 补正 (the clerk
//    marks them; the 补交材料清单 lists every material missing), and a case in 补正 takes the
//    materials the resident brings (补交: ticked, the case continues once none is missing).
// The dispatcher decides every step; this model holds the clerk's ticks and typing, shows
// the mirrored cases (applicants masked) and asks for the whole applicant only when the
// clerk checks it (核对).
#include <QObject>
#include <QString>
#include <QVariantList>
#include <functional>
#include <optional>
#include <set>
#include <vector>
#include <string>

#include "jiujin/console/dispatcher_access.hpp"
#include "jiujin/console/row_list_model.hpp"
#include "jiujin/core/case.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/devices/printer/form_print.hpp"

namespace jiujin::console {

/// Where a form goes (the office printer's folder, the ticket printer): returns where it
/// went, to tell the clerk, or an empty string with `error` set.
using PrintForm = std::function<QString(const devices::printer::FormPrint& form, const QString& name, QString& error)>;
/// Writes each form as a one-page A4 PDF "<name>.pdf" into `dir` (created when missing).
PrintForm pdfFormsInto(const QString& dir);

class CaseDesk : public QObject {
  Q_OBJECT
  /// What the counter shows: "none", "acceptance", "agent", "registered" or "handover".
  Q_PROPERTY(QString mode READ mode NOTIFY changed)
  Q_PROPERTY(QString counterTitle READ counterTitle NOTIFY changed)
  Q_PROPERTY(QString counterHint READ counterHint NOTIFY changed)
  /// The logged-in clerk is a 代办员 (agent = true in the hall file).
  Q_PROPERTY(bool agentClerk READ agentClerk NOTIFY changed)
  Q_PROPERTY(bool agentMode READ agentMode WRITE setAgentMode NOTIFY changed)
  Q_PROPERTY(bool busy READ busy NOTIFY changed)
  Q_PROPERTY(QString refusal READ refusal NOTIFY refusalChanged)
  /// The last form made ("已生成《收件回执单》：…") or the last step done, in the interface's
  /// language (said again after setLanguage).
  Q_PROPERTY(QString notice READ notice NOTIFY changed)

  // 办件受理 / 代办登记
  Q_PROPERTY(QVariantList itemChoices READ itemChoices NOTIFY changed)
  Q_PROPERTY(int itemIndex READ itemIndex WRITE setItemIndex NOTIFY changed)
  Q_PROPERTY(QString itemName READ itemName NOTIFY changed)
  /// "即办件" or "承诺件 · 5 个工作日".
  Q_PROPERTY(QString itemTerms READ itemTerms NOTIFY changed)
  Q_PROPERTY(QObject* materials READ materials CONSTANT)
  Q_PROPERTY(int unmarkedCount READ unmarkedCount NOTIFY changed)
  Q_PROPERTY(int missingCount READ missingCount NOTIFY changed)
  Q_PROPERTY(QString materialsSummary READ materialsSummary NOTIFY changed)
  Q_PROPERTY(QString applicantName READ applicantName WRITE setApplicantName NOTIFY changed)
  Q_PROPERTY(QString idNumber READ idNumber WRITE setIdNumber NOTIFY changed)
  Q_PROPERTY(QString phone READ phone WRITE setPhone NOTIFY changed)
  Q_PROPERTY(QString request READ request WRITE setRequest NOTIFY changed)
  /// The ID number and phone as the screen shows them: masked (3701**********1234), whole
  /// only while the clerk checks them.
  Q_PROPERTY(QString idNumberShown READ idNumberShown NOTIFY changed)
  Q_PROPERTY(QString phoneShown READ phoneShown NOTIFY changed)
  Q_PROPERTY(bool checkingPersonal READ checkingPersonal WRITE setCheckingPersonal NOTIFY changed)
  Q_PROPERTY(bool canAccept READ canAccept NOTIFY changed)
  Q_PROPERTY(bool canRequestCorrection READ canRequestCorrection NOTIFY changed)
  Q_PROPERTY(bool canReject READ canReject NOTIFY changed)
  Q_PROPERTY(bool canFinishOnSpot READ canFinishOnSpot NOTIFY changed)

  // The case shown: registered here, collected here (统一出件) or looked up (办件进度).
  Q_PROPERTY(QVariantMap shownCase READ shownCase NOTIFY changed)
  Q_PROPERTY(bool canHandOver READ canHandOver NOTIFY changed)
  Q_PROPERTY(QVariantMap lookedUp READ lookedUp NOTIFY changed)
  Q_PROPERTY(bool canStartProcessing READ canStartProcessing NOTIFY changed)
  Q_PROPERTY(bool canDecide READ canDecide NOTIFY changed)
  Q_PROPERTY(bool canMarkReady READ canMarkReady NOTIFY changed)
  /// The looked-up case's materials: {material, status, statusText, markable, marked}. In an
  /// accepted or processing case a received (or not applicable) material can be marked
  /// missing after all; in a case in 补正 a missing one can be marked brought (补交).
  Q_PROPERTY(QObject* followUp READ followUp CONSTANT)
  /// "correction" (marks mean missing), "supply" (marks mean brought) or "" (nothing to mark).
  Q_PROPERTY(QString followUpKind READ followUpKind NOTIFY changed)
  Q_PROPERTY(int followUpMarked READ followUpMarked NOTIFY changed)
  Q_PROPERTY(bool canAskCorrection READ canAskCorrection NOTIFY changed)
  Q_PROPERTY(bool canSupply READ canSupply NOTIFY changed)

 public:
  /// `agents`: the clerk ids with agent = true; `print`: where the forms go (none: not printed).
  CaseDesk(int window, Send send, Clock clock, std::set<std::string> agents = {}, PrintForm print = {},
           QObject* parent = nullptr);
  void setAgents(std::set<std::string> agents) { agents_ = std::move(agents); }
  void setPrintForm(PrintForm print) { print_ = std::move(print); }

  void setHall(const core::Hall* hall, bool online);
  /// "zh" or "en": which of a refusal's two texts is shown; the materials' words are made again.
  void setLanguage(const QString& language);
  /// 咨询电话 printed on the forms (the hall file has no such key yet; empty: not printed).
  void setHallPhone(const QString& phone) { hallPhone_ = phone; }

  QString mode() const;
  QString counterTitle() const;
  QString counterHint() const;
  bool agentClerk() const;
  bool agentMode() const { return agentMode_; }
  void setAgentMode(bool on);
  bool busy() const { return busy_; }
  QString refusal() const { return refusal_; }
  QString notice() const { return notice_ ? notice_() : QString(); }

  QVariantList itemChoices() const;
  int itemIndex() const { return itemIndex_; }
  void setItemIndex(int index);
  QString itemName() const;
  QString itemTerms() const;
  RowListModel* materials() { return &materials_; }
  int unmarkedCount() const;
  int missingCount() const;
  QString materialsSummary() const;
  QString applicantName() const { return name_; }
  void setApplicantName(const QString& v);
  QString idNumber() const { return idNumber_; }
  void setIdNumber(const QString& v);
  QString phone() const { return phone_; }
  void setPhone(const QString& v);
  QString request() const { return request_; }
  void setRequest(const QString& v);
  QString idNumberShown() const;
  QString phoneShown() const;
  bool checkingPersonal() const { return checkingPersonal_; }
  void setCheckingPersonal(bool on);
  bool canAccept() const;
  bool canRequestCorrection() const;
  bool canReject() const;
  bool canFinishOnSpot() const;

  QVariantMap shownCase() const;
  bool canHandOver() const;
  QVariantMap lookedUp() const;
  bool canStartProcessing() const;
  bool canDecide() const;
  bool canMarkReady() const;
  RowListModel* followUp() { return &followUp_; }
  QString followUpKind() const;
  int followUpMarked() const { return static_cast<int>(followUpMarks_.size()); }
  bool canAskCorrection() const;
  bool canSupply() const;

  /// Ticks one material: "received", "missing" or "not_applicable".
  Q_INVOKABLE void markMaterial(int row, const QString& status);
  /// 受理: every material received or not applicable; prints the 收件回执单.
  Q_INVOKABLE void accept();
  /// 补正: registers the case with its missing materials and prints the 补交材料清单.
  Q_INVOKABLE void requestCorrection();
  /// 不予受理 with a written reason: registers the case, rejects it, prints the notice.
  Q_INVOKABLE void reject(const QString& reason);
  /// 即办件: decided and handed to the applicant on the spot.
  Q_INVOKABLE void finishOnSpot();
  /// Prints the shown case's form again (receipt, correction list or rejection notice).
  Q_INVOKABLE void printAgain();
  /// 统一出件: the served ticket's case handed over to `collectedBy`.
  Q_INVOKABLE void handOver(const QString& collectedBy);
  /// Asks the dispatcher for the shown case's applicant whole (核对), until the case changes.
  Q_INVOKABLE void checkApplicant();
  /// Starts another 代办 registration (the fields cleared).
  Q_INVOKABLE void startOver();

  /// 办件进度: the case numbered `number` (typed or scanned off the receipt).
  Q_INVOKABLE void lookUp(const QString& number);
  Q_INVOKABLE void startProcessing();
  /// "approved" or "refused" (with a reason).
  Q_INVOKABLE void decide(const QString& outcome, const QString& reason);
  Q_INVOKABLE void markReady();
  /// Marks (or unmarks) one of the looked-up case's materials: missing after all, or brought.
  Q_INVOKABLE void markFollowUp(int row, bool marked);
  /// 补正 after acceptance: the marked materials missing, all at once; prints the 补交材料清单
  /// (every material the case misses).
  Q_INVOKABLE void askCorrection(const QString& note);
  /// 补交: the marked materials brought. The case continues (受理 / 办理中, with its promised
  /// date) once none is missing, and the 收件回执单 is printed; otherwise the 补交材料清单 of
  /// what is still missing.
  Q_INVOKABLE void supplyMaterials();
  Q_INVOKABLE void clearRefusal();

 signals:
  void changed();
  void refusalChanged();

 private:
  const core::WindowStatus* status() const;
  const core::Ticket* currentTicket() const;
  const core::ServiceItem* item() const;
  const core::Case* mirrored(const std::string& number) const;
  bool ready() const;
  void resetAcceptance();
  void fillMaterials();
  core::cmd::AcceptCase acceptance(bool unmarkedAreMissing) const;
  void caseCommand(client::Request request, std::function<void(const core::Case&)> then);
  void refuse(const client::Failure& failure);
  void refuse(const QString& reason);
  void print(const core::Case& c, const QString& formName);
  QVariantMap describe(const core::Case& c, bool whole) const;
  void keepLookedUpCurrent();
  /// The looked-up case's materials made again; the marks stay while its state does.
  void fillFollowUp();
  std::vector<std::string> markedMaterials() const;

  const int window_;
  Send send_;
  Clock clock_;
  std::set<std::string> agents_;
  PrintForm print_;
  QString hallPhone_;
  const core::Hall* hall_ = nullptr;
  bool online_ = false;
  bool english_ = false;
  bool busy_ = false;
  QString refusal_;
  /// The notice, said when it is read: in the interface's language of the moment.
  std::function<QString()> notice_;

  /// The ticket (or the 代办 session: none) the acceptance fields are for.
  std::optional<core::TicketId> acceptanceFor_;
  bool agentMode_ = false;
  int itemIndex_ = 0;
  QString name_, idNumber_, phone_, request_;
  bool checkingPersonal_ = false;
  RowListModel materials_{{"material", "status", "statusText"}};
  /// The case registered at this counter for the current ticket (or 代办 session), whole.
  std::optional<core::Case> registered_;
  /// The applicant whole, asked for by 核对, for the case with this number.
  std::optional<std::pair<std::string, core::Applicant>> checked_;
  /// 办件进度: the case looked up, whole as the `case` reply gave it; its state follows the mirror.
  std::optional<core::Case> lookedUp_;
  RowListModel followUp_{{"material", "status", "statusText", "markable", "marked"}};
  /// The marks on the looked-up case's materials, and the case and state they were made for.
  std::set<std::string> followUpMarks_;
  std::pair<std::string, core::CaseState> followUpFor_{};
};

}  // namespace jiujin::console
