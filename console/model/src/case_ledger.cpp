#include "jiujin/console/case_ledger.hpp"

#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/console/core_words.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::console {

using nlohmann::json;
namespace requests = client::requests;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

/// The promised period still runs: nothing decided yet.
bool clockRuns(core::CaseState s) {
  return s == core::CaseState::Correction || s == core::CaseState::Accepted || s == core::CaseState::Processing;
}

QString share(const json& counts) {
  const auto rate = counts.find("on_time_rate");
  if (rate == counts.end() || !rate->is_number()) return QStringLiteral("—");
  return QStringLiteral("%1%").arg(rate->get<double>() * 100.0, 0, 'f', 1);
}

}  // namespace

CaseLedger::CaseLedger(Send send, std::map<std::string, std::string> clerkNames, Clock clock, QObject* parent)
    : QObject(parent), send_(std::move(send)), clerkNames_(std::move(clerkNames)), clock_(std::move(clock)) {
  cases_.setParent(this);
  onTime_.setParent(this);
}

void CaseLedger::setHall(const core::Hall* hall, bool online) {
  const bool first = hall_ == nullptr && hall != nullptr;
  hall_ = hall;
  online_ = online;
  if (first) emit choicesChanged();
  if (!hall_ || !online_) return;
  std::map<core::CaseId, core::CaseState> now;
  for (const auto& [id, c] : hall_->state().cases) now.emplace(id, c.state);
  // Every registration and step of a case comes as an event into the mirror: ask again then
  // (and once online, for the closed cases only the register still holds).
  if (now == asOf_ && asked_) return;
  asOf_ = std::move(now);
  asked_ = true;
  reload();
}

QVariantList CaseLedger::stateChoices() const {
  QVariantList choices{QVariantMap{{"label", tr("全部状态")}, {"value", QString()}}};
  for (const auto s : {core::CaseState::Correction, core::CaseState::Accepted, core::CaseState::Processing,
                       core::CaseState::Decided, core::CaseState::Ready, core::CaseState::Collected,
                       core::CaseState::Rejected})
    choices << QVariantMap{{"label", said(s)}, {"value", QString::fromLatin1(core::toString(s))}};
  return choices;
}

QVariantList CaseLedger::itemChoices() const {
  QVariantList choices{QVariantMap{{"label", tr("全部事项")}, {"value", QString()}}};
  if (hall_)
    for (const auto& i : hall_->definition().items) choices << QVariantMap{{"label", qs(i.name)}, {"value", qs(i.code)}};
  return choices;
}

QVariantList CaseLedger::clerkChoices() const {
  QVariantList choices{QVariantMap{{"label", tr("全部人员")}, {"value", QString()}}};
  for (const auto& [id, name] : clerkNames_) choices << QVariantMap{{"label", qs(name.empty() ? id : name)}, {"value", qs(id)}};
  return choices;
}

void CaseLedger::setState(const QString& v) {
  if (v == state_) return;
  state_ = v;
  filtered();
}
void CaseLedger::setItem(const QString& v) {
  if (v == item_) return;
  item_ = v;
  filtered();
}
void CaseLedger::setClerk(const QString& v) {
  if (v == clerk_) return;
  clerk_ = v;
  filtered();
}
void CaseLedger::setDueBefore(const QString& v) {
  const QString day = v.trimmed();
  if (day == dueBefore_) return;
  if (!day.isEmpty() && !protocol::dateFromString(day.toStdString())) {
    emit refused(tr("日期无效：%1（格式 2026-05-08）").arg(day));
    return;
  }
  dueBefore_ = day;
  filtered();
}

QString CaseLedger::clerkName(const std::string& id) const {
  const auto it = clerkNames_.find(id);
  return it != clerkNames_.end() && !it->second.empty() ? qs(it->second) : qs(id);
}

QString CaseLedger::itemName(const std::string& code) const {
  if (hall_)
    for (const auto& i : hall_->definition().items)
      if (i.code == code) return qs(i.name);
  return qs(code);
}

QString CaseLedger::summary() const {
  const int shown = cases_.rowCount();
  if (shown == 0 || (page() == 1 && shown >= total_)) return tr("共 %1 件").arg(total_);
  const int first = (page() - 1) * kPage + 1;
  return tr("共 %1 件，第 %2–%3 件").arg(total_).arg(first).arg(first + shown - 1);
}

void CaseLedger::filtered() {
  pageStarts_ = {0};
  nextAfter_.reset();
  emit filterChanged();
  reload();
}

void CaseLedger::nextPage() {
  if (!nextAfter_) return;
  pageStarts_.push_back(*nextAfter_);
  nextAfter_.reset();
  reload();
}

void CaseLedger::previousPage() {
  if (pageStarts_.size() <= 1) return;
  pageStarts_.pop_back();
  reload();
}

void CaseLedger::firstPage() {
  pageStarts_ = {0};
  reload();
}

bool CaseLedger::matches(const core::Case& c) const {
  if (!state_.isEmpty() && QString::fromLatin1(core::toString(c.state)) != state_) return false;
  if (!item_.isEmpty() && qs(c.item) != item_) return false;
  if (!clerk_.isEmpty() && (!c.clerk || qs(*c.clerk) != clerk_)) return false;
  if (!dueBefore_.isEmpty()) {
    const auto day = protocol::dateFromString(dueBefore_.toStdString());
    if (!c.dueDate || (day && !(*c.dueDate < day.value()))) return false;
  }
  return true;
}

void CaseLedger::reload() {
  // One question at a time: a burst of case events (a counter registering cases back to
  // back) asks once more when the answer comes, not once per event — 230 registrations made
  // 230 list queries, each reading a page of bodies, before this.
  if (asking_) {
    askAgain_ = true;
    return;
  }
  asking_ = true;
  client::CaseQuery query;
  query.limit = kPage;
  query.after = pageStarts_.back();
  if (!state_.isEmpty()) query.state = core::parseCaseState(state_.toStdString());
  if (!item_.isEmpty()) query.item = item_.toStdString();
  if (!clerk_.isEmpty()) query.clerk = clerk_.toStdString();
  if (!dueBefore_.isEmpty()) {
    if (auto day = protocol::dateFromString(dueBefore_.toStdString())) query.dueBefore = day.value();
  }
  send_(requests::cases(query), [this](const client::Reply& reply) {
    asking_ = false;
    if (askAgain_) {
      // The state or a filter moved while this was asked: its answer is already old.
      askAgain_ = false;
      reload();
      return;
    }
    const auto answer = client::readCasePage(reply);
    if (!answer) {
      const auto& f = answer.error();
      emit refused(qs(english_ && !f.en.empty() ? f.en : f.zh.empty() ? f.code : f.zh));
      return;
    }
    QList<QVariantMap> rows;
    dueSoon_ = 0;
    overdue_ = 0;
    for (const core::Case& c : answer.value().cases) {
      // The dispatcher's own notices, once per case and journaled: the same as its alarms.
      const bool overdue = clockRuns(c.state) && c.overdueNoticed;
      const bool soon = clockRuns(c.state) && c.dueSoonNoticed && !overdue;
      dueSoon_ += soon;
      overdue_ += overdue;
      rows << QVariantMap{{"number", qs(c.number)},
                          {"itemName", qs(c.itemName.empty() ? itemName(c.item).toStdString() : c.itemName)},
                          {"applicant", qs(c.applicant.name)},
                          {"state", QString::fromLatin1(core::toString(c.state))},
                          {"stateText", said(c.state)},
                          {"channel", said(c.channel)},
                          {"clerk", c.clerk ? clerkName(*c.clerk) : QString()},
                          {"window", c.window},
                          {"acceptedAt", c.acceptedAt ? localDateTime(*c.acceptedAt).toString(QStringLiteral("MM-dd HH:mm"))
                                                      : QString()},
                          {"dueDate", c.dueDate ? qs(protocol::dateToString(*c.dueDate)) : QStringLiteral("—")},
                          {"dueSoon", soon},
                          {"overdue", overdue},
                          {"alarm", overdue ? tr("已超期") : soon ? tr("即将到期") : QString()}};
    }
    // Every open case is in the mirror: the alarms count over every page, not the one shown.
    if (hall_) {
      dueSoon_ = 0;
      overdue_ = 0;
      for (const auto& [id, c] : hall_->state().cases) {
        if (!clockRuns(c.state) || !matches(c)) continue;
        overdue_ += c.overdueNoticed;
        dueSoon_ += c.dueSoonNoticed && !c.overdueNoticed;
      }
    }
    total_ = static_cast<int>(answer.value().total);
    nextAfter_ = answer.value().nextAfter;
    // The cases shown were all closed and left the filter, or a page emptied: step back.
    if (answer.value().cases.empty() && pageStarts_.size() > 1) {
      pageStarts_.pop_back();
      reload();
      return;
    }
    cases_.setRows(std::move(rows));
    emit casesChanged();
  });
}

void CaseLedger::setFigures(const json& figures) {
  const auto found = figures.find("cases");
  const json cases = found != figures.end() && found->is_object() ? *found : json::object();
  onTimeRate_ = share(cases);
  QList<QVariantMap> rows;
  const auto group = [&](const char* key, const QString& label, auto nameOf) {
    const auto byKey = cases.find(key);
    if (byKey == cases.end() || !byKey->is_object()) return;
    for (const auto& [id, counts] : byKey->items()) {
      rows << QVariantMap{{"group", label},
                          {"name", nameOf(id)},
                          {"decided", counts.value("decided", 0)},
                          {"onTime", counts.value("on_time", 0)},
                          {"rate", share(counts)}};
    }
  };
  group("by_item", tr("事项"), [this](const std::string& id) { return itemName(id); });
  group("by_window", tr("窗口"), [](const std::string& id) { return tr("%1号窗口").arg(qs(id)); });
  group("by_clerk", tr("人员"), [this](const std::string& id) { return clerkName(id); });
  onTime_.setRows(std::move(rows));
  emit onTimeChanged();
}

}  // namespace jiujin::console
