#include "demo_screens.hpp"

#include <QDir>
#include <QEventLoop>
#include <QTimer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include "jiujin/core/hall.hpp"
#include "jiujin/kiosk/hall_time.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "kiosk_view.hpp"

namespace jiujin::kiosk {

namespace {

using nlohmann::json;
using devices::printer::PrintErrorCode;
using devices::printer::PrintOutcome;

/// A Tuesday mid-morning: the hall is open, residents are waiting.
QDateTime demoMorning() { return QDateTime(QDate(2024, 5, 7), QTime(10, 24)); }

/// The dispatcher's part, played by a core::Hall in this process.
class DemoDispatcher {
 public:
  explicit DemoDispatcher(const core::HallDefinition& definition) : hall_(definition) {
    const auto now = hallTime(demoMorning());
    (void)hall_.execute(core::cmd::OpenDay{core::dateOf(now)}, now);
    for (const auto& window : definition.windows) (void)hall_.execute(core::cmd::OpenWindow{window.number}, now);
    // Some residents already waiting, more for the first items.
    int residents = 9;
    for (const auto& item : definition.items) {
      for (int i = 0; i < residents; ++i) (void)hall_.execute(core::cmd::IssueTicket{item.code}, now - core::Minutes(i));
      residents = std::max(0, residents - 2);
    }
  }

  const core::Hall& hall() const { return hall_; }
  bool reachable = true;

  void answer(const client::Request& request, const TicketIssuer::ReplyHandler& done) {
    const json& body = request.body;
    client::Reply reply;
    if (!reachable) {
      reply.error = {"timeout", "调度服务无响应", "the dispatcher did not answer"};
    } else if (request.kind == client::RequestKind::IssueTicket) {
      const auto now = hallTime(demoMorning());
      core::cmd::IssueTicket issue{body.value("item", std::string()), core::Channel::Kiosk,
                                   body.value("priority", std::string()) == "elderly" ? core::PriorityClass::Elderly
                                                                                      : core::PriorityClass::Normal,
                                   std::nullopt, body.value("requestKey", std::string())};
      const auto estimate = hall_.estimateForItem(issue.item, issue.priority, now);
      auto events = hall_.execute(issue, now);
      const auto id = hall_.ticketByRequestKey(issue.requestKey);
      if (events && id) {
        reply.ok = true;
        reply.result = json{{"ticket", protocol::toJson(*hall_.findTicket(*id))},
                            {"people_ahead", estimate.peopleAhead},
                            {"wait_s", estimate.wait.count()}};
      } else {
        reply.error = {"invalid_argument", "无法取号", "cannot issue"};
      }
    } else {
      reply.ok = true;
      reply.result = json::object();
    }
    done(reply);
  }

 private:
  core::Hall hall_;
};

}  // namespace

ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir) {
  ScreenshotRun run;
  if (!QDir().mkpath(dir)) {
    run.error = QStringLiteral("cannot create %1").arg(dir);
    return run;
  }
  DemoDispatcher dispatcher(config.definition);
  bool paperOut = false;
  KioskModel::Options options;
  options.clock = demoMorning;
  options.kioskName = "kiosk-demo";
  KioskModel model(
      config,
      [&](client::Request request, TicketIssuer::ReplyHandler done) { dispatcher.answer(request, done); },
      [&](const devices::printer::TicketPrint&, TicketIssuer::PrintDone done) {
        PrintOutcome outcome;
        outcome.printed = !paperOut;
        if (paperOut) outcome.error = {PrintErrorCode::PaperOut, "paper out"};
        done(outcome);
      },
      options);
  model.setHall(&dispatcher.hall(), true);

  QQmlApplicationEngine engine;
  LanguageSwitcher language(engine);
  model.setLanguageSwitch([&language](const QString& lang) { return language.switchTo(lang); });
  QString error;
  QQuickWindow* window = loadKiosk(engine, model, kKioskScreen, &error);
  if (!window) {
    run.error = error;
    return run;
  }
  const auto shoot = [&](const QString& name) {
    // Let the scene polish its layouts and render one frame of the new state (bounded).
    QEventLoop frame;
    QTimer bound;
    bound.setSingleShot(true);
    QObject::connect(&bound, &QTimer::timeout, &frame, &QEventLoop::quit);
    QObject::connect(window, &QQuickWindow::frameSwapped, &frame, &QEventLoop::quit);
    bound.start(3000);
    window->update();
    frame.exec();
    const QString file = QDir(dir).filePath(name);
    if (!window->grabWindow().save(file)) {
      if (run.error.isEmpty()) run.error = QStringLiteral("cannot write %1").arg(file);
      return;
    }
    run.files << file;
  };
  const auto& items = config.definition.items;
  if (items.empty()) {
    run.error = QStringLiteral("the hall has no items to show");
    return run;
  }
  // The 绿色通道 item with the most materials shows 一次性告知 and the priority page best.
  const auto richest = std::max_element(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return std::pair(a.priorityAllowed, a.materials.size()) < std::pair(b.priorityAllowed, b.materials.size());
  });
  const QString code = QString::fromStdString(richest->code);

  shoot(QStringLiteral("kiosk-home.png"));
  model.openItem(code);
  shoot(QStringLiteral("kiosk-item.png"));
  model.openPriority();
  model.choosePriority(KioskModel::Elderly);
  shoot(QStringLiteral("kiosk-priority.png"));
  model.goHome();

  model.openItem(code);
  model.takeTicket();
  model.setHall(&dispatcher.hall(), true);
  shoot(QStringLiteral("kiosk-ticket.png"));
  model.goHome();

  paperOut = true;
  model.openItem(QString::fromStdString(items.front().code));
  model.takeTicket();
  shoot(QStringLiteral("kiosk-printer-failed.png"));
  model.goHome();

  dispatcher.reachable = false;
  model.openItem(QString::fromStdString(items.front().code));
  model.takeTicket();
  shoot(QStringLiteral("kiosk-unreachable.png"));
  model.goHome();
  dispatcher.reachable = true;

  model.switchLanguage(QStringLiteral("en"));
  shoot(QStringLiteral("kiosk-home-en.png"));
  model.switchLanguage(QStringLiteral("zh"));
  return run;
}

}  // namespace jiujin::kiosk
