#include "jiujin/console/core_words.hpp"
#include "jiujin/console/hall_monitor.hpp"

#include <set>

#include <QFile>

#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/console/figures_csv.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::console {

using nlohmann::json;
namespace requests = client::requests;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

qint64 secondsBetween(core::TimePoint from, core::TimePoint to) {
  return std::chrono::duration_cast<core::Seconds>(to - from).count();
}

QString percent(double share) { return QStringLiteral("%1%").arg(share * 100.0, 0, 'f', 1); }

QList<QVariantMap> groupRows(const json& groups, const std::map<std::string, std::string>& names) {
  QList<QVariantMap> rows;
  for (const auto& [key, g] : groups.items()) {
    QString name = qs(g.value("name", std::string()));
    if (const auto it = names.find(key); name.isEmpty() && it != names.end()) name = qs(it->second);
    if (name.isEmpty()) name = qs(key);  // a clerk the hall file does not name: by id, not a blank row
    const json waiting = g.value("waiting", json::object());
    const json service = g.value("service", json::object());
    rows << QVariantMap{{"key", qs(key)},
                        {"name", name},
                        {"issued", g.value("issued", 0)},
                        {"completed", g.value("completed", 0)},
                        {"noShow", g.value("no_show", 0)},
                        {"waitMean", formatDuration(static_cast<qint64>(waiting.value("mean_s", 0.0) + 0.5))},
                        {"waitP90", formatDuration(static_cast<qint64>(waiting.value("p90_s", 0.0) + 0.5))},
                        {"serviceMean", formatDuration(static_cast<qint64>(service.value("mean_s", 0.0) + 0.5))},
                        {"serviceP90", formatDuration(static_cast<qint64>(service.value("p90_s", 0.0) + 0.5))},
                        {"satisfaction", g.value("rated", 0) ? percent(g.value("satisfaction_rate", 0.0)) : QStringLiteral("—")},
                        {"loggedIn", formatDuration(static_cast<qint64>(g.value("logged_in_s", 0.0)))},
                        {"paused", formatDuration(static_cast<qint64>(g.value("paused_s", 0.0)))}};
  }
  return rows;
}

}  // namespace

HallMonitor::HallMonitor(Send send, std::map<std::string, std::string> clerkNames, Clock clock, QObject* parent)
    : QObject(parent),
      send_(std::move(send)),
      clerkNames_(std::move(clerkNames)),
      clock_(std::move(clock)),
      cases_(send_, clerkNames_, clock_),
      bookings_(send_) {
  cases_.setParent(this);
  bookings_.setParent(this);
  connect(&cases_, &CaseLedger::refused, this, &HallMonitor::refuse);
  connect(&bookings_, &BookingList::refused, this, &HallMonitor::refuse);
  for (RowListModel* m : {&windows_, &queues_, &devices_, &alarms_, &alarmFamilies_, &byItem_, &byQueue_, &byWindow_, &byClerk_,
                          &queueChoices_})
    m->setParent(this);
  ticker_.setInterval(1000);
  connect(&ticker_, &QTimer::timeout, this, [this] {
    refreshWindows();
    refreshQueues();
    if (++ticks_ % kFiguresEverySeconds == 0) refreshFiguresIfLive();
    if (ticks_ % kBookingsEverySeconds == 0) bookings_.reload();
  });
  ticker_.start();
}

void HallMonitor::setHall(const core::Hall* hall, bool online) {
  hall_ = hall;
  const bool cameOnline = online && !online_;
  online_ = online;
  // Asked before the link was up (at start), the figures came back empty: ask again now.
  if (cameOnline) refreshFiguresIfLive();
  refreshWindows();
  refreshQueues();
  cases_.setHall(hall, online);
  bookings_.setHall(hall, online);
  // 设置队列 starts on the first window, ticked as it serves now.
  if (queueChoices_.rowCount() == 0 && hall_ && !hall_->definition().windows.empty())
    chooseQueuesOf(hall_->definition().windows.front().number);
  emit changed();
}

void HallMonitor::setManagers(std::map<std::string, std::string> managers) {
  managers_ = std::move(managers);
  emit managerChanged();
}

QString HallMonitor::managerName() const {
  if (manager_.empty()) return QString();
  const auto it = managers_.find(manager_);
  return it == managers_.end() || it->second.empty() ? qs(manager_) : qs(it->second);
}

void HallMonitor::login(const QString& manager, const QString& pin) {
  const std::string id = manager.trimmed().toStdString();
  if (id.empty() || pin.isEmpty()) {
    refuse(tr("请输入工号和密码"));
    return;
  }
  loggingIn_ = true;
  emit managerChanged();
  send_(requests::managerLogin(id, pin.toStdString()), [this, id](const client::Reply& reply) {
    loggingIn_ = false;
    if (reply.ok) {
      manager_ = id;
      if (!refusal_.isEmpty()) refuse(QString());
    } else {
      const std::string& text = english_ && !reply.error.en.empty() ? reply.error.en : reply.error.zh;
      refuse(text.empty() ? qs(reply.error.code) : qs(text));
    }
    emit managerChanged();
  });
}

void HallMonitor::logout() {
  if (manager_.empty()) return;
  manager_.clear();
  emit managerChanged();
  send_(requests::managerLogout(), [](const client::Reply&) {});
}

void HallMonitor::setLanguage(const QString& language) {
  english_ = language == QStringLiteral("en");
  cases_.setLanguage(english_);
  bookings_.setLanguage(english_);
  setDevices(lastDevices_);  // the printer's words were made in the language before
}

QString HallMonitor::printerText() const {
  return tr("打印机：%1").arg(printerPaper_.isEmpty() ? tr("无报告") : printerPaper_);
}

QString HallMonitor::hallName() const { return hall_ ? qs(hall_->definition().name) : QString(); }
QString HallMonitor::notice() const { return hall_ ? qs(hall_->state().notice) : QString(); }

QStringList HallMonitor::queueIds() const {
  QStringList ids;
  if (hall_) {
    for (const auto& q : hall_->definition().queues) ids << qs(q.id);
  }
  return ids;
}

void HallMonitor::refreshWindows() {
  QList<QVariantMap> rows;
  if (hall_) {
    const auto now = clock_();
    for (const auto& def : hall_->definition().windows) {
      const auto it = hall_->state().windows.find(def.number);
      if (it == hall_->state().windows.end()) continue;
      const core::WindowStatus& w = it->second;
      const core::Ticket* t = w.current ? hall_->findTicket(*w.current) : nullptr;
      // Queues by the names the hall gave them (综合受理、社保医保), not their ids.
      QStringList served;
      for (const auto& e : w.profile.entries) {
        QString name = qs(e.queue);
        for (const auto& q : hall_->definition().queues)
          if (q.id == e.queue) name = qs(q.name);
        served << name;
      }
      QString clerkName;
      if (w.clerk) {
        const auto name = clerkNames_.find(*w.clerk);
        clerkName = name == clerkNames_.end() ? qs(*w.clerk) : qs(name->second);
      }
      const auto since = t && t->startedAt ? *t->startedAt : w.since;
      rows << QVariantMap{{"number", def.number},
                          {"name", qs(def.name)},
                          {"kind", said(def.kind)},
                          {"stateCode", QString::fromLatin1(core::toString(w.state))},
                          {"state", said(w.state)},
                          {"clerk", clerkName},
                          {"ticket", t ? qs(t->number) : QString()},
                          {"duration", w.state == core::WindowState::Closed ? QString() : formatDuration(secondsBetween(since, now))},
                          {"queues", served.join(QStringLiteral("、"))},
                          {"pauseReason", qs(w.pauseReason)},
                          {"closed", w.state == core::WindowState::Closed},
                          // A window opens only with a clerk at it: say so instead of a refusal.
                          {"canOpen", w.state == core::WindowState::Closed && w.clerk.has_value()},
                          {"openRefusal", w.state == core::WindowState::Closed && !w.clerk ? tr("无工作人员登录，不能开窗") : QString()}};
    }
  }
  windows_.setRows(std::move(rows));
}

void HallMonitor::refreshQueues() {
  QList<QVariantMap> rows;
  if (hall_) {
    const auto now = clock_();
    const auto target = core::Seconds(hall_->definition().rules.waitingTarget).count();
    for (const auto& q : hall_->definition().queues) {
      int waiting = 0;
      std::optional<core::TimePoint> oldest;
      for (const auto& [id, t] : hall_->state().tickets) {
        if (t.queue != q.id || t.state != core::TicketState::Waiting) continue;
        ++waiting;
        if (!oldest || t.arrivalAt < *oldest) oldest = t.arrivalAt;
      }
      const qint64 oldestWait = oldest ? secondsBetween(*oldest, now) : 0;
      const auto estimate = hall_->estimateForQueue(q.id, now);
      rows << QVariantMap{{"queue", qs(q.id)},
                          {"name", qs(q.name)},
                          {"prefix", qs(q.prefix)},
                          {"waiting", waiting},
                          {"oldestWait", oldest ? formatDuration(oldestWait) : QString()},
                          {"estimatedWait", estimate.windowsServing > 0 ? formatDuration(estimate.wait.count()) : tr("无窗口办理")},
                          {"overTarget", oldestWait > target}};
    }
  }
  queues_.setRows(std::move(rows));
}

QString HallMonitor::deviceLabel(const std::string& kind, int window, const QString& id) const {
  QString what;
  if (kind == "window_display") what = tr("窗口屏");
  else if (kind == "main_strip") what = tr("综合条屏");
  else if (kind == "keypad") what = tr("呼叫器");
  else if (kind == "eval_pad") what = tr("评价器");
  else if (kind == "printer") what = tr("取号打印机");
  else what = id;
  return window > 0 ? tr("%1号窗口 %2").arg(window).arg(what) : what;
}

QString HallMonitor::deviceStatusText(const std::string& status) const {
  if (status == "online" || status == "ok") return tr("正常");
  if (status == "offline") return tr("离线");
  if (status == "error") return tr("故障");
  if (status == "near_end") return tr("纸将用完");
  if (status == "out") return tr("缺纸");
  return qs(status);
}

void HallMonitor::setDevices(const json& devices) {
  lastDevices_ = devices;
  QList<QVariantMap> rows;
  printerPaper_.clear();
  printerOk_ = false;
  if (devices.is_object()) {
    for (const auto& [id, d] : devices.items()) {
      if (!d.is_object()) continue;
      const std::string status = d.value("status", std::string());
      const std::string kind = d.value("kind", std::string());
      if (kind == "printer") {
        printerOk_ = status == "ok";
        if (status == "ok") printerPaper_ = tr("纸张正常");
        else if (status == "near_end") printerPaper_ = tr("纸将用完");
        else if (status == "out") printerPaper_ = tr("缺纸");
        else printerPaper_ = tr("打印机离线");
      }
      const auto window = d.find("window");
      const auto faults = d.find("faults");
      const int windowNumber = window != d.end() && window->is_number_integer() ? window->get<int>() : 0;
      rows << QVariantMap{{"device", qs(id)},
                          {"label", deviceLabel(kind, windowNumber, qs(id))},
                          {"statusText", deviceStatusText(status)},
                          {"kind", qs(kind)},
                          {"window", window != d.end() && window->is_number_integer() ? QVariant(window->get<int>()) : QVariant()},
                          {"status", qs(status)},
                          {"online", status == "online" || status == "ok" || status == "near_end"},
                          {"faults", faults != d.end() && faults->is_number_integer() ? faults->get<int>() : 0},
                          {"detail", qs(d.value("detail", std::string()))}};
    }
  }
  devices_.setRows(std::move(rows));
  emit devicesChanged();
  refreshAlarms();  // a device's kind names its alarms
}

void HallMonitor::addAlarm(const json& alarm) {
  alarmList_.put(alarm);
  refreshAlarms();
}

void HallMonitor::addAlarms(const json& alarms) {
  alarmList_.putAll(alarms);
  refreshAlarms();
}

void HallMonitor::refreshAlarms() {
  const core::Date today = core::dateOf(clock_());
  alarmList_.forgetSettledBefore(today);
  auto rows = alarmList_.rows(
      today, english_, [this](const json& alarm, int count) { return alarmTitle(alarm, count); },
      familyFromKey(alarmFilter_.toStdString()));
  // Who acknowledged, by name: a manager's id ("m01") reads 李主任.
  for (auto& row : rows) {
    const auto by = clerkNames_.find(row.value("acknowledgedBy").toString().toStdString());
    if (by != clerkNames_.end()) row["acknowledgedBy"] = qs(by->second);
  }
  alarms_.setRows(std::move(rows));
  QList<QVariantMap> families{{{"key", QString()},
                               {"label", tr("全部 (%1)").arg(alarmList_.unacknowledged())},
                               {"count", alarmList_.unacknowledged()}}};
  const std::pair<AlarmFamily, QString> named[] = {{AlarmFamily::FollowUp, tr("回访")},
                                                   {AlarmFamily::Waiting, tr("等候")},
                                                   {AlarmFamily::Device, tr("设备")},
                                                   {AlarmFamily::Case, tr("办件")},
                                                   {AlarmFamily::Other, tr("其他")}};
  for (const auto& [family, name] : named) {
    const int n = alarmList_.unacknowledged(family);
    families << QVariantMap{{"key", QString::fromLatin1(familyKey(family))},
                            {"label", QStringLiteral("%1 (%2)").arg(name).arg(n)},
                            {"count", n}};
  }
  alarmFamilies_.setRows(std::move(families));
  emit alarmsChanged();
}

void HallMonitor::setAlarmFilter(const QString& family) {
  const QString key = familyFromKey(family.toStdString()) ? family : QString();
  if (key == alarmFilter_) return;
  alarmFilter_ = key;
  refreshAlarms();
}

int HallMonitor::shownUnacknowledged() const {
  return static_cast<int>(alarmList_.unacknowledgedIds(familyFromKey(alarmFilter_.toStdString())).size());
}

QString HallMonitor::alarmTitle(const json& alarm, int count) const {
  const std::string kind = alarm.value("kind", std::string());
  const auto window = alarm.find("window");
  const int windowNumber = window != alarm.end() && window->is_number_integer() ? window->get<int>() : 0;
  QString queueName;
  if (const auto q = alarm.find("queue"); q != alarm.end() && q->is_string()) {
    queueName = qs(q->get<std::string>());
    if (hall_)
      for (const auto& def : hall_->definition().queues)
        if (def.id == q->get<std::string>() && !def.name.empty()) queueName = qs(def.name);
  }
  if (familyOf(kind) == AlarmFamily::Device) {
    const std::string device = alarm.value("device", std::string());
    std::string deviceKind;
    if (const auto d = lastDevices_.find(device); d != lastDevices_.end() && d->is_object())
      deviceKind = d->value("kind", std::string());
    if (kind == "paper_out" || kind == "paper_low") deviceKind = "printer";
    const QString label = deviceLabel(deviceKind, windowNumber, qs(device));
    QString what;
    if (kind == "device_offline") what = tr("离线");
    else if (kind == "device_error") what = tr("故障");
    else if (kind == "paper_out") what = tr("缺纸");
    else what = tr("纸将用完");
    return count > 1 ? tr("%1 · %2（%3 次）").arg(label, what).arg(count) : tr("%1 · %2").arg(label, what);
  }
  // An alarm that names no queue (the dispatcher's always do; a hand-made or damaged one may
  // not) is an episode of its own, titled in the dispatcher's words (the ticket, the minutes),
  // never "：有群众等候超时".
  if ((kind == "wait_over_target" || kind == "queue_overflow") && queueName.isEmpty()) return QString();
  if (kind == "wait_over_target")
    return count > 1 ? tr("%1：%2 位群众等候超时").arg(queueName).arg(count) : tr("%1：有群众等候超时").arg(queueName);
  if (kind == "queue_overflow")
    return count > 1 ? tr("%1排队人数超限（%2 次）").arg(queueName).arg(count) : tr("%1排队人数超限").arg(queueName);
  if (kind == "window_idle")
    return count > 1 ? tr("%1号窗口有人等候却空闲（%2 次）").arg(windowNumber).arg(count)
                     : tr("%1号窗口有人等候却空闲").arg(windowNumber);
  return QString();  // the dispatcher's own words say it well
}

void HallMonitor::acknowledgeAlarms(const QVariantList& ids) {
  for (const QVariant& id : ids) {
    bool ok = false;
    const qint64 alarm = id.toLongLong(&ok);
    if (!ok || alarm <= 0) continue;
    if (const json* held = alarmList_.find(alarm); held && held->contains("acknowledged") &&
                                                   (*held)["acknowledged"].is_object())
      continue;
    acknowledgeAlarm(alarm);
  }
}

void HallMonitor::acknowledgeShown() {
  for (const auto id : alarmList_.unacknowledgedIds(familyFromKey(alarmFilter_.toStdString())))
    acknowledgeAlarm(id);
}

void HallMonitor::fetchAlarms() {
  send_(requests::snapshot(), [this](const client::Reply& reply) {
    // A failed fetch is retried at the next resync; the news keep the list current meanwhile.
    if (const auto alarms = client::readAlarms(reply)) addAlarms(json(*alarms));
  });
  // A restarted dispatcher has forgotten the login: ask the PIN again rather than act as
  // nobody.
  if (manager_.empty()) return;
  send_(requests::hello(), [this](const client::Reply& reply) {
    if (!reply.ok || manager_.empty()) return;
    const auto said = reply.result.find("manager");
    if (said != reply.result.end() && said->is_string() && said->get<std::string>() == manager_) return;
    manager_.clear();
    emit managerChanged();
  });
}

void HallMonitor::alarmAction(client::Request request, std::function<void()> done) {
  if (loginRequired()) {
    refuse(tr("请先登录：管理员工号和密码"));
    return;
  }
  send_(std::move(request), [this, done = std::move(done)](const client::Reply& reply) {
    const auto alarms = client::readAlarms(reply);
    if (!alarms) {
      refuse(alarms.error().zh.empty() ? qs(alarms.error().code) : qs(alarms.error().zh));
      return;
    }
    if (!refusal_.isEmpty()) refuse(QString());
    // The news says the same a moment later; the result shows it at once.
    for (const auto& alarm : *alarms) addAlarm(alarm);
    if (done) done();
  });
}

void HallMonitor::acknowledgeAlarm(qint64 alarm) { alarmAction(requests::acknowledgeAlarm(alarm)); }

void HallMonitor::closeFollowUp(qint64 alarm, const QString& note) {
  alarmAction(requests::closeFollowUp(alarm, note.trimmed().toStdString()), [this, alarm] {
    if (followUpAlarm_ == alarm) cancelFollowUp();
  });
}

void HallMonitor::beginFollowUp(qint64 alarm, const QString& text) {
  followUpAlarm_ = alarm;
  followUpText_ = text;
  emit followUpChanged();
}

void HallMonitor::cancelFollowUp() {
  if (followUpAlarm_ == 0 && followUpText_.isEmpty()) return;
  followUpAlarm_ = 0;
  followUpText_.clear();
  emit followUpChanged();
}

void HallMonitor::refuse(const QString& reason) {
  refusal_ = reason;
  emit refusalChanged();
}

void HallMonitor::clearRefusal() { refuse(QString()); }

void HallMonitor::act(client::Request request) {
  if (loginRequired()) {  // what the monitor does is recorded as a person's
    refuse(tr("请先登录：管理员工号和密码"));
    return;
  }
  send_(std::move(request), [this](const client::Reply& reply) {
    if (reply.ok) {
      if (!refusal_.isEmpty()) refuse(QString());
    } else {
      // The dispatcher says why in both languages.
      const std::string& text = english_ && !reply.error.en.empty() ? reply.error.en : reply.error.zh;
      refuse(text.empty() ? qs(reply.error.code) : qs(text));
    }
  });
}

void HallMonitor::openWindow(int window) { act(requests::openWindow(window)); }
void HallMonitor::closeWindow(int window) { act(requests::closeWindow(window)); }

void HallMonitor::chooseQueuesOf(int window) {
  QList<QVariantMap> rows;
  if (hall_) {
    std::set<std::string> served;
    if (const auto w = hall_->state().windows.find(window); w != hall_->state().windows.end())
      for (const auto& e : w->second.profile.entries) served.insert(e.queue);
    for (const auto& q : hall_->definition().queues)
      rows << QVariantMap{{"queue", qs(q.id)},
                          {"label", QStringLiteral("%1 %2").arg(qs(q.prefix), qs(q.name))},
                          {"checked", served.contains(q.id)}};
  }
  queueChoices_.setRows(std::move(rows));
}

void HallMonitor::applyQueueChoices(int window) {
  QStringList chosen;
  for (int r = 0; r < queueChoices_.rowCount(); ++r)
    if (queueChoices_.field(r, QStringLiteral("checked")).toBool()) chosen << queueChoices_.field(r, QStringLiteral("queue")).toString();
  setWindowQueues(window, chosen);
}

void HallMonitor::setWindowQueues(int window, const QStringList& queueList) {
  if (queueList.isEmpty()) {
    refuse(tr("至少选择一个队列"));
    return;
  }
  core::WorkProfile profile;
  for (const auto& q : queueList) profile.entries.push_back(core::ProfileEntry{q.toStdString()});
  act(requests::setWorkProfile(window, profile));
}

void HallMonitor::pinTicket(int window, const QString& number) {
  if (!hall_) return;
  const std::string wanted = number.trimmed().toUpper().toStdString();
  for (const auto& [id, t] : hall_->state().tickets) {
    if (t.number == wanted && t.state == core::TicketState::Waiting) {
      act(requests::pinTicket(window, id));
      return;
    }
  }
  refuse(tr("没有等候中的 %1 号").arg(number.trimmed()));
}

void HallMonitor::broadcastNotice(const QString& text) { act(requests::broadcastNotice(text.toStdString())); }

void HallMonitor::loadFigures(const QString& from, const QString& to) {
  auto first = protocol::dateFromString(from.toStdString());
  auto last = protocol::dateFromString(to.toStdString());
  if (!first || !last) {
    refuse(tr("日期无效：%1 至 %2").arg(from, to));
    return;
  }
  figuresAsked_ = {from, to};
  send_(requests::statistics({first.value(), last.value()}), [this](const client::Reply& reply) {
    const auto statistics = client::readStatistics(reply);
    if (!statistics) {
      refuse(statistics.error().zh.empty() ? qs(statistics.error().code) : qs(statistics.error().zh));
      return;
    }
    setFigures(statistics->figures);
  });
}

void HallMonitor::loadToday() {
  const QString today = localDateTime(clock_()).date().toString(Qt::ISODate);
  loadFigures(today, today);
}

void HallMonitor::loadCurrentAppraisalPeriod() { loadAppraisalPeriod(localDateTime(clock_()).date()); }

void HallMonitor::loadPreviousAppraisalPeriod() {
  // 考核 is of the period that has ended: the one before today's.
  const QDate today = localDateTime(clock_()).date();
  const QDate currentFirst(today.year(), ((today.month() - 1) / 2) * 2 + 1, 1);
  loadAppraisalPeriod(currentFirst.addDays(-1));
}

void HallMonitor::refreshFiguresIfLive() {
  // The figures of a period that holds today change as the hall works: ask again.
  if (!online_ || figuresAsked_.first.isEmpty()) return;
  const QString today = localDateTime(clock_()).date().toString(Qt::ISODate);
  if (figuresAsked_.first <= today && today <= figuresAsked_.second)
    loadFigures(figuresAsked_.first, figuresAsked_.second);
}

void HallMonitor::loadAppraisalPeriod(const QDate& day) {
  const int firstMonth = ((day.month() - 1) / 2) * 2 + 1;
  const QDate from(day.year(), firstMonth, 1);
  const QDate to = from.addMonths(2).addDays(-1);
  loadFigures(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

void HallMonitor::setFigures(json figures) {
  figures_ = std::move(figures);
  std::map<std::string, std::string> windowNames;
  if (hall_) {
    for (const auto& w : hall_->definition().windows) windowNames[std::to_string(w.number)] = w.name;
  }
  byItem_.setRows(groupRows(figures_.value("by_item", json::object()), {}));
  byQueue_.setRows(groupRows(figures_.value("by_queue", json::object()), {}));
  byWindow_.setRows(groupRows(figures_.value("by_window", json::object()), windowNames));
  byClerk_.setRows(groupRows(figures_.value("by_clerk", json::object()), clerkNames_));
  cases_.setFigures(figures_);
  emit figuresChanged();
}

QString HallMonitor::figuresFrom() const { return qs(figures_.value("from", std::string())); }
QString HallMonitor::figuresTo() const { return qs(figures_.value("to", std::string())); }

QVariantMap HallMonitor::summary() const {
  const json tickets = figures_.value("tickets", json::object());
  const json waiting = figures_.value("waiting", json::object());
  const json service = figures_.value("service", json::object());
  const json ratings = figures_.value("ratings", json::object());
  return QVariantMap{
      {"issued", tickets.value("issued", 0)},
      {"completed", tickets.value("completed", 0)},
      {"waitMean", formatDuration(static_cast<qint64>(waiting.value("mean_s", 0.0) + 0.5))},
      {"waitP90", formatDuration(static_cast<qint64>(waiting.value("p90_s", 0.0) + 0.5))},
      {"serviceMean", formatDuration(static_cast<qint64>(service.value("mean_s", 0.0) + 0.5))},
      {"serviceP90", formatDuration(static_cast<qint64>(service.value("p90_s", 0.0) + 0.5))},
      {"withinTarget", percent(figures_.value("within_target", json::object()).value("share", 0.0))},
      {"noShowRate", percent(figures_.value("no_show_rate", 0.0))},
      {"satisfaction", percent(ratings.value("satisfaction_rate", 0.0))},
      {"rated", ratings.value("rated", 0)}};
}

QVariantList HallMonitor::arrivalsByHour() const {
  QVariantList hours;
  for (const auto& n : figures_.value("arrivals_by_hour", json::array())) hours << n.get<int>();
  return hours;
}

int HallMonitor::arrivalsPeak() const {
  int peak = 0;
  for (const auto& n : figures_.value("arrivals_by_hour", json::array())) peak = std::max(peak, n.get<int>());
  return peak;
}

QVariantList HallMonitor::ratingLevels() const {
  QVariantList levels;
  const json byLevel = figures_.value("ratings", json::object()).value("by_level", json::object());
  for (const core::Rating r : core::kRatingScale) {
    levels << QVariantMap{{"level", said(r)}, {"count", byLevel.value(core::toString(r), 0)}};
  }
  return levels;
}

bool HallMonitor::exportFigures(const QString& path) {
  QFile file(path);
  const std::string csv = figuresCsv(figures_);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      file.write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size())) {
    refuse(tr("无法写入 %1：%2").arg(path, file.errorString()));
    return false;
  }
  return true;
}

bool HallMonitor::exportAppraisalBeside(const QString& figuresPath) {
  QString path = figuresPath;
  const qsizetype csv = path.indexOf(QStringLiteral(".csv"));
  if (csv >= 0) path.replace(csv, 4, QStringLiteral("-考核.csv"));
  return exportAppraisal(path);
}

bool HallMonitor::exportAppraisal(const QString& path) {
  QFile file(path);
  const std::string csv = appraisalCsv(figures_, clerkNames_);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      file.write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size())) {
    refuse(tr("无法写入 %1：%2").arg(path, file.errorString()));
    return false;
  }
  return true;
}

}  // namespace jiujin::console
