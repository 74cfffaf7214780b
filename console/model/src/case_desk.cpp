#include "jiujin/console/case_desk.hpp"

#include <QDir>

#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/console/core_words.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/forms/case_forms.hpp"
#include "jiujin/forms/form_page.hpp"
#include "jiujin/forms/form_pdf.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::console {

namespace requests = client::requests;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
bool blank(const QString& s) { return s.trimmed().isEmpty(); }

QString dayText(const core::Date& d) { return qs(protocol::dateToString(d)); }
QString timeText(core::TimePoint t) { return localDateTime(t).toString(QStringLiteral("yyyy-MM-dd HH:mm")); }

/// The three forms a counter prints (client/forms), by what the case came to.
enum class CaseForm { Receipt, CorrectionList, RejectionNotice };

CaseForm formFor(const core::Case& c) {
  if (c.state == core::CaseState::Rejected) return CaseForm::RejectionNotice;
  if (c.state == core::CaseState::Correction) return CaseForm::CorrectionList;
  return CaseForm::Receipt;
}

/// "已生成《收件回执单》：<where>", in the interface's language when it is read. The forms are
/// printed in Chinese whatever the interface's language (the hall's documents to the resident,
/// docs/cases.md "Printed forms"): the English words name the form and say so, rather than
/// show its Chinese title.
QString formMade(CaseForm form, const QString& where) {
  switch (form) {
    case CaseForm::CorrectionList: return CaseDesk::tr("已生成《补交材料清单》：%1").arg(where);
    case CaseForm::RejectionNotice: return CaseDesk::tr("已生成《不予受理通知书》：%1").arg(where);
    case CaseForm::Receipt: break;
  }
  return CaseDesk::tr("已生成《收件回执单》：%1").arg(where);
}

QString formNotPrinted(CaseForm form, const QString& error) {
  switch (form) {
    case CaseForm::CorrectionList: return CaseDesk::tr("《补交材料清单》未能打印：%1").arg(error);
    case CaseForm::RejectionNotice: return CaseDesk::tr("《不予受理通知书》未能打印：%1").arg(error);
    case CaseForm::Receipt: break;
  }
  return CaseDesk::tr("《收件回执单》未能打印：%1").arg(error);
}

}  // namespace

PrintForm pdfFormsInto(const QString& dir) {
  return [dir](const devices::printer::FormPrint& form, const QString& name, QString& error) -> QString {
    if (!QDir().mkpath(dir)) {
      error = QStringLiteral("cannot create %1").arg(dir);
      return {};
    }
    const QString path = QDir(dir).filePath(name + QStringLiteral(".pdf"));
    if (!forms::writeFormPdf(forms::layoutA4(form), path, qs(form.title), &error)) return {};
    return path;
  };
}

CaseDesk::CaseDesk(int window, Send send, Clock clock, std::set<std::string> agents, PrintForm print, QObject* parent)
    : QObject(parent),
      window_(window),
      send_(std::move(send)),
      clock_(std::move(clock)),
      agents_(std::move(agents)),
      print_(std::move(print)) {
  materials_.setParent(this);
  followUp_.setParent(this);
}

void CaseDesk::setLanguage(const QString& language) {
  english_ = language == QStringLiteral("en");
  auto rows = materials_.rows();
  for (auto& row : rows) {
    const auto status = core::parseMaterialStatus(row.value("status").toString().toStdString());
    row.insert("statusText", status ? said(*status) : tr("未核对"));
  }
  materials_.setRows(std::move(rows));
  fillFollowUp();
  emit changed();
}

const core::WindowStatus* CaseDesk::status() const {
  if (!hall_) return nullptr;
  const auto it = hall_->state().windows.find(window_);
  return it == hall_->state().windows.end() ? nullptr : &it->second;
}

const core::Ticket* CaseDesk::currentTicket() const {
  const auto* w = status();
  return w && w->current ? hall_->findTicket(*w->current) : nullptr;
}

const core::Case* CaseDesk::mirrored(const std::string& number) const {
  return hall_ ? hall_->findCase(number) : nullptr;
}

bool CaseDesk::agentClerk() const {
  const auto* w = status();
  return w && w->clerk && agents_.contains(*w->clerk);
}

bool CaseDesk::ready() const {
  const auto* w = status();
  return online_ && !busy_ && w && w->clerk.has_value();
}

void CaseDesk::setHall(const core::Hall* hall, bool online) {
  hall_ = hall;
  online_ = online;
  if (agentMode_ && !agentClerk()) {
    agentMode_ = false;
    acceptanceFor_.reset();
  }
  if (!agentMode_) {
    const auto* t = currentTicket();
    const std::optional<core::TicketId> now = t ? std::optional<core::TicketId>(t->id) : std::nullopt;
    // The acceptance is the served ticket's: a new ticket starts it afresh.
    if (now != acceptanceFor_) {
      acceptanceFor_ = now;
      resetAcceptance();
    }
  }
  keepLookedUpCurrent();
  emit changed();
}

void CaseDesk::keepLookedUpCurrent() {
  // The mirror carries every step (masked); the whole applicant stays as the reply gave it.
  for (std::optional<core::Case>* held : {&registered_, &lookedUp_}) {
    if (!*held) continue;
    const core::Case* now = mirrored((*held)->number);
    if (!now || *now == **held) continue;
    core::Case updated = *now;
    updated.applicant = (*held)->applicant;
    if (!(*held)->collectedBy.empty() || now->collectedBy.empty()) updated.collectedBy = (*held)->collectedBy;
    **held = std::move(updated);
  }
  fillFollowUp();
}

void CaseDesk::resetAcceptance() {
  name_.clear();
  idNumber_.clear();
  phone_.clear();
  request_.clear();
  checkingPersonal_ = false;
  registered_.reset();
  checked_.reset();
  notice_ = nullptr;
  fillMaterials();
}

const core::ServiceItem* CaseDesk::item() const {
  if (!hall_) return nullptr;
  const auto& items = hall_->definition().items;
  if (agentMode_) return itemIndex_ >= 0 && itemIndex_ < static_cast<int>(items.size()) ? &items[itemIndex_] : nullptr;
  const auto* t = currentTicket();
  if (!t) return nullptr;
  for (const auto& i : items)
    if (i.code == t->item) return &i;
  return nullptr;
}

void CaseDesk::fillMaterials() {
  QList<QVariantMap> rows;
  if (const auto* i = item()) {
    for (const auto& m : i->materials)
      rows << QVariantMap{{"material", qs(m)}, {"status", QString()}, {"statusText", tr("未核对")}};
  }
  materials_.setRows(std::move(rows));
}

QString CaseDesk::mode() const {
  const auto* w = status();
  if (!hall_ || !w || !w->clerk) return QStringLiteral("none");
  const auto* t = currentTicket();
  if (!agentMode_ && t && t->caseNumber) return QStringLiteral("handover");
  if (registered_) return QStringLiteral("registered");
  if (agentMode_) return QStringLiteral("agent");
  if (t) return QStringLiteral("acceptance");
  return QStringLiteral("none");
}

QString CaseDesk::counterTitle() const {
  const QString m = mode();
  if (m == QStringLiteral("handover")) return tr("统一出件");
  if (m == QStringLiteral("registered")) return tr("已登记的办件");
  if (m == QStringLiteral("agent")) return tr("代办登记（申请人不在场）");
  return tr("办件受理");
}

QString CaseDesk::counterHint() const {
  const auto* w = status();
  if (!w || !w->clerk) return tr("请先登录");
  return agentClerk() ? tr("呼叫下一位后受理其办件；为不在场的群众登记请点“代办登记”")
                      : tr("呼叫下一位后在此受理其办件");
}

void CaseDesk::setAgentMode(bool on) {
  if (on == agentMode_ || (on && !agentClerk())) return;
  agentMode_ = on;
  acceptanceFor_.reset();
  if (!on) {
    const auto* t = currentTicket();
    acceptanceFor_ = t ? std::optional<core::TicketId>(t->id) : std::nullopt;
  }
  resetAcceptance();
  emit changed();
}

QVariantList CaseDesk::itemChoices() const {
  QVariantList choices;
  if (!hall_) return choices;
  for (const auto& i : hall_->definition().items) choices << QVariantMap{{"label", qs(i.name)}, {"code", qs(i.code)}};
  return choices;
}

void CaseDesk::setItemIndex(int index) {
  if (index == itemIndex_) return;
  itemIndex_ = index;
  if (agentMode_) fillMaterials();
  emit changed();
}

QString CaseDesk::itemName() const {
  const auto* i = item();
  return i ? qs(i->name) : QString();
}

QString CaseDesk::itemTerms() const {
  const auto* i = item();
  if (!i) return {};
  if (i->kind == core::ItemKind::Immediate) return said(i->kind);
  return tr("%1 · 承诺 %2 个工作日").arg(said(i->kind)).arg(i->promisedWorkingDays);
}

int CaseDesk::unmarkedCount() const {
  int n = 0;
  for (const auto& row : materials_.rows())
    if (row.value("status").toString().isEmpty()) ++n;
  return n;
}

int CaseDesk::missingCount() const {
  int n = 0;
  for (const auto& row : materials_.rows())
    if (row.value("status").toString() == QLatin1String("missing")) ++n;
  return n;
}

QString CaseDesk::materialsSummary() const {
  if (materials_.rowCount() == 0) return tr("本事项无须提交材料");
  if (const int n = unmarkedCount()) return tr("还有 %1 项材料未核对").arg(n);
  if (const int n = missingCount()) return tr("缺 %1 项材料：可一次性告知补正，或不予受理").arg(n);
  return tr("材料齐全，可以受理");
}

void CaseDesk::setApplicantName(const QString& v) {
  if (v == name_) return;
  name_ = v;
  emit changed();
}
void CaseDesk::setIdNumber(const QString& v) {
  if (v == idNumber_) return;
  idNumber_ = v.trimmed().toUpper();
  emit changed();
}
void CaseDesk::setPhone(const QString& v) {
  if (v == phone_) return;
  phone_ = v.trimmed();
  emit changed();
}
void CaseDesk::setRequest(const QString& v) {
  if (v == request_) return;
  request_ = v;
  emit changed();
}
void CaseDesk::setCheckingPersonal(bool on) {
  if (on == checkingPersonal_) return;
  checkingPersonal_ = on;
  emit changed();
}

QString CaseDesk::idNumberShown() const {
  return checkingPersonal_ ? idNumber_ : qs(core::maskIdNumber(idNumber_.toStdString()));
}
QString CaseDesk::phoneShown() const {
  return checkingPersonal_ ? phone_ : qs(core::maskPhone(phone_.toStdString()));
}

bool CaseDesk::canAccept() const {
  const QString m = mode();
  return ready() && (m == QLatin1String("acceptance") || m == QLatin1String("agent")) && item() && !blank(name_) &&
         unmarkedCount() == 0 && missingCount() == 0;
}

bool CaseDesk::canRequestCorrection() const {
  const QString m = mode();
  return ready() && (m == QLatin1String("acceptance") || m == QLatin1String("agent")) && item() && !blank(name_) &&
         unmarkedCount() == 0 && missingCount() > 0;
}

bool CaseDesk::canReject() const {
  const QString m = mode();
  return ready() && (m == QLatin1String("acceptance") || m == QLatin1String("agent")) && item() && !blank(name_);
}

bool CaseDesk::canFinishOnSpot() const {
  return ready() && registered_ && registered_->kind == core::ItemKind::Immediate &&
         (registered_->state == core::CaseState::Accepted || registered_->state == core::CaseState::Processing);
}

void CaseDesk::markMaterial(int row, const QString& status) {
  const auto parsed = core::parseMaterialStatus(status.toStdString());
  if (!parsed || row < 0 || row >= materials_.rowCount()) return;
  auto rows = materials_.rows();
  rows[row].insert("status", status);
  rows[row].insert("statusText", said(*parsed));
  materials_.setRows(std::move(rows));
  emit changed();
}

core::cmd::AcceptCase CaseDesk::acceptance(bool unmarkedAreMissing) const {
  core::cmd::AcceptCase a;
  a.window = window_;
  if (const auto* i = item()) a.item = i->code;
  a.applicant = {name_.trimmed().toStdString(), idNumber_.toStdString(), phone_.toStdString()};
  a.channel = agentMode_ ? core::CaseChannel::Agent : core::CaseChannel::Window;
  a.request = request_.trimmed().toStdString();
  for (const auto& row : materials_.rows()) {
    const QString status = row.value("status").toString();
    const auto parsed = core::parseMaterialStatus(status.toStdString());
    core::CaseMaterial m{row.value("material").toString().toStdString(), core::MaterialStatus::Missing};
    if (parsed) m.status = *parsed;
    else if (!unmarkedAreMissing) continue;  // the dispatcher names the material not marked
    a.materials.push_back(std::move(m));
  }
  return a;
}

void CaseDesk::refuse(const QString& reason) {
  refusal_ = reason;
  emit refusalChanged();
}

void CaseDesk::refuse(const client::Failure& failure) {
  const std::string& text = english_ && !failure.en.empty() ? failure.en : failure.zh;
  refuse(text.empty() ? qs(failure.code) : qs(text));
}

void CaseDesk::clearRefusal() { refuse(QString()); }

void CaseDesk::caseCommand(client::Request request, std::function<void(const core::Case&)> then) {
  busy_ = true;
  emit changed();
  send_(std::move(request), [this, then = std::move(then)](const client::Reply& reply) {
    busy_ = false;
    const auto outcome = client::readCommandOutcome(reply);
    if (!outcome) {
      refuse(outcome.error());
    } else if (!outcome.value().caseNow) {
      refuse(client::badReply("a case command answered without its case"));
    } else {
      if (!refusal_.isEmpty()) refuse(QString());
      then(*outcome.value().caseNow);
    }
    emit changed();
  });
}

void CaseDesk::print(const core::Case& c, const QString& formName) {
  forms::HallContact contact;
  if (hall_) {
    contact.hallName = hall_->definition().name;
    for (const auto& w : hall_->definition().windows) {
      if (w.kind != core::WindowKind::Issuing) continue;
      contact.collectAt = tr("%1号窗口（%2）").arg(w.number).arg(qs(w.name)).toStdString();
      break;
    }
  }
  contact.phone = hallPhone_.toStdString();
  const CaseForm kind = formFor(c);
  devices::printer::FormPrint form;
  if (kind == CaseForm::RejectionNotice) form = forms::rejectionNoticeForm(c, contact);
  else if (kind == CaseForm::CorrectionList) form = forms::correctionListForm(c, contact, clock_());
  else form = forms::receiptForm(c, contact);
  if (!print_) return;
  QString error;
  const QString where = print_(form, qs(c.number) + QLatin1Char('-') + formName, error);
  if (where.isEmpty()) {
    refuse(formNotPrinted(kind, error));
    return;
  }
  notice_ = [kind, where] { return formMade(kind, where); };
}

void CaseDesk::accept() {
  if (!canAccept()) {
    refuse(blank(name_) ? tr("请填写申请人姓名") : tr("材料未核对齐全，不能受理"));
    return;
  }
  caseCommand(requests::acceptCase(acceptance(false)), [this](const core::Case& c) {
    registered_ = c;
    print(c, QStringLiteral("receipt"));
  });
}

void CaseDesk::requestCorrection() {
  if (!canRequestCorrection()) {
    refuse(blank(name_) ? tr("请填写申请人姓名") : tr("请先核对每一项材料，并标出所缺材料"));
    return;
  }
  caseCommand(requests::acceptCase(acceptance(false)), [this](const core::Case& c) {
    registered_ = c;
    print(c, QStringLiteral("correction"));
  });
}

void CaseDesk::reject(const QString& reason) {
  if (blank(reason)) {
    refuse(tr("请写明不予受理的理由"));
    return;
  }
  if (!canReject()) {
    refuse(tr("请填写申请人姓名"));
    return;
  }
  // Registered first (materials not looked at count as missing), then refused at the counter.
  caseCommand(requests::acceptCase(acceptance(true)), [this, reason](const core::Case& c) {
    registered_ = c;
    caseCommand(requests::rejectCase(window_, c.number, reason.trimmed().toStdString()), [this](const core::Case& r) {
      registered_ = r;
      print(r, QStringLiteral("rejection"));
    });
  });
}

void CaseDesk::finishOnSpot() {
  if (!registered_) return;
  caseCommand(requests::finishCaseOnSpot(window_, registered_->number), [this](const core::Case& c) {
    registered_ = c;
    notice_ = [number = qs(c.number)] { return tr("即办件 %1 已当场办结").arg(number); };
  });
}

void CaseDesk::printAgain() {
  if (registered_) print(*registered_, QStringLiteral("copy"));
  emit changed();
}

void CaseDesk::startOver() {
  resetAcceptance();
  emit changed();
}

bool CaseDesk::canHandOver() const {
  const auto* t = currentTicket();
  const core::Case* c = t && t->caseNumber ? mirrored(*t->caseNumber) : nullptr;
  return ready() && mode() == QLatin1String("handover") && c && c->state == core::CaseState::Ready;
}

void CaseDesk::handOver(const QString& collectedBy) {
  const auto* t = currentTicket();
  if (!t || !t->caseNumber) return;
  if (blank(collectedBy)) {
    refuse(tr("请登记领取人"));
    return;
  }
  caseCommand(requests::collectCase(window_, *t->caseNumber, collectedBy.trimmed().toStdString()),
              [this](const core::Case& c) {
                notice_ = [number = qs(c.number), by = qs(c.collectedBy)] { return tr("办件 %1 已交付，领取人：%2").arg(number, by); };
              });
}

void CaseDesk::checkApplicant() {
  std::string number;
  const QString m = mode();
  if (m == QLatin1String("handover")) number = currentTicket()->caseNumber.value_or("");
  else if (m == QLatin1String("registered")) number = registered_->number;
  else if (lookedUp_) number = lookedUp_->number;
  if (number.empty()) return;
  if (m == QLatin1String("registered")) {
    checked_ = {number, registered_->applicant};
    emit changed();
    return;
  }
  if (lookedUp_ && lookedUp_->number == number && m != QLatin1String("handover")) {
    checked_ = {number, lookedUp_->applicant};
    emit changed();
    return;
  }
  send_(requests::caseByNumber(number), [this, number](const client::Reply& reply) {
    const auto c = client::readCase(reply);
    if (!c) {
      refuse(c.error());
      return;
    }
    checked_ = {number, c.value().applicant};
    emit changed();
  });
}

QVariantMap CaseDesk::describe(const core::Case& c, bool whole) const {
  const core::Applicant applicant =
      whole && checked_ && checked_->first == c.number ? checked_->second : core::masked(c.applicant);
  QString result;
  if (c.outcome) result = c.outcome == core::CaseOutcome::Approved ? said(*c.outcome)
                                                                    : tr("%1：%2").arg(said(*c.outcome), qs(c.reason));
  else if (c.state == core::CaseState::Rejected) result = tr("不予受理：%1").arg(qs(c.reason));
  QStringList materials;
  for (const auto& m : c.materials) materials << tr("%1（%2）").arg(qs(m.name), said(m.status));
  QString due = c.dueDate ? dayText(*c.dueDate) : QString();
  if (!c.dueDate && c.state == core::CaseState::Correction) due = tr("材料补齐之日起计算");
  if (c.kind == core::ItemKind::Immediate && !c.dueDate) due = said(c.kind);
  QString issuing;
  if (c.issuingWindow) issuing = tr("%1号窗口").arg(*c.issuingWindow);
  return QVariantMap{{"number", qs(c.number)},
                     {"item", qs(c.itemName)},
                     {"kind", said(c.kind)},
                     {"state", QString::fromLatin1(core::toString(c.state))},
                     {"stateText", said(c.state)},
                     {"channel", said(c.channel)},
                     {"applicant", qs(applicant.name)},
                     {"idNumber", qs(applicant.idNumber)},
                     {"phone", qs(applicant.phone)},
                     {"checked", whole && checked_ && checked_->first == c.number},
                     {"request", qs(c.request)},
                     {"materials", materials.join(tr("，"))},
                     {"acceptedAt", c.acceptedAt ? timeText(*c.acceptedAt) : QString()},
                     {"dueDate", due},
                     {"result", result},
                     {"readyAt", c.readyAt ? timeText(*c.readyAt) : QString()},
                     {"issuingWindow", issuing},
                     {"collectedBy", qs(c.collectedBy)},
                     {"closedAt", c.closedAt ? timeText(*c.closedAt) : QString()},
                     {"ready", c.state == core::CaseState::Ready},
                     {"readiness", c.state == core::CaseState::Ready ? tr("结果已备好，可以交付")
                                   : c.state == core::CaseState::Collected
                                       ? tr("已于 %1 交付 %2").arg(c.closedAt ? timeText(*c.closedAt) : QString(),
                                                                   qs(c.collectedBy))
                                       : tr("办件尚未备好（%1），不能交付").arg(said(c.state))}};
}

QVariantMap CaseDesk::shownCase() const {
  const QString m = mode();
  if (m == QLatin1String("registered")) return describe(*registered_, true);
  if (m == QLatin1String("handover")) {
    const std::string number = currentTicket()->caseNumber.value_or("");
    if (const core::Case* c = mirrored(number)) return describe(*c, true);
    return QVariantMap{{"number", qs(number)}, {"readiness", tr("办件 %1 不在本厅当前的台账中").arg(qs(number))}};
  }
  return {};
}

void CaseDesk::lookUp(const QString& number) {
  const QString wanted = number.trimmed().toUpper();
  if (wanted.isEmpty()) {
    refuse(tr("请输入办件编号"));
    return;
  }
  send_(requests::caseByNumber(wanted.toStdString()), [this](const client::Reply& reply) {
    const auto c = client::readCase(reply);
    if (!c) {
      refuse(c.error());
      return;
    }
    if (!refusal_.isEmpty()) refuse(QString());
    lookedUp_ = c.value();
    checked_.reset();
    notice_ = nullptr;
    fillFollowUp();
    emit changed();
  });
}

QVariantMap CaseDesk::lookedUp() const { return lookedUp_ ? describe(*lookedUp_, true) : QVariantMap(); }

bool CaseDesk::canStartProcessing() const {
  return ready() && lookedUp_ && lookedUp_->state == core::CaseState::Accepted;
}
bool CaseDesk::canDecide() const {
  return ready() && lookedUp_ &&
         (lookedUp_->state == core::CaseState::Accepted || lookedUp_->state == core::CaseState::Processing);
}
bool CaseDesk::canMarkReady() const { return ready() && lookedUp_ && lookedUp_->state == core::CaseState::Decided; }

void CaseDesk::startProcessing() {
  if (!lookedUp_) return;
  caseCommand(requests::startCaseProcessing(window_, lookedUp_->number), [this](const core::Case& c) {
    lookedUp_ = c;
    fillFollowUp();
    notice_ = [number = qs(c.number)] { return tr("办件 %1 转入办理中").arg(number); };
  });
}

void CaseDesk::decide(const QString& outcome, const QString& reason) {
  if (!lookedUp_) return;
  const auto parsed = core::parseCaseOutcome(outcome.toStdString());
  if (!parsed) return;
  caseCommand(requests::decideCase(window_, lookedUp_->number, *parsed, reason.trimmed().toStdString()),
              [this](const core::Case& c) {
                lookedUp_ = c;
                fillFollowUp();
                notice_ = [number = qs(c.number), outcome = c.outcome] {
                  return tr("办件 %1 已办结：%2").arg(number, outcome ? said(*outcome) : QString());
                };
              });
}

void CaseDesk::markReady() {
  if (!lookedUp_) return;
  caseCommand(requests::markCaseReady(window_, lookedUp_->number), [this](const core::Case& c) {
    lookedUp_ = c;
    fillFollowUp();
    notice_ = [number = qs(c.number), window = window_] { return tr("办件 %1 待领取，在 %2号窗口").arg(number).arg(window); };
  });
}

QString CaseDesk::followUpKind() const {
  if (!lookedUp_) return {};
  switch (lookedUp_->state) {
    case core::CaseState::Accepted:
    case core::CaseState::Processing: return QStringLiteral("correction");
    case core::CaseState::Correction: return QStringLiteral("supply");
    default: return {};
  }
}

void CaseDesk::fillFollowUp() {
  if (!lookedUp_) {
    followUpMarks_.clear();
    followUp_.setRows({});
    return;
  }
  const std::pair<std::string, core::CaseState> now{lookedUp_->number, lookedUp_->state};
  // A mark is for one case in one state: a step done (here or elsewhere) clears them.
  if (now != followUpFor_) followUpMarks_.clear();
  followUpFor_ = now;
  const QString kind = followUpKind();
  QList<QVariantMap> rows;
  for (const auto& m : lookedUp_->materials) {
    const bool markable = kind == QLatin1String("correction")  ? m.status != core::MaterialStatus::Missing
                          : kind == QLatin1String("supply") ? m.status == core::MaterialStatus::Missing
                                                            : false;
    if (!markable) followUpMarks_.erase(m.name);
    rows << QVariantMap{{"material", qs(m.name)},
                        {"status", QString::fromLatin1(core::toString(m.status))},
                        {"statusText", said(m.status)},
                        {"markable", markable},
                        {"marked", markable && followUpMarks_.contains(m.name)}};
  }
  followUp_.setRows(std::move(rows));
}

void CaseDesk::markFollowUp(int row, bool marked) {
  if (row < 0 || row >= followUp_.rowCount() || !followUp_.field(row, "markable").toBool()) return;
  const std::string name = followUp_.field(row, "material").toString().toStdString();
  if (marked) followUpMarks_.insert(name);
  else followUpMarks_.erase(name);
  fillFollowUp();
  emit changed();
}

std::vector<std::string> CaseDesk::markedMaterials() const {
  // In the case's own order, as the forms list them.
  std::vector<std::string> marked;
  if (lookedUp_)
    for (const auto& m : lookedUp_->materials)
      if (followUpMarks_.contains(m.name)) marked.push_back(m.name);
  return marked;
}

bool CaseDesk::canAskCorrection() const {
  return ready() && followUpKind() == QLatin1String("correction") && !followUpMarks_.empty();
}

bool CaseDesk::canSupply() const {
  return ready() && followUpKind() == QLatin1String("supply") && !followUpMarks_.empty();
}

void CaseDesk::askCorrection(const QString& note) {
  if (!lookedUp_) return;
  if (!canAskCorrection()) {
    refuse(tr("请先标出所缺的材料"));
    return;
  }
  caseCommand(requests::requestCaseCorrection(window_, lookedUp_->number, markedMaterials(), note.trimmed().toStdString()),
              [this](const core::Case& c) {
                lookedUp_ = c;
                fillFollowUp();
                print(c, QStringLiteral("correction"));
              });
}

void CaseDesk::supplyMaterials() {
  if (!lookedUp_) return;
  if (!canSupply()) {
    refuse(tr("请先标出申请人补交的材料"));
    return;
  }
  caseCommand(requests::supplyCaseMaterials(window_, lookedUp_->number, markedMaterials()), [this](const core::Case& c) {
    lookedUp_ = c;
    fillFollowUp();
    // Still missing some: the list of what is left; complete: the receipt with the promised date.
    print(c, c.state == core::CaseState::Correction ? QStringLiteral("correction-left") : QStringLiteral("receipt"));
  });
}

}  // namespace jiujin::console
