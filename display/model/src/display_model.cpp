#include "jiujin/display/display_model.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <algorithm>
#include <exception>
#include <map>
#include <tuple>
#include <type_traits>

Q_LOGGING_CATEGORY(lcDisplay, "display.model")

namespace jiujin::display {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

QDateTime toDateTime(core::TimePoint t) {
  // Hall-local wall time is carried as if it were UTC: format it without conversion.
  return QDateTime::fromMSecsSinceEpoch(t.time_since_epoch().count(), Qt::UTC);
}

/// When a ticket was last called: its latest Called step (a recall adds one), else calledAt.
core::TimePoint lastCalledAt(const core::Ticket& t) {
  for (auto it = t.history.rbegin(); it != t.history.rend(); ++it) {
    if (it->state == core::TicketState::Called) return it->at;
  }
  return t.calledAt.value_or(t.issuedAt);
}

/// A window's state as a style key and the words on the screen.
std::pair<QString, QString> statusOf(core::WindowState state) {
  const auto say = [](const char* text) { return QCoreApplication::translate("DisplayModel", text); };
  switch (state) {
    case core::WindowState::Closed: return {"closed", say(QT_TRANSLATE_NOOP("DisplayModel", "未开放"))};
    case core::WindowState::Paused: return {"paused", say(QT_TRANSLATE_NOOP("DisplayModel", "暂停服务"))};
    case core::WindowState::Idle: return {"idle", say(QT_TRANSLATE_NOOP("DisplayModel", "等待叫号"))};
    case core::WindowState::Calling: return {"calling", say(QT_TRANSLATE_NOOP("DisplayModel", "正在呼叫"))};
    case core::WindowState::Serving: return {"serving", say(QT_TRANSLATE_NOOP("DisplayModel", "正在办理"))};
  }
  return {"closed", say("未开放")};
}

}  // namespace

core::TimePoint hallLocalNow() {
  const auto utc = std::chrono::time_point_cast<core::Milliseconds>(std::chrono::system_clock::now());
  return utc + std::chrono::seconds(QDateTime::currentDateTime().offsetFromUtc());
}

DisplayModel::DisplayModel(Options options, Clock clock, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      clock_(std::move(clock)),
      calls_(this),
      windows_(this),
      queues_(this) {
  clockTimer_.setInterval(1000);
  connect(&clockTimer_, &QTimer::timeout, this, &DisplayModel::refreshClock);
  clockTimer_.start();
  estimateTimer_.setInterval(options_.estimatesEvery);
  connect(&estimateTimer_, &QTimer::timeout, this, &DisplayModel::refreshEstimates);
  estimateTimer_.start();
  blinkTimer_.setInterval(options_.blinkEvery);
  connect(&blinkTimer_, &QTimer::timeout, this, [this] {
    blinkOn_ = !blinkOn_;
    emit blinkChanged();
  });
  highlightTimer_.setSingleShot(true);
  highlightTimer_.setInterval(options_.highlightFor);
  connect(&highlightTimer_, &QTimer::timeout, this, &DisplayModel::stopHighlight);
  refreshClock();
}

DisplayModel::~DisplayModel() = default;

void DisplayModel::resetFromSnapshot(core::HallDefinition definition, core::HallState state, Sequence sequence) {
  const bool wasLive = live();
  const bool nameChanged = definition.name != hallName_.toStdString();
  mirror_ = std::make_unique<core::Hall>(std::move(definition), std::move(state));
  sequence_ = sequence;
  if (resyncNeeded_) {
    resyncNeeded_ = false;
    emit resyncNeededChanged();
  }
  if (nameChanged) setHallName(mirror_->definition().name);
  setNotice(mirror_->state().notice);
  stopHighlight();
  rebuildCallsFromState();
  refreshCalls();
  refreshWindows();
  refreshMissed();
  refreshEstimates();
  emit newestCallChanged();
  setLiveFrom(wasLive);
}

void DisplayModel::onEvent(Sequence sequence, const core::Event& event) {
  if (!mirror_ || resyncNeeded_) return;  // waiting for a snapshot
  if (sequence <= *sequence_) return;     // already applied (a resent event)
  if (sequence != *sequence_ + 1) {
    qCWarning(lcDisplay) << "event" << sequence << "after" << *sequence_ << ": events missed, resyncing";
    requestResync();
    return;
  }
  applyToMirror(event);
  if (resyncNeeded_) return;
  sequence_ = sequence;

  std::visit(Overloaded{
                 [this](const core::ev::TicketCalled& e) { noteCall(e.ticket, e.window, false); },
                 [this](const core::ev::TicketRecalled& e) { noteCall(e.ticket, e.window, true); },
                 [this](const core::ev::DayOpened&) {
                   recentCalls_.clear();
                   stopHighlight();
                   refreshCalls();
                 },
                 [this](const core::ev::DayClosed&) {
                   recentCalls_.clear();
                   stopHighlight();
                   refreshCalls();
                 },
                 [this](const core::ev::NoticeBroadcast& e) { setNotice(e.text); },
                 [this](const core::ev::DefinitionUpdated& e) {
                   setHallName(e.definition.name);
                   refreshCalls();
                 },
                 [](const auto&) {},
             },
             event);
  // A ticket completed, missed or moved on leaves the big panel at once (the list keeps it).
  const auto largeBefore = std::make_pair(newestTicket(), newestWindow());
  refreshCalls();
  if (largeBefore != std::make_pair(newestTicket(), newestWindow())) {
    // Not a call: what blinks would be an older call taking the panel back.
    const bool call = std::holds_alternative<core::ev::TicketCalled>(event) ||
                      std::holds_alternative<core::ev::TicketRecalled>(event);
    if (!call) stopHighlight();
    emit newestCallChanged();
  }
  refreshWindows();
  refreshMissed();
  refreshEstimates();
}

void DisplayModel::applyToMirror(const core::Event& event) {
  try {
    mirror_->apply(event);
  } catch (const std::exception& e) {
    // An event the mirror cannot apply means it is out of step: trust a new snapshot only.
    qCWarning(lcDisplay) << "event could not be applied:" << e.what();
    requestResync();
  }
}

void DisplayModel::requestResync() {
  const bool wasLive = live();
  resyncNeeded_ = true;
  stopHighlight();
  emit resyncNeededChanged();
  setLiveFrom(wasLive);
  emit resyncRequested(sequence_.value_or(0));
}

void DisplayModel::setConnected(bool connected) {
  if (connected == connected_) return;
  const bool wasLive = live();
  connected_ = connected;
  if (!connected_) stopHighlight();
  emit connectedChanged();
  setLiveFrom(wasLive);
}

void DisplayModel::setLiveFrom(bool wasLive) {
  if (wasLive != live()) emit liveChanged();
}

void DisplayModel::noteCall(core::TicketId ticket, core::WindowNumber window, bool recall) {
  if (!options_.zone.includes(window)) return;
  std::erase_if(recentCalls_, [ticket](const auto& c) { return c.first == ticket; });
  recentCalls_.emplace_front(ticket, window);
  while (recentCalls_.size() > static_cast<std::size_t>(options_.maxCalls)) recentCalls_.pop_back();
  refreshCalls();
  emit newestCallChanged();
  startHighlight();
  const auto row = callRow(ticket, window);
  emit callAnnounced(row.ticketNumber, window, recall);
}

void DisplayModel::rebuildCallsFromState() {
  recentCalls_.clear();
  std::vector<const core::Ticket*> called;
  for (const auto& [id, t] : mirror_->state().tickets) {
    if (t.calledAt && t.window && options_.zone.includes(*t.window)) called.push_back(&t);
  }
  std::sort(called.begin(), called.end(), [](const core::Ticket* a, const core::Ticket* b) {
    const auto ta = lastCalledAt(*a);
    const auto tb = lastCalledAt(*b);
    return ta != tb ? ta > tb : a->id > b->id;
  });
  for (const auto* t : called) {
    if (recentCalls_.size() >= static_cast<std::size_t>(options_.maxCalls)) break;
    recentCalls_.emplace_back(t->id, *t->window);
  }
}

CallRow DisplayModel::callRow(core::TicketId ticket, core::WindowNumber window) const {
  CallRow row;
  row.ticketId = ticket;
  row.windowNumber = window;
  const auto& def = mirror_->definition();
  const auto& tickets = mirror_->state().tickets;
  if (const auto it = tickets.find(ticket); it != tickets.end()) {
    row.ticketNumber = QString::fromStdString(it->second.number);
    const auto state = it->second.state;
    row.current = it->second.window == window &&
                  (state == core::TicketState::Called || state == core::TicketState::Serving);
    const auto q = std::find_if(def.queues.begin(), def.queues.end(),
                                [&](const core::QueueDef& d) { return d.id == it->second.queue; });
    if (q != def.queues.end()) row.queueName = QString::fromStdString(q->name);
  }
  const auto w = std::find_if(def.windows.begin(), def.windows.end(),
                              [&](const core::WindowDef& d) { return d.number == window; });
  if (w != def.windows.end()) row.windowName = QString::fromStdString(w->name);
  return row;
}

void DisplayModel::refreshCalls() {
  std::vector<CallRow> rows;
  rows.reserve(recentCalls_.size());
  for (const auto& [ticket, window] : recentCalls_) rows.push_back(callRow(ticket, window));
  calls_.setRows(std::move(rows));
}

void DisplayModel::refreshWindows() {
  const auto& def = mirror_->definition();
  const auto& state = mirror_->state();
  std::vector<WindowRow> rows;
  for (const auto& w : def.windows) {
    if (!options_.zone.includes(w.number)) continue;
    WindowRow row{w.number, QString::fromStdString(w.name), {}, {}, {}};
    const auto it = state.windows.find(w.number);
    const auto windowState = it == state.windows.end() ? core::WindowState::Closed : it->second.state;
    if (it != state.windows.end() && it->second.current) {
      if (const auto t = state.tickets.find(*it->second.current); t != state.tickets.end()) {
        row.ticketNumber = QString::fromStdString(t->second.number);
      }
    }
    std::tie(row.status, row.statusText) = statusOf(windowState);
    rows.push_back(std::move(row));
  }
  windows_.setRows(std::move(rows));
}

void DisplayModel::refreshEstimates() {
  if (!mirror_) return;
  const auto& def = mirror_->definition();
  const auto& state = mirror_->state();
  const auto now = clock_();

  // A zone shows the queues its windows serve; the whole hall (or a zone of windows that
  // serve nothing yet) shows every queue.
  std::vector<core::QueueId> shown;
  if (!options_.zone.isWholeHall()) {
    for (const auto& w : def.windows) {
      if (!options_.zone.includes(w.number)) continue;
      const auto st = state.windows.find(w.number);
      const auto& profile = st != state.windows.end() ? st->second.profile : w.profile;
      for (const auto& e : profile.entries) shown.push_back(e.queue);
    }
  }
  std::map<core::QueueId, int> waiting;
  for (const auto& [id, t] : state.tickets) {
    if (t.state == core::TicketState::Waiting) ++waiting[t.queue];
  }
  std::vector<QueueRow> rows;
  for (const auto& q : def.queues) {
    if (!shown.empty() && std::find(shown.begin(), shown.end(), q.id) == shown.end()) continue;
    const auto estimate = mirror_->estimateForQueue(q.id, now);
    const auto minutes = static_cast<int>((estimate.wait.count() + 59) / 60);
    QueueRow row{QString::fromStdString(q.prefix), QString::fromStdString(q.name), waiting[q.id], minutes, {}};
    row.waitText = minutes == 0 ? QCoreApplication::translate("DisplayModel", "无需等待") : QCoreApplication::translate("DisplayModel", "约%1分钟").arg(minutes);
    // Nobody waiting: no estimate either (a wait for nobody reads as a promise).
    row.figures = row.waiting == 0
                      ? QCoreApplication::translate("DisplayModel", "无人等候")
                      : QCoreApplication::translate("DisplayModel", "等候 %1 人 · %2").arg(row.waiting).arg(row.waitText);
    rows.push_back(std::move(row));
  }
  queues_.setRows(std::move(rows));
}

void DisplayModel::refreshClock() {
  const auto now = toDateTime(clock_());
  const QLocale locale;
  QString date = locale.toString(now.date(), QLocale::LongFormat);
  QString time = now.time().toString(QStringLiteral("HH:mm:ss"));
  if (date == dateText_ && time == timeText_) return;
  dateText_ = std::move(date);
  timeText_ = std::move(time);
  emit clockChanged();
}

bool DisplayModel::isCalledTo(const QString& ticketNumber, int window) const {
  if (!mirror_ || resyncNeeded_) return true;
  const auto number = ticketNumber.toStdString();
  const auto& tickets = mirror_->state().tickets;
  return std::any_of(tickets.begin(), tickets.end(), [&](const auto& entry) {
    const core::Ticket& t = entry.second;
    return t.number == number && t.state == core::TicketState::Called && t.window == window;
  });
}

QString DisplayModel::newestTicket() const {
  const auto* large = calls_.shownLarge();
  return large ? large->ticketNumber : QString();
}
int DisplayModel::newestWindow() const {
  const auto* large = calls_.shownLarge();
  return large ? large->windowNumber : 0;
}

void DisplayModel::refreshMissed() {
  std::vector<const core::Ticket*> missed;
  for (const auto& [id, t] : mirror_->state().tickets)
    if (t.state == core::TicketState::NoShow && t.window && options_.zone.includes(*t.window)) missed.push_back(&t);
  std::sort(missed.begin(), missed.end(), [](const core::Ticket* a, const core::Ticket* b) {
    const auto ta = a->endedAt.value_or(lastCalledAt(*a));
    const auto tb = b->endedAt.value_or(lastCalledAt(*b));
    return ta != tb ? ta > tb : a->id > b->id;
  });
  QStringList numbers;
  for (const auto* t : missed) {
    if (numbers.size() >= options_.maxMissed) break;
    numbers << QString::fromStdString(t->number);
  }
  QString text = numbers.join(QStringLiteral("  "));
  if (text == missedTickets_) return;
  missedTickets_ = std::move(text);
  emit missedTicketsChanged();
}

void DisplayModel::startHighlight() {
  if (!live()) return;
  highlightTimer_.start();
  blinkTimer_.start();
  if (!blinkOn_) {
    blinkOn_ = true;
    emit blinkChanged();
  }
  if (!highlightActive_) {
    highlightActive_ = true;
    emit highlightChanged();
  }
}

void DisplayModel::stopHighlight() {
  highlightTimer_.stop();
  blinkTimer_.stop();
  if (blinkOn_) {
    blinkOn_ = false;
    emit blinkChanged();
  }
  if (highlightActive_) {
    highlightActive_ = false;
    emit highlightChanged();
  }
}

void DisplayModel::setNotice(const std::string& text) {
  const auto n = QString::fromStdString(text);
  if (n == notice_) return;
  notice_ = n;
  emit noticeChanged();
}

void DisplayModel::setHallName(const std::string& name) {
  const auto n = QString::fromStdString(name);
  if (n == hallName_) return;
  hallName_ = n;
  emit hallNameChanged();
}

}  // namespace jiujin::display
