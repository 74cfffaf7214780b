#include "demo_screens.hpp"

#include <QDir>
#include <algorithm>
#include <QEventLoop>
#include <QTimer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include "jiujin/core/booking.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/kiosk/hall_time.hpp"
#include "jiujin/kiosk/kiosk_model.hpp"
#include "jiujin/kiosk/pinyin_initials.hpp"
#include "jiujin/protocol/json_codec.hpp"
#include "kiosk_view.hpp"

namespace jiujin::kiosk {

namespace {

using nlohmann::json;
using devices::printer::PrintErrorCode;
using devices::printer::PrintOutcome;

/// A Tuesday mid-morning: the hall is open, residents are waiting.
QDateTime demoMorning() { return QDateTime(QDate(2024, 5, 7), QTime(10, 24)); }

/// The demonstration's booking codes: a slot that has begun (10:30, checked in on time at
/// 10:24), one that is still ahead (11:30: too early) and one long begun (09:30: late).
const std::string kOnTimeCode = "20240507";
const std::string kTooEarlyCode = "20240511";
const std::string kLateCode = "20240509";

std::string clockText(core::TimePoint t) {
  const auto minutes = std::chrono::floor<core::Minutes>(t - std::chrono::floor<std::chrono::days>(t)).count();
  return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0')).toStdString();
}

/// The dispatcher's part, played by a core::Hall in this process.
class DemoDispatcher {
 public:
  DemoDispatcher(const core::HallDefinition& definition, core::BookingRules rules)
      : hall_(definition), rules_(std::move(rules)) {
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
    } else if (request.kind == client::RequestKind::CheckIn) {
      reply = checkIn(body.value("code", std::string()));
    } else if (request.kind == client::RequestKind::Statistics) {
      // A month of history: the first items of each kind were asked for most.
      json byItem = json::object();
      int issued = 400;
      for (const auto& item : hall_.definition().items) {
        byItem[item.code] = json{{"issued", issued}};
        issued = issued * 3 / 4;
      }
      reply.ok = true;
      reply.result = json{{"figures", {{"by_item", byItem}}}};
    } else {
      reply.ok = true;
      reply.result = json::object();
    }
    done(reply);
  }

 private:
  /// check_in as the dispatcher answers it, the rules' own refusals included.
  client::Reply checkIn(const std::string& code) {
    client::Reply reply;
    const auto now = hallTime(demoMorning());
    const core::Date today = core::dateOf(now);
    const auto at = [&](int hour, int minute) { return core::TimePoint{std::chrono::sys_days{today}} + std::chrono::hours(hour) + core::Minutes(minute); };
    core::Booking booking;
    booking.code = code;
    booking.item = bookedItem().code;
    booking.queue = bookedItem().queue;
    booking.start = code == kOnTimeCode ? at(10, 30) : code == kTooEarlyCode ? at(11, 30) : at(9, 30);
    booking.end = booking.start + core::Minutes(30);
    if (code != kOnTimeCode && code != kTooEarlyCode && code != kLateCode) {
      reply.error = {"not_found", "没有预约码为 " + code + " 的预约，请核对。", "no booking has the code " + code};
      return reply;
    }
    if (const auto refusal = core::refuseCheckIn(rules_, booking, now)) {
      reply.error = {refusal->code, refusal->zh, refusal->en};
      return reply;
    }
    const bool late = core::checkInTiming(rules_, booking, now) == core::CheckInTiming::Late;
    core::cmd::IssueTicket issue{booking.item, core::Channel::Appointment, core::PriorityClass::Normal,
                                 late ? std::nullopt : std::optional(booking.start), "booking:" + code};
    auto events = hall_.execute(issue, now);
    const auto id = hall_.ticketByRequestKey(issue.requestKey);
    if (!events || !id) {
      reply.error = {"invalid_argument", "无法签到", "cannot check in"};
      return reply;
    }
    const auto estimate = hall_.estimateForTicket(*id, now).value_or(core::WaitEstimate{});
    reply.ok = true;
    reply.result = json{{"ticket", protocol::toJson(*hall_.findTicket(*id))},
                        {"people_ahead", estimate.peopleAhead},
                        {"wait_s", estimate.wait.count()},
                        {"late", late},
                        {"booking", {{"code", code}, {"item", booking.item}, {"item_name", bookedItem().name},
                                     {"from", clockText(booking.start)}, {"to", clockText(booking.end)},
                                     {"state", "checked_in"}, {"late", late}}}};
    return reply;
  }

  /// The item the demonstration's bookings are for: the first item of the first session.
  const core::ServiceItem& bookedItem() const {
    const auto& items = hall_.definition().items;
    if (!rules_.sessions.empty()) {
      const auto& session = rules_.sessions.front();
      for (const auto& item : items)
        if (session.items.empty() ? item.queue == session.queue
                                  : std::find(session.items.begin(), session.items.end(), item.code) != session.items.end())
          return item;
    }
    return items.front();
  }

  core::Hall hall_;
  core::BookingRules rules_;
};

}  // namespace

ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir, const ScreenshotOptions& options) {
  ScreenshotRun run;
  if (!QDir().mkpath(dir)) {
    run.error = QStringLiteral("cannot create %1").arg(dir);
    return run;
  }
  const auto& items = config.definition.items;
  if (items.empty()) {
    run.error = QStringLiteral("the hall has no items to show");
    return run;
  }
  DemoDispatcher dispatcher(config.definition, config.booking);
  bool paperOut = false;
  KioskModel::Options modelOptions;
  modelOptions.clock = demoMorning;
  modelOptions.kioskName = "kiosk-demo";
  KioskModel model(
      config,
      [&](client::Request request, TicketIssuer::ReplyHandler done) { dispatcher.answer(request, done); },
      [&](const devices::printer::TicketPrint&, TicketIssuer::PrintDone done) {
        PrintOutcome outcome;
        outcome.printed = !paperOut;
        if (paperOut) outcome.error = {PrintErrorCode::PaperOut, "paper out"};
        done(outcome);
      },
      modelOptions);
  model.setHall(&dispatcher.hall(), true);

  QQmlApplicationEngine engine;
  LanguageSwitcher language(engine);
  model.setLanguageSwitch([&language](const QString& lang) { return language.switchTo(lang); });
  QString error;
  QQuickWindow* window = loadKiosk(engine, model, options.sizes.empty() ? kKioskScreen : options.sizes.front(), &error);
  if (!window) {
    run.error = error;
    return run;
  }
  window->show();

  // Lets the scene polish its layouts and render a frame of the new state (bounded waits).
  const auto settle = [&] {
    for (int frames = 0; frames < 2; ++frames) {
      QEventLoop frame;
      QTimer bound;
      bound.setSingleShot(true);
      QObject::connect(&bound, &QTimer::timeout, &frame, &QEventLoop::quit);
      QObject::connect(window, &QQuickWindow::frameSwapped, &frame, &QEventLoop::quit);
      bound.start(3000);
      window->update();
      frame.exec();
    }
  };
  QString suffix;
  const auto shoot = [&](const QString& screen) {
    settle();
    const QString file = QDir(dir).filePath(QStringLiteral("kiosk-%1%2.png").arg(screen, suffix));
    if (!window->grabWindow().save(file)) {
      if (run.error.isEmpty()) run.error = QStringLiteral("cannot write %1").arg(file);
      return;
    }
    run.files << file;
    if (options.inspect) options.inspect(file, *window, model);
  };

  // The 绿色通道 item with the most materials shows 一次性告知 and the priority page best.
  const auto richest = std::max_element(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return std::pair(a.priorityAllowed, a.materials.size()) < std::pair(b.priorityAllowed, b.materials.size());
  });
  const QString code = QString::fromStdString(richest->code);
  const auto plain = std::find_if(items.begin(), items.end(), [](const auto& i) { return !i.priorityAllowed; });
  const QString first = QString::fromStdString(items.front().code);

  for (const QSize size : options.sizes) {
    window->resize(size);
    settle();
    for (const QString& lang : options.languages) {
      suffix = QString(size.width() > size.height() ? QStringLiteral("-landscape") : QString()) +
               (lang == QStringLiteral("zh") ? QString() : QStringLiteral("-") + lang);
      model.switchLanguage(lang);

      shoot(QStringLiteral("home"));
      // 高龄津贴 by its initials on the letter pad
      const QString initials = QString::fromStdString(pinyinInitials(richest->name)).left(2);
      for (const QChar letter : initials) model.items()->typeLetter(QString(letter));
      shoot(QStringLiteral("home-search"));
      model.goHome();

      model.openItem(code);
      shoot(QStringLiteral("item"));
      if (plain != items.end()) {
        model.goHome();
        model.openItem(QString::fromStdString(plain->code));
        shoot(QStringLiteral("item-plain"));
        model.goHome();
        model.openItem(code);
      }
      model.openPriority();
      shoot(QStringLiteral("priority"));
      model.choosePriority(KioskModel::Elderly);
      shoot(QStringLiteral("priority-confirm"));
      model.goHome();

      model.openItem(code);
      model.takeTicket();
      model.setHall(&dispatcher.hall(), true);
      shoot(QStringLiteral("ticket"));
      model.goHome();

      model.openItem(code);
      model.openPriority();
      model.choosePriority(KioskModel::Elderly);
      model.confirmPriority();
      model.setHall(&dispatcher.hall(), true);
      shoot(QStringLiteral("ticket-priority"));
      model.goHome();

      paperOut = true;
      model.openItem(first);
      model.takeTicket();
      shoot(QStringLiteral("printer-failed"));
      model.goHome();
      paperOut = false;

      dispatcher.reachable = false;
      model.openItem(first);
      model.takeTicket();
      shoot(QStringLiteral("unreachable"));
      model.goHome();
      dispatcher.reachable = true;

      if (model.canCollect()) {
        model.openCollection();
        shoot(QStringLiteral("collect"));
        model.goHome();
      }

      if (model.canCheckIn()) {
        // the code keyed on the pad, then checked in: on time, too early, late
        model.openCheckIn();
        for (const char digit : kOnTimeCode) model.checkIn()->typeDigit(QString(QChar::fromLatin1(digit)));
        shoot(QStringLiteral("checkin"));
        model.checkIn()->submit();
        model.setHall(&dispatcher.hall(), true);
        shoot(QStringLiteral("ticket-booking"));
        model.goHome();

        model.openCheckIn();
        model.checkIn()->scanned(QString::fromStdString(kTooEarlyCode) + QStringLiteral("\r"));
        shoot(QStringLiteral("checkin-refused"));
        model.goHome();

        model.openCheckIn();
        model.checkIn()->scanned(QString::fromStdString(kLateCode) + QStringLiteral("\r"));
        model.setHall(&dispatcher.hall(), true);
        shoot(QStringLiteral("ticket-booking-late"));
        model.goHome();
      }
      model.switchLanguage(QStringLiteral("zh"));
    }
  }
  return run;
}

}  // namespace jiujin::kiosk
