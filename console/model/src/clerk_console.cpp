#include "jiujin/console/core_words.hpp"
#include "jiujin/console/clerk_console.hpp"
#include "jiujin/console/ticket_story.hpp"

#include <algorithm>
#include <vector>

#include "jiujin/client/replies.hpp"
#include "jiujin/client/request.hpp"
#include "jiujin/core/names.hpp"

namespace jiujin::console {

using nlohmann::json;
namespace requests = client::requests;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

qint64 secondsBetween(core::TimePoint from, core::TimePoint to) {
  return std::chrono::duration_cast<core::Seconds>(to - from).count();
}

}  // namespace

ClerkConsole::ClerkConsole(int window, Send send, Clock clock, std::map<std::string, std::string> clerkNames,
                           QObject* parent)
    : QObject(parent),
      window_(window),
      send_(std::move(send)),
      clerkNames_(std::move(clerkNames)),
      clock_(clock),
      cases_(window, send_, clock) {
  cases_.setParent(this);
  queues_.setParent(this);
  noShows_.setParent(this);
  // The service clock and the queues' oldest waits move every second.
  ticker_.setInterval(1000);
  connect(&ticker_, &QTimer::timeout, this, [this] {
    refreshQueues();
    refreshNoShows();  // 过号重排 runs out with time (reactivation_window)
    // What the keypad may do can change with time alone (an appointment's slot begins).
    if (refreshActions()) emit changed();
    emit tick();
  });
  ticker_.start();
}

void ClerkConsole::setHall(const core::Hall* hall, bool online) {
  hall_ = hall;
  online_ = online;
  refreshActions();
  refreshQueues();
  refreshNoShows();
  cases_.setHall(hall, online);
  refreshFiguresIfChanged();
  emit changed();
  emit tick();
}

void ClerkConsole::refreshFiguresIfChanged() {
  if (!hall_ || !online_ || !loggedIn() || needsConfirmation()) return;
  std::pair<int, int> now{0, 0};
  for (const auto& [id, t] : hall_->state().tickets) {
    if (t.window != window_) continue;
    if (t.state == core::TicketState::Completed) ++now.first;
    if (t.evaluation == core::EvaluationStatus::Rated) ++now.second;
  }
  if (now == figuresAsOf_) return;
  figuresAsOf_ = now;
  refreshFigures();
}

const core::WindowStatus* ClerkConsole::status() const {
  if (!hall_) return nullptr;
  const auto it = hall_->state().windows.find(window_);
  return it == hall_->state().windows.end() ? nullptr : &it->second;
}

const core::Ticket* ClerkConsole::currentTicket() const {
  const auto* w = status();
  return w && w->current ? hall_->findTicket(*w->current) : nullptr;
}

QString ClerkConsole::windowName() const {
  if (hall_) {
    for (const auto& def : hall_->definition().windows)
      if (def.number == window_) return qs(def.name);
  }
  return {};
}

QString ClerkConsole::stateCode() const {
  const auto* w = status();
  return w ? QString::fromLatin1(core::toString(w->state)) : QStringLiteral("unknown");
}

QString ClerkConsole::stateName() const {
  if (!online_) return tr("未连接调度服务");
  const auto* w = status();
  return w ? said(w->state) : tr("未知窗口");
}

QString ClerkConsole::pauseReason() const {
  const auto* w = status();
  return w ? qs(w->pauseReason) : QString();
}

QString ClerkConsole::stateText() const {
  const QString reason = pauseReason();
  return reason.isEmpty() ? stateName() : tr("%1（%2）").arg(stateName(), reason);
}

bool ClerkConsole::loggedIn() const {
  const auto* w = status();
  return w && w->clerk.has_value();
}

QString ClerkConsole::clerk() const {
  const auto* w = status();
  return w && w->clerk ? qs(*w->clerk) : QString();
}

QString ClerkConsole::clerkName() const {
  const auto* w = status();
  if (!w || !w->clerk) return {};
  const auto name = clerkNames_.find(*w->clerk);
  return name != clerkNames_.end() && !name->second.empty() ? qs(name->second) : qs(*w->clerk);
}

bool ClerkConsole::needsConfirmation() const { return loggedIn() && clerk() != confirmedClerk_; }

bool ClerkConsole::may(core::WindowAction action) const {
  // Every key is the logged-in clerk's (F8 after a logout is nobody's).
  return online_ && !busy_ && hall_ && loggedIn() && !needsConfirmation() && actions_.allows(action);
}

bool ClerkConsole::canCall() const { return may(core::WindowAction::CallNext); }
bool ClerkConsole::canRecall() const { return may(core::WindowAction::Recall); }
bool ClerkConsole::canStart() const { return may(core::WindowAction::StartService); }
bool ClerkConsole::canComplete() const { return may(core::WindowAction::Complete); }
bool ClerkConsole::canNoShow() const { return may(core::WindowAction::MarkNoShow); }
bool ClerkConsole::canTransfer() const { return may(core::WindowAction::Transfer); }
bool ClerkConsole::canPause() const { return may(core::WindowAction::Pause); }
bool ClerkConsole::canResume() const { return may(core::WindowAction::Resume); }
bool ClerkConsole::canRequestEvaluation() const { return may(core::WindowAction::RequestEvaluation); }

bool ClerkConsole::refreshActions() {
  // The hall's own rules (recall limit, who may pause, …): the console keeps no copy.
  core::WindowActions now = hall_ ? hall_->allowed(window_, clock_()) : core::WindowActions{};
  if (now == actions_) return false;
  actions_ = std::move(now);
  return true;
}

QString ClerkConsole::ticketNumber() const {
  const auto* t = currentTicket();
  return t ? qs(t->number) : QString();
}

QString ClerkConsole::ticketItem() const {
  const auto* t = currentTicket();
  if (!t) return {};
  for (const auto& item : hall_->definition().items)
    if (item.code == t->item) return qs(item.name);
  return qs(t->item);
}

QString ClerkConsole::ticketState() const {
  const auto* t = currentTicket();
  return t ? said(t->state) : QString();
}

QString ClerkConsole::ticketPriority() const {
  const auto* t = currentTicket();
  return t && core::isPriority(t->priority) ? tr("绿色通道·%1").arg(said(t->priority))
                                             : QString();
}

QString ClerkConsole::callReason() const {
  const auto* t = currentTicket();
  if (!t) return {};
  for (auto step = t->history.rbegin(); step != t->history.rend(); ++step) {
    if (step->state != core::TicketState::Called || step->window != window_) continue;
    if (step->kind == core::StepKind::Recalled) continue;  // a recall repeats the call; the reason is the call's
    // Chinese: the core's own sentence, with every figure of its choice (ticket_story.hpp).
    return english_ ? TicketStory::calledBecause(*t, *step, *hall_) : qs(step->note);
  }
  return {};
}

QString ClerkConsole::idleHint() const {
  if (!loggedIn()) return tr("请先登录");
  const auto* w = status();
  if (w && w->state == core::WindowState::Paused) return tr("已暂停，按 F7 恢复");
  if (w && w->state == core::WindowState::Closed) return tr("窗口未开放");
  return tr("暂无办件，按 F1 呼叫下一位");
}

QString ClerkConsole::ticketNote() const {
  const auto* t = currentTicket();
  return t ? qs(t->note) : QString();
}

QStringList ClerkConsole::ticketHistory() const {
  QStringList lines;
  const core::Ticket* t = currentTicket();
  if (!t || !t->transferredFrom) return lines;
  // A transferred ticket's story starts at the ticket it came from.
  std::vector<const core::Ticket*> chain;
  for (const core::Ticket* at = t; at; at = at->transferredFrom ? hall_->findTicket(*at->transferredFrom) : nullptr)
    chain.insert(chain.begin(), at);
  for (const core::Ticket* step : chain) {
    for (std::size_t i = 0; i < step->history.size(); ++i) {
      const core::TicketStep& h = step->history[i];
      QString line = QStringLiteral("%1  %2  %3")
                         .arg(localDateTime(h.at).toString(QStringLiteral("HH:mm")), qs(step->number),
                              said(h.state));
      if (h.window) line += tr("（%1号窗口）").arg(*h.window);
      const QString what = english_ ? TicketStory::stepSaid(*step, i, *hall_) : qs(h.note);
      if (!what.isEmpty()) line += QStringLiteral("  ") + what;
      lines << line;
    }
  }
  return lines;
}

QString ClerkConsole::elapsed() const {
  const auto* t = currentTicket();
  if (!t) return {};
  const auto since = t->startedAt ? *t->startedAt : t->calledAt.value_or(clock_());
  return formatDuration(secondsBetween(since, clock_()));
}

QVariantList ClerkConsole::transferTargets() const {
  QVariantList targets;
  if (!hall_) return targets;
  const auto& def = hall_->definition();
  if (std::any_of(def.windows.begin(), def.windows.end(),
                  [this](const auto& w) { return w.kind == core::WindowKind::Issuing && w.number != window_; })) {
    targets << QVariantMap{{"label", tr("统一发证窗口")}, {"target", QVariantMap{{"kind", "issuing"}}}};
  }
  for (const auto& q : def.queues) {
    targets << QVariantMap{{"label", tr("%1队列（%2）").arg(qs(q.name), qs(q.prefix))},
                           {"target", QVariantMap{{"queue", qs(q.id)}}}};
  }
  for (const auto& w : def.windows) {
    if (w.number == window_) continue;
    targets << QVariantMap{{"label", tr("%1号窗口 %2").arg(w.number).arg(qs(w.name))},
                           {"target", QVariantMap{{"window", w.number}}}};
  }
  return targets;
}

QString ClerkConsole::averageService() const {
  return formatDuration(static_cast<qint64>(averageServiceSeconds_ + 0.5));
}

void ClerkConsole::refuse(const QString& reason) {
  refusal_ = reason;
  emit refusalChanged();
}

void ClerkConsole::clearRefusal() { refuse(QString()); }

void ClerkConsole::act(client::Request request, std::function<void()> then) {
  if (transferred_) {
    transferred_.reset();
    emit noticeChanged();
  }
  busy_ = true;
  emit changed();
  send_(std::move(request), [this, then = std::move(then)](const client::Reply& reply) {
    busy_ = false;
    if (reply.ok) {
      if (!refusal_.isEmpty()) refuse(QString());
      if (then) then();
    } else {
      const std::string& text = english_ && !reply.error.en.empty() ? reply.error.en : reply.error.zh;
      refuse(text.empty() ? qs(reply.error.code) : qs(text));
    }
    emit changed();
  });
}

void ClerkConsole::login(const QString& clerkId, const QString& pin) {
  if (clerkId.trimmed().isEmpty() || pin.isEmpty()) {
    refuse(tr("请输入工号和密码"));
    return;
  }
  act(requests::clerkLogin(window_, clerkId.trimmed().toStdString(), pin.toStdString()), [this, clerkId] {
    confirmedClerk_ = clerkId.trimmed();
    // Logging in starts the window's work: a closed window opens.
    const auto* w = status();
    if (!w || w->state == core::WindowState::Closed) act(requests::openWindow(window_));
    refreshFigures();
  });
}

void ClerkConsole::confirm(const QString& pin) {
  if (!loggedIn()) return;
  if (pin.isEmpty()) {
    refuse(tr("请输入密码"));
    return;
  }
  const QString who = clerk();
  act(requests::confirmClerk(window_, who.toStdString(), pin.toStdString()), [this, who] {
    confirmedClerk_ = who;
    refreshFigures();
  });
}

void ClerkConsole::logout() {
  act(requests::clerkLogout(window_), [this] {
    confirmedClerk_.clear();
    servedToday_ = 0;
    averageServiceSeconds_ = 0;
    ratingsToday_.clear();
    satisfactionToday_ = 0;
    emit figuresChanged();
  });
}

void ClerkConsole::callNext() { act(requests::callNext(window_)); }
void ClerkConsole::recall() { act(requests::recall(window_)); }
void ClerkConsole::start() { act(requests::startService(window_)); }
void ClerkConsole::complete() {
  act(requests::complete(window_), [this] { refreshFigures(); });
}
void ClerkConsole::markNoShow() { act(requests::markNoShow(window_)); }

void ClerkConsole::transfer(const QVariantMap& target, const QString& note) {
  std::optional<core::TransferTarget> to;
  if (target.contains("queue")) to = core::QueueId(target.value("queue").toString().toStdString());
  else if (target.contains("window")) to = core::WindowNumber(target.value("window").toInt());
  else if (target.contains("kind")) {
    if (const auto kind = core::parseWindowKind(target.value("kind").toString().toStdString())) to = *kind;
  }
  if (!to) {
    refuse(tr("请选择转往的队列或窗口"));
    return;
  }
  const QString number = ticketNumber();
  act(requests::transfer(window_, *to, note.toStdString()), [this, number, target] {
    transferred_ = Transferred{number, target};
    emit noticeChanged();
    refreshFigures();
  });
}

void ClerkConsole::pause(const QString& reason) {
  act(requests::pauseWindow(window_, reason.trimmed().isEmpty() ? tr("暂离").toStdString() : reason.toStdString()));
}
void ClerkConsole::resume() { act(requests::resumeWindow(window_)); }
void ClerkConsole::requestEvaluation() { act(requests::requestEvaluation(window_)); }

void ClerkConsole::refreshFigures() {
  send_(requests::statistics(), [this](const client::Reply& reply) {
    const auto statistics = client::readStatistics(reply);
    if (!statistics) return;  // figures are a courtesy; the window keeps working without them
    const client::ClerkFigures mine = statistics->clerk(clerk().toStdString());
    servedToday_ = static_cast<int>(mine.completed);
    averageServiceSeconds_ = mine.meanServiceSeconds;
    satisfactionToday_ = mine.satisfactionRate;
    QStringList ratings;
    for (const auto& [level, n] : mine.ratings) {
      if (n == 0) continue;
      const auto rating = core::parseRating(level);
      ratings << QStringLiteral("%1 %2").arg(rating ? said(*rating) : qs(level)).arg(n);
    }
    ratingsToday_ = ratings.isEmpty() ? tr("暂无评价") : ratings.join(QStringLiteral("，"));
    emit figuresChanged();
  });
}

void ClerkConsole::refreshNoShows() {
  QList<QVariantMap> rows;
  if (hall_ && loggedIn()) {
    const auto now = clock_();
    std::vector<const core::Ticket*> missed;
    for (const auto& [id, t] : hall_->state().tickets)
      if (t.window == window_ && t.state == core::TicketState::NoShow) missed.push_back(&t);
    std::sort(missed.begin(), missed.end(), [](const auto* a, const auto* b) {
      return a->endedAt.value_or(core::TimePoint{}) > b->endedAt.value_or(core::TimePoint{});
    });
    for (const core::Ticket* t : missed) {
      const auto refusal = hall_->refusal(core::cmd::Reactivate{t->id}, now);
      QString why;
      if (refusal) why = QString::fromStdString(english_ && !refusal->en.empty() ? refusal->en : refusal->zh);
      rows << QVariantMap{{"ticket", QVariant::fromValue<qint64>(t->id)},
                          {"number", QString::fromStdString(t->number)},
                          {"at", t->endedAt ? localDateTime(*t->endedAt).toString(QStringLiteral("HH:mm")) : QString()},
                          {"canReactivate", !refusal.has_value()},
                          {"refusal", why}};
    }
  }
  noShows_.setRows(std::move(rows));
}

void ClerkConsole::reactivate(qint64 ticket) {
  act(requests::reactivate(static_cast<core::TicketId>(ticket)));
}

void ClerkConsole::refreshQueues() {
  QList<QVariantMap> rows;
  const auto* w = status();
  if (w && hall_) {
    const auto now = clock_();
    const auto target = core::Seconds(hall_->definition().rules.waitingTarget).count();
    for (const auto& entry : w->profile.entries) {
      int waiting = 0;
      std::optional<core::TimePoint> oldest;
      for (const auto& [id, t] : hall_->state().tickets) {
        if (t.queue != entry.queue || t.state != core::TicketState::Waiting) continue;
        ++waiting;
        if (!oldest || t.arrivalAt < *oldest) oldest = t.arrivalAt;
      }
      const qint64 oldestWait = oldest ? secondsBetween(*oldest, now) : 0;
      QString name;
      QString prefix;
      for (const auto& q : hall_->definition().queues) {
        if (q.id == entry.queue) {
          name = qs(q.name);
          prefix = qs(q.prefix);
        }
      }
      rows << QVariantMap{{"queue", qs(entry.queue)}, {"name", name},   {"prefix", prefix}, {"waiting", waiting},
                          // Whole minutes waited, said as such: "最久已等 15 分钟", not "15:00"
                          // (which reads as a clock time).
                          {"oldestWait", oldest ? tr("最久已等 %1 分钟").arg(std::max<qint64>(0, oldestWait) / 60) : QString()},
                          {"overTarget", oldestWait > target}};
    }
  }
  queues_.setRows(std::move(rows));
}

void ClerkConsole::setLanguage(const QString& language) {
  english_ = language == QStringLiteral("en");
  cases_.setLanguage(language);
  emit noticeChanged();  // worded when read, in the language of the moment
}

QString ClerkConsole::notice() const {
  if (!transferred_) return {};
  QString where;
  for (const auto& entry : transferTargets())
    if (entry.toMap().value("target").toMap() == transferred_->target) where = entry.toMap().value("label").toString();
  return where.isEmpty() ? tr("%1 已转出").arg(transferred_->number) : tr("%1 已转至 %2").arg(transferred_->number, where);
}

}  // namespace jiujin::console
