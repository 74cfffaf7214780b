#include "demo_screens.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include "console_view.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "jiujin/service/statistics.hpp"

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

  void answer(const std::string& type, json body, const ReplyHandler& done) {
    client::Reply reply;
    const auto now = demoMorning();
    if (type == "statistics") {
      std::vector<core::Ticket> tickets;
      for (const auto& [id, t] : hall_.state().tickets) tickets.push_back(t);
      reply.ok = true;
      reply.result = service::statistics(hall_, now);
      reply.result["figures"] = service::periodFigures(tickets, events_, hall_.definition(), now);
      reply.result["figures"]["from"] = "2024-05-07";
      reply.result["figures"]["to"] = "2024-05-07";
    } else {
      body.erase("pin");  // the demo takes any PIN
      body["type"] = type;
      auto command = protocol::commandFromJson(body);
      if (!command) {
        reply.error = {"invalid_argument", command.error().zh, command.error().en};
      } else if (auto events = hall_.execute(command.value(), now); !events) {
        reply.error = {core::toString(events.error().code), events.error().zh, events.error().en};
      } else {
        events_.insert(events_.end(), events.value().begin(), events.value().end());
        reply.ok = true;
        reply.result = json::object();
      }
    }
    done(reply);
  }

 private:
  void run(const core::Command& command, core::TimePoint at) {
    if (auto events = hall_.execute(command, at); events) events_.insert(events_.end(), events.value().begin(), events.value().end());
  }
  core::Hall hall_;
  std::vector<core::Event> events_;
};

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
  const Send send = [&dispatcher](std::string type, json body, ReplyHandler done) {
    dispatcher.answer(type, std::move(body), done);
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

  {
    ClerkConsole desk(1, send, demoMorning);
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
    desk.complete();
    desk.setHall(&dispatcher.hall(), true);
    desk.recall();  // nothing called: the dispatcher refuses and says why
    desk.setHall(&dispatcher.hall(), true);
    shoot(window, QStringLiteral("console-refused.png"));
    desk.clearRefusal();
    desk.callNext();
    desk.setHall(&dispatcher.hall(), true);
    std::unique_ptr<QTranslator> translator;
    if (useLanguage(engine, QStringLiteral("en"), translator)) shoot(window, QStringLiteral("console-serving-en.png"));
    useLanguage(engine, QStringLiteral("zh"), translator);
  }
  {
    std::map<std::string, std::string> names;
    for (const auto& c : config.clerks) names[c.id] = c.name;
    HallMonitor monitor(send, names, demoMorning);
    monitor.setHall(&dispatcher.hall(), true);
    monitor.setDevices(json{{"w1-display", {{"kind", "window_display"}, {"window", 1}, {"status", "online"}}},
                            {"w2-pad", {{"kind", "eval_pad"}, {"window", 2}, {"status", "offline"}, {"detail", "no reply"}}},
                            {"kiosk-1/printer", {{"kind", "printer"}, {"status", "near_end"}}}});
    monitor.addAlarm(json{{"kind", "bad_rating"}, {"at", demoMorning().time_since_epoch().count() - 3000000},
                          {"zh", "3号窗口收到“不满意”评价（A002）"}});
    monitor.addAlarm(json{{"kind", "device_offline"}, {"at", demoMorning().time_since_epoch().count() - 600000},
                          {"zh", "设备 w2-pad 离线：no reply"}});
    monitor.loadToday();
    QQmlApplicationEngine engine;
    QString error;
    QQuickWindow* window = loadConsole(engine, nullptr, &monitor, &error);
    if (!window) {
      run.error = error;
      return run;
    }
    shoot(window, QStringLiteral("monitor-live.png"));
    if (auto* page = window->findChild<QObject*>(QStringLiteral("monitorPage"))) page->setProperty("currentTab", 1);
    shoot(window, QStringLiteral("monitor-figures.png"));
  }
  return run;
}

}  // namespace jiujin::console
