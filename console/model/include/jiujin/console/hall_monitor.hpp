#pragma once
// The hall manager's monitor (电子监察): every window, queue and device live, the alarms to
// acknowledge and follow up (回访), the manager's actions on windows and notices, and the
// figures of a period as the dispatcher computes them from its durable history (shown,
// charted and exported), the case register (办件台账) with its due and overdue cases, and today's
// bookings (预约) with their check-ins. Alarms, their acknowledgements and device fault counts are the
// dispatcher's: the monitor shows them and sends the manager's intents, it decides nothing.
#include <functional>
#include <map>

#include <QDate>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include "jiujin/console/alarm_list.hpp"
#include "jiujin/console/booking_list.hpp"
#include "jiujin/console/case_ledger.hpp"
#include "jiujin/console/dispatcher_access.hpp"
#include "jiujin/console/row_list_model.hpp"
#include "jiujin/core/hall.hpp"

namespace jiujin::console {

class HallMonitor : public QObject {
  Q_OBJECT
  Q_PROPERTY(bool online READ online NOTIFY changed)
  /// The hall has managers (`manager = true` clerks) and none is logged in here: the monitor
  /// shows only its login until one is.
  Q_PROPERTY(bool loginRequired READ loginRequired NOTIFY managerChanged)
  /// The manager logged in here, by name ("李主任"), or empty.
  Q_PROPERTY(QString managerName READ managerName NOTIFY managerChanged)
  /// A login being checked (argon2id takes a moment): the login button waits.
  Q_PROPERTY(bool loggingIn READ loggingIn NOTIFY managerChanged)
  Q_PROPERTY(QString hallName READ hallName NOTIFY changed)
  Q_PROPERTY(QString notice READ notice NOTIFY changed)
  Q_PROPERTY(QString printerPaper READ printerPaper NOTIFY devicesChanged)
  Q_PROPERTY(QString printerText READ printerText NOTIFY devicesChanged)
  Q_PROPERTY(bool printerOk READ printerOk NOTIFY devicesChanged)
  Q_PROPERTY(int unacknowledged READ unacknowledged NOTIFY alarmsChanged)
  Q_PROPERTY(int openFollowUps READ openFollowUps NOTIFY alarmsChanged)
  /// The 回访 being written (beginFollowUp): its alarm (0: none) and that alarm's text.
  Q_PROPERTY(qint64 followUpAlarm READ followUpAlarm NOTIFY followUpChanged)
  Q_PROPERTY(QString followUpText READ followUpText NOTIFY followUpChanged)
  Q_PROPERTY(QString refusal READ refusal NOTIFY refusalChanged)
  Q_PROPERTY(QString figuresFrom READ figuresFrom NOTIFY figuresChanged)
  Q_PROPERTY(QString figuresTo READ figuresTo NOTIFY figuresChanged)
  Q_PROPERTY(QVariantMap summary READ summary NOTIFY figuresChanged)
  Q_PROPERTY(QVariantList arrivalsByHour READ arrivalsByHour NOTIFY figuresChanged)
  Q_PROPERTY(int arrivalsPeak READ arrivalsPeak NOTIFY figuresChanged)
  Q_PROPERTY(QVariantList ratingLevels READ ratingLevels NOTIFY figuresChanged)
  Q_PROPERTY(QStringList queueIds READ queueIds NOTIFY changed)
  Q_PROPERTY(QObject* windows READ windows CONSTANT)
  Q_PROPERTY(QObject* queues READ queues CONSTANT)
  Q_PROPERTY(QObject* devices READ devices CONSTANT)
  /// The hall's queues by name with a tick each, for 设置队列 (chooseQueuesOf fills the ticks).
  Q_PROPERTY(QObject* queueChoices READ queueChoices CONSTANT)
  Q_PROPERTY(QObject* alarms READ alarms CONSTANT)
  /// The alarm filter: "" (every alarm) or a family key ("follow_up" "waiting" "device" "case"
  /// "other"); the alarms list shows only that family.
  Q_PROPERTY(QString alarmFilter READ alarmFilter WRITE setAlarmFilter NOTIFY alarmsChanged)
  /// The filter's choices: key, label ("设备 (12)") and unacknowledged count of each family.
  Q_PROPERTY(QObject* alarmFamilies READ alarmFamilies CONSTANT)
  /// Unacknowledged alarms the filter shows (what 全部确认 acknowledges).
  Q_PROPERTY(int shownUnacknowledged READ shownUnacknowledged NOTIFY alarmsChanged)
  Q_PROPERTY(QObject* byItem READ byItem CONSTANT)
  Q_PROPERTY(QObject* byQueue READ byQueue CONSTANT)
  Q_PROPERTY(QObject* byWindow READ byWindow CONSTANT)
  Q_PROPERTY(QObject* byClerk READ byClerk CONSTANT)
  /// 办件台账: the case register with its filters and on-time rates (case_ledger.hpp).
  Q_PROPERTY(QObject* cases READ cases CONSTANT)
  /// 预约: today's bookings and check-ins (booking_list.hpp).
  Q_PROPERTY(QObject* bookings READ bookings CONSTANT)

 public:
  /// `clerkNames`: id → name from the hall file, for the tables and the appraisal.
  HallMonitor(Send send, std::map<std::string, std::string> clerkNames, Clock clock = hallNow,
              QObject* parent = nullptr);

  void setHall(const core::Hall* hall, bool online);
  /// The hall file's managers (`[[clerk]]` with `manager = true`), id → name. None: the
  /// monitor asks no login (and the dispatcher records the client as before).
  void setManagers(std::map<std::string, std::string> managers);
  /// The interface language ("zh", "en"): which of an alarm's two texts the list shows.
  void setLanguage(const QString& language);
  /// Stops (false) or restarts the one-second refresh. The demo's screenshots stop it: their
  /// clock stands still, so a tick changes nothing, and a list a tick rebuilt between a grab
  /// and the overflow check leaves rows behind that the check would still find.
  void setTicking(bool on) { on ? ticker_.start() : ticker_.stop(); }
  /// Device health by id (HallLink::devices(), with the dispatcher's fault counts); call
  /// after every device. news too.
  void setDevices(const nlohmann::json& devices);
  /// One alarm: "alarm.<kind>" or "alarm.updated" news.
  void addAlarm(const nlohmann::json& alarm);
  /// The "alarms" of a snapshot: today's and the older ones still outstanding.
  void addAlarms(const nlohmann::json& alarms);
  /// Asks the dispatcher for its snapshot and takes the alarms from it (after every resync:
  /// news missed while away are in it).
  void fetchAlarms();

  bool online() const { return online_; }
  bool loginRequired() const { return !managers_.empty() && manager_.empty(); }
  QString managerName() const;
  bool loggingIn() const { return loggingIn_; }
  const std::string& manager() const { return manager_; }
  QString hallName() const;
  QString notice() const;
  QString printerPaper() const { return printerPaper_; }
  /// The header's printer line: "打印机：<paper>", or that no printer has reported.
  QString printerText() const;
  bool printerOk() const { return printerOk_; }
  int unacknowledged() const { return alarmList_.unacknowledged(); }
  int openFollowUps() const { return alarmList_.openFollowUps(); }
  qint64 followUpAlarm() const { return followUpAlarm_; }
  QString followUpText() const { return followUpText_; }
  QString refusal() const { return refusal_; }
  QString figuresFrom() const;
  QString figuresTo() const;
  QVariantMap summary() const;
  QVariantList arrivalsByHour() const;
  int arrivalsPeak() const;
  QVariantList ratingLevels() const;
  QStringList queueIds() const;
  RowListModel* windows() { return &windows_; }
  RowListModel* queues() { return &queues_; }
  RowListModel* devices() { return &devices_; }
  RowListModel* queueChoices() { return &queueChoices_; }
  RowListModel* alarms() { return &alarms_; }
  RowListModel* alarmFamilies() { return &alarmFamilies_; }
  QString alarmFilter() const { return alarmFilter_; }
  void setAlarmFilter(const QString& family);
  int shownUnacknowledged() const;
  RowListModel* byItem() { return &byItem_; }
  RowListModel* byQueue() { return &byQueue_; }
  RowListModel* byWindow() { return &byWindow_; }
  RowListModel* byClerk() { return &byClerk_; }
  CaseLedger* cases() { return &cases_; }
  BookingList* bookings() { return &bookings_; }
  const nlohmann::json& figures() const { return figures_; }

  /// manager_login: the dispatcher checks the PIN and from then on records what this monitor
  /// does as done by `manager`. A refusal (wrong PIN, backoff, lock) shows in the banner.
  Q_INVOKABLE void login(const QString& manager, const QString& pin);
  Q_INVOKABLE void logout();
  Q_INVOKABLE void openWindow(int window);
  Q_INVOKABLE void closeWindow(int window);
  /// Serve exactly these queues (weight 1, unconditional) at `window`.
  void setWindowQueues(int window, const QStringList& queues);
  /// The same from the manager's typing: queue ids separated by spaces ("general social").
  /// Ticks the queues `window` serves now in queueChoices.
  Q_INVOKABLE void chooseQueuesOf(int window);
  /// Sets `window`'s profile to the ticked queues of queueChoices.
  Q_INVOKABLE void applyQueueChoices(int window);
  /// Call the ticket numbered `number` ("A012") next at `window`.
  Q_INVOKABLE void pinTicket(int window, const QString& number);
  Q_INVOKABLE void broadcastNotice(const QString& text);
  /// Acknowledges the alarm with this id (the dispatcher records who and when).
  Q_INVOKABLE void acknowledgeAlarm(qint64 alarm);
  /// Acknowledges every alarm of an episode (a row's "ids").
  Q_INVOKABLE void acknowledgeAlarms(const QVariantList& ids);
  /// 全部确认: acknowledges every unacknowledged alarm the filter shows.
  Q_INVOKABLE void acknowledgeShown();
  /// Closes the follow-up (回访) of a bad rating with what the manager did.
  /// Once the dispatcher has closed it, the follow-up being written (if this one) is done.
  Q_INVOKABLE void closeFollowUp(qint64 alarm, const QString& note);
  /// The manager starts writing the 回访 of `alarm` (`text`: the alarm as the list shows it):
  /// the form stands above the alarm list, which stays in view.
  Q_INVOKABLE void beginFollowUp(qint64 alarm, const QString& text);
  Q_INVOKABLE void cancelFollowUp();
  /// Asks the dispatcher for the figures of [from, to] (dates "YYYY-MM-DD").
  Q_INVOKABLE void loadFigures(const QString& from, const QString& to);
  Q_INVOKABLE void loadToday();
  /// The bi-monthly appraisal period (Jan–Feb, Mar–Apr, …) holding `day`.
  void loadAppraisalPeriod(const QDate& day);
  /// The appraisal period holding today (the monitor's clock).
  Q_INVOKABLE void loadCurrentAppraisalPeriod();
  /// 上一考核期: the bi-monthly period before today's, the one 考核 is of.
  Q_INVOKABLE void loadPreviousAppraisalPeriod();
  /// Asks again for the figures last asked when their period holds today (every 30 s, and
  /// when the link comes up).
  void refreshFiguresIfLive();
  /// Writes the loaded figures (or the appraisal) to `path`; false and refusal set on failure.
  Q_INVOKABLE bool exportFigures(const QString& path);
  Q_INVOKABLE bool exportAppraisal(const QString& path);
  /// The appraisal beside the figures' file: "x.csv" → "x-考核.csv".
  Q_INVOKABLE bool exportAppraisalBeside(const QString& figuresPath);
  Q_INVOKABLE void clearRefusal();

 signals:
  void changed();
  void devicesChanged();
  void alarmsChanged();
  void refusalChanged();
  void figuresChanged();
  void managerChanged();
  void followUpChanged();

 private:
  void act(client::Request request);
  void refuse(const QString& reason);
  void refreshWindows();
  void refreshQueues();
  QString deviceLabel(const std::string& kind, int window, const QString& id) const;
  QString deviceStatusText(const std::string& status) const;
  void refreshAlarms();
  /// `done`: called once the dispatcher has carried it out.
  void alarmAction(client::Request request, std::function<void()> done = {});
  QString alarmTitle(const nlohmann::json& alarm, int count) const;
  void setFigures(nlohmann::json figures);

  Send send_;
  std::map<std::string, std::string> clerkNames_;
  std::map<std::string, std::string> managers_;
  std::string manager_;
  bool loggingIn_ = false;
  Clock clock_;
  const core::Hall* hall_ = nullptr;
  bool online_ = false;
  bool english_ = false;
  QString refusal_;
  QString printerPaper_;
  bool printerOk_ = false;
  AlarmList alarmList_;
  nlohmann::json figures_ = nlohmann::json::object();
  nlohmann::json lastDevices_ = nlohmann::json::object();
  RowListModel windows_{{"number", "name", "kind", "stateCode", "state", "clerk", "ticket", "duration", "queues",
                         "pauseReason", "closed", "canOpen", "openRefusal"}};
  RowListModel queueChoices_{{"queue", "label", "checked"}};
  RowListModel queues_{{"queue", "name", "prefix", "waiting", "oldestWait", "estimatedWait", "overTarget"}};
  RowListModel devices_{{"device", "kind", "window", "status", "online", "faults", "detail", "label", "statusText"}};
  RowListModel alarms_{AlarmList::roles()};
  RowListModel alarmFamilies_{{"key", "label", "count"}};
  QString alarmFilter_;
  qint64 followUpAlarm_ = 0;
  QString followUpText_;
  RowListModel byItem_{{"key", "name", "issued", "completed", "noShow", "waitMean", "waitP90", "serviceMean",
                        "serviceP90", "satisfaction"}};
  RowListModel byQueue_{{"key", "name", "issued", "completed", "noShow", "waitMean", "waitP90", "serviceMean",
                         "serviceP90", "satisfaction"}};
  RowListModel byWindow_{{"key", "name", "issued", "completed", "noShow", "waitMean", "waitP90", "serviceMean",
                          "serviceP90", "satisfaction"}};
  RowListModel byClerk_{{"key", "name", "issued", "completed", "noShow", "waitMean", "waitP90", "serviceMean",
                         "serviceP90", "satisfaction", "loggedIn", "paused"}};
  CaseLedger cases_;
  BookingList bookings_;
  QTimer ticker_;
  static constexpr int kFiguresEverySeconds = 30;
  /// The bookings are asked again on their news; this slow tick only catches what a lost
  /// news message would leave behind (and the day's missed ones).
  static constexpr int kBookingsEverySeconds = 60;
  int ticks_ = 0;
  std::pair<QString, QString> figuresAsked_;  ///< the period last asked for, "YYYY-MM-DD"
};

}  // namespace jiujin::console
