#include "demo_screens.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include "console_view.hpp"
#include "demo_figures.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::console {

namespace {

using nlohmann::json;

/// A Tuesday mid-morning.
core::TimePoint demoMorning() { return hallTime(QDateTime(QDate(2024, 5, 7), QTime(10, 24))); }

/// The dispatcher's part, played by a core::Hall in this process.
class DemoDispatcher {
 public:
  explicit DemoDispatcher(const core::HallDefinition& definition) : hall_(definition) {
    const auto start = demoMorning() - core::Minutes(84);
    run(core::cmd::OpenDay{core::dateOf(start)}, start);
    int minute = 0;
    for (int round = 0; round < 4; ++round) {
      for (const auto& item : definition.items) run(core::cmd::IssueTicket{item.code}, start + core::Minutes(minute += 3));
    }
    // The other windows are at work; window 1 waits for its clerk.
    for (const auto& w : definition.windows) {
      if (w.number == 1) continue;
      run(core::cmd::ClerkLogin{w.number, "demo-" + std::to_string(w.number)}, start);
      run(core::cmd::OpenWindow{w.number}, start);
      run(core::cmd::CallNext{w.number}, start + core::Minutes(20));
      run(core::cmd::StartService{w.number}, start + core::Minutes(21));
      run(core::cmd::Complete{w.number}, start + core::Minutes(33));
      run(core::cmd::RequestEvaluation{w.number}, start + core::Minutes(33));
      run(core::cmd::Evaluate{w.number, w.number % 2 ? core::Rating::Dissatisfied : core::Rating::VerySatisfied},
          start + core::Minutes(33));
      run(core::cmd::CallNext{w.number}, start + core::Minutes(70));
      run(core::cmd::StartService{w.number}, start + core::Minutes(71));
    }
  }

  const core::Hall& hall() const { return hall_; }

  void answer(client::Request request, const ReplyHandler& done) {
    client::Reply reply;
    const auto now = demoMorning();
    json& body = request.body;
    if (request.kind == client::RequestKind::Statistics) {
      reply.ok = true;
      reply.result = json{{"figures", demo::dayFigures(hall_, now, logins_)}};
      reply.result["figures"]["from"] = "2024-05-07";
      reply.result["figures"]["to"] = "2024-05-07";
    } else {
      body.erase("pin");  // the demo takes any PIN
      body["type"] = request.type();
      auto command = protocol::commandFromJson(body);
      if (!command) {
        reply.error = {"invalid_argument", command.error().zh, command.error().en};
      } else if (auto events = hall_.execute(command.value(), now); !events) {
        reply.error = {core::toString(events.error().code), events.error().zh, events.error().en};
      } else {
        noteLogin(command.value(), now);
        reply.ok = true;
        reply.result = json::object();
      }
    }
    done(reply);
  }

 private:
  void run(const core::Command& command, core::TimePoint at) {
    if (hall_.execute(command, at)) noteLogin(command, at);
  }
  void noteLogin(const core::Command& command, core::TimePoint at) {
    if (const auto* login = std::get_if<core::cmd::ClerkLogin>(&command)) logins_[login->clerk] = at;
  }
  core::Hall hall_;
  demo::LoginTimes logins_;
};

/// The dispatcher's alarms of the demo morning, in every state the list shows.
json demoAlarms() {
  const auto at = [](int minutesAgo) { return (demoMorning() - core::Minutes(minutesAgo)).time_since_epoch().count(); };
  const json ackByMonitor{{"at", at(40)}, {"by", "monitor"}};
  return json::array({
      json{{"id", 1}, {"kind", "bad_rating"}, {"at", at(80)}, {"window", 3}, {"ticket", 2},
           {"zh", "3号窗口收到“非常不满意”评价（A001）"}, {"en", "window 3 was rated very dissatisfied (A001)"},
           {"acknowledged", json{{"at", at(75)}, {"by", "monitor"}}},
           {"follow_up", json{{"state", "closed"}, {"note", "已电话回访，居民表示理解"}, {"closed_at", at(60)}, {"closed_by", "monitor"}}}},
      json{{"id", 3}, {"kind", "bad_rating"}, {"at", at(50)}, {"window", 3}, {"ticket", 5},
           {"zh", "3号窗口收到“不满意”评价（A002）"}, {"en", "window 3 was rated dissatisfied (A002)"},
           {"acknowledged", ackByMonitor}, {"follow_up", json{{"state", "open"}, {"note", ""}}}},
      json{{"id", 4}, {"kind", "wait_over_target"}, {"at", at(20)}, {"ticket", 9},
           {"zh", "B003 号已等候 31 分钟，超过目标 30 分钟"}, {"en", "B003 has waited 31 min, over the 30 min target"},
           {"acknowledged", nullptr}, {"follow_up", nullptr}},
      json{{"id", 5}, {"kind", "device_offline"}, {"at", at(10)}, {"device", "w2-pad"}, {"window", 2},
           {"zh", "设备 w2-pad 离线：no reply"}, {"en", "device w2-pad offline: no reply"},
           {"acknowledged", nullptr}, {"follow_up", nullptr}},
      json{{"id", 6}, {"kind", "window_idle"}, {"at", at(2)}, {"window", 4},
           {"zh", "4号窗口空闲 5 分钟，其队列有人等候"}, {"en", "window 4 idle for 5 min while its queues wait"},
           {"acknowledged", nullptr}, {"follow_up", nullptr}},
  });
}

}  // namespace

ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir) {
  ScreenshotRun run;
  if (!QDir().mkpath(dir)) {
    run.error = QStringLiteral("cannot create %1").arg(dir);
    return run;
  }
  if (config.definition.windows.empty()) {
    run.error = QStringLiteral("the hall has no windows to show");
    return run;
  }
  DemoDispatcher dispatcher(config.definition);
  const Send send = [&dispatcher](client::Request request, ReplyHandler done) {
    dispatcher.answer(std::move(request), done);
  };
  const auto shoot = [&](QQuickWindow* window, const QString& name) {
    const QString file = QDir(dir).filePath(name);
    // Let layouts settle to the window's size (polish runs from posted events).
    QCoreApplication::processEvents();
    if (!window->grabWindow().save(file)) {
      if (run.error.isEmpty()) run.error = QStringLiteral("cannot write %1").arg(file);
      return;
    }
    run.files << file;
  };

  std::map<std::string, std::string> clerkNames;
  for (const auto& c : config.clerks) clerkNames[c.id] = c.name;
  {
    ClerkConsole desk(1, send, demoMorning, clerkNames);
    desk.setHall(&dispatcher.hall(), true);
    QQmlApplicationEngine engine;
    QString error;
    QQuickWindow* window = loadConsole(engine, &desk, nullptr, &error);
    if (!window) {
      run.error = error;
      return run;
    }
    shoot(window, QStringLiteral("console-login.png"));
    desk.login(QStringLiteral("c01"), QStringLiteral("1234"));
    desk.callNext();
    desk.start();
    desk.setHall(&dispatcher.hall(), true);
    if (desk.materials()->rowCount() > 0) desk.materials()->setData(desk.materials()->index(0), true, Qt::UserRole + 1);
    shoot(window, QStringLiteral("console-serving.png"));
    {
      // A second console started at the same window while the clerk stays logged in.
      ClerkConsole restarted(1, send, demoMorning, clerkNames);
      restarted.setHall(&dispatcher.hall(), true);
      QQmlApplicationEngine confirmEngine;
      if (QQuickWindow* confirmWindow = loadConsole(confirmEngine, &restarted, nullptr, &error))
        shoot(confirmWindow, QStringLiteral("console-confirm.png"));
    }
    desk.complete();
    desk.setHall(&dispatcher.hall(), true);
    desk.recall();  // nothing called: the dispatcher refuses and says why
    desk.setHall(&dispatcher.hall(), true);
    shoot(window, QStringLiteral("console-refused.png"));
    desk.clearRefusal();
    desk.callNext();
    desk.setHall(&dispatcher.hall(), true);
    std::unique_ptr<QTranslator> translator;
    if (useLanguage(engine, QStringLiteral("en"), translator)) {
      // The model's own words were made in Chinese: let it make them again.
      desk.refreshFigures();
      desk.setHall(&dispatcher.hall(), true);
      shoot(window, QStringLiteral("console-serving-en.png"));
    }
    useLanguage(engine, QStringLiteral("zh"), translator);
  }
  {
    HallMonitor monitor(send, clerkNames, demoMorning);
    monitor.setHall(&dispatcher.hall(), true);
    monitor.setDevices(json{{"w1-display", {{"kind", "window_display"}, {"window", 1}, {"status", "online"}, {"faults", 0}}},
                            {"w2-pad", {{"kind", "eval_pad"}, {"window", 2}, {"status", "offline"}, {"detail", "no reply"}, {"faults", 3}}},
                            {"kiosk-1/printer", {{"kind", "printer"}, {"status", "near_end"}, {"faults", 1}}}});
    monitor.addAlarms(demoAlarms());
    monitor.loadToday();
    QQmlApplicationEngine engine;
    QString error;
    QQuickWindow* window = loadConsole(engine, nullptr, &monitor, &error);
    if (!window) {
      run.error = error;
      return run;
    }
    shoot(window, QStringLiteral("monitor-live.png"));
    // The 回访 of the open bad rating, with the manager's note typed in.
    if (auto* dialog = window->findChild<QObject*>(QStringLiteral("followUpDialog"))) {
      QMetaObject::invokeMethod(dialog, "ask", Q_ARG(QVariant, QVariant::fromValue<qint64>(3)),
                                Q_ARG(QVariant, QStringLiteral("3号窗口收到“不满意”评价（A002）")));
      if (auto* note = window->findChild<QObject*>(QStringLiteral("followUpNote")))
        note->setProperty("text", QStringLiteral("已电话回访，居民反映材料清单不清楚，已当面说明并致歉"));
      shoot(window, QStringLiteral("monitor-follow-up.png"));
      QMetaObject::invokeMethod(dialog, "close");
    } else if (run.error.isEmpty()) {
      run.error = QStringLiteral("the monitor has no follow-up dialog");
    }
    if (auto* page = window->findChild<QObject*>(QStringLiteral("monitorPage"))) page->setProperty("currentTab", 1);
    shoot(window, QStringLiteral("monitor-figures.png"));
  }
  return run;
}

}  // namespace jiujin::console
