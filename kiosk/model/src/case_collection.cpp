#include "jiujin/kiosk/case_collection.hpp"

#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcCollect, "kiosk.collect")

namespace jiujin::kiosk {

std::optional<core::ServiceItem> collectionItemOf(const core::HallDefinition& hall) {
  for (const auto& window : hall.windows) {
    if (window.kind != core::WindowKind::Issuing || window.profile.entries.empty()) continue;
    const auto& queue = window.profile.entries.front().queue;
    for (const auto& item : hall.items)
      if (item.queue == queue) return item;
  }
  return std::nullopt;
}

QString caseNumberFrom(const QString& typed) {
  QString number = typed.trimmed().toUpper();
  number.remove(QRegularExpression(QStringLiteral("\\s")));
  static const QRegularExpression shape(QStringLiteral("^[A-Z0-9]{1,20}-[0-9]{8}-[0-9]{4}$"));
  return shape.match(number).hasMatch() ? number : QString();
}

CaseCollection::CaseCollection(TicketIssuer::Send send, QObject* parent) : QObject(parent), send_(std::move(send)) {}

void CaseCollection::submit(const QString& typed) {
  if (state_ == State::Looking) return;  // the scanner's second Enter, or a double tap
  ++lookUp_;
  caseNumber_ = caseNumberFrom(typed);
  itemName_.clear();
  dueDate_ = {};
  refusal_.clear();
  if (caseNumber_.isEmpty()) {
    caseNumber_ = typed.trimmed();
    setState(State::NotFound);
    return;
  }
  setState(State::Looking);
  const quint64 lookUp = lookUp_;
  send_(client::requests::caseByNumber(caseNumber_.toStdString()),
        [this, lookUp](const client::Reply& reply) { answered(lookUp, reply); });
}

void CaseCollection::clear() {
  ++lookUp_;
  caseNumber_.clear();
  itemName_.clear();
  dueDate_ = {};
  refusal_.clear();
  setState(State::Idle);
  emit changed();
}

void CaseCollection::setEnglish(bool english) {
  english_ = english;
  emit changed();
}

void CaseCollection::answered(quint64 lookUp, const client::Reply& reply) {
  if (lookUp != lookUp_ || state_ != State::Looking) return;
  const auto found = client::readCase(reply);
  if (found) {
    show(found.value());
    return;
  }
  const client::Failure& failure = found.error();
  if (failure.code == "not_found" || failure.code == "unknown_case") {
    setState(State::NotFound);
    return;
  }
  qCWarning(lcCollect) << "case look-up failed:" << failure.code.c_str() << failure.en.c_str();
  refusal_ = QString::fromStdString(english_ ? failure.en : failure.zh);
  setState(State::Unreachable);
}

void CaseCollection::show(const core::Case& found) {
  itemName_ = QString::fromStdString(found.itemName);
  caseState_ = found.state;
  if (found.dueDate) {
    const auto& d = *found.dueDate;
    dueDate_ = QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                     static_cast<int>(static_cast<unsigned>(d.day())));
  }
  switch (found.state) {
    case core::CaseState::Ready:
      setState(State::Ready);
      emit caseReady(caseNumber_);
      return;
    case core::CaseState::Collected:
    case core::CaseState::Rejected:
      setState(State::Closed);
      return;
    default:
      setState(State::NotReady);
      return;
  }
}

QString CaseCollection::message() const {
  switch (state_) {
    case State::Idle: return tr("请扫描收件回执单上的二维码，或输入办件编号");
    case State::Looking: return tr("正在查询办件…");
    case State::Ready: return tr("办件结果已可领取，请取号到统一出件窗口领取");
    case State::NotReady:
      if (caseState_ == core::CaseState::Correction) return tr("该办件尚待补交材料，请先到综合受理窗口补交");
      if (!dueDate_.isValid()) return tr("办件结果尚未办结，暂不能领取");
      return tr("办件结果尚未办结，暂不能领取。承诺办结日期：%1")
          .arg(QLocale(english_ ? QLocale::English : QLocale::Chinese).toString(dueDate_, tr("yyyy年M月d日")));
    case State::Closed:
      return caseState_ == core::CaseState::Collected ? tr("该办件结果已被领取") : tr("该办件已不予受理，请到咨询台询问");
    case State::NotFound: return tr("没有找到该办件，请核对办件编号或到咨询台询问");
    case State::Unreachable: return refusal_.isEmpty() ? tr("暂时无法查询，请稍后再试") : refusal_;
  }
  return {};
}

void CaseCollection::setState(State state) {
  if (state_ == state) {
    emit changed();
    return;
  }
  state_ = state;
  emit changed();
}

}  // namespace jiujin::kiosk
