#pragma once
// The clerk's console at one window (窗口工作台): the window's state, the current ticket,
// its case (case_desk.hpp: acceptance with the materials, 统一出件, progress), the queues the window serves, the clerk's figures today,
// and the keypad's intents. Which buttons are live the hall mirror's core says
// (core::Hall::allowed, the dispatcher's own rules); every intent goes to the dispatcher,
// and a refusal's reason (zh) is shown as it came.
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <map>
#include <optional>
#include <string>

#include "jiujin/console/case_desk.hpp"
#include "jiujin/console/dispatcher_access.hpp"
#include "jiujin/console/row_list_model.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::console {

class ClerkConsole : public QObject {
  Q_OBJECT
  Q_PROPERTY(int window READ window CONSTANT)
  Q_PROPERTY(QString windowName READ windowName NOTIFY changed)
  Q_PROPERTY(bool online READ online NOTIFY changed)
  Q_PROPERTY(QString stateCode READ stateCode NOTIFY changed)
  Q_PROPERTY(QString stateName READ stateName NOTIFY changed)
  Q_PROPERTY(QString pauseReason READ pauseReason NOTIFY changed)
  Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
  Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY changed)
  Q_PROPERTY(QString clerk READ clerk NOTIFY changed)
  /// The clerk's name from the hall file (王芳), else the id.
  Q_PROPERTY(QString clerkName READ clerkName NOTIFY changed)
  /// A clerk is logged in at this window but not through this console (it started or
  /// restarted into the session): nothing may be done until that clerk's PIN is confirmed.
  Q_PROPERTY(bool needsConfirmation READ needsConfirmation NOTIFY changed)
  Q_PROPERTY(bool busy READ busy NOTIFY changed)
  Q_PROPERTY(bool canCall READ canCall NOTIFY changed)
  Q_PROPERTY(bool canRecall READ canRecall NOTIFY changed)
  Q_PROPERTY(bool canStart READ canStart NOTIFY changed)
  Q_PROPERTY(bool canComplete READ canComplete NOTIFY changed)
  Q_PROPERTY(bool canNoShow READ canNoShow NOTIFY changed)
  Q_PROPERTY(bool canTransfer READ canTransfer NOTIFY changed)
  Q_PROPERTY(bool canPause READ canPause NOTIFY changed)
  Q_PROPERTY(bool canResume READ canResume NOTIFY changed)
  Q_PROPERTY(bool canRequestEvaluation READ canRequestEvaluation NOTIFY changed)
  Q_PROPERTY(bool hasTicket READ hasTicket NOTIFY changed)
  Q_PROPERTY(QString ticketNumber READ ticketNumber NOTIFY changed)
  Q_PROPERTY(QString ticketItem READ ticketItem NOTIFY changed)
  Q_PROPERTY(QString ticketState READ ticketState NOTIFY changed)
  Q_PROPERTY(QString ticketPriority READ ticketPriority NOTIFY changed)
  Q_PROPERTY(QString ticketNote READ ticketNote NOTIFY changed)
  /// Why the dispatcher called this ticket to this window (the core's explanation of its choice).
  Q_PROPERTY(QString callReason READ callReason NOTIFY changed)
  /// What the screen says when no ticket is up: log in, resume (F7) or call (F1).
  Q_PROPERTY(QString idleHint READ idleHint NOTIFY changed)
  /// A done action's confirmation (转移 succeeded: where the ticket went); cleared by the next intent.
  Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
  Q_PROPERTY(QStringList ticketHistory READ ticketHistory NOTIFY changed)
  Q_PROPERTY(QString elapsed READ elapsed NOTIFY tick)
  Q_PROPERTY(QString refusal READ refusal NOTIFY refusalChanged)
  Q_PROPERTY(QVariantList transferTargets READ transferTargets NOTIFY changed)
  Q_PROPERTY(int servedToday READ servedToday NOTIFY figuresChanged)
  Q_PROPERTY(QString averageService READ averageService NOTIFY figuresChanged)
  Q_PROPERTY(QString ratingsToday READ ratingsToday NOTIFY figuresChanged)
  Q_PROPERTY(double satisfactionToday READ satisfactionToday NOTIFY figuresChanged)
  Q_PROPERTY(QObject* queues READ queues CONSTANT)
  /// 过号: today's no-shows at this window, newest first, each with whether 过号重排 is
  /// possible now (the core's own check, Hall::refusal) and why not.
  Q_PROPERTY(QObject* noShows READ noShows CONSTANT)
  /// The cases of this window: acceptance, 代办, 统一出件 and progress (case_desk.hpp).
  Q_PROPERTY(QObject* cases READ cases CONSTANT)

 public:
  /// `clerkNames`: id → name, from the hall file's [[clerk]] entries.
  ClerkConsole(int window, Send send, Clock clock = hallNow, std::map<std::string, std::string> clerkNames = {},
               QObject* parent = nullptr);

  /// The hall as mirrored now (null while not synced); call after every event or snapshot.
  void setHall(const core::Hall* hall, bool online);

  int window() const { return window_; }
  QString windowName() const;
  bool online() const { return online_; }
  QString stateCode() const;
  QString stateName() const;
  QString pauseReason() const;
  /// The state with the pause reason when there is one: "暂停（外出送件）".
  QString stateText() const;
  bool loggedIn() const;
  QString clerk() const;
  QString clerkName() const;
  bool needsConfirmation() const;
  bool busy() const { return busy_; }
  bool canCall() const;
  bool canRecall() const;
  bool canStart() const;
  bool canComplete() const;
  bool canNoShow() const;
  bool canTransfer() const;
  bool canPause() const;
  bool canResume() const;
  bool canRequestEvaluation() const;
  bool hasTicket() const { return currentTicket() != nullptr; }
  QString ticketNumber() const;
  QString ticketItem() const;
  QString ticketState() const;
  QString ticketPriority() const;
  QString ticketNote() const;
  QString callReason() const;
  QString idleHint() const;
  QString notice() const;
  QStringList ticketHistory() const;
  QString elapsed() const;
  QString refusal() const { return refusal_; }
  QVariantList transferTargets() const;
  int servedToday() const { return servedToday_; }
  QString averageService() const;
  QString ratingsToday() const { return ratingsToday_; }
  double satisfactionToday() const { return satisfactionToday_; }
  RowListModel* queues() { return &queues_; }
  RowListModel* noShows() { return &noShows_; }
  /// 过号重排: the late resident is back, the ticket waits again (cmd::Reactivate).
  Q_INVOKABLE void reactivate(qint64 ticket);
  CaseDesk* cases() { return &cases_; }
  /// "zh" or "en": the language a dispatcher's refusal is shown in (it sends both).
  void setLanguage(const QString& language);
  /// Stops (false) or restarts the one-second refresh. The demo's screenshots stop it: their
  /// clock stands still, so a tick changes nothing, and a list a tick rebuilt between a grab
  /// and the overflow check leaves rows behind that the check would still find.
  void setTicking(bool on) { on ? ticker_.start() : ticker_.stop(); }

  Q_INVOKABLE void login(const QString& clerk, const QString& pin);
  Q_INVOKABLE void logout();
  /// The PIN of the clerk already logged in (needsConfirmation): unlocks this console.
  Q_INVOKABLE void confirm(const QString& pin);
  Q_INVOKABLE void callNext();
  Q_INVOKABLE void recall();
  Q_INVOKABLE void start();
  Q_INVOKABLE void complete();
  Q_INVOKABLE void markNoShow();
  /// `target` is a transferTargets entry's "target" ({"queue":…}|{"window":…}|{"kind":…}).
  Q_INVOKABLE void transfer(const QVariantMap& target, const QString& note);
  Q_INVOKABLE void pause(const QString& reason);
  Q_INVOKABLE void resume();
  Q_INVOKABLE void requestEvaluation();
  /// Asks the dispatcher for this clerk's figures today.
  Q_INVOKABLE void refreshFigures();
  Q_INVOKABLE void clearRefusal();

 signals:
  void changed();
  void tick();
  void refusalChanged();
  void figuresChanged();
  void noticeChanged();

 private:
  bool may(core::WindowAction action) const;
  /// Asks the mirrored hall what the window may do now; true when that changed.
  bool refreshActions();
  const core::WindowStatus* status() const;
  const core::Ticket* currentTicket() const;
  void act(client::Request request, std::function<void()> then = {});
  void refuse(const QString& reason);
  void refreshQueues();
  void refreshNoShows();
  void refreshFiguresIfChanged();

  const int window_;
  Send send_;
  std::map<std::string, std::string> clerkNames_;
  /// The clerk this console logged in or confirmed; a session it did not open needs a PIN.
  QString confirmedClerk_;
  Clock clock_;
  const core::Hall* hall_ = nullptr;
  bool online_ = false;
  bool busy_ = false;
  core::WindowActions actions_;
  QString refusal_;
  /// The last transfer that went through, until the next intent: the notice says it.
  struct Transferred {
    QString number;
    QVariantMap target;
  };
  std::optional<Transferred> transferred_;
  /// Completed and rated tickets of this window when the figures were last asked: a change
  /// (a ticket done, a rating given on the pad) asks again, so 我的今日 is never stale.
  std::pair<int, int> figuresAsOf_{-1, -1};
  bool english_ = false;
  int servedToday_ = 0;
  double averageServiceSeconds_ = 0;
  QString ratingsToday_;
  double satisfactionToday_ = 0;
  RowListModel queues_{{"queue", "name", "prefix", "waiting", "oldestWait", "overTarget"}};
  RowListModel noShows_{{"ticket", "number", "at", "canReactivate", "refusal"}};
  CaseDesk cases_;
  QTimer ticker_;
};

}  // namespace jiujin::console
