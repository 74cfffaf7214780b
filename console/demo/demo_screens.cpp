#include "demo_screens.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlIncubationController>
#include <QQuickWindow>
#include <QTranslator>

#include "console_view.hpp"
#include "demo_figures.hpp"
#include "jiujin/core/case_privacy.hpp"
#include "jiujin/core/hall.hpp"
#include "jiujin/core/names.hpp"
#include "jiujin/protocol/json_codec.hpp"

namespace jiujin::console {

namespace {

using nlohmann::json;

/// The screen as it settles: polish runs from posted events, and a list whose rows were laid
/// out again (a language switch rebuilds them) can ask for another pass after a grab has
/// polished once; the rows it let go are deleted later, and until then still sit in the item
/// tree a check walks. A list also makes the rows just past its end (its cache buffer) in the
/// background, between frames: until placed they sit hidden at its top, where the check would
/// find them over the first row. So: finish those, then grab until two pictures agree (a few
/// rounds at most), and the check sees the laid-out screen that is saved.
QImage settledPicture(QQuickWindow* window) {
  QQmlIncubationController* incubation = nullptr;
  if (QQmlEngine* engine = qmlEngine(window)) incubation = engine->incubationController();
  QImage picture;
  for (int round = 0; round < 8; ++round) {
    QCoreApplication::processEvents();
    for (int slice = 0; incubation && incubation->incubatingObjectCount() > 0 && slice < 100; ++slice)
      incubation->incubateFor(20);
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QImage next = window->grabWindow();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (next == picture) break;
    picture = std::move(next);
  }
  return picture;
}

/// A Tuesday mid-morning.
core::TimePoint demoMorning() { return hallTime(QDateTime(QDate(2024, 5, 7), QTime(10, 24))); }

/// The dispatcher's part, played by a core::Hall in this process.
class DemoDispatcher {
 public:
  explicit DemoDispatcher(const core::HallDefinition& definition) : hall_(definition) {
    registerEarlierCases(definition);
    const auto start = demoMorning() - core::Minutes(84);
    run(core::cmd::OpenDay{core::dateOf(start)}, start);
    // The dispatcher's tick notices the cases due soon and overdue (case_due_soon, case_overdue).
    hall_.tick(start);
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

  /// 统一出件: the resident back for the ready case, with a collection ticket the kiosk
  /// issued (the case scanned off the receipt), called next at `window`.
  void sendCollectorTo(core::WindowNumber window) {
    const auto now = demoMorning();
    const core::Case* ready = nullptr;
    for (const auto& [id, c] : hall_.state().cases)
      if (c.state == core::CaseState::Ready) ready = &c;
    if (!ready) return;
    std::optional<core::ItemCode> collection;
    for (const auto& w : hall_.definition().windows) {
      if (w.kind != core::WindowKind::Issuing || w.profile.entries.empty()) continue;
      for (const auto& i : hall_.definition().items)
        if (!collection && i.queue == w.profile.entries.front().queue) collection = i.code;
    }
    if (!collection) return;
    core::cmd::IssueTicket ticket{*collection};
    ticket.caseNumber = ready->number;
    if (!hall_.execute(ticket, now)) return;
    core::TicketId id = 0;
    for (const auto& [tid, t] : hall_.state().tickets)
      if (t.caseNumber == ready->number) id = tid;
    run(core::cmd::PinTicket{window, id}, now);
  }

  /// A case number in `state` (the first one), or "".
  std::string caseIn(core::CaseState state) const {
    for (const auto& [id, c] : hall_.state().cases)
      if (c.state == state) return c.number;
    return {};
  }

  void answer(client::Request request, const ReplyHandler& done) {
    client::Reply reply;
    const auto now = demoMorning();
    json& body = request.body;
    if (request.kind == client::RequestKind::Statistics) {
      reply.ok = true;
      reply.result = json{{"figures", demo::dayFigures(hall_, now, logins_)}};
      reply.result["figures"]["from"] = "2024-05-07";
      reply.result["figures"]["to"] = "2024-05-07";
      reply.result["figures"]["cases"] = onTimeFigures();
    } else if (request.kind == client::RequestKind::ConfirmClerk) {
      reply.ok = true;  // the demo takes any PIN
      reply.result = json::object();
    } else if (request.kind == client::RequestKind::Case) {
      if (const core::Case* c = hall_.findCase(body.value("number", std::string()))) {
        reply.ok = true;
        reply.result = json{{"case", protocol::toJson(*c)}};
      } else {
        reply.error = {"unknown_case", "没有该办件", "no such case"};
      }
    } else if (request.kind == client::RequestKind::Cases) {
      reply.ok = true;
      reply.result = caseList(body);
    } else if (request.kind == client::RequestKind::Bookings) {
      reply.ok = true;
      reply.result = bookingList();
    } else if (request.kind == client::RequestKind::BookingSlots) {
      reply.ok = true;
      reply.result = json{{"item", body.value("item", std::string())}, {"open", true}, {"days", json::array()}};
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
        // A case command answers with its case as it is now, whole (as to a clerk).
        if (const core::Case* c = caseOf(command.value())) reply.result["case"] = protocol::toJson(*c);
      }
    }
    done(reply);
  }

 private:
  /// Cases of the fortnight before the morning, in every state the register shows: one
  /// overdue, one due tomorrow, one in processing, one ready at the issuing window, one in
  /// 补正, one refused at the counter, one collected.
  void registerEarlierCases(const core::HallDefinition& definition) {
    const core::ServiceItem* promised = nullptr;
    const core::ServiceItem* shortPromise = nullptr;
    const core::ServiceItem* immediate = nullptr;
    for (const auto& i : definition.items) {
      if (i.kind == core::ItemKind::Promised && i.promisedWorkingDays >= 10 && !promised) promised = &i;
      if (i.kind == core::ItemKind::Promised && i.promisedWorkingDays <= 5 && !shortPromise) shortPromise = &i;
      if (i.kind == core::ItemKind::Immediate && !i.materials.empty() && !immediate) immediate = &i;
    }
    if (!promised || !shortPromise || !immediate || definition.windows.empty()) return;
    const core::WindowNumber at = definition.windows.front().number;
    core::WindowNumber issuing = at;
    for (const auto& w : definition.windows)
      if (w.kind == core::WindowKind::Issuing) issuing = w.number;
    const auto day = [](int d, int h = 9, int m = 30) { return hallTime(QDateTime(QDate(2024, 4, 1).addDays(d - 1), QTime(h, m))); };
    const auto accept = [&](const core::ServiceItem& item, const core::Applicant& who, core::TimePoint when,
                            int missing = -1) -> std::string {
      core::cmd::AcceptCase a{at, item.code, who};
      for (std::size_t n = 0; n < item.materials.size(); ++n)
        a.materials.push_back({item.materials[n], static_cast<int>(n) == missing ? core::MaterialStatus::Missing
                                                                                  : core::MaterialStatus::Received});
      run(a, when);
      return hall_.state().cases.empty() ? std::string() : hall_.state().cases.rbegin()->second.number;
    };
    const auto openDay = [&](int d) {
      run(core::cmd::OpenDay{core::dateOf(day(d))}, day(d, 8, 30));
      run(core::cmd::ClerkLogin{at, "c01"}, day(d, 8, 31));
      run(core::cmd::ClerkLogin{issuing, "c04"}, day(d, 8, 31));
    };
    const auto closeDay = [&](int d) {
      run(core::cmd::ClerkLogout{at}, day(d, 17, 50));
      run(core::cmd::ClerkLogout{issuing}, day(d, 17, 50));
      run(core::cmd::CloseDay{}, day(d, 18));
    };
    openDay(22);  // Monday 22 April
    accept(*shortPromise, {"孙秀兰", "370102195203041528", "13905311234"}, day(22, 9, 10));  // due 29 April: overdue
    const std::string processing = accept(*promised, {"周建国", "370102196505052117", "13605319876"}, day(22, 10, 5));
    const std::string refused = accept(*shortPromise, {"吴敏", "370102199811113345", "18653100123"}, day(22, 11));
    run(core::cmd::RejectCase{at, refused, "申请人户籍不在本辖区，请到户籍所在地申请"}, day(22, 11, 10));
    closeDay(22);
    openDay(24);
    const std::string toCollect = accept(*shortPromise, {"郑玉梅", "370102194807072246", "15153107788"}, day(24, 9, 40));
    run(core::cmd::StartCaseProcessing{at, processing}, day(24, 14));
    run(core::cmd::StartCaseProcessing{at, toCollect}, day(24, 14, 5));
    closeDay(24);
    openDay(29);
    const std::string done = accept(*immediate, {"冯立新", "370102198010104411", "13305312468"}, day(29, 10));
    run(core::cmd::FinishCaseOnSpot{at, done}, day(29, 10, 8));
    run(core::cmd::DecideCase{at, toCollect, core::CaseOutcome::Approved, ""}, day(29, 15));
    run(core::cmd::MarkCaseReady{issuing, toCollect}, day(29, 15, 30));
    closeDay(29);
    openDay(30);
    accept(*shortPromise, {"许志强", "370102195111112819", "13153105555"}, day(30, 9, 15));  // due 7 May
    closeDay(30);
    openDay(36);  // Monday 6 May (the sample calendar has no 2024 holidays)
    accept(*shortPromise, {"何淑芬", "370102195509093328", "13853107654"}, day(36, 10, 20), 2);  // 补正
    closeDay(36);
  }

  const core::Case* caseOf(const core::Command& command) const {
    if (std::holds_alternative<core::cmd::AcceptCase>(command))
      return hall_.state().cases.empty() ? nullptr : &hall_.state().cases.rbegin()->second;
    return std::visit(
        [this](const auto& c) -> const core::Case* {
          if constexpr (requires { c.caseNumber; }) {
            if constexpr (std::is_same_v<std::decay_t<decltype(c.caseNumber)>, std::string>) return hall_.findCase(c.caseNumber);
          }
          return nullptr;
        },
        command);
  }

  /// `booking_list` of the morning (the manager's 预约 tab): the first tickets of the day came
  /// with a booking (one checked in after its late limit: an ordinary ticket), the later slots
  /// still booked, one cancelled. Missed ones show only once the day is over: none yet.
  json bookingList() const {
    const auto& items = hall_.definition().items;
    json list = json::array();
    std::map<std::string, int> counts;
    const auto add = [&](const std::string& item, int hour, int minute, const char* state, const std::string& ticket,
                         bool late, const char* phone) {
      std::string name = item;
      for (const auto& i : items)
        if (i.code == item) name = i.name;
      const auto at = [](int h, int m) { return QStringLiteral("%1:%2").arg(h, 2, 10, QLatin1Char('0')).arg(m, 2, 10, QLatin1Char('0')).toStdString(); };
      const int end = hour * 60 + minute + 30;
      const char* codes[] = {"40371862", "17290345", "63518027", "85024619", "29736150", "51847302", "76402981",
                             "38165740"};
      list.push_back(json{{"code", codes[list.size() % 8]},
                          {"item", item}, {"item_name", name}, {"date", "2024-05-07"},
                          {"from", at(hour, minute)}, {"to", at(end / 60, end % 60)}, {"state", state},
                          {"ticket", ticket.empty() ? json(nullptr) : json(ticket)}, {"late", late}, {"phone", phone}});
      ++counts[state];
    };
    std::vector<const core::Ticket*> morning;
    for (const auto& [id, t] : hall_.state().tickets) morning.push_back(&t);
    const char* phones[] = {"138****5678", "139****0412", "186****2231", "137****9086", "150****3317",
                            "135****7420", "188****6153", "131****2864"};
    int n = 0;
    for (std::size_t i = 0; i < morning.size() && i < 3; ++i, ++n)
      add(morning[i]->item, 9, i < 2 ? 0 : 30, "checked_in", morning[i]->number, i == 2, phones[n]);
    if (!items.empty()) {
      add(items[n % items.size()].code, 10, 0, "cancelled", "", false, phones[n]), ++n;
      add(items[n % items.size()].code, 10, 30, "booked", "", false, phones[n]), ++n;
      add(items[n % items.size()].code, 10, 30, "booked", "", false, phones[n]), ++n;
      add(items[n % items.size()].code, 11, 0, "booked", "", false, phones[n]), ++n;
    }
    return json{{"date", "2024-05-07"}, {"bookings", std::move(list)}, {"counts", counts}};
  }

  /// `case_list` over the hall's cases (the demo's whole register), applicants masked.
  json caseList(const json& body) const {
    json cases = json::array();
    const auto state = core::parseCaseState(body.value("state", std::string()));
    const std::string item = body.value("item", std::string());
    const std::string clerk = body.value("clerk", std::string());
    const auto dueBefore = protocol::dateFromString(body.value("due_before", std::string()));
    for (const auto& [id, c] : hall_.state().cases) {
      if (body.contains("state") && (!state || c.state != *state)) continue;
      if (!item.empty() && c.item != item) continue;
      if (!clerk.empty() && c.clerk != clerk) continue;
      if (body.contains("due_before") && (!dueBefore || !c.dueDate || !(std::chrono::sys_days{*c.dueDate} < std::chrono::sys_days{dueBefore.value()}))) continue;
      core::Case shown = c;
      shown.applicant = core::masked(c.applicant);
      cases.push_back(protocol::toJson(shown));
    }
    const auto total = cases.size();
    return json{{"cases", std::move(cases)}, {"total", total}, {"next_after", nullptr}};
  }

  /// 限时办结 as the statistics' `cases` say it, counted from the demo's cases.
  json onTimeFigures() const {
    struct Count { int decided = 0, onTime = 0; };
    Count all;
    std::map<std::string, Count> byItem, byWindow, byClerk;
    for (const auto& [id, c] : hall_.state().cases) {
      if (!c.decidedAt) continue;
      const bool onTime = core::decidedOnTime(c);
      for (Count* k : {&all, &byItem[c.item], &byWindow[std::to_string(c.window)], &byClerk[c.clerk.value_or("")]}) {
        ++k->decided;
        k->onTime += onTime;
      }
    }
    const auto counts = [](const Count& k) {
      return json{{"decided", k.decided}, {"on_time", k.onTime},
                  {"on_time_rate", k.decided ? json(double(k.onTime) / k.decided) : json()}};
    };
    json figures = counts(all);
    for (const auto& [key, group] : {std::pair{"by_item", &byItem}, std::pair{"by_window", &byWindow}, std::pair{"by_clerk", &byClerk}}) {
      json g = json::object();
      for (const auto& [k, c] : *group) g[k] = counts(c);
      figures[key] = std::move(g);
    }
    return figures;
  }

  void run(const core::Command& command, core::TimePoint at) {
    if (hall_.execute(command, at)) noteLogin(command, at);
  }
  void noteLogin(const core::Command& command, core::TimePoint at) {
    if (const auto* login = std::get_if<core::cmd::ClerkLogin>(&command)) logins_[login->clerk] = at;
  }
  core::Hall hall_;
  demo::LoginTimes logins_;
};

/// The queue a ticket numbered with `prefix` waits in (the first queue if none has it).
std::string queueWithPrefix(const core::HallDefinition& definition, const std::string& prefix) {
  for (const auto& q : definition.queues)
    if (q.prefix == prefix) return q.id;
  return definition.queues.empty() ? std::string() : definition.queues.front().id;
}

/// The dispatcher's alarms of the demo morning, in every state the list shows, with the
/// fields the dispatcher gives them (dispatcher/service/src/alarms.cpp).
json demoAlarms(const core::HallDefinition& definition) {
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
      json{{"id", 4}, {"kind", "wait_over_target"}, {"at", at(20)}, {"ticket", 9}, {"queue", queueWithPrefix(definition, "B")},
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

/// A pad on a loose cable: offline again and again, an alarm each time (ids from `firstId`), as
/// the dispatcher raises them — one episode on the monitor.
json flappingDevice(std::int64_t firstId, int times) {
  json alarms = json::array();
  for (int i = 0; i < times; ++i) {
    const auto at = (demoMorning() - core::Minutes(60 - 2 * i)).time_since_epoch().count();
    alarms.push_back(json{{"id", firstId + i}, {"kind", "device_offline"}, {"at", at}, {"device", "w2-pad"},
                          {"window", 2}, {"zh", "设备 w2-pad 离线：requests=1076 timeouts=778"},
                          {"en", "device w2-pad is offline: requests=1076 timeouts=778"},
                          {"acknowledged", nullptr}, {"follow_up", nullptr}});
  }
  return alarms;
}

/// The alarms the dispatcher raises for the cases its tick noticed, worded as it words them
/// (dispatcher/service/src/alarms.cpp).
json caseAlarms(const core::Hall& hall, std::int64_t firstId) {
  json alarms = json::array();
  for (const auto& [id, c] : hall.state().cases) {
    if (!c.dueDate || (!c.dueSoonNoticed && !c.overdueNoticed)) continue;
    const std::string due = protocol::dateToString(*c.dueDate);
    const bool overdue = c.overdueNoticed;
    alarms.push_back(json{
        {"id", firstId++}, {"kind", overdue ? "case_overdue" : "case_due_soon"},
        {"at", (demoMorning() - core::Minutes(84)).time_since_epoch().count()}, {"window", c.window}, {"case", c.number},
        {"zh", overdue ? "办件 " + c.number + "（" + c.itemName + "）已超过承诺时限 " + due + "，尚未办结"
                       : "办件 " + c.number + "（" + c.itemName + "）将于 " + due + " 到期，还剩 0 个工作日"},
        {"en", overdue ? "case " + c.number + " (" + c.item + ") is overdue: promised by " + due + ", not decided"
                       : "case " + c.number + " (" + c.item + ") is due on " + due + ": 0 working day(s) left"},
        {"acknowledged", nullptr}, {"follow_up", nullptr}});
  }
  return alarms;
}

template <typename Shoot>
void shootCases(ClerkConsole& desk, DemoDispatcher& dispatcher, QQmlApplicationEngine& engine, QQuickWindow* window,
                const Shoot& shoot, ScreenshotRun& run) {
  CaseDesk* cases = desk.cases();
  cases->setPrintForm([](const devices::printer::FormPrint&, const QString& name, QString&) {
    return QStringLiteral("~/Documents/jiujin-forms/%1.pdf").arg(name);  // where pdfFormsInto writes them
  });
  QObject* page = window->findChild<QObject*>(QStringLiteral("clerkPage"));
  if (!page) {
    if (run.error.isEmpty()) run.error = QStringLiteral("the console has no clerk page");
    return;
  }
  const auto refresh = [&] { desk.setHall(&dispatcher.hall(), true); };
  std::unique_ptr<QTranslator> translator;
  const auto inEnglish = [&](const QString& file) {
    if (!useLanguage(engine, QStringLiteral("en"), translator)) return;
    desk.setLanguage(QStringLiteral("en"));
    refresh();
    shoot(window, file);
    useLanguage(engine, QStringLiteral("zh"), translator);
    desk.setLanguage(QStringLiteral("zh"));
    refresh();
  };

  // 办件受理 of the resident at the counter: one material missing, the ID number masked.
  desk.start();
  refresh();
  page->setProperty("currentTab", 1);
  cases->setApplicantName(QStringLiteral("张三"));
  cases->setIdNumber(QStringLiteral("370102199001011234"));
  cases->setPhone(QStringLiteral("13812345678"));
  const int materials = cases->materials()->rowCount();
  for (int r = 0; r < materials; ++r)
    cases->markMaterial(r, r == materials - 1 && materials > 1 ? QStringLiteral("missing") : QStringLiteral("received"));
  shoot(window, QStringLiteral("console-acceptance.png"));
  inEnglish(QStringLiteral("console-acceptance-en.png"));

  // The missing one brought after all: accepted, the 收件回执单 printed.
  if (materials > 1) cases->markMaterial(materials - 1, QStringLiteral("received"));
  cases->accept();
  refresh();
  shoot(window, QStringLiteral("console-receipt.png"));
  inEnglish(QStringLiteral("console-receipt-en.png"));

  // 代办登记 by a 代办员 for a resident who is not there.
  cases->setAgents({desk.clerk().toStdString()});
  refresh();
  cases->setAgentMode(true);
  const auto& items = dispatcher.hall().definition().items;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].name.find("高龄津贴") != std::string::npos) cases->setItemIndex(static_cast<int>(i));
  cases->setApplicantName(QStringLiteral("李桂英"));
  cases->setIdNumber(QStringLiteral("370102193806062825"));
  cases->setPhone(QStringLiteral("13562107788"));
  cases->setRequest(QStringLiteral("老人卧床，由村代办员带材料代为申领高龄津贴"));
  const int agentMaterials = cases->materials()->rowCount();
  for (int r = 0; r < agentMaterials; ++r)
    cases->markMaterial(r, r == agentMaterials - 1 ? QStringLiteral("not_applicable") : QStringLiteral("received"));
  shoot(window, QStringLiteral("console-agent.png"));
  inEnglish(QStringLiteral("console-agent-en.png"));
  cases->setAgentMode(false);
  cases->setAgents({});

  // 统一出件: the resident back for a ready result, with the kiosk's collection ticket.
  desk.complete();
  dispatcher.sendCollectorTo(desk.window());
  refresh();
  desk.callNext();
  refresh();
  page->setProperty("currentTab", 1);
  shoot(window, QStringLiteral("console-handover.png"));
  inEnglish(QStringLiteral("console-handover-en.png"));

  // 办件进度: a case in processing, found by its number.
  page->setProperty("currentTab", 2);
  cases->lookUp(QString::fromStdString(dispatcher.caseIn(core::CaseState::Processing)));
  refresh();
  shoot(window, QStringLiteral("console-progress.png"));
  inEnglish(QStringLiteral("console-progress-en.png"));

  // 补正 after acceptance: the case accepted this morning turns out to miss its last materials.
  cases->lookUp(QString::fromStdString(dispatcher.caseIn(core::CaseState::Accepted)));
  refresh();
  const int followed = cases->followUp()->rowCount();
  for (int r = followed > 1 ? 1 : 0; r < followed; ++r) cases->markFollowUp(r, true);
  shoot(window, QStringLiteral("console-correction.png"));
  inEnglish(QStringLiteral("console-correction-en.png"));

  // 补交: the resident back with one of them; the other still missing.
  cases->askCorrection(QString());
  refresh();
  cases->markFollowUp(followed > 1 ? 1 : 0, true);
  shoot(window, QStringLiteral("console-supply.png"));
  inEnglish(QStringLiteral("console-supply-en.png"));
  page->setProperty("currentTab", 0);
}

}  // namespace

ScreenshotRun renderScreens(const config::HallConfig& config, const QString& dir, const ScreenCheck& check) {
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
    const QImage picture = settledPicture(window);
    if (check) check(window, name);
    if (!picture.save(file)) {
      if (run.error.isEmpty()) run.error = QStringLiteral("cannot write %1").arg(file);
      return;
    }
    run.files << file;
  };

  std::map<std::string, std::string> clerkNames;
  for (const auto& c : config.clerks) clerkNames[c.id] = c.name;
  {
    ClerkConsole desk(1, send, demoMorning, clerkNames);
    desk.setTicking(false);  // the demo's clock stands still
    desk.setHall(&dispatcher.hall(), true);
    QQmlApplicationEngine engine;
    QString error;
    QQuickWindow* window = loadConsole(engine, &desk, nullptr, &error);
    if (!window) {
      run.error = error;
      return run;
    }
    std::unique_ptr<QTranslator> translator;
    // The console in `language` ("zh", "en"), its model's own words made again in it.
    const auto speak = [&](const QString& language) {
      if (!useLanguage(engine, language, translator)) return false;
      desk.setLanguage(language);
      desk.refreshFigures();
      desk.setHall(&dispatcher.hall(), true);
      return true;
    };
    shoot(window, QStringLiteral("console-login.png"));
    if (speak(QStringLiteral("en"))) shoot(window, QStringLiteral("console-login-en.png"));
    speak(QStringLiteral("zh"));
    desk.login(QStringLiteral("c01"), QStringLiteral("1234"));
    desk.callNext();
    desk.start();
    desk.setHall(&dispatcher.hall(), true);
    shoot(window, QStringLiteral("console-serving.png"));
    {
      // A second console started at the same window while the clerk stays logged in.
      ClerkConsole restarted(1, send, demoMorning, clerkNames);
      restarted.setTicking(false);
      restarted.setHall(&dispatcher.hall(), true);
      QQmlApplicationEngine confirmEngine;
      if (QQuickWindow* confirmWindow = loadConsole(confirmEngine, &restarted, nullptr, &error)) {
        shoot(confirmWindow, QStringLiteral("console-confirm.png"));
        std::unique_ptr<QTranslator> confirmTranslator;
        if (useLanguage(confirmEngine, QStringLiteral("en"), confirmTranslator)) {
          restarted.setLanguage(QStringLiteral("en"));
          restarted.setHall(&dispatcher.hall(), true);
          shoot(confirmWindow, QStringLiteral("console-confirm-en.png"));
        }
        useLanguage(confirmEngine, QStringLiteral("zh"), confirmTranslator);
      }
    }
    desk.complete();
    desk.setHall(&dispatcher.hall(), true);
    desk.recall();  // nothing called: the dispatcher refuses and says why
    desk.setHall(&dispatcher.hall(), true);
    shoot(window, QStringLiteral("console-refused.png"));
    desk.clearRefusal();
    if (speak(QStringLiteral("en"))) {
      desk.recall();  // refused again, the reason in English
      desk.setHall(&dispatcher.hall(), true);
      shoot(window, QStringLiteral("console-refused-en.png"));
      desk.clearRefusal();
    }
    speak(QStringLiteral("zh"));
    desk.callNext();
    desk.setHall(&dispatcher.hall(), true);
    if (speak(QStringLiteral("en"))) shoot(window, QStringLiteral("console-serving-en.png"));
    speak(QStringLiteral("zh"));
    // 过号: the resident called does not come; the next one is called, and the late one can
    // still be put back in the queue (过号重排).
    desk.markNoShow();
    desk.setHall(&dispatcher.hall(), true);
    desk.callNext();
    desk.setHall(&dispatcher.hall(), true);
    shoot(window, QStringLiteral("console-noshow.png"));
    if (speak(QStringLiteral("en"))) shoot(window, QStringLiteral("console-noshow-en.png"));
    speak(QStringLiteral("zh"));
    // 转移 (F6): the transfer dialog over the console, its 确定 / 取消 in the interface's language.
    if (QObject* transfer = window->findChild<QObject*>(QStringLiteral("transferDialog"))) {
      QMetaObject::invokeMethod(transfer, "open");
      shoot(window, QStringLiteral("console-transfer.png"));
      if (speak(QStringLiteral("en"))) shoot(window, QStringLiteral("console-transfer-en.png"));
      speak(QStringLiteral("zh"));
      QMetaObject::invokeMethod(transfer, "close");
    } else if (run.error.isEmpty()) {
      run.error = QStringLiteral("the console has no transfer dialog");
    }
    shootCases(desk, dispatcher, engine, window, shoot, run);
  }
  {
    HallMonitor monitor(send, clerkNames, demoMorning);
    monitor.setTicking(false);  // the demo's clock stands still
    monitor.setHall(&dispatcher.hall(), true);
    monitor.setDevices(json{{"w1-display", {{"kind", "window_display"}, {"window", 1}, {"status", "online"}, {"faults", 0}}},
                            {"w2-pad", {{"kind", "eval_pad"}, {"window", 2}, {"status", "offline"}, {"detail", "no reply"}, {"faults", 3}}},
                            {"kiosk-1/printer", {{"kind", "printer"}, {"status", "near_end"}, {"faults", 1}}}});
    monitor.addAlarms(demoAlarms(config.definition));
    monitor.addAlarms(caseAlarms(dispatcher.hall(), 20));
    monitor.addAlarms(flappingDevice(100, 24));
    monitor.loadToday();
    QQmlApplicationEngine engine;
    QString error;
    QQuickWindow* window = loadConsole(engine, nullptr, &monitor, &error);
    if (!window) {
      run.error = error;
      return run;
    }
    shoot(window, QStringLiteral("monitor-live.png"));
    {
      // The live view in both languages, at the desk's screen and at a wall screen's.
      std::unique_ptr<QTranslator> liveTranslator;
      for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh")}) {
        if (!useLanguage(engine, language, liveTranslator)) continue;
        monitor.setLanguage(language);
        monitor.setHall(&dispatcher.hall(), true);
        const QString suffix = language == QStringLiteral("en") ? QStringLiteral("-en") : QString();
        if (!suffix.isEmpty()) shoot(window, QStringLiteral("monitor-live%1.png").arg(suffix));
        window->resize(1920, 1080);
        shoot(window, QStringLiteral("monitor-live-1920%1.png").arg(suffix));
        window->resize(kConsoleScreen);
      }
    }
    std::unique_ptr<QTranslator> translator;
    // The 回访 of the open bad rating, with the manager's note typed in, in both languages.
    for (const QString& language : {QStringLiteral("zh"), QStringLiteral("en")}) {
      if (!useLanguage(engine, language, translator)) continue;
      monitor.setLanguage(language);
      monitor.setHall(&dispatcher.hall(), true);
      const bool english = language == QStringLiteral("en");
      monitor.beginFollowUp(3, english ? QStringLiteral("window 3 was rated dissatisfied (A002)")
                                       : QStringLiteral("3号窗口收到“不满意”评价（A002）"));
      auto* note = window->findChild<QObject*>(QStringLiteral("followUpNote"));
      if (!note) {
        if (run.error.isEmpty()) run.error = QStringLiteral("the monitor has no follow-up form");
        break;
      }
      note->setProperty("text", english ? QStringLiteral("Called back: the list of materials was unclear; explained and apologised")
                                        : QStringLiteral("已电话回访，居民反映材料清单不清楚，已当面说明并致歉"));
      shoot(window, QStringLiteral("monitor-follow-up%1.png").arg(english ? QStringLiteral("-en") : QString()));
      monitor.cancelFollowUp();
    }
    auto* page = window->findChild<QObject*>(QStringLiteral("monitorPage"));
    // 统计与考核, at the desk's screen and at a wall screen's.
    if (page) page->setProperty("currentTab", 1);
    for (const QString& language : {QStringLiteral("zh"), QStringLiteral("en")}) {
      if (!useLanguage(engine, language, translator)) continue;
      monitor.setLanguage(language);
      monitor.loadToday();
      const QString suffix = language == QStringLiteral("en") ? QStringLiteral("-en") : QString();
      shoot(window, QStringLiteral("monitor-figures%1.png").arg(suffix));
      window->resize(1920, 1080);
      shoot(window, QStringLiteral("monitor-figures-1920%1.png").arg(suffix));
      window->resize(kConsoleScreen);
    }
    // 办件台账: the register of the fortnight, at the desk's screen and at a wall screen's.
    if (page) page->setProperty("currentTab", 2);
    for (const QString& language : {QStringLiteral("zh"), QStringLiteral("en")}) {
      if (!useLanguage(engine, language, translator)) continue;
      monitor.setLanguage(language);
      monitor.loadToday();  // the ledger's words and the on-time table again, in this language
      monitor.cases()->reload();
      const QString suffix = language == QStringLiteral("en") ? QStringLiteral("-en") : QString();
      shoot(window, QStringLiteral("monitor-cases%1.png").arg(suffix));
      window->resize(1920, 1080);
      shoot(window, QStringLiteral("monitor-cases-1920%1.png").arg(suffix));
      window->resize(kConsoleScreen);
    }
    // 预约: the morning's bookings and check-ins.
    if (page) page->setProperty("currentTab", 3);
    for (const QString& language : {QStringLiteral("zh"), QStringLiteral("en")}) {
      if (!useLanguage(engine, language, translator)) continue;
      monitor.setLanguage(language);
      monitor.bookings()->reload();
      const QString suffix = language == QStringLiteral("en") ? QStringLiteral("-en") : QString();
      shoot(window, QStringLiteral("monitor-bookings%1.png").arg(suffix));
    }
    useLanguage(engine, QStringLiteral("zh"), translator);
  }
  return run;
}

ScreenshotRun renderMonitorWall(const config::HallConfig& config, const QString& dir, const ScreenCheck& check) {
  ScreenshotRun run;
  if (!QDir().mkpath(dir) || config.definition.windows.empty()) {
    run.error = QStringLiteral("cannot render the monitor of this hall into %1").arg(dir);
    return run;
  }
  DemoDispatcher dispatcher(config.definition);
  const Send send = [&dispatcher](client::Request request, ReplyHandler done) {
    dispatcher.answer(std::move(request), done);
  };
  std::map<std::string, std::string> clerkNames;
  for (const auto& c : config.clerks) clerkNames[c.id] = c.name;
  HallMonitor monitor(send, clerkNames, demoMorning);
  monitor.setTicking(false);  // the demo's clock stands still
  monitor.setHall(&dispatcher.hall(), true);
  monitor.addAlarms(demoAlarms(config.definition));
  monitor.addAlarms(flappingDevice(100, 24));
  QQmlApplicationEngine engine;
  QString error;
  QQuickWindow* window = loadConsole(engine, nullptr, &monitor, &error);
  if (!window) {
    run.error = error;
    return run;
  }
  std::unique_ptr<QTranslator> translator;
  for (const QString& language : {QStringLiteral("zh"), QStringLiteral("en")}) {
    if (!useLanguage(engine, language, translator)) continue;
    monitor.setLanguage(language);
    monitor.setHall(&dispatcher.hall(), true);
    const QString suffix = language == QStringLiteral("en") ? QStringLiteral("-en") : QString();
    for (const QSize size : {kConsoleScreen, QSize(1920, 1080)}) {
      window->resize(size);
      const QString name = QStringLiteral("monitor-district%1%2.png")
                               .arg(size.width() == 1920 ? QStringLiteral("-1920") : QString(), suffix);
      const QString file = QDir(dir).filePath(name);
      const QImage picture = settledPicture(window);
      if (check) check(window, name);
      if (!picture.save(file)) {
        run.error = QStringLiteral("cannot write %1").arg(file);
        return run;
      }
      run.files << file;
    }
  }
  window->resize(kConsoleScreen);
  useLanguage(engine, QStringLiteral("zh"), translator);
  return run;
}

}  // namespace jiujin::console
